package vmlayout.engine.x86;

import static vmlayout.engine.x86.X86Run.assertBlock;
import static vmlayout.engine.x86.X86Run.kernel;

import org.junit.jupiter.api.Test;

/**
 * The boot-time fixmap slots after the permanent fixmap (arch/x86/include/asm/fixmap.h) and what they move:
 * FIXADDR_BOOT_START (PKMAP_BASE up to 4.8) and FIXADDR_TOT_START (CPU_ENTRY_AREA_BASE from 4.17).
 * <pre>
 *   2.6.27-2.6.32  64 x 4 slots, FIX_BTMAP_END = end + 256 - (end &amp; 255)              (always moved up)
 *   3.0-3.13       64 x 4 slots, FIX_BTMAP_END = (end ^ (end + 255)) &amp; -PTRS_PER_PTE
 *                                  ? end + 256 - (end &amp; 255) : end                       (only to stay in one page table)
 *   3.14 on        64 x 8 slots, the same with 512
 * </pre>
 * then FIX_WP_TEST; end = __end_of_permanent_fixed_addresses, PTRS_PER_PTE 1024 (non-PAE) or 512 (PAE).
 * The permanent fixmap is pinned with -D FIXADDR_START = 0xfffff000 - pages * 4096, RAM 2 GB (more than
 * lowmem), so lowmem = MAXMEM = VMALLOC_END - 0xc0000000 - 128 MB.
 */
class X86BootSlotsTest {

    /**
     * 700 permanent pages (FIXADDR_START 0xfffff000 - 0x2bc000 = 0xffd43000, 2800 kB), non-PAE:
     * PKMAP_BASE = (FIXADDR_BOOT_START - 1025 * 4096) &amp; 0xffc00000 up to 4.8.
     * <ul>
     *   <li>2.6.32: FIX_BTMAP_END = 700 + 256 - 188 = 768, BEGIN 1023, FIX_WP_TEST 1024: 1025 pages;
     *       0xfffff000 - 0x401000 = 0xffbfe000; 0xffbfe000 - 0x401000 = 0xff7fd000 -&gt; PKMAP 0xff400000,
     *       VMALLOC_END 0xff3fe000, MAXMEM 0x373fe000 (883 MB), VMALLOC_START 0xf73fe000 + 8M = 0xf7bfe000.</li>
     *   <li>3.0 and 3.13: 700 ^ 955 = 0b1010111100 ^ 0b1110111011 has no bit at 1024 or above: END stays 700,
     *       957 pages; 0xfffff000 - 0x3bd000 = 0xffc42000; - 0x401000 = 0xff841000 -&gt; PKMAP 0xff800000,
     *       VMALLOC_END 0xff7fe000, MAXMEM 0x377fe000 (887 MB), VMALLOC_START 0xf7ffe000.</li>
     *   <li>3.14: 700 ^ 1211 has bit 1024: END = 700 + 512 - (700 &amp; 511 = 188) = 1024, 1537 pages;
     *       0xfffff000 - 0x601000 = 0xff9fe000; - 0x401000 = 0xff5fd000 -&gt; PKMAP 0xff400000 (883 MB).</li>
     *   <li>4.9: PKMAP_BASE from FIXADDR_START: 0xffd43000 - 0x401000 = 0xff942000 -&gt; 0xff800000 (887 MB).</li>
     * </ul>
     */
    @Test
    void pkmapBaseBeforeTheCpuEntryArea() {
        String fix = "-DFIXADDR_START=0xffd43000";
        String[] moved = {"    fixmap  : 0xffd43000 - 0xfffff000   (2800 kB)",
            "    pkmap   : 0xff400000 - 0xff800000   (4096 kB)",
            "    vmalloc : 0xf7bfe000 - 0xff3fe000   ( 120 MB)",
            "    lowmem  : 0xc0000000 - 0xf73fe000   ( 883 MB)"};
        String[] kept = {"    fixmap  : 0xffd43000 - 0xfffff000   (2800 kB)",
            "    pkmap   : 0xff800000 - 0xffc00000   (4096 kB)",
            "    vmalloc : 0xf7ffe000 - 0xff7fe000   ( 120 MB)",
            "    lowmem  : 0xc0000000 - 0xf77fe000   ( 887 MB)"};
        assertBlock(kernel("--kernel=2.6.32", "--ram=2G", "-DHIGHMEM4G=y", fix), moved);
        assertBlock(kernel("--kernel=3.0", "--ram=2G", "-DHIGHMEM4G=y", fix), kept);
        assertBlock(kernel("--kernel=3.13", "--ram=2G", "-DHIGHMEM4G=y", fix), kept);
        assertBlock(kernel("--kernel=3.14", "--ram=2G", "-DHIGHMEM4G=y", fix), moved);
        assertBlock(kernel("--kernel=4.9", "--ram=2G", "-DHIGHMEM4G=y", fix), kept);
    }

