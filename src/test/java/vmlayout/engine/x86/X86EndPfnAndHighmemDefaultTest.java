package vmlayout.engine.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vmlayout.engine.x86.X86Run.assertBlock;
import static vmlayout.engine.x86.X86Run.kernel;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmlayout.CliRunner;

/** Two rules of issue 20: e820__end_ram_pfn() counts ACPI data from 6.11; "High Memory Support" defaults. */
class X86EndPfnAndHighmemDefaultTest {

    /**
     * RAM to 0x7fe00000, then 2 MB of ACPI data to 0x80000000. 6.10: last_pfn = 0x7fe00000 >> 12 = 0x7fe00;
     * 6.11 counts the ACPI entry: 0x80000. VMALLOC_END pinned to the Debian 686 kernel's 0xfebfe000: MAXMEM =
     * 0xfebfe000 - 0xc0000000 - 128 MB = 0x36bfe000, lowmem ends at pfn 0x36bfe ("875MB LOWMEM": 875.99 MB
     * truncated), so HIGHMEM is (0x7fe00 - 0x36bfe) = 0x49202 pages = 1170.0 MB, then (0x80000 - 0x36bfe) =
     * 0x49402 pages = 1172.0 MB.
     */
    @Test
    void acpiDataAboveTheLastRamCountsFrom611() {
        String[] map = {"--e820=0:0x9fc00:usable", "--e820=0x100000:0x7fd00000:usable", "--e820=0x7fe00000:0x200000:ACPI data",
            "-D", "VMALLOC_END=0xfebfe000"};
        assertBlock(kernel(with("--kernel=6.10", map)), "last_pfn = 0x7fe00 max_arch_pfn = 0x100000", "1170MB HIGHMEM available.",
                "875MB LOWMEM available.");
        assertBlock(kernel(with("--kernel=6.11", map)), "last_pfn = 0x80000 max_arch_pfn = 0x100000", "1172MB HIGHMEM available.",
                "875MB LOWMEM available.");
    }

    /**
     * 2.6.19 (before the default became HIGHMEM4G in 2.6.20) on 2 GB, no -D: NOHIGHMEM. MAXMEM = 2^32 -
     * 0xc0000000 - 128 MB = 896 MB: "Warning only 896MB will be used." / "Use a HIGHMEM enabled kernel.", no
     * HIGHMEM line, no pkmap row; the typical fixmap without kmap slots is 72 pages = 288 kB, so VMALLOC_END =
     * FIXADDR_START 0xfffb7000 - 2 pages = 0xfffb5000. 2.6.20 takes HIGHMEM4G:
     * max_pfn 0x80000 - MAXMEM_PFN 0x38000 = 0x48000 pages = 1152 MB of HIGHMEM.
     */
    @Test
    void noHighmemByDefaultBefore2620() {
        CliRunner.Result r = X86Run.run("--kernel=2.6.19", "--ram=2G");
        assertEquals(1, r.status(), r.toString());
        List<String> out = r.outLines();
        assertBlock(out, "Warning only 896MB will be used.", "Use a HIGHMEM enabled kernel.", "896MB LOWMEM available.",
                "virtual kernel memory layout:",
                "    fixmap  : 0xfffb7000 - 0xfffff000   ( 288 kB)",
                "    vmalloc : 0xf8800000 - 0xfffb5000   ( 119 MB)",
                "    lowmem  : 0xc0000000 - 0xf8000000   ( 896 MB)");
        assertTrue(r.out().contains("NOHIGHMEM (the Kconfig default before 2.6.20)"), r.out());
        List<String> later = kernel("--kernel=2.6.20", "--ram=2G");
        assertTrue(later.contains("1152MB HIGHMEM available."), String.join("\n", later));
        assertFalse(later.contains("Use a HIGHMEM enabled kernel."));
    }

    private static String[] with(String first, String[] rest) {
        String[] a = new String[rest.length + 1];
        a[0] = first;
        System.arraycopy(rest, 0, a, 1, rest.length);
        return a;
    }
}
