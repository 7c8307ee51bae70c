package vmlayout.inputs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vmlayout.bootargs.KernelCmdline;
import vmlayout.bootargs.Param;
import vmlayout.config.Arch;
import vmlayout.config.BuiltinCmdline.Mode;
import vmlayout.config.BuiltinCmdline;
import vmlayout.config.KernelVersion;
import vmlayout.report.Message;

/**
 * How each architecture and era combines the bootloader's command line with the built-in one
 * (CONFIG_CMDLINE), and cuts it at COMMAND_LINE_SIZE. The result is the command line the kernel's
 * parse_early_param() reads.
 */
public final class CommandLineRules {

    /** Which kernel code receives the bootloader's command line. */
    public enum Path {
        /** drivers/of/fdt.c early_init_dt_scan_chosen(): /chosen bootargs (ARM with a DTB, powerpc). */
        DEVICE_TREE,
        /** arch/arm/kernel/atags_parse.c (setup.c before 3.x) parse_tag_cmdline(): ATAG_CMDLINE. */
        ARM_ATAGS,
        /** arch/x86/kernel/setup.c setup_arch(): boot_command_line from the boot protocol. */
        X86
    }

    /** A piece of command line and where it came from ("--cmdline", "--uboot-env env.txt", ...). */
    public record Piece(String text, String origin) {
    }

    /** The combined command line, as pieces in kernel order, and what the combination said. */
    public record Result(List<Piece> pieces, List<Message> messages) {
        /** The parameters, in order, each with the origin of its piece. */
        public List<Param> params() {
            List<Param> out = new ArrayList<>();
            for (Piece p : pieces) {
                out.addAll(KernelCmdline.parse(p.text(), p.origin()).params());
            }
            return out;
        }

