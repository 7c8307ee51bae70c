package vmlayout.verify;

import java.util.ArrayList;
import java.util.List;
import vmlayout.bootargs.Param;
import vmlayout.config.Arch;
import vmlayout.config.Fmt;
import vmlayout.engine.Constants;
import vmlayout.engine.Layout;

/**
 * The inputs a prediction rests on that neither the log nor the options gave: vmlayout's guesses. A
 * guess is either a value vmlayout has no ground for at all (the board's RAM size, NR_CPUS, the size of
 * a distribution kernel's fixmap, PHYS_OFFSET) or a Kconfig default the kernel may not have used (the
 * VMSPLIT, the highmem model). Each names the option that settles it and, where a short list covers
 * the values boards use, those values, so that verify can tell which of them make the log agree.
 */
public final class Guesses {

    /**
     * One guessed input.
     *
     * @param option     "--ram" or "-D"
     * @param name       what is guessed: "--ram", "NR_CPUS", "VMSPLIT", "FIXADDR_START" ...
     * @param guessed    the value used, as the user would write it ("0x00000000:512M", "8", "VMSPLIT_3G")
     * @param groundless true for a value vmlayout has no ground for: every line that depends on it cannot be
     *                   checked; false for a Kconfig default, which the log may show wrong only when another
     *                   value makes the line agree
     * @param candidates values to try, as option arguments ("0x40000000:1G", "NR_CPUS=32", "VMSPLIT_2G=y")
     * @param why        how the output names it, when not as "-D NAME, which the log does not show ..." (null)
     * @param logShows   the candidates are values the log shows (a table row's end), not a list of usual values:
     *                   verify tries such a guess first
     */
    public record Guess(String option, String name, String guessed, boolean groundless, List<String> candidates,
                        String why, boolean logShows) {

        public Guess(String option, String name, String guessed, boolean groundless, List<String> candidates) {
            this(option, name, guessed, groundless, candidates, null, false);
        }

        public Guess(String option, String name, String guessed, boolean groundless, List<String> candidates, String why) {
            this(option, name, guessed, groundless, candidates, why, false);
        }

        /** The option that settles it, for a value: "--ram 0x40000000:1G", "-D NR_CPUS=32", "vmalloc=256M". */
        public String pin(String candidate) {
            return option.equals("PARAM") ? candidate : option + " " + candidate;
        }

        /** How to give it, to be filled in: "--ram", "-D NR_CPUS=", "--cmdline", "--dtb FILE". */
        public String settle() {
            return switch (option) {
                case "-D" -> "-D " + name + "=";
                case "PARAM" -> "--cmdline";
                case "--dtb" -> "--dtb FILE";
                default -> option;
            };
        }

        /** "--ram, which the log does not show (guessed 0x00000000:512M)". */
        public String because() {
            if (why != null) {
                return why;
            }
            String what = option.equals("--ram") ? "--ram" : "-D " + name;
            return what + ", which the log does not show (" + (groundless ? "guessed " : "assumed the Kconfig default ")
                    + guessed + ")";
        }
    }

    /** RAM sizes boards have, for --ram candidates. */
    private static final String[] SIZES = {"16M", "32M", "64M", "128M", "256M", "384M", "512M", "768M", "1G", "1536M",
        "2G", "3G", "3584M", "4G"};
    private static final String[] NR_CPUS = {"1", "2", "4", "8", "16", "32", "64", "128", "256", "512"};
    /** PHYS_OFFSETs of common 32-bit ARM SoCs (RAM base). */
    private static final String[] PHYS = {"0x00000000", "0x10000000", "0x20000000", "0x40000000", "0x60000000", "0x70000000",
        "0x80000000", "0xa0000000", "0xc0000000"};

    private Guesses() {
    }

    /**
     * The early allocations in highmem at mem_init() that vmlayout does not place (the KASAN shadow, which ppc32
     * puts at the top of RAM: the 6.8 G4 log ppc32-04 is 96 MB = 768 MB / 8 short; an initrd or reserved-memory
     * it was not told of): the "Memory:" line's highmem figure leaves them out. The reservations vmlayout places
     * (Layout.reservations()) are subtracted (engine.mm.MemoryFacts), so a figure that still differs in a boot
     * with such allocations cannot be checked.
     */
    public static final Guess RESERVATIONS = new Guess("--cmdline", "cma", "none", true, List.of(),
            "the early allocations in highmem vmlayout does not place (the KASAN shadow, an initrd or reserved-memory it"
                    + " is not given: --initrd, --dtb)");

