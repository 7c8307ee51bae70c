package vmlayout.engine.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vmlayout.engine.x86.X86Run.assertBlock;
import static vmlayout.engine.x86.X86Run.kernel;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmlayout.CliRunner;

/**
 * Every branch of the lowmem/highmem split and its texts per era: find_max_low_pfn() (up to 2.6.26),
 * find_low_pfn_range() (2.6.27-2.6.29), lowmem_pfn_init()/highmem_pfn_init() (2.6.30 on). pages_to_mb(x)
 * is x >> 8. The fixmap is pinned where MAXMEM depends on it, so the numbers do not rest on the
 * typical-config default.
 *
 * <p>With -D FIXADDR_START=0xfff16000 (the 3.2 log) a HIGHMEM4G kernel from 2.6.28 has PKMAP_BASE
 * 0xff800000 (see X86LayoutTest), VMALLOC_END = 0xff800000 - 2 * 4096 = 0xff7fe000 and MAXMEM =
 * 0xff7fe000 - 0xc0000000 - 128M = 0x377fe000: MAXMEM_PFN 0x377fe, 887 MB of lowmem at most. Before
 * 2.6.28 MAXMEM = 2^32 - 0xc0000000 - 128M = 0x38000000: MAXMEM_PFN 0x38000, 896 MB.
 */
class X86SplitMessagesTest {

    private static final String FIX = "-DFIXADDR_START=0xfff16000";

    private static List<String> run(String... args) {
        return kernel(args);
    }

    // ---- lowmem_pfn_init(): all RAM below MAXMEM ----

    /**
     * highmem= bigger than RAM: --ram 512M gives max_pfn = 0x20000 (< MAXMEM_PFN); highmem=1G gives
     * highmem_pages = 0x40000 >= max_pfn, so MSG_HIGHMEM_TOO_BIG with pages_to_mb(0x40000) = 1024 and
     * pages_to_mb(0x20000) = 512, and highmem_pages = 0: 0 MB highmem, 512 MB lowmem.
     */
    @Test
    void highmemBiggerThanRam() {
        assertBlock(run("--kernel=3.2", "--ram=512M", "highmem=1G"),
                "highmem size (1024MB) is bigger than pages available (512MB)!",
                "0MB HIGHMEM available.",
                "512MB LOWMEM available.");
        // the find_max_low_pfn() text (up to 2.6.26) and the find_low_pfn_range() one (2.6.27-2.6.29)
        assertBlock(run("--kernel=2.6.24", "--ram=512M", "highmem=1G"),
                "highmem size specified (1024MB) is bigger than pages available (512MB)!.");
        assertBlock(run("--kernel=2.6.28", "--ram=512M", "highmem=1G"),
                "highmem size specified (1024MB) is bigger than pages available (512MB)!.");
    }

    /**
     * highmem= leaving less than 64 MB of lowmem: max_pfn 0x20000, highmem=480M = 0x1e000 pages;
     * 0x20000 - 0x1e000 = 0x2000 pages (32 MB) < 64 MB / 4 kB = 0x4000, so MSG_LOWMEM_TOO_SMALL and
     * the request is ignored.
     */
    @Test
    void highmemLeavingLessThan64MbOfLowmem() {
        assertBlock(run("--kernel=3.2", "--ram=512M", "highmem=480M"),
                "highmem size (480MB) results in <64MB lowmem, ignoring it!",
                "0MB HIGHMEM available.",
                "512MB LOWMEM available.");
        assertBlock(run("--kernel=2.6.24", "--ram=512M", "highmem=480M"),
                "highmem size 480MB results in smaller than 64MB lowmem, ignoring it.");
    }

    /**
     * highmem= accepted below MAXMEM: max_low_pfn = 0x20000 - 0x10000 (256 MB) = 0x10000; high_memory
     * = 0xc0000000 + 0x10000000 = 0xd0000000, VMALLOC_START = high_memory + 8 MB = 0xd0800000, up to
     * VMALLOC_END 0xff7fe000: 0x2effe000 >> 20 = 751 MB.
     */
    @Test
    void highmemAcceptedBelowMaxmem() {
        List<String> out = run("--kernel=3.2", "--ram=512M", "highmem=256M", FIX);
        assertBlock(out, "256MB HIGHMEM available.", "256MB LOWMEM available.");
        assertBlock(out,
                "    vmalloc : 0xd0800000 - 0xff7fe000   ( 751 MB)",
                "    lowmem  : 0xc0000000 - 0xd0000000   ( 256 MB)");
    }