        public String text() {
            StringBuilder b = new StringBuilder();
            for (Piece p : pieces) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(p.text());
            }
            return b.toString();
        }
    }

    private CommandLineRules() {
    }

    /**
     * COMMAND_LINE_SIZE of {@code arch} in release {@code k}: the buffer the kernel copies its command
     * line into (boot_command_line), so at most this many bytes minus the NUL survive (ARM 1024 in every
     * release; x86 and powerpc by {@link CmdlineEra}).
     */
    public static int commandLineSize(Arch arch, KernelVersion k) {
        CmdlineEra era = CmdlineEra.of(k);
        return switch (arch) {
            case ARM -> 1024; // include/asm-arm/setup.h in 2.6.12, arch/arm/include/uapi/asm/setup.h from 3.7
            case X86 -> era.x86Cmdline2048 ? 2048 : 256;
            case PPC -> era.ppcCmdline2048 ? 2048 : 512;
        };
    }

    /** CONFIG_CMDLINE and its mode from a .config, or null when the kernel has no built-in line. */
    public static BuiltinCmdline builtin(KconfigFile k, Arch arch) {
        KconfigFile.Entry text = k.get("CMDLINE");
        if (text == null) {
            return null; // x86: CMDLINE depends on CMDLINE_BOOL; ARM/powerpc always write it when it exists
        }
        if (arch == Arch.X86) {
            // arch/x86/Kconfig: CMDLINE_BOOL, CMDLINE, CMDLINE_OVERRIDE (setup.c setup_arch)
            if (!k.isSet("CMDLINE_BOOL")) {
                return null;
            }
            return new BuiltinCmdline(text.value(), k.isSet("CMDLINE_OVERRIDE") ? Mode.FORCE : Mode.EXTEND,
                    k.file().label());
        }
        Mode mode = k.isSet("CMDLINE_FORCE") ? Mode.FORCE : k.isSet("CMDLINE_EXTEND") ? Mode.EXTEND : Mode.FROM_BOOTLOADER;
        return new BuiltinCmdline(text.value(), mode, k.file().label());
    }

    /**
     * Combines the bootloader's pieces with the built-in line the way {@code path} does in release
     * {@code k}, then cuts the result at COMMAND_LINE_SIZE - 1 bytes (strlcpy/strlcat).
     */
    public static Result combine(Arch arch, KernelVersion k, Path path, List<Piece> bootloader, BuiltinCmdline builtin) {
        CmdlineEra era = CmdlineEra.of(k);
        List<Message> messages = new ArrayList<>();
        List<Piece> bl = new ArrayList<>();
        for (Piece p : bootloader) {
            if (!p.text().isBlank()) {
                bl.add(new Piece(p.text().strip(), p.origin()));
            }
        }
        List<Piece> out = new ArrayList<>();
        if (builtin == null) {
            out.addAll(bl);
        } else {
            Piece b = new Piece(builtin.text(), "CONFIG_CMDLINE (" + builtin.source() + ")");
            boolean blEmpty = bl.isEmpty();
            Mode mode = builtin.mode();
            switch (path) {
                case DEVICE_TREE:
                    // drivers/of/fdt.c early_init_dt_scan_chosen()
                    if (mode == Mode.EXTEND && !era.fdtExtend) {
                        messages.add(Message.note("CONFIG_CMDLINE_EXTEND has no effect on the device-tree path before "
                                + CmdlineEra.FDT_EXTEND + " (\"fdt: fix extend of cmd line\"): the built-in command line is used only"
                                + " when bootargs is empty."));
                        mode = Mode.FROM_BOOTLOADER;
                    }
                    if (mode == Mode.FORCE) {
                        out.add(b);
                        discarded(messages, builtin, bl, "drivers/of/fdt.c early_init_dt_scan_chosen() copies CONFIG_CMDLINE"
                                + " over /chosen bootargs", "CMDLINE_FORCE");
                    } else if (mode == Mode.EXTEND) {
                        out.addAll(bl);
                        out.add(b);
                        both(messages, bl, b, "the bootloader's first, then CONFIG_CMDLINE (drivers/of/fdt.c appends it)");
                    } else {
                        fromBootloader(out, messages, bl, b, blEmpty, "/chosen bootargs");
                    }
                    break;
                case ARM_ATAGS:
                    // arch/arm/kernel/atags_parse.c parse_tag_cmdline(); default_command_line starts as CONFIG_CMDLINE
                    if (mode == Mode.EXTEND && !era.armAtagExtend) {
                        messages.add(Message.note("CONFIG_CMDLINE_EXTEND does not exist for ARM before " + CmdlineEra.ARM_ATAG_EXTEND
                                + " (\"ARM: 6893/1: Allow for kernel command line concatenation\"): read as"
                                + " CMDLINE_FROM_BOOTLOADER."));
                        mode = Mode.FROM_BOOTLOADER;
                    }
                    if (mode == Mode.FORCE) {
                        out.add(b);
                        if (!blEmpty) {
                            messages.add(Message.kernel(Message.Level.WARNING,
                                    "Ignoring tag cmdline (using the default kernel command line)", true));
                        }
                        discarded(messages, builtin, bl, "arch/arm/kernel/atags_parse.c parse_tag_cmdline() ignores the"
                                + " ATAG command line", "CMDLINE_FORCE");
                    } else if (mode == Mode.EXTEND) {
                        out.add(b);
                        out.addAll(bl);
                        both(messages, bl, b, "CONFIG_CMDLINE first, then the bootloader's (ARM parse_tag_cmdline()"
                                + " appends the ATAG line to it)");
                    } else {
                        fromBootloader(out, messages, bl, b, blEmpty, "the ATAG command line");
                    }
                    break;
                default:
                    // arch/x86/kernel/setup.c setup_arch() (prepare_command_line() in later releases)
                    if (mode == Mode.FORCE) {
                        out.add(b);
                        discarded(messages, builtin, bl, "arch/x86/kernel/setup.c: CONFIG_CMDLINE_OVERRIDE copies the"
                                + " built-in line over boot_command_line", "CMDLINE_OVERRIDE");
                    } else if (!builtin.text().isEmpty()) {
                        out.add(b);
                        out.addAll(bl);
                        both(messages, bl, b, "CONFIG_CMDLINE first, then the bootloader's (x86 setup_arch() appends the"
                                + " boot loader command line to the built-in one)");
                    } else {
                        out.addAll(bl);
                    }
                    break;
            }
        }
        return new Result(truncate(arch, k, out, messages), messages);
    }

    private static void fromBootloader(List<Piece> out, List<Message> messages, List<Piece> bl, Piece b, boolean blEmpty,
                                       String what) {
        if (blEmpty) {
            out.add(b);
            if (b.text().isBlank()) {
                return;
            }
            messages.add(Message.note("no command line from the bootloader: the kernel uses CONFIG_CMDLINE \"" + b.text()
                    + "\" (CMDLINE_FROM_BOOTLOADER)."));
        } else {
            out.addAll(bl);
            if (!b.text().isBlank()) {
                messages.add(Message.note("CONFIG_CMDLINE \"" + b.text() + "\" is not used: the bootloader passes " + what
                        + " (CMDLINE_FROM_BOOTLOADER)."));
            }
        }
    }

    private static void discarded(List<Message> messages, BuiltinCmdline builtin, List<Piece> bl, String rule,
                                  String forceName) {
        if (bl.isEmpty()) {
            return;
        }
        List<String> params = new ArrayList<>();
        Set<String> origins = new LinkedHashSet<>();
        for (Piece p : bl) {
            origins.add(p.origin());
            for (Param prm : KernelCmdline.parse(p.text(), p.origin()).params()) {
                params.add(prm.text());
            }
        }
        String list = params.size() <= 12 ? String.join(" ", params)
                : String.join(" ", params.subList(0, 12)) + " ... (" + params.size() + " in all)";
        messages.add(Message.warn("CONFIG_" + forceName + " in "
                + builtin.source() + ": the kernel discards the bootloader's command line (from "
                + String.join(", ", origins) + ") and uses only \"" + builtin.text() + "\" (" + rule + "). Without"
                + " effect: " + list));
    }

    /** A note when the built-in line and the bootloader's set the same memory parameter. */
    private static void both(List<Message> messages, List<Piece> bl, Piece b, String order) {
        Set<String> inBuiltin = new LinkedHashSet<>();
        for (Param p : KernelCmdline.parse(b.text(), b.origin()).params()) {
            inBuiltin.add(p.name());
        }
        Set<String> shared = new LinkedHashSet<>();
        for (Piece piece : bl) {
            for (Param p : KernelCmdline.parse(piece.text(), piece.origin()).params()) {
                if (inBuiltin.contains(p.name()) && isMemoryParam(p)) {
                    shared.add(p.name() + "=");
                }
            }
        }
        if (!shared.isEmpty()) {
            messages.add(Message.note(String.join(" ", shared) + " set by both the built-in command line and the"
                    + " bootloader's: the kernel reads both, in this order: " + order + "."));
        }
    }

    /** The kernel parameters that place or size memory, which the engines read (shell completion offers them). */
    public static final List<String> MEMORY_PARAMS = List.of("mem", "memmap", "vmalloc", "highmem", "reservetop", "cma");

    private static boolean isMemoryParam(Param p) {
        for (String name : MEMORY_PARAMS) {
            if (p.is(name)) {
                return true;
            }
        }
        return false;
    }

    /** strlcpy()/strlcat() into a COMMAND_LINE_SIZE buffer: at most COMMAND_LINE_SIZE - 1 bytes survive. */
    private static List<Piece> truncate(Arch arch, KernelVersion k, List<Piece> pieces, List<Message> messages) {
        int size = commandLineSize(arch, k);
        int room = size - 1;
        int used = 0;
        List<Piece> out = new ArrayList<>();
        for (Piece p : pieces) {
            int sep = out.isEmpty() ? 0 : 1;
            int len = p.text().getBytes(StandardCharsets.UTF_8).length;
            if (used + sep + len <= room) {
                out.add(p);
                used += sep + len;
                continue;
            }
            int keep = Math.max(0, room - used - sep);
            String kept = cutBytes(p.text(), keep);
            String lost = p.text().substring(kept.length()).strip();
            if (!kept.isEmpty()) {
                out.add(new Piece(kept, p.origin()));
            }
            messages.add(Message.warn("the command line is longer than COMMAND_LINE_SIZE - 1 = " + room + " bytes on "
                    + arch.id() + ": the kernel cuts it there and never sees \"" + shortText(lost) + "\"" + rest(pieces, p) + "."));
            return out;
        }
        return out;
    }

    /** The pieces after {@code from}, quoted: the first few, then how many more (a message stays short). */
    private static String rest(List<Piece> pieces, Piece from) {
        int i = pieces.indexOf(from);
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (int j = i + 1; j < pieces.size(); j++) {
            if (shown == 5) {
                b.append(" and ").append(pieces.size() - j).append(" more");
                break;
            }
            b.append(" \"").append(shortText(pieces.get(j).text())).append('"');
            shown++;
        }
        return b.length() == 0 ? "" : " nor" + b;
    }

    private static String shortText(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    private static String cutBytes(String s, int maxBytes) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return s;
        }
        String cut = new String(bytes, 0, maxBytes, StandardCharsets.UTF_8);
        while (!cut.isEmpty() && cut.charAt(cut.length() - 1) == '\uFFFD') {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut;
    }
}
