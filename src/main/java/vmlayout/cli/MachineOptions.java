package vmlayout.cli;

import vmlayout.bootargs.Param;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import vmlayout.bootargs.KernelCmdline;
import vmlayout.inputs.CommandLineRules;
import vmlayout.config.Arch;
import vmlayout.config.Defines;
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

    @Option(names = "--config", paramLabel = "FILE",
            description = "A kernel .config (or /proc/config.gz): the architecture, the release in its header, every"
                    + " Kconfig value the engine uses (as if given with -D) and the built-in command line (CONFIG_CMDLINE"
                    + " with CMDLINE_FROM_BOOTLOADER/EXTEND/FORCE, x86 CMDLINE_BOOL/OVERRIDE).")
    String config;

    @Option(names = "--system-map", paramLabel = "FILE",
            description = "The kernel's System.map (plain or .gz): the section symbols _text _etext __init_begin"
                    + " __init_end _sdata _edata __bss_start __bss_stop, for the table's section rows.")
    String systemMap;

    @Option(names = "--dtb", paramLabel = "FILE",
            description = "The board's device tree blob (or a plain .dts without #include or macros): RAM banks"
                    + " from the memory nodes, bootargs from /chosen, /reserved-memory regions (no-map, reusable).")
    String dtb;

    @Option(names = "--uboot-env", paramLabel = "FILE",
            description = "U-Boot's environment (printenv or fw_printenv text, boot commands, or a binary uboot.env):"
                    + " the bootargs bootm would pass after running bootcmd, with $var expansion and setenv.")
    String ubootEnv;

    /**
     * Builds the machine description from the options and the files they name. Explicit options win
     * over files; every conflict is reported (ArtifactSources says which file lost). The bootloader's
     * command line is --cmdline, else --cmdline-file, else a profile's bootargs, else --uboot-env's
     * bootargs, else the DTB's /chosen bootargs; bare PARAM=VALUE arguments, then --mem, --memmap,
     * --vmalloc and --highmem are appended to it, each replacing the board's parameters of the same
     * name. The kernel then combines it with a built-in command line from --config as its architecture
     * and release do.
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
        ArtifactSources files = sources(a);
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
        // the bootloader's line: --cmdline, else a bootargs file, else the profile's bootargs (files such as
        // --uboot-env and --dtb come after these in ArtifactSources' order)
        List<CommandLineRules.Piece> explicitLine = new ArrayList<>();
        for (String line : cmdline) {
            KernelCmdline.parse(line, "--cmdline");
            explicitLine.add(new CommandLineRules.Piece(line, "--cmdline"));
        }
        if (explicitLine.isEmpty() && extraLabel != null) {
            StringBuilder t = new StringBuilder();
            for (Param p : extra) {
                t.append(t.length() == 0 ? "" : " ").append(quoted(p));
            }
            explicitLine.add(new CommandLineRules.Piece(t.toString(), extraLabel));
        } else if (explicitLine.isEmpty() && prof != null && prof.bootargs != null) {
            explicitLine.add(new CommandLineRules.Piece(prof.bootargs, "profile " + prof.name));
        }
        List<CommandLineRules.Piece> additions = new ArrayList<>();
        for (String p : params) {
            if (p.startsWith("@")) {
                throw new InputException("unknown argument '" + p + "': vmlayout reads no @FILE argument files; name a"
                        + " file with the option that reads it (--cmdline-file, --profile, --config, --dtb ...)");
            }
            if (p.indexOf('=') <= 0) {
                throw new InputException("unknown argument '" + p + "': expected PARAM=VALUE (a kernel parameter such as "
                        + "mem=512M), an option, or a command; use --cmdline \"...\" for parameters without a value");
            }
            additions.add(new CommandLineRules.Piece(p, ARGUMENT));
        }
        for (String m : mem) {
            checkMem(m);
            additions.add(new CommandLineRules.Piece("mem=" + m, "--mem"));
        }
        for (String m : memmap) {
            checkMemmap(m);
            additions.add(new CommandLineRules.Piece("memmap=" + m, "--memmap"));
        }
        if (vmalloc != null) {
            Sizes.parse(stripBytes(vmalloc), "--vmalloc");
            additions.add(new CommandLineRules.Piece("vmalloc=" + vmalloc, "--vmalloc"));
        }
        if (highmem != null) {
            Sizes.parse(stripBytes(highmem), "--highmem");
            additions.add(new CommandLineRules.Piece("highmem=" + highmem, "--highmem"));
        }
        Defines explicit = new Defines();
        if (prof != null) {
            for (java.util.Map.Entry<String, String> e : prof.defines.entrySet()) {
                explicit.put(e.getKey(), e.getValue(), "profile " + prof.name + " " + e.getKey());
            }
        }
        for (String d : defines) {
            explicit.add(d);
        }
        if (pageOffset != null) {
            Sizes.parse32(pageOffset, "--page-offset");
            explicit.put("PAGE_OFFSET", pageOffset, "--page-offset");
        }
        if (vmallocEnd != null) {
            Sizes.parse32(vmallocEnd, "--vmalloc-end");
            explicit.put("VMALLOC_END", vmallocEnd, "--vmalloc-end");
        }
        if (lowmemSize != null) {
            Sizes.parse32(lowmemSize, "--lowmem-size");
            explicit.put("LOWMEM_SIZE", lowmemSize, "--lowmem-size");
        }
        files.apply(b, explicit, explicitLine, additions);
        // a parameter given on the command line replaces the board's parameters of the same name
        List<Param> combined = new ArrayList<>(b.params());
        for (CommandLineRules.Piece add : additions) {
            for (Param p : KernelCmdline.parse(add.text(), add.origin()).params()) {
                for (java.util.Iterator<Param> it = combined.iterator(); it.hasNext(); ) {
                    Param q = it.next();
                    if (q.is(p.name()) && !ADDITIONS.contains(q.origin())) {
                        it.remove();
                    }
                }
            }
        }
        b.replaceParams(combined);
        if (prof != null) {
            b.note("profile " + prof.name + " (" + prof.origin + ")");
        }
        return b.build();
    }

    /**
     * True when the options name a board: a profile, RAM (--ram, --e820, --dtb) or its bootargs
     * (--cmdline-file, --cmdline, --uboot-env). A release, -D settings or parameters alone describe a
     * kernel and its command line, not a board.
     */
    boolean describesABoard() {
        return !profiles.isEmpty() || !ram.isEmpty() || !e820.isEmpty() || dtb != null || !cmdlineFiles.isEmpty()
                || !cmdline.isEmpty() || ubootEnv != null;
    }

    /** The files the options name, read once per architecture (batch and check build many machines). */
    private ArtifactSources sources;
    private String sourcesArch;

    private ArtifactSources sources(String a) {
        if (sources == null || !java.util.Objects.equals(a, sourcesArch)) {
            sources = ArtifactSources.read(config, systemMap, dtb, ubootEnv, null, a);
            sourcesArch = a;
        }
        return sources;
    }

    private static final String ARGUMENT = "argument";
    private static final List<String> ADDITIONS = List.of(ARGUMENT, "--mem", "--memmap", "--vmalloc", "--highmem");

    /** A parameter as it would be written on a command line (quoted when its value has blanks). */
    private static String quoted(Param p) {
        if (p.value() == null) {
            return p.name();
        }
        return p.value().indexOf(' ') >= 0 || p.value().indexOf('\t') >= 0 ? p.name() + "=\"" + p.value() + "\"" : p.text();
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