    /**
     * 4.19 (CPU_ENTRY_AREA_BASE from FIXADDR_TOT_START, the LDT PMD below it), NR_CPUS=1:
     * CPU_ENTRY_AREA_PAGES = 40, so CEA = (FIXADDR_TOT_START - 41 * 4096 = - 0x29000) &amp; PMD_MASK; the row is
     * 1 + 39 pages = 0x28000 (160 kB); LDT = CEA - PMD, PKMAP = LDT - PMD, VMALLOC_END = PKMAP - 8 kB.
     * <ul>
     *   <li>100 pages (0xfff9b000, 400 kB): 100 ^ 611: bit 512 set, bit 1024 not. PAE moves: END = 100 + 512
     *       - 100 = 512, total 1025 pages, FIXADDR_TOT_START 0xffbfe000, 0xffbd5000 &amp; 0xffe00000 =
     *       0xffa00000, LDT 0xff800000, PKMAP 0xff600000, VMALLOC_END 0xff5fe000, MAXMEM 0x375fe000 (885 MB),
     *       VMALLOC_START 0xf7dfe000. Non-PAE keeps END 100: 613 pages, 0xffd9a000, 0xffd71000 &amp;
     *       0xffc00000 = 0xffc00000, LDT 0xff800000, PKMAP 0xff400000, VMALLOC_END 0xff3fe000 (883 MB).</li>
     *   <li>512 pages (0xffdff000, 2048 kB): 512 ^ 1023 = 511: no move either way; 1025 pages, 0xffbfe000,
     *       0xffbd5000. PAE: 0xffa00000 as above (885 MB). Non-PAE: &amp; 0xffc00000 = 0xff800000, LDT
     *       0xff400000, PKMAP 0xff000000, VMALLOC_END 0xfeffe000, MAXMEM 0x36ffe000 (879 MB), VMALLOC_START
     *       0xf77fe000.</li>
     *   <li>600 pages (0xffda7000, 2400 kB): 600 ^ 1111 has bits 512 and 1024: both move: END = 600 + 512 -
     *       88 = 1024, 1537 pages, 0xff9fe000, 0xff9d5000. PAE: 0xff800000, LDT 0xff600000, PKMAP 0xff400000,
     *       VMALLOC_END 0xff3fe000 (883 MB). Non-PAE: 0xff800000, LDT 0xff400000, PKMAP 0xff000000 (879 MB).</li>
     * </ul>
     */
    @Test
    void cpuEntryAreaFromTheTotalFixmap() {
        assertBlock(kernel("--kernel=4.19", "--ram=2G", "-DHIGHMEM64G=y", "-DNR_CPUS=1", "-DFIXADDR_START=0xfff9b000"),
                "    fixmap  : 0xfff9b000 - 0xfffff000   ( 400 kB)",
                "  cpu_entry : 0xffa00000 - 0xffa28000   ( 160 kB)",
                "    pkmap   : 0xff600000 - 0xff800000   (2048 kB)",
                "    vmalloc : 0xf7dfe000 - 0xff5fe000   ( 120 MB)",
                "    lowmem  : 0xc0000000 - 0xf75fe000   ( 885 MB)");
        assertBlock(kernel("--kernel=4.19", "--ram=2G", "-DHIGHMEM4G=y", "-DNR_CPUS=1", "-DFIXADDR_START=0xfff9b000"),
                "    fixmap  : 0xfff9b000 - 0xfffff000   ( 400 kB)",
                "  cpu_entry : 0xffc00000 - 0xffc28000   ( 160 kB)",
                "    pkmap   : 0xff400000 - 0xff800000   (4096 kB)",
                "    vmalloc : 0xf7bfe000 - 0xff3fe000   ( 120 MB)",
                "    lowmem  : 0xc0000000 - 0xf73fe000   ( 883 MB)");
        assertBlock(kernel("--kernel=4.19", "--ram=2G", "-DHIGHMEM64G=y", "-DNR_CPUS=1", "-DFIXADDR_START=0xffdff000"),
                "    fixmap  : 0xffdff000 - 0xfffff000   (2048 kB)",
                "  cpu_entry : 0xffa00000 - 0xffa28000   ( 160 kB)",
                "    pkmap   : 0xff600000 - 0xff800000   (2048 kB)",
                "    vmalloc : 0xf7dfe000 - 0xff5fe000   ( 120 MB)",
                "    lowmem  : 0xc0000000 - 0xf75fe000   ( 885 MB)");
        assertBlock(kernel("--kernel=4.19", "--ram=2G", "-DHIGHMEM4G=y", "-DNR_CPUS=1", "-DFIXADDR_START=0xffdff000"),
                "    fixmap  : 0xffdff000 - 0xfffff000   (2048 kB)",
                "  cpu_entry : 0xff800000 - 0xff828000   ( 160 kB)",
                "    pkmap   : 0xff000000 - 0xff400000   (4096 kB)",
                "    vmalloc : 0xf77fe000 - 0xfeffe000   ( 120 MB)",
                "    lowmem  : 0xc0000000 - 0xf6ffe000   ( 879 MB)");
        assertBlock(kernel("--kernel=4.19", "--ram=2G", "-DHIGHMEM64G=y", "-DNR_CPUS=1", "-DFIXADDR_START=0xffda7000"),
                "    fixmap  : 0xffda7000 - 0xfffff000   (2400 kB)",
                "  cpu_entry : 0xff800000 - 0xff828000   ( 160 kB)",
                "    pkmap   : 0xff400000 - 0xff600000   (2048 kB)",
                "    vmalloc : 0xf7bfe000 - 0xff3fe000   ( 120 MB)",
                "    lowmem  : 0xc0000000 - 0xf73fe000   ( 883 MB)");
        assertBlock(kernel("--kernel=4.19", "--ram=2G", "-DHIGHMEM4G=y", "-DNR_CPUS=1", "-DFIXADDR_START=0xffda7000"),
                "    fixmap  : 0xffda7000 - 0xfffff000   (2400 kB)",
                "  cpu_entry : 0xff800000 - 0xff828000   ( 160 kB)",
                "    pkmap   : 0xff000000 - 0xff400000   (4096 kB)",
                "    vmalloc : 0xf77fe000 - 0xfeffe000   ( 120 MB)",
                "    lowmem  : 0xc0000000 - 0xf6ffe000   ( 879 MB)");
    }
}
