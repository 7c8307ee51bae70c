package vmlayout.engine.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vmlayout.engine.x86.X86Run.assertBlock;
import static vmlayout.engine.x86.X86Run.kernel;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmlayout.CliRunner;

/** The table's arithmetic per era: MAXMEM, VMALLOC_START, PKMAP_BASE, cpu_entry, LDT, Kconfig, reservetop=. */
class X86LayoutTest {

    /**
     * vmalloc=256M before and after 2.6.28, 2 GB, -D FIXADDR_START=0xfff16000 (233 pages).
     * PKMAP_BASE: 233 permanent pages + 256 boot slots (233 ^ 488 has no bit at 1024 or above: no move)
     * + FIX_WP_TEST = 490 pages, FIXADDR_BOOT_START = 0xfffff000 - 490 * 4096 = 0xffe15000;
     * (0xffe15000 - 1025 * 4096) & 0xffc00000 = 0xffa14000 & 0xffc00000 = 0xff800000; VMALLOC_END =
     * 0xff7fe000.
     * <ul>
     *   <li>2.6.27: __VMALLOC_RESERVE = 256M, MAXMEM = 2^32 - 0xc0000000 - 0x10000000 = 0x30000000,
     *       lowmem to 0xf0000000 (768 MB); VMALLOC_START = (0xf0000000 + 16M - 1) & ~(8M - 1) = 0xf0800000;
     *       0xff7fe000 - 0xf0800000 = 0x0effe000: 239 MB.</li>
     *   <li>2.6.28: __VMALLOC_RESERVE = 256M + 8M = 0x10800000, MAXMEM = 0xff7fe000 - 0xc0000000 -
     *       0x10800000 = 0x2effe000 (751 MB); VMALLOC_START = 0xeeffe000 + 8M = 0xef7fe000: 256 MB.</li>
     * </ul>
     */
    @Test
    void vmallocBeforeAndAfter2628() {
        assertBlock(kernel("--kernel=2.6.27", "--ram=2G", "-DFIXADDR_START=0xfff16000", "vmalloc=256M"),
                "virtual kernel memory layout:",
                "    fixmap  : 0xfff16000 - 0xfffff000   ( 932 kB)",
                "    pkmap   : 0xff800000 - 0xffc00000   (4096 kB)",
                "    vmalloc : 0xf0800000 - 0xff7fe000   ( 239 MB)",
                "    lowmem  : 0xc0000000 - 0xf0000000   ( 768 MB)");
        assertBlock(kernel("--kernel=2.6.28", "--ram=2G", "-DFIXADDR_START=0xfff16000", "vmalloc=256M"),
                "    vmalloc : 0xef7fe000 - 0xff7fe000   ( 256 MB)",
                "    lowmem  : 0xc0000000 - 0xeeffe000   ( 751 MB)");
    }

    /**
     * The cpu_entry_area (4.15) and the LDT PMD (4.19), NR_CPUS=1, -D FIXADDR_START=0xfffa4000.
     * CPU_ENTRY_AREA_PAGES = 1 * 40; base = (0xfffa4000 - 41 * 4096) & 0xffc00000 = 0xffc00000 (4.15-4.16
     * from FIXADDR_START; 4.17+ from FIXADDR_TOT_START gives the same here); the row is 1 + 39 pages =
     * 160 kB (4.15-4.19), 1 + 38 = 156 kB from 4.20.
     * <ul>
     *   <li>4.18: PKMAP_BASE = (0xffc00000 - 4096) & 0xffc00000 = 0xff800000, VMALLOC_END 0xff7fe000,
     *       MAXMEM 0x377fe000 (887 MB), VMALLOC_START 0xf77fe000 + 8M = 0xf7ffe000: 120 MB.</li>
     *   <li>4.20: LDT_BASE_ADDR = 0xff800000, PKMAP_BASE = (0xff800000 - 4096) & 0xffc00000 = 0xff400000,
     *       VMALLOC_END 0xff3fe000, MAXMEM 0x373fe000 (883 MB), VMALLOC_START 0xf7bfe000.</li>
     * </ul>
     */
    @Test
    void cpuEntryAreaAndLdt() {
        assertBlock(kernel("--kernel=4.18", "--ram=2G", "-DNR_CPUS=1", "-DFIXADDR_START=0xfffa4000"),
                "virtual kernel memory layout:",
                "    fixmap  : 0xfffa4000 - 0xfffff000   ( 364 kB)",
                "  cpu_entry : 0xffc00000 - 0xffc28000   ( 160 kB)",
                "    pkmap   : 0xff800000 - 0xffc00000   (4096 kB)",
                "    vmalloc : 0xf7ffe000 - 0xff7fe000   ( 120 MB)",
                "    lowmem  : 0xc0000000 - 0xf77fe000   ( 887 MB)");
        assertBlock(kernel("--kernel=4.20", "--ram=2G", "-DNR_CPUS=1", "-DFIXADDR_START=0xfffa4000"),
                "  cpu_entry : 0xffc00000 - 0xffc27000   ( 156 kB)",
                "    pkmap   : 0xff400000 - 0xff800000   (4096 kB)",
                "    vmalloc : 0xf7bfe000 - 0xff3fe000   ( 120 MB)",
                "    lowmem  : 0xc0000000 - 0xf73fe000   ( 883 MB)");
    }

