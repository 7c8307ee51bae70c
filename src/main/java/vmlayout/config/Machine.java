package vmlayout.config;

import java.util.ArrayList;
import java.util.List;
import vmlayout.bootargs.Param;

/**
 * Everything known about the board and the kernel before boot: the input of an engine.
 *
 * @param arch           the architecture
 * @param kernel         the kernel release whose rules apply
 * @param ram            RAM banks as firmware describes them (empty: the engine uses its default)
 * @param e820           x86 only: the BIOS e820 map (empty: built from {@code ram})
 * @param params         the kernel command line, in the order the kernel sees it
 * @param defines        -D settings
 * @param defaultsUsed   human-readable notes of the defaults chosen so far (e.g. the kernel release)
 */
public record Machine(Arch arch, KernelVersion kernel, List<RamBank> ram, List<E820Entry> e820,
                      List<Param> params, Defines defines, List<String> defaultsUsed) {

    /** The release vmlayout assumes when --kernel is not given: the newest LTS that every engine prints a table for. */
    public static final KernelVersion DEFAULT_KERNEL = KernelVersion.of(4, 19);

    public Machine {
        ram = List.copyOf(ram);
        e820 = List.copyOf(e820);
        params = List.copyOf(params);
        defaultsUsed = List.copyOf(defaultsUsed);
    }

    /** A copy with other parameters (for engines re-run by explain/suggest). */
    public Machine withParams(List<Param> newParams) {
        return new Machine(arch, kernel, ram, e820, newParams, defines, defaultsUsed);
    }

    /** A builder that collects inputs from options, files and profiles, in any order. */
    public static final class Builder {
        private Arch arch;
        private KernelVersion kernel;
        private final List<RamBank> ram = new ArrayList<>();
        private final List<E820Entry> e820 = new ArrayList<>();
        private final List<Param> params = new ArrayList<>();
        private final Defines defines = new Defines();
        private final List<String> notes = new ArrayList<>();

        public Builder arch(Arch a) {
            this.arch = a;
            return this;
        }

        public Builder kernel(KernelVersion k) {
            this.kernel = k;
            return this;
        }

        public Builder ram(RamBank b) {
            ram.add(b);
            return this;
        }

        public Builder e820(E820Entry e) {
            e820.add(e);
            return this;
        }

        public Builder param(Param p) {
            params.add(p);
            return this;
        }

        public Builder params(List<Param> ps) {
            params.addAll(ps);
            return this;
        }

        public Defines defines() {
            return defines;
        }

        /** An input that is worth showing under "defaults used" (e.g. the profile a run started from). */
        public Builder note(String n) {
            notes.add(n);
            return this;
        }

        public Machine build() {
            List<String> defaults = new ArrayList<>(notes);
            Arch a = arch;
            if (a == null) {
                a = Arch.ARM;
                defaults.add("--arch arm");
            }
            KernelVersion k = kernel;
            if (k == null) {
                k = DEFAULT_KERNEL;
                defaults.add("--kernel " + DEFAULT_KERNEL);
            }
            return new Machine(a, k, ram, e820, params, defines, defaults);
        }
    }
}