    /** highmem= on a kernel without CONFIG_HIGHMEM: one KERN_ERR line, no HIGHMEM line at all. */
    @Test
    void highmemOnANonHighmemKernel() {
        List<String> out = run("--kernel=3.2", "--ram=512M", "-D", "NOHIGHMEM=y", "highmem=64M");
        assertBlock(out, "ignoring highmem size on non-highmem kernel!", "512MB LOWMEM available.");
        assertFalse(X86Run.hasLineStarting(out, "0MB HIGHMEM"));
    }

    // ---- highmem_pfn_init(): RAM above MAXMEM ----

    /**
     * A kernel without CONFIG_HIGHMEM and RAM above MAXMEM. With -D FIXADDR_START=0xfff00000 (no kmap
     * slots) VMALLOC_END = FIXADDR_START - 2 * 4096 = 0xffefe000, MAXMEM = 0xffefe000 - 0xc0000000 - 128M
     * = 0x37efe000: "Warning only 894MB" (0x37efe000 >> 20), and lowmem 0x37efe >> 8 = 894 MB.
     */
    @Test
    void nonHighmemKernelWithMoreRamThanLowmem() {
        assertBlock(run("--kernel=3.2", "--ram=2G", "-D", "NOHIGHMEM=y", "-D", "FIXADDR_START=0xfff00000"),
                "Warning only 894MB will be used.",
                "Use a HIGHMEM enabled kernel.",
                "894MB LOWMEM available.");
        // 2.6.24: MAXMEM = 0x38000000 whatever the fixmap: 896 MB
        assertBlock(run("--kernel=2.6.24", "--ram=2G", "-D", "NOHIGHMEM=y"),
                "Warning only 896MB will be used.",
                "Use a HIGHMEM enabled kernel.",
                "896MB LOWMEM available.");
    }

    /**
     * highmem= bigger than the highmem there is: 2 GB, max_pfn 0x80000; highmem=2G = 0x80000 pages;
     * 0x80000 + 0x377fe > max_pfn, so MSG_HIGHMEM_TOO_SMALL with pages_to_mb(0x80000 - 0x377fe) =
     * 0x48802 >> 8 = 1160, highmem_pages reset, all 1160 MB kept.
     */
    @Test
    void highmemBiggerThanTheHighmemThereIs() {
        assertBlock(run("--kernel=3.2", "--ram=2G", "highmem=2G", FIX),
                "only 1160MB highmem pages available, ignoring highmem size of 2048MB!",
                "1160MB HIGHMEM available.",
                "887MB LOWMEM available.");
        // 2.6.24: MAXMEM_PFN 0x38000, (0x80000 - 0x38000) >> 8 = 1152; plain printk, "." instead of "!"
        assertBlock(run("--kernel=2.6.24", "--ram=2G", "highmem=2G"),
                "only 1152MB highmem pages available, ignoring highmem size of 2048MB.",
                "1152MB HIGHMEM available.",
                "896MB LOWMEM available.");
    }

    /**
     * highmem= smaller than the highmem there is trims RAM, silently: highmem=256M = 0x10000 pages,
     * 0x10000 + 0x377fe = 0x477fe < 0x80000, so max_pfn = 0x477fe: 256 MB highmem; the rest, 0x80000 -
     * 0x477fe = 0x38802 pages = 904.01 MB, is not used (exit status 1: RAM dropped).
     */
    @Test
    void highmemTrimsRam() {
        CliRunner.Result r = X86Run.run("--kernel=3.2", "--ram=2G", "highmem=256M", FIX);
        assertEquals(1, r.status(), r.toString());
        assertBlock(r.outLines(), "256MB HIGHMEM available.", "887MB LOWMEM available.");
        assertBlock(r.outLines().stream().map(String::strip).toList(),
                "0x477fe000-0x80000000 dropped  904.01 MB  above the highmem= size");
    }

    /**
     * More than 4 GB on a kernel without PAE, 2.6.27 on: e820_end_pfn() stops at MAX_ARCH_PFN = 1 << 20
     * (RAM [1 MB, 5 GB) ends at pfn 0x140000 > 0x100000, so last_pfn = 0x100000), and the "only 4GB"
     * warning can no longer be reached: highmem = (0x100000 - 0x377fe) >> 8 = 0xc8802 >> 8 = 3208 MB.
     */
    @Test
    void moreThan4GbWithoutPae() {
        List<String> out = run("--kernel=3.2", "--e820=0:0x9fc00:usable", "--e820=0x100000:0x13ff00000:usable", FIX);
        assertBlock(out,
                "last_pfn = 0x100000 max_arch_pfn = 0x100000",
                "3208MB HIGHMEM available.",
                "887MB LOWMEM available.");
        assertFalse(X86Run.hasLineStarting(out, "Warning"));
    }