    /**
     * No CONFIG_HIGHMEM, 4.19: no pkmap row; VMALLOC_END = LDT_BASE_ADDR - 8 kB. With -D
     * FIXADDR_START=0xfffa4000, NR_CPUS=1: CPU_ENTRY_AREA_BASE 0xffc00000, LDT 0xff800000, VMALLOC_END
     * 0xff7fe000; 512 MB of RAM: lowmem to 0xe0000000, VMALLOC_START 0xe0800000, 0x1effe000: 495 MB.
     */
    @Test
    void noHighmemHasNoPkmapRow() {
        assertBlock(kernel("--kernel=4.19", "--ram=512M", "-DNOHIGHMEM=y", "-DNR_CPUS=1", "-DFIXADDR_START=0xfffa4000"),
                "virtual kernel memory layout:",
                "    fixmap  : 0xfffa4000 - 0xfffff000   ( 364 kB)",
                "  cpu_entry : 0xffc00000 - 0xffc28000   ( 160 kB)",
                "    vmalloc : 0xe0800000 - 0xff7fe000   ( 495 MB)",
                "    lowmem  : 0xc0000000 - 0xe0000000   ( 512 MB)");
    }

    /**
     * PAE (HIGHMEM64G): 2 MB PMDs and LAST_PKMAP 512. 3.2, -D FIXADDR_START=0xfff16000: 233 permanent
     * pages; PTRS_PER_PTE 512 and 233 ^ 488 has no bit at 512 or above: boot slots end at 233 + 256 +
     * 1 = 490 pages, 0xffe15000; PKMAP_BASE = (0xffe15000 - 513 * 4096) & ~0x1fffff = 0xffc14000 &
     * 0xffe00000 = 0xffc00000; VMALLOC_END 0xffbfe000; MAXMEM = 0xffbfe000 - 0xc0000000 - 128M =
     * 0x37bfe000 (891 MB).
     */
    @Test
    void paeHasTwoMegabytePmdsAnd512KmapSlots() {
        assertBlock(kernel("--kernel=3.2", "--ram=2G", "-DHIGHMEM64G=y", "-DFIXADDR_START=0xfff16000"),
                "    pkmap   : 0xffc00000 - 0xffe00000   (2048 kB)",
                "    vmalloc : 0xf83fe000 - 0xffbfe000   ( 120 MB)",
                "    lowmem  : 0xc0000000 - 0xf7bfe000   ( 891 MB)");
    }

    /**
     * VMSPLIT_2G: PAGE_OFFSET 0x80000000. 3.2, 2 GB, -D FIXADDR_START=0xfff16000: MAXMEM = 0xff7fe000 -
     * 0x80000000 - 128M = 0x777fe000 (1911 MB); max_pfn 0x80000 > 0x777fe: highmem (0x80000 - 0x777fe)
     * >> 8 = 136 MB.
     */
    @Test
    void twoGigabyteSplit() {
        List<String> out = kernel("--kernel=3.2", "--ram=2G", "-DVMSPLIT_2G=y", "-DFIXADDR_START=0xfff16000");
        assertBlock(out, "136MB HIGHMEM available.", "1911MB LOWMEM available.");
        assertBlock(out, "    lowmem  : 0x80000000 - 0xf77fe000   (1911 MB)");
    }

