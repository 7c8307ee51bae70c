package vmlayout.config;

import java.util.ArrayList;
import java.util.List;
import vmlayout.bootargs.Param;
import vmlayout.report.Message;

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
 * @param reserved       RAM the firmware keeps from the kernel (device tree /reserved-memory, /memreserve/)
 * @param builtin        the kernel's built-in command line (CONFIG_CMDLINE) and its mode, or null; already
 *                       combined into {@code params} (kept to be shown)
 * @param inputMessages  what reading the inputs found: vmlayout notes and warnings (conflicts between
 *                       sources, what a file held) and kernel messages printed before memory setup
 *                       ("Ignoring tag cmdline ..."); shown before the engine's messages
 * @param reservedMemory whether a device tree was given and what its /reserved-memory node is
 */
public record Machine(Arch arch, KernelVersion kernel, List<RamBank> ram, List<E820Entry> e820,
                      List<Param> params, Defines defines, List<String> defaultsUsed,
                      List<ReservedRegion> reserved, BuiltinCmdline builtin, List<Message> inputMessages,
                      ReservedRegion.Node reservedMemory) {

    /**
     * The release vmlayout assumes when --kernel is not given: 6.12, the LTS that 32-bit boards run today
     * (Debian 13, bookworm-backports, CIP) and the newest release whose rules are checked against real boots
     * (Debian 6.12.118 armmp/armmp-lpae). It prints no layout table: vmlayout's computed one is marked as
     * vmlayout's. The README says why ("Which release, by default").
     */
    public static final KernelVersion DEFAULT_KERNEL = KernelVersion.of(6, 12);

    public Machine {
        ram = List.copyOf(ram);
        e820 = List.copyOf(e820);
        params = List.copyOf(params);
        defaultsUsed = List.copyOf(defaultsUsed);
        reserved = List.copyOf(reserved);
        inputMessages = List.copyOf(inputMessages);
    }

    /** A machine described by options only: no reserved regions, no built-in command line, no input notes. */
    public Machine(Arch arch, KernelVersion kernel, List<RamBank> ram, List<E820Entry> e820,
                   List<Param> params, Defines defines, List<String> defaultsUsed) {
        this(arch, kernel, ram, e820, params, defines, defaultsUsed, List.of(), null, List.of(), ReservedRegion.Node.NO_DEVICE_TREE);
    }

    /** A builder that collects inputs from options, files and profiles, in any order. */
    public static final class Builder {
        private Arch arch;
        private KernelVersion kernel;
        private final List<RamBank> ram = new ArrayList<>();
        private final List<E820Entry> e820 = new ArrayList<>();
        private final List<Param> params = new ArrayList<>();
        private final Defines defines = new Defines();
        private final List<ReservedRegion> reserved = new ArrayList<>();
        private final List<Message> inputMessages = new ArrayList<>();
        private final List<String> defaults = new ArrayList<>();
        private BuiltinCmdline builtin;
        private ReservedRegion.Node reservedMemory = ReservedRegion.Node.NO_DEVICE_TREE;

        public Builder arch(Arch a) {
            this.arch = a;
            return this;
        }

        public Builder kernel(KernelVersion k) {
            this.kernel = k;
            return this;
        }

        public Builder ram(RamBank b) {
            if (ram.size() == RamBank.MAX_BANKS) {
                throw new InputException("more than " + RamBank.MAX_BANKS + " RAM banks (--ram, a profile's ram, a device"
                        + " tree's memory nodes): " + RamBank.MAX_REASON);
            }
            ram.add(b);
            return this;
        }

        public Builder e820(E820Entry e) {
            if (e820.size() == E820Entry.MAX_ENTRIES) {
                throw new InputException("--e820: more than " + E820Entry.MAX_ENTRIES + " entries: " + E820Entry.MAX_REASON);
            }
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
            defaults.add(n);
            return this;
        }

        public Builder reserved(ReservedRegion r) {
            if (reserved.size() == ReservedRegion.MAX_REGIONS) {
                throw new InputException("more than " + ReservedRegion.MAX_REGIONS + " reserved regions (" + r.source()
                        + "): " + ReservedRegion.MAX_REASON);
            }
            reserved.add(r);
            return this;
        }

        /** Puts {@code r} in place of the initrd read so far; returns that one, or null. */
        public ReservedRegion replaceInitrd(ReservedRegion r) {
            ReservedRegion old = null;
            for (int i = 0; i < reserved.size(); i++) {
                if (reserved.get(i).origin() == ReservedRegion.Origin.INITRD) {
                    old = reserved.remove(i);
                    break;
                }
            }
            reserved(r);
            return old;
        }

        /** A device tree was read: what its /reserved-memory node is. */
        public Builder reservedMemory(ReservedRegion.Node n) {
            this.reservedMemory = n;
            return this;
        }

        public Builder builtin(BuiltinCmdline b) {
            this.builtin = b;
            return this;
        }

        /** A note, warning or early kernel message from reading the inputs. */
        public Builder message(Message m) {
            inputMessages.add(m);
            return this;
        }

        /** The architecture set so far, or null. */
        public Arch arch() {
            return arch;
        }

        /** The release set so far, or null. */
        public KernelVersion kernel() {
            return kernel;
        }

        /** The RAM banks set so far. */
        public List<RamBank> ram() {
            return ram;
        }

        /** Replaces the command line collected so far. */
        public Builder replaceParams(List<Param> ps) {
            params.clear();
            params.addAll(ps);
            return this;
        }

        public List<Param> params() {
            return params;
        }

        public Machine build() {
            List<String> defaults = new ArrayList<>(this.defaults);
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
            return new Machine(a, k, ram, e820, params, defines, defaults, reserved, builtin, inputMessages, reservedMemory);
        }
    }
}