    /** The device tree, whose /reserved-memory node the kernel reports on (of_reserved_mem.c) and vmlayout reads only from --dtb. */
    public static final Guess DEVICE_TREE = new Guess("--dtb", "the device tree", "none given", true, List.of(),
            "--dtb, the device tree whose /reserved-memory these lines report, which vmlayout was not given");

    /** Kernel image sizes in RAM (text to bss with the page directory), for -D KERNEL_SIZE candidates. */
    private static final String[] KERNEL_SIZES = {"4M", "8M", "12M", "20M", "22M", "24M", "32M"};

    /** Sizes of vmalloc= people give, for the command line's candidates. */
    private static final String[] VMALLOC = {"64M", "128M", "192M", "256M", "384M", "512M", "640M", "768M", "1G"};

    /**
     * The guesses of a prediction: what its "defaults used" list and the Kconfig choices not pinned say,
     * and the command line when the log does not show it.
     */
    public static List<Guess> of(Layout l, boolean cmdlineKnown, BootLog log) {
        List<Guess> out = new ArrayList<>();
        if (!cmdlineKnown) {
            List<String> c = new ArrayList<>();
            for (String v : VMALLOC) {
                c.add("vmalloc=" + v);
            }
            out.add(new Guess("PARAM", "the command line", "empty", true, c,
                    "the kernel command line, which the log does not show (taken as empty)"));
        }
        for (String d : l.defaults()) {
            if (d.startsWith("--ram ")) {
                String v = d.substring(6).split(" ")[0];
                int colon = v.indexOf(':');
                String start = colon > 0 ? v.substring(0, colon + 1) : "";
                List<String> c = new ArrayList<>();
                for (String s : SIZES) {
                    c.add(start + s);
                }
                out.add(new Guess("--ram", "--ram", v, true, c));
            } else if (d.startsWith("NR_CPUS=")) {
                List<String> c = new ArrayList<>();
                for (String n : NR_CPUS) {
                    c.add("NR_CPUS=" + n);
                }
                out.add(new Guess("-D", "NR_CPUS", d.substring(8).split(" ")[0], true, c));
            } else if (d.startsWith("PHYS_OFFSET ")) {
                List<String> c = new ArrayList<>();
                for (String p : PHYS) {
                    c.add("PHYS_OFFSET=" + p);
                }
                out.add(new Guess("-D", "PHYS_OFFSET", d.substring(12).split(" ")[0], true, c));
            } else if (d.startsWith("VMALLOC_END ")) {
                out.add(new Guess("-D", "VMALLOC_END", d.substring(12).split(" ")[0], true, vmallocEnds(log), null, true));
            } else if (d.startsWith("fixmap ")) {
                // a bigger or smaller fixmap by whole page tables (4 MB, 2 MB with PAE) moves what sits below it
                long start = l.constant("FIXADDR_START", -1);
                List<String> c = new ArrayList<>();
                for (long step = -4; start > 0 && step <= 2; step++) {
                    long v = start + step * 0x200000L;
                    if (step != 0 && v > 0xc0000000L && v < 0xfffff000L) {
                        c.add("FIXADDR_START=0x" + Long.toHexString(v));
                    }
                }
                out.add(new Guess("-D", "FIXADDR_START", "a typical distribution kernel's fixmap of " + beforeParenthesis(d.substring(7)),
                        true, c));
            } else if (d.startsWith("struct cpu_entry_area")) {
                out.add(new Guess("-D", "CPU_ENTRY_AREA_MAP_SIZE", "a typical cpu_entry_area", true, List.of()));
            } else if (d.startsWith("kernel image ")) {
                // ARM and x86: the image vmlayout assumed decides what fits in lowmem beside it (a CMA area, the crash
                // kernel, mem_map): Debian's 6.x armmp images reach PHYS_OFFSET + 22 MB, small embedded ones a few MB
                List<String> c = new ArrayList<>();
                for (String size : KERNEL_SIZES) {
                    c.add("KERNEL_SIZE=" + size);
                }
                out.add(new Guess("-D", "KERNEL_SIZE", "the typical " + beforeParenthesis(d.substring(13)), true, c));
            } else if (d.startsWith("no early ioremaps")) {
                out.add(new Guess("-D", "IOREMAP_BOT", "no early ioremaps", true, List.of()));
            }
        }
        if (l.arch() != Arch.PPC && !pinned(l, "PAGE_OFFSET") && !anyPinned(l, "VMSPLIT_")) {
            List<String> c = new ArrayList<>();
            c.add("VMSPLIT_2G=y");
            c.add("VMSPLIT_1G=y");
            c.add("VMSPLIT_3G_OPT=y");
            if (l.arch() == Arch.X86) {
                c.add("VMSPLIT_2G_OPT=y");
            }
            out.add(new Guess("-D", "VMSPLIT", "VMSPLIT_3G", false, c));
        }
        if (l.arch() != Arch.PPC && !pinned(l, "DMA_CMA") && !pinned(l, "CMA_SIZE_MBYTES") && !pinned(l, "CMA_SIZE_PERCENTAGE")
                && !Param.anyIs(l.params(), "cma")) {
            // the global CMA area (engine.reserve.DmaContiguous): CONFIG_DMA_CMA is off by default, distribution
            // kernels have it with CMA_SIZE_MBYTES 16 (Debian armmp) or a board's own size
            out.add(new Guess("-D", "DMA_CMA", "DMA_CMA=n", false, List.of("DMA_CMA=y", "CMA_SIZE_MBYTES=32",
                    "CMA_SIZE_MBYTES=64", "CMA_SIZE_MBYTES=128", "CMA_SIZE_MBYTES=256")));
        }
        if (l.arch() == Arch.ARM && !pinned(l, "ARM_LPAE")) {
            out.add(new Guess("-D", "ARM_LPAE", "ARM_LPAE=n", false, List.of("ARM_LPAE=y")));
        }
        if (l.arch() == Arch.X86 && !anyPinned(l, "HIGHMEM") && !pinned(l, "NOHIGHMEM") && !pinned(l, "X86_PAE")) {
            out.add(new Guess("-D", "HIGHMEM", "HIGHMEM4G", false, List.of("HIGHMEM64G=y", "NOHIGHMEM=y")));
        } else if (l.arch() != Arch.X86 && !pinned(l, "HIGHMEM")) {
            out.add(new Guess("-D", "HIGHMEM", "HIGHMEM=n", false, List.of("HIGHMEM=y")));
        }
        return out;
    }