    /**
     * HIGHMEM4G with more than 4 GB before 2.6.27: find_max_pfn() has no limit (max_pfn 0x140000), so
     * find_max_low_pfn() clamps to MAX_NONPAE_PFN with two KERN_WARNING lines; highmem = (0x100000 -
     * 0x38000) >> 8 = 3200 MB. Up to 2.6.23 the advice was "Use a PAE enabled kernel.".
     */
    @Test
    void highmem4gWithMoreThan4Gb() {
        assertBlock(run("--kernel=2.6.24", "--e820=0:0x9fc00:usable", "--e820=0x100000:0x13ff00000:usable"),
                "Warning only 4GB will be used.",
                "Use a HIGHMEM64G enabled kernel.",
                "3200MB HIGHMEM available.",
                "896MB LOWMEM available.");
        assertBlock(run("--kernel=2.6.22", "--e820=0:0x9fc00:usable", "--e820=0x100000:0x13ff00000:usable"),
                "Warning only 4GB will be used.",
                "Use a PAE enabled kernel.",
                "3200MB HIGHMEM available.");
    }

    /**
     * NOHIGHMEM with X86_PAE (legal: PAE without highmem) and 5 GB: MAX_ARCH_PFN is 1 << 24, max_pfn
     * 0x140000 > MAX_NONPAE_PFN, so the advice is HIGHMEM64G. PAE without kmap slots: VMALLOC_END =
     * 0xfff00000 - 8 kB = 0xffefe000, MAXMEM 0x37efe000, 894 MB.
     */
    @Test
    void paeWithoutHighmemAndMoreThan4Gb() {
        assertBlock(run("--kernel=3.2", "--e820=0:0x9fc00:usable", "--e820=0x100000:0x13ff00000:usable",
                        "-D", "NOHIGHMEM=y", "-D", "X86_PAE=y", "-D", "FIXADDR_START=0xfff00000"),
                "last_pfn = 0x140000 max_arch_pfn = 0x1000000",
                "Warning only 894MB will be used.",
                "Use a HIGHMEM64G enabled kernel.",
                "894MB LOWMEM available.");
    }

    /**
     * The 2.6.27-2.6.29 find_low_pfn_range() joins its two string literals without a space. On x86_32
     * that branch needs max_pfn > 4 GB on a kernel without HIGHMEM64G, which MAX_ARCH_PFN rules out;
     * with 5 GB the 2.6.28 kernel prints only last_pfn = 0x100000 and no warning.
     */
    @Test
    void the4GbTextOf2628IsUnreachable() {
        List<String> out = run("--kernel=2.6.28", "--e820=0:0x9fc00:usable", "--e820=0x100000:0x13ff00000:usable");
        assertBlock(out, "last_pfn = 0x100000 max_arch_pfn = 0x100000");
        assertFalse(X86Run.hasLineStarting(out, "Warning"));
    }

    /**
     * After bbeb69ce3013 "x86/mm: Remove CONFIG_HIGHMEM64G support" (6.15) a PAE kernel is HIGHMEM4G +
     * X86_PAE: with 5 GB max_pfn = 0x140000 > MAX_NONPAE_PFN 0x100000, so highmem_pfn_init() trims to 4 GB
     * and prints MSG_HIGHMEM_TRIMMED. Its text lost a doubled "for" in 6.15-rc7 (03680913744d "x86/mm:
     * Remove duplicated word in warning message", in the rc7 shortlog): released 6.15 prints "Support for
     * CONFIG_HIGHMEM64G", 6.15-rc2 (the boot log testdata/x86/x86-14) "Support for for CONFIG_HIGHMEM64G".
     * HIGHMEM64G itself is refused.
     */
    @Test
    void afterHighmem64gWasRemoved() {
        String[] fiveGb = {"--e820=0:0x9fc00:usable", "--e820=0x100000:0x13ff00000:usable", "-D", "HIGHMEM4G=y", "-D", "X86_PAE=y"};
        assertBlock(run(concat("--kernel=6.15", fiveGb)),
                "Warning: only 4GB will be used. Support for CONFIG_HIGHMEM64G was removed!");
        assertBlock(run(concat("--kernel=6.18.2", fiveGb)),
                "Warning: only 4GB will be used. Support for CONFIG_HIGHMEM64G was removed!");
        assertBlock(run(concat("--kernel=6.15-rc2", fiveGb)),
                "Warning: only 4GB will be used. Support for for CONFIG_HIGHMEM64G was removed!");
        assertBlock(run(concat("--kernel=6.15-rc7", fiveGb)),
                "Warning: only 4GB will be used. Support for CONFIG_HIGHMEM64G was removed!");
        assertEquals(2, X86Run.run("--kernel=6.15", "-D", "HIGHMEM64G=y").status());
    }

