package vmlayout.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import vmlayout.bootargs.KernelCmdline;
import vmlayout.bootargs.Param;
import vmlayout.config.Arch;
import vmlayout.config.E820Entry;
import vmlayout.config.InputException;
import vmlayout.config.KernelVersion;
import vmlayout.config.Machine;
import vmlayout.config.Profile;
import vmlayout.config.RamBank;
import vmlayout.config.Sizes;

/** The options that describe the board, the kernel and its command line. */
public class MachineOptions {

    @Option(names = "--profile", paramLabel = "NAME|FILE",
            description = "A board profile: a built-in name (vmlayout profiles) or a JSON file. Options given "
                    + "here override it.")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--cmdline-file", paramLabel = "FILE",
            description = "The board's bootargs from a file ('-' for standard input; /proc/cmdline works). They "
                    + "replace a profile's bootargs; --cmdline and parameters given here come after them.")
    List<String> cmdlineFiles = new ArrayList<>();

    @Option(names = "--arch", paramLabel = "ARCH", description = "Architecture: arm, x86 or ppc (default: arm).")
    String arch;

    @Option(names = "--kernel", paramLabel = "VERSION",
            description = "Kernel release whose rules and texts apply, e.g. 2.6.37, 3.18, 4.4, 6.1 (default: "
                    + "4.19).")
    String kernel;

    @Option(names = "--ram", paramLabel = "START:SIZE",
            description = "A RAM bank as firmware or the device tree describes it; repeatable. SIZE alone places "
                    + "it at PHYS_OFFSET. Default: 512M at PHYS_OFFSET.")
    List<String> ram = new ArrayList<>();

    @Option(names = "--e820", paramLabel = "START:SIZE:TYPE",
            description = "x86: a BIOS e820 entry (usable, reserved, acpi, nvs, unusable, persistent); repeatable.")
    List<String> e820 = new ArrayList<>();

    @Option(names = "--cmdline", paramLabel = "BOOTARGS",
            description = "A whole kernel command line; parameters that do not touch memory (console=, root=) are "
                    + "accepted and ignored.")
    List<String> cmdline = new ArrayList<>();

    @Option(names = "--mem", paramLabel = "SIZE[@START]", description = "mem= as an option; repeatable.")
    List<String> mem = new ArrayList<>();

    @Option(names = "--memmap", paramLabel = "SPEC", description = "memmap= as an option (x86); repeatable.")
    List<String> memmap = new ArrayList<>();

    @Option(names = "--vmalloc", paramLabel = "SIZE", description = "vmalloc= as an option.")
    String vmalloc;

    @Option(names = "--highmem", paramLabel = "SIZE", description = "highmem= as an option (x86).")
    String highmem;

    @Option(names = {"-D", "--define"}, paramLabel = "NAME=VALUE",
            description = "A Kconfig symbol (CONFIG_ prefix optional: HIGHMEM=y, VMSPLIT_2G=y, ARM_LPAE=y) or a "
                    + "kernel constant the engine would derive (VMALLOC_END=0xe0000000, PHYS_OFFSET=, "
                    + "CONSISTENT_DMA_SIZE=32M, _text= ...); repeatable. An unknown name lists the known ones.")
    List<String> defines = new ArrayList<>();

    @Option(names = "--page-offset", paramLabel = "ADDR", description = "Shorthand for -D PAGE_OFFSET=ADDR.")
    String pageOffset;

    @Option(names = "--vmalloc-end", paramLabel = "ADDR", description = "Shorthand for -D VMALLOC_END=ADDR.")
    String vmallocEnd;

    @Option(names = "--lowmem-size", paramLabel = "SIZE", description = "Shorthand for -D LOWMEM_SIZE=SIZE (ppc).")
    String lowmemSize;

    /** Kernel parameters given as bare arguments; the commands that take them declare the @Parameters. */
    List<String> params = new ArrayList<>();

    /**
     * Builds the machine description. The kernel command line is --cmdline, then bare PARAM=VALUE
     * arguments, then --mem, --memmap, --vmalloc and --highmem, in that order (so an option given
     * last wins where the kernel keeps the last value, as with vmalloc=).
     */
    public Machine toMachine() {
        if (profiles.size() > 1) {
            throw new InputException("--profile: give one profile here (vmlayout check takes several)");
        }
        if (cmdlineFiles.size() > 1) {
            throw new InputException("--cmdline-file: give one file here (vmlayout check takes several)");
        }
        List<Param> extra = cmdlineFiles.isEmpty() ? List.of() : CmdlineFiles.read(cmdlineFiles.get(0));
        return toMachine(profiles.isEmpty() ? null : Profile.load(profiles.get(0)), extra,
                cmdlineFiles.isEmpty() ? null : cmdlineFiles.get(0));
    }

    /**
     * Builds the machine from a profile (may be null), then these options over it: --arch, --kernel,
     * --ram and --e820 replace the profile's; -D settings are added after the profile's (so they win).
     * The board's bootargs are those of a bootargs file if one is given, else the profile's (unless
     * --cmdline replaces them); --cmdline, bare and option parameters come after them, and each drops
     * every board parameter of the same name.
     *
     * @param extra      parameters read from a bootargs file, placed after the profile's
     * @param extraLabel where {@code extra} came from, for notes (null when none)
     */
    public Machine toMachine(Profile prof, List<Param> extra, String extraLabel) {
        Machine.Builder b = new Machine.Builder();
        String a = arch != null ? arch : prof != null ? prof.arch : null;
        if (a != null) {
            b.arch(Arch.parse(a));
        }
        String k = kernel != null ? kernel : prof != null ? prof.kernel : null;
        if (k != null) {
            b.kernel(KernelVersion.parse(k));
        }
        for (String r : !ram.isEmpty() || prof == null ? ram : prof.ram) {
            b.ram(RamBank.parse(r));
        }
        for (String e : !e820.isEmpty() || prof == null ? e820 : prof.e820) {
            b.e820(E820Entry.parse(e));
        }
        List<Param> mine = new ArrayList<>();
        for (String line : cmdline) {
            mine.addAll(KernelCmdline.parse(line, "--cmdline").params());
        }
        for (String p : params) {
            if (p.indexOf('=') <= 0) {
                throw new InputException("unknown argument '" + p + "': expected PARAM=VALUE (a kernel parameter such as "
                        + "mem=512M), an option, or a command; use --cmdline \"...\" for parameters without a value");
            }
            mine.addAll(KernelCmdline.parse(p, "argument").params());
        }
        for (String m : mem) {
            checkMem(m);
            mine.add(new Param("mem", m, "--mem"));
        }
        for (String m : memmap) {
            checkMemmap(m);
            mine.add(new Param("memmap", m, "--memmap"));
        }
        if (vmalloc != null) {
            Sizes.parse(stripBytes(vmalloc), "--vmalloc");
            mine.add(new Param("vmalloc", vmalloc, "--vmalloc"));
        }
        if (highmem != null) {
            Sizes.parse(stripBytes(highmem), "--highmem");
            mine.add(new Param("highmem", highmem, "--highmem"));
        }
        // the board's bootargs: a bootargs file if given, else the profile's (unless --cmdline replaces them)
        List<Param> base = new ArrayList<>();
        if (!extra.isEmpty() || extraLabel != null) {
            base.addAll(extra);
        } else if (prof != null && prof.bootargs != null && cmdline.isEmpty()) {
            base.addAll(KernelCmdline.parse(prof.bootargs, "profile " + prof.name).params());
        }
        for (Param p : mine) {
            for (java.util.Iterator<Param> it = base.iterator(); it.hasNext(); ) {
                if (it.next().is(p.name())) {
                    it.remove();
                }
            }
        }
        b.params(base);
        b.params(mine);
        if (prof != null) {
            for (java.util.Map.Entry<String, String> e : prof.defines.entrySet()) {
                b.defines().put(e.getKey(), e.getValue(), "profile " + prof.name + " " + e.getKey());
            }
        }
        for (String d : defines) {
            b.defines().add(d);
        }
        if (pageOffset != null) {
            Sizes.parse32(pageOffset, "--page-offset");
            b.defines().put("PAGE_OFFSET", pageOffset, "--page-offset");
        }
        if (vmallocEnd != null) {
            Sizes.parse32(vmallocEnd, "--vmalloc-end");
            b.defines().put("VMALLOC_END", vmallocEnd, "--vmalloc-end");
        }
        if (lowmemSize != null) {
            Sizes.parse32(lowmemSize, "--lowmem-size");
            b.defines().put("LOWMEM_SIZE", lowmemSize, "--lowmem-size");
        }
        if (prof != null) {
            b.note("profile " + prof.name + " (" + prof.origin + ")");
        }
        return b.build();
    }

    /**
     * "256MB" and "256MiB" are how people write sizes; the kernel reads them as 256M and ignores the
     * rest, so as option values they are accepted and reach the engine, which says what was read.
     */
    static String stripBytes(String v) {
        String lower = v.toLowerCase(java.util.Locale.ROOT);
        int cut = lower.endsWith("ib") ? 2 : lower.endsWith("b") ? 1 : 0;
        if (cut > 0 && lower.length() > cut && "kmgtpe".indexOf(lower.charAt(lower.length() - cut - 1)) >= 0) {
            return v.substring(0, v.length() - cut);
        }
        return v;
    }

    private static void checkMem(String m) {
        if (m.equals("nopentium")) {
            return; // x86: mem=nopentium turns off 4 MB pages
        }
        int at = m.indexOf('@');
        if (at < 0) {
            Sizes.parse(stripBytes(m), "--mem");
        } else {
            Sizes.parse(stripBytes(m.substring(0, at)), "--mem " + m + " (SIZE)");
            Sizes.parse(m.substring(at + 1), "--mem " + m + " (START)");
        }
    }

    /** memmap= items: exactmap, or SIZE with an optional @ # $ ! START, comma-separated. */
    private static void checkMemmap(String spec) {
        for (String item : spec.split(",", -1)) {
            if (item.equals("exactmap")) {
                continue;
            }
            int sep = -1;
            for (int i = 0; i < item.length(); i++) {
                if ("@#$!%".indexOf(item.charAt(i)) >= 0) {
                    sep = i;
                    break;
                }
            }
            if (sep < 0) {
                Sizes.parse(item, "--memmap " + spec);
            } else {
                Sizes.parse(item.substring(0, sep), "--memmap " + spec + " (SIZE)");
                String start = item.substring(sep + 1);
                if (item.charAt(sep) == '%') {
                    // nn%ss[-old][+new]: the start is followed by the type change
                    int end = start.length();
                    for (int i = 0; i < start.length(); i++) {
                        if (start.charAt(i) == '-' || start.charAt(i) == '+') {
                            end = i;
                            break;
                        }
                    }
                    start = start.substring(0, end);
                }
                Sizes.parse(start, "--memmap " + spec + " (START)");
            }
        }
    }
}