    /** Kconfig refuses these: exit 2 with one line naming the symbol. */
    @Test
    void kconfigContradictionsAreInputErrors() {
        CliRunner.Result optWithPae = X86Run.run("-DHIGHMEM64G=y", "-DVMSPLIT_3G_OPT=y");
        assertEquals(2, optWithPae.status());
        assertTrue(optWithPae.err().contains("VMSPLIT_3G_OPT"), optWithPae.err());
        CliRunner.Result paeWith4g = X86Run.run("-DHIGHMEM4G=y", "-DX86_PAE=y");
        assertEquals(2, paeWith4g.status());
        assertTrue(paeWith4g.err().contains("X86_PAE"), paeWith4g.err());
        assertEquals(2, X86Run.run("-DHIGHMEM4G=y", "-DHIGHMEM64G=y").status());
        assertEquals(2, X86Run.run("--ram=1G", "--e820=0:0x9fc00:usable").status());
    }

    /**
     * reservetop=16M. 2.6.24: "Reserving virtual address space above 0xff000000", __FIXADDR_TOP =
     * 0xff000000 - 4096 = 0xfefff000 and __VMALLOC_RESERVE += 16M (144M): MAXMEM = 2^32 - 0xc0000000 -
     * 0x09000000 = 0x37000000 (880 MB). 3.2 (no += reserve): the 233-page fixmap from 0xfefff000 starts
     * at 0xfef16000; boot slots to 0xfefff000 - 490 * 4096 = 0xfee15000; PKMAP_BASE = (0xfee15000 -
     * 0x401000) & 0xffc00000 = 0xfe800000; VMALLOC_END 0xfe7fe000; MAXMEM = 0x367fe000 (871 MB).
     */
    @Test
    void reservetopMovesTheTop() {
        List<String> old = kernel("--kernel=2.6.24", "--ram=2G", "-DFIXADDR_START=0xfef4f000", "reservetop=16M");
        assertBlock(old, "Reserving virtual address space above 0xff000000");
        assertBlock(old,
                "    fixmap  : 0xfef4f000 - 0xfefff000   ( 704 kB)",
                "    pkmap   : 0xfe800000 - 0xfec00000   (4096 kB)",
                "    vmalloc : 0xf7800000 - 0xfe7fe000   ( 111 MB)",
                "    lowmem  : 0xc0000000 - 0xf7000000   ( 880 MB)");
        List<String> mid = kernel("--kernel=3.2", "--ram=2G", "-DNR_CPUS=8", "reservetop=16M");
        assertBlock(mid,
                "    fixmap  : 0xfef16000 - 0xfefff000   ( 932 kB)",
                "    pkmap   : 0xfe800000 - 0xfec00000   (4096 kB)",
                "    vmalloc : 0xf6ffe000 - 0xfe7fe000   ( 120 MB)",
                "    lowmem  : 0xc0000000 - 0xf67fe000   ( 871 MB)");
    }

    /**
     * From 4.2 reserve_top_address() rounds down to a PMD: reservetop=17M, -reserve = 0xfef00000,
     * round_down to 4 MB = 0xfec00000, __FIXADDR_TOP = 0xfebff000.
     */
    @Test
    void reservetopRoundsToAPmdFrom42() {
        List<String> out = kernel("--kernel=4.4", "--ram=2G", "reservetop=17M");
        assertBlock(out, "Reserving virtual address space above 0xfef00000 (rounded to 0xfec00000)");
        assertTrue(out.stream().anyMatch(s -> s.startsWith("    fixmap  : ") && s.contains(" - 0xfebff000 ")), String.join("\n", out));
    }

    /** 5.7 stopped printing the table: it is shown in the 5.6 form, with a note and tablePrinted false. */
    @Test
    void tableRemovedIn57() {
        CliRunner.Result r = X86Run.run("--kernel=5.7", "--ram=1G", "--format=json");
        assertTrue(r.out().contains("\"tablePrinted\" : false"), r.out());
        assertTrue(r.out().contains("\"name\" : \"cpu_entry\""), r.out());
        assertTrue(r.out().contains("no longer prints this table"), r.out());
    }

    /** Regions in table order with stable ids, sections only when their symbols are given. */
    @Test
    void regionsFollowTheTable() {
        CliRunner.Result r = X86Run.run("--kernel=4.15", "--ram=1G", "-D_text=0xc1000000", "-D_etext=0xc1400000",
                "-D_edata=0xc1500000", "-D__init_begin=0xc1600000", "-D__init_end=0xc1700000", "--format=json");
        String out = r.out();
        int[] at = new int[8];
        String[] ids = {"fixmap", "cpu_entry", "pkmap", "vmalloc", "lowmem", "init", "data", "text"};
        for (int i = 0; i < ids.length; i++) {
            at[i] = out.indexOf("\"name\" : \"" + ids[i] + "\"");
            assertTrue(at[i] > 0 && (i == 0 || at[i] > at[i - 1]), ids[i] + " out of order in\n" + out);
        }
    }
}