    /**
     * The "High Memory Support" default of 6.15 (bbeb69ce3013): {@code config HIGHMEM4G bool "High Memory
     * Support"} has no default line, so without -D the kernel has no HIGHMEM; 6.14 still has the choice's
     * "default HIGHMEM4G". With VMALLOC_END pinned at 0xff7fe000, MAXMEM = 0xff7fe000 - 0xc0000000 - 128M
     * = 0x377fe000: 887 MB (0x377fe000 >> 20). On a 2 GB PC 6.15 prints highmem_pfn_init()'s
     * "Warning only 887MB will be used." and "Use a HIGHMEM enabled kernel." (the text a 6.18.2 NOHIGHMEM
     * kernel printed in Void Linux issue #58214) and no "HIGHMEM available." line; 6.14 puts the rest in
     * highmem: the typical 2 GB map has RAM [0, 0x9fc00) and [1 MB, 2 GB), max_pfn 0x80000, so
     * 0x80000 - 0x377fe = 0x48802 pages = 1160 MB (>> 8) "HIGHMEM available." and "887MB LOWMEM available."
     */
    @Test
    void from615HighmemIsOffByDefault() {
        List<String> k615 = run("--kernel=6.15", "--ram=2G", "-D", "VMALLOC_END=0xff7fe000");
        assertBlock(k615, "Warning only 887MB will be used.", "Use a HIGHMEM enabled kernel.");
        assertFalse(k615.stream().anyMatch(l -> l.endsWith("MB HIGHMEM available.")), k615.toString());
        assertBlock(run("--kernel=6.14", "--ram=2G", "-D", "VMALLOC_END=0xff7fe000"),
                "1160MB HIGHMEM available.", "887MB LOWMEM available.");
        CliRunner.Result r = X86Run.run("--kernel=6.15", "--ram=2G");
        assertTrue(r.out().contains("no HIGHMEM (from 6.15 \"High Memory Support\", CONFIG_HIGHMEM4G, has no Kconfig default)"),
                r.out());
        // pinned, it is the distribution kernel's HIGHMEM4G=y
        assertBlock(run("--kernel=6.15", "--ram=2G", "-D", "VMALLOC_END=0xff7fe000", "-D", "HIGHMEM4G=y"),
                "887MB LOWMEM available.");
    }

    private static String[] concat(String first, String... rest) {
        String[] out = new String[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    /**
     * The 64 GB limit of PAE: MAX_ARCH_PFN = 1 << 24. RAM at [64 GB, 80 GB) starts at pfn 0x1000000 >=
     * the limit and is skipped; last_pfn is the end of the RAM below, 0x140000. With PAE (2 MB PMDs) and
     * -D FIXADDR_START=0xfff16000, MAXMEM_PFN = 0x37bfe (X86LayoutTest): highmem (0x140000 - 0x37bfe)
     * >> 8 = 0x108402 >> 8 = 4228 MB, lowmem 0x37bfe >> 8 = 891 MB; the 16 GB above 64 GB is dropped.
     */
    @Test
    void paeStopsAt64Gb() {
        CliRunner.Result r = X86Run.run("--kernel=3.2", "--e820=0:0x9fc00:usable", "--e820=0x100000:0x13ff00000:usable",
                "--e820=0x1000000000:0x400000000:usable", "-DHIGHMEM64G=y", FIX);
        assertEquals(1, r.status(), r.toString());
        assertBlock(r.outLines(),
                "last_pfn = 0x140000 max_arch_pfn = 0x1000000",
                "4228MB HIGHMEM available.",
                "891MB LOWMEM available.");
        assertTrue(r.out().contains("0x1000000000-0x1400000000 dropped   16384 MB  above 64 GB: MAX_ARCH_PFN of a PAE kernel"),
                r.out());
    }

    /** The HIGHMEM line is printed for any CONFIG_HIGHMEM kernel, even with no highmem. */
    @Test
    void zeroMbOfHighmemIsStillPrinted() {
        assertBlock(run("--kernel=4.19", "--ram=512M"), "0MB HIGHMEM available.", "512MB LOWMEM available.");
    }
}
