package vmlayout.cli;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;
import vmlayout.config.Arch;
import vmlayout.config.Machine;
import vmlayout.config.SymbolCatalog;
import vmlayout.engine.Engines;
import vmlayout.inputs.MachineInputs;
import vmlayout.inputs.OptionValues;

/**
 * The options that describe the board, the kernel and its command line: their one declaration. Each
 * field is named after its option (OptionFields); what they mean together is inputs.MachineInputs.
 */
public class MachineOptions {

    @Option(names = "--profile", paramLabel = "NAME|FILE",
            description = "A board profile: a built-in name (vmlayout profiles) or a JSON file. Options given "
                    + "here override it.")
    List<String> profile = new ArrayList<>();

    @Option(names = "--cmdline-file", paramLabel = "FILE",
            description = "The board's bootargs from a file ('-' for standard input; /proc/cmdline works). They "
                    + "replace a profile's bootargs; --cmdline and parameters given here come after them.")
    List<String> cmdlineFile = new ArrayList<>();

    @Option(names = "--arch", paramLabel = "ARCH", description = "Architecture: arm, x86 or ppc (default: arm).")
    String arch;

    @Option(names = "--kernel", paramLabel = "VERSION",
            description = "Kernel release whose rules and texts apply, e.g. 2.6.37, 3.18, 4.4, 6.1, 6.15-rc2 "
                    + "(default: 6.12, today's LTS; see README).")
    String kernel;

    @Option(names = "--ram", paramLabel = "START:SIZE",
            description = "A RAM bank as firmware or the device tree describes it; repeatable. SIZE alone places "
                    + "it at PHYS_OFFSET. Default: 512M at PHYS_OFFSET.")
    List<String> ram = new ArrayList<>();

    @Option(names = "--e820", paramLabel = "START:SIZE:TYPE",
            description = "x86: a BIOS e820 entry; TYPE is usable, reserved, acpi, nvs, unusable, persistent, or a word"
                    + " the kernel prints ('ACPI data', 'soft reserved', 'type 20' ...); repeatable.")
    List<String> e820 = new ArrayList<>();

    @Option(names = "--e820-file", paramLabel = "FILE|DIR",
            description = "x86: the BIOS map as the kernel printed it: a boot log or dmesg excerpt (its BIOS-e820:"
                    + " lines, any release's form), a /sys/firmware/memmap directory, or the output of"
                    + " 'grep . /sys/firmware/memmap/*/*'. Instead of --e820.")
    String e820File;

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
    List<String> define = new ArrayList<>();

    @Option(names = "--page-offset", paramLabel = "ADDR", description = "Shorthand for -D PAGE_OFFSET=ADDR.")
    String pageOffset;

    @Option(names = "--vmalloc-end", paramLabel = "ADDR", description = "Shorthand for -D VMALLOC_END=ADDR.")
    String vmallocEnd;

    @Option(names = "--lowmem-size", paramLabel = "SIZE", description = "Shorthand for -D LOWMEM_SIZE=SIZE (ppc).")
    String lowmemSize;

    /** Kernel parameters given as bare arguments; the commands that take them declare the @Parameters. */
    transient List<String> params = new ArrayList<>();

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

    @Option(names = "--initrd", paramLabel = "START:SIZE",
            description = "Where the boot loader put the initrd (physical START, SIZE), or none: the kernel reserves it"
                    + " before CMA, device-tree pools and the crash kernel are placed. Replaces a DTB's /chosen"
                    + " linux,initrd-start/-end; a kernel parameter initrd=START,SIZE (ARM) wins over both. Without"
                    + " it vmlayout assumes none and says so when it may matter.")
    String initrd;

    @Option(names = "--uboot-env", paramLabel = "FILE",
            description = "U-Boot's environment (printenv or fw_printenv text, boot commands, or a binary uboot.env):"
                    + " the bootargs bootm would pass after running bootcmd, with $var expansion and setenv.")
    String ubootEnv;

    private transient MachineInputs inputs;

    /** The options as given, by long option name: every @Option field, read by its name (OptionFields). */
    /** The option fields and their long names, read by reflection once (verify asks values() for each prediction). */
    private static Field[] fields;
    private static String[] names;

    private static synchronized Field[] fields() {
        if (fields == null) {
            List<Field> fs = OptionFields.of(MachineOptions.class);
            String[] ns = new String[fs.size()];
            for (int i = 0; i < ns.length; i++) {
                ns[i] = OptionFields.longName(fs.get(i));
            }
            names = ns;
            fields = fs.toArray(new Field[0]);
        }
        return fields;
    }

    OptionValues values() {
        OptionValues v = new OptionValues();
        Field[] fs = fields();
        for (int i = 0; i < fs.length; i++) {
            Object value = OptionFields.get(fs[i], this);
            String name = names[i];
            if (value instanceof List<?> list) {
                for (Object o : list) {
                    v.add(name, String.valueOf(o));
                }
            } else if (value != null) {
                v.add(name, String.valueOf(value));
            }
        }
        return v.params(params);
    }

    /** The options set from {@code v} (the inverse of {@link #values}). */
    static MachineOptions of(OptionValues v) {
        MachineOptions m = new MachineOptions();
        Field[] fs = fields();
        for (int i = 0; i < fs.length; i++) {
            Field f = fs[i];
            List<String> vs = v.all(names[i]);
            if (f.getType() == List.class) {
                OptionFields.set(f, m, new ArrayList<>(vs));
            } else if (!vs.isEmpty()) {
                OptionFields.set(f, m, vs.get(vs.size() - 1));
            }
        }
        m.params = new ArrayList<>(v.params());
        return m;
    }

    /**
     * The input policy over these options (inputs.MachineInputs), made once: check and batch build many
     * machines from it, and the files the options name are read once.
     */
    MachineInputs inputs() {
        if (inputs == null) {
            inputs = new MachineInputs(values(), new Catalogs());
        }
        return inputs;
    }

    /** The input policy over the options as they are now, not kept: verify predicts again with other values. */
    MachineInputs inputsNow() {
        return new MachineInputs(values(), new Catalogs());
    }

    /** The -D names of each architecture's engine (a class, not a lambda: see OptionValues.add). */
    private static final class Catalogs implements Function<Arch, SymbolCatalog> {
        @Override
        public SymbolCatalog apply(Arch a) {
            return Engines.forArch(a).symbols();
        }
    }

    /** The machine the options describe (at most one profile and one bootargs file). */
    public Machine toMachine() {
        return inputs().machine();
    }

    /** True when the options name a board (a profile, RAM or bootargs), not only a kernel. */
    boolean describesABoard() {
        return inputs().describesABoard();
    }
}
