package vmlayout.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmlayout.config.Arch;

/** What verify reads from a log, each form as real kernels print it, and what it never reads. */
class LogFactsTest {

    static LogFacts facts(String... lines) {
        return LogFacts.of(BootLog.parseText("t", String.join("\n", lines)), null);
    }

    @Test
    void releaseArchAndCommandLine() {
        LogFacts f = facts("[    0.000000] Booting Linux on physical CPU 0x0",
                "[    0.000000] Linux version 4.4.75-cip6 (builder@a42d984006c1) (gcc version 4.9.2 (GCC) ) #2 SMP",
                "[    0.000000] Kernel command line: console=ttyS0,115200 root=/dev/mmcblk0p2 rw rootwait");
        assertEquals(Arch.ARM, f.arch());
        assertEquals("4.4.75", f.kernel());
        assertEquals("console=ttyS0,115200 root=/dev/mmcblk0p2 rw rootwait", f.cmdline());
        assertEquals(List.of("--arch", "--kernel", "--cmdline"),
                f.facts().stream().map(LogFacts.Fact::name).sorted((a, b) -> order(a) - order(b)).toList());
    }

    private static int order(String n) {
        return List.of("--arch", "--kernel", "--cmdline").indexOf(n);
    }

    @Test
    void x86BiosMapBothForms() {
        // 2.6-3.x: end exclusive, type in parentheses
        LogFacts old = facts("BIOS-provided physical RAM map:",
                " BIOS-e820: 0000000000000000 - 000000000009fc00 (usable)",
                " BIOS-e820: 000000007ffc0000 - 000000007ffce000 (ACPI data)",
                " BIOS-e820: 000000007ffce000 - 0000000080000000 (ACPI NVS)");
        assertEquals(Arch.X86, old.arch());
        assertEquals(List.of("0x0:0x9fc00:usable", "0x7ffc0000:0xe000:acpi", "0x7ffce000:0x32000:nvs"), old.e820());
        // 3.7+: [mem START-LAST], LAST inclusive: 0x9fbff + 1 - 0 = 0x9fc00
        LogFacts mem = facts("e820: BIOS-provided physical RAM map:",
                "BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable",
                "BIOS-e820: [mem 0x0000000100000000-0x0000000177ffffff] usable",
                "BIOS-e820: [mem 0x00000000fffc0000-0x00000000ffffffff] reserved",
                "BIOS-e820: [mem 0x0000000180000000-0x00000001ffffffff] persistent (type 12)");
        assertEquals(List.of("0x0:0x9fc00:usable", "0x100000000:0x78000000:usable", "0xfffc0000:0x40000:reserved",
                "0x180000000:0x80000000:persistent"), mem.e820());
    }

    @Test
    void userDefinedMapIsPredictedNotRead() {
        LogFacts f = facts("BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable",
                "e820: user-defined physical RAM map:",
                "user: [mem 0x0000000000000000-0x000000000009fbff] usable",
                "user: [mem 0x0000000000100000-0x000000001fffffff] usable");
        assertEquals(List.of("0x0:0x9fc00:usable"), f.e820());
    }

    @Test
    void armRam() {
        // 2.6-3.x: bank sizes only; placed at PHYS_OFFSET
        assertEquals(List.of("64M"), facts("CPU: ARM926EJ-S [41069265] revision 5 (ARMv5TEJ), cr=00053177",
                "Memory: 64MB = 64MB total").ram());
        LogFacts two = facts("Machine: x", "Memory: 64MB 64MB = 128MB total");
        assertEquals(List.of("128M"), two.ram());
        assertTrue(two.notes().get(0).contains("2 banks"), two.notes().toString());
        // memblock's node ranges: exact ranges, LAST inclusive
        assertEquals(List.of("0x60000000:0x20000000", "0x80000000:0x10000000"), facts("Machine model: V2P-CA9",
                "Early memory node ranges",
                "  node   0: [mem 0x0000000060000000-0x000000007fffffff]",
                "  node   0: [mem 0x0000000080000000-0x000000008fffffff]").ram());
        // zone ranges alone: their span
        assertEquals(List.of("0x60000000:0x40000000"), facts("Machine model: V2P-CA9", "Zone ranges:",
                "  Normal   [mem 0x0000000060000000-0x000000008fffffff]",
                "  HighMem  [mem 0x0000000090000000-0x000000009fffffff]").ram());
    }

    @Test
    void ppcRam() {
        assertEquals(List.of("0x0:0x30000000"), facts("Top of RAM: 0x30000000, Total RAM: 0x30000000").ram());
        assertEquals(List.of("0x0:768M"), facts("Total memory = 768MB; using 2048kB for hash table").ram());
    }

    @Test
    void predictedLinesAreNeverRead() {
        // the table header tells the arch to a human, but it is a predicted line: verify does not read it
        LogFacts f = facts("Kernel virtual memory layout:", "  * 0xffbdf000..0xfffff000  : fixmap",
                "virtual kernel memory layout:", "    fixmap  : 0xfff16000 - 0xfffff000   ( 932 kB)",
                "751MB LOWMEM available.", "Truncating RAM at 0x00000000-0x40000000 to -0x30000000");
        assertNull(f.arch());
        assertTrue(f.facts().isEmpty());
    }

    @Test
    void twoBootsUseTheFirstCommandLineAndSaySo() {
        LogFacts f = facts("Kernel command line: mem=512M", "Kernel command line: mem=256M");
        assertEquals("mem=512M", f.cmdline());
        assertTrue(f.notes().get(0).contains("2 \"Kernel command line:\" lines"), f.notes().toString());
    }

    @Test
    void linesOfTwoArchitecturesLeaveItOpen() {
        LogFacts f = facts("Machine model: x", "DMI: y");
        assertNull(f.arch());
        assertTrue(f.notes().get(0).contains("give --arch"));
    }
}