    /**
     * VMALLOC_END as the log's table shows it, the value to try for a board's own (per board before 3.4): ARM's
     * mem_init() prints the vmalloc row as VMALLOC_START - VMALLOC_END (arch/arm/mm/init.c, 2.6.37-3.3). Only
     * tried: it counts when every compared line then agrees, and it is offered as the option that pins it.
     */
    private static List<String> vmallocEnds(BootLog log) {
        List<String> out = new ArrayList<>();
        String[] labels = log.shapes().rowLabel;
        for (int i = 0; i < labels.length; i++) {
            long end = "vmalloc".equals(labels[i]) ? LineShapes.rowEnd(log.lines().get(i).text()) : -1;
            String c = "VMALLOC_END=" + Fmt.hex8(end);
            if (end > 0 && end <= 0xffffffffL && !out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The text before " (", as split(" \\(")[0] for the descriptions here. */
    private static String beforeParenthesis(String s) {
        int cut = s.indexOf(" (");
        return cut < 0 ? s : s.substring(0, cut);
    }

    private static boolean pinned(Layout l, String name) {
        for (Constants.Value v : l.constants()) {
            if (v.name().equals(name) && v.pinned()) {
                return true;
            }
        }
        return false;
    }

    /** A pinned constant whose name starts with {@code prefix} (upper case, as Defines.normalize makes Kconfig names). */
    private static boolean anyPinned(Layout l, String prefix) {
        for (Constants.Value v : l.constants()) {
            if (v.pinned() && v.name().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
