package vmlayout.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmlayout.config.Arch;
import vmlayout.config.BuiltinCmdline.Mode;
import vmlayout.config.BuiltinCmdline;
import vmlayout.config.KernelVersion;
import vmlayout.inputs.CommandLineRules.Path;
import vmlayout.inputs.CommandLineRules.Piece;
import vmlayout.report.Message;

/**
 * The built-in command line combined with the bootloader's, one test per arch, path and mode. The
 * expected orders are the kernel's: drivers/of/fdt.c early_init_dt_scan_chosen() (strlcat(" "),
 * strlcat(CONFIG_CMDLINE) after the bootargs), arch/arm/kernel/atags_parse.c parse_tag_cmdline()
 * (default_command_line = CONFIG_CMDLINE, then strlcat(" "), strlcat(tag cmdline)), arch/x86/kernel/setup.c
 * (builtin_cmdline, " ", boot_command_line).
 */
class CommandLineRulesTest {

    private static final List<Piece> BOARD = List.of(new Piece("console=ttyS0 vmalloc=300M", "--uboot-env env"));

    private static BuiltinCmdline builtin(String text, Mode m) {
        return new BuiltinCmdline(text, m, "--config .config");
    }

    private static CommandLineRules.Result run(Arch a, String k, Path p, List<Piece> bl, BuiltinCmdline b) {
        return CommandLineRules.combine(a, KernelVersion.parse(k), p, bl, b);
    }

    @Test
    void deviceTreeExtendAppendsTheBuiltinLine() {
        CommandLineRules.Result r = run(Arch.ARM, "4.19", Path.DEVICE_TREE, BOARD, builtin("vmalloc=128M", Mode.EXTEND));
        assertEquals("console=ttyS0 vmalloc=300M vmalloc=128M", r.text());
        assertTrue(r.messages().get(0).text().contains("vmalloc= set by both"));
    }

    @Test
    void deviceTreeExtendBefore47IsIgnored() {
        CommandLineRules.Result r = run(Arch.ARM, "4.4", Path.DEVICE_TREE, BOARD, builtin("vmalloc=128M", Mode.EXTEND));
        assertEquals("console=ttyS0 vmalloc=300M", r.text());
    }

    @Test
    void atagExtendPrependsTheBuiltinLine() {
        CommandLineRules.Result r = run(Arch.ARM, "3.18", Path.ARM_ATAGS, BOARD, builtin("vmalloc=128M", Mode.EXTEND));
        assertEquals("vmalloc=128M console=ttyS0 vmalloc=300M", r.text());
    }

    @Test
    void forcedBuiltinLineDiscardsTheBoardsVmallocAndSaysSo() {
        CommandLineRules.Result r = run(Arch.ARM, "4.19", Path.DEVICE_TREE, BOARD, builtin("console=ttyS0", Mode.FORCE));
        assertEquals("console=ttyS0", r.text());
        Message w = r.messages().get(0);
        assertTrue(w.finding() && w.source() == Message.Source.VMLAYOUT, w.toString());
        assertTrue(w.text().contains("CONFIG_CMDLINE_FORCE") && w.text().contains("vmalloc=300M"), w.text());
    }

    @Test
    void atagForcePrintsTheKernelsWarning() {
        CommandLineRules.Result r = run(Arch.ARM, "3.18", Path.ARM_ATAGS, BOARD, builtin("mem=64M", Mode.FORCE));
        assertEquals("mem=64M", r.text());
        // arch/arm/kernel/atags_parse.c: pr_warn("Ignoring tag cmdline (using the default kernel command line)\n")
        assertEquals(Message.kernel(Message.Level.WARNING, "Ignoring tag cmdline (using the default kernel command line)",
                true), r.messages().get(0));
    }

    @Test
    void fromBootloaderUsesTheBuiltinLineOnlyWhenTheBoardGivesNone() {
        assertEquals("console=ttyS0 vmalloc=300M",
                run(Arch.ARM, "6.1", Path.DEVICE_TREE, BOARD, builtin("mem=64M", Mode.FROM_BOOTLOADER)).text());
        assertEquals("mem=64M", run(Arch.ARM, "6.1", Path.DEVICE_TREE, List.of(), builtin("mem=64M", Mode.FROM_BOOTLOADER)).text());
    }

    @Test
    void x86PutsTheBuiltinLineFirstAndOverrideReplaces() {
        assertEquals("vmalloc=128M console=ttyS0 vmalloc=300M",
                run(Arch.X86, "3.2", Path.X86, BOARD, builtin("vmalloc=128M", Mode.EXTEND)).text());
        CommandLineRules.Result r = run(Arch.X86, "3.2", Path.X86, BOARD, builtin("vmalloc=128M", Mode.FORCE));
        assertEquals("vmalloc=128M", r.text());
        assertTrue(r.messages().get(0).text().contains("CONFIG_CMDLINE_OVERRIDE"));
    }

    @Test
    void armCutsAt1023Bytes() {
        // COMMAND_LINE_SIZE 1024 (arch/arm/include/uapi/asm/setup.h): 1000 bytes of padding + " vmalloc=300M"
        // (13) = 1013 bytes, kept; " mem=512M@0x80000000" (20) would end at 1033 > 1023: 10 bytes survive,
        // " mem=512M@", and the kernel's memparse then reads mem=512M at PHYS_OFFSET
        String pad = "x=" + "a".repeat(998);
        CommandLineRules.Result r = run(Arch.ARM, "4.19", Path.DEVICE_TREE,
                List.of(new Piece(pad + " vmalloc=300M", "f"), new Piece("mem=512M@0x80000000", "--mem")), null);
        assertEquals(1023, r.text().length());
        assertTrue(r.text().endsWith(" vmalloc=300M mem=512M@"), r.text().substring(990));
        assertTrue(r.messages().get(0).text().contains("never sees \"0x80000000\""), r.messages().get(0).text());
    }

    @Test
    void commandLineSizeFollowsTheRelease() {
        // x86: COMMAND_LINE_SIZE 256 up to 2.6.21 (include/asm-i386/setup.h), 2048 from 2.6.22 (boot protocol
        // 2.06, Documentation/i386/boot.txt); powerpc: 512 up to 3.15, 2048 from 3.16 ("powerpc: Bump
        // COMMAND_LINE_SIZE to 2048"). A 3000-byte line keeps SIZE - 1 bytes: 255, 2047, 511, 2047.
        List<Piece> line = List.of(new Piece("x=" + "a".repeat(2998), "f"));
        assertEquals(255, run(Arch.X86, "2.6.21", Path.X86, line, null).text().length());
        assertEquals(2047, run(Arch.X86, "2.6.22", Path.X86, line, null).text().length());
        assertEquals(511, run(Arch.PPC, "3.15", Path.DEVICE_TREE, line, null).text().length());
        assertEquals(2047, run(Arch.PPC, "3.16", Path.DEVICE_TREE, line, null).text().length());
        assertEquals(1023, run(Arch.ARM, "2.6.17", Path.ARM_ATAGS, line, null).text().length());
    }
}
