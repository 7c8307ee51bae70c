package vmlayout.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmlayout.CliRunner;

/**
 * check's {@code cma} metric and {@code reservations-placed} (one of the default requirements), suggest's
 * {@code --want cma=SIZE}. The boards: ARM 6.1, RAM 0x40000000 + 1 GB, VMSPLIT_3G: lowmem 0x40000000-0x70000000
 * (768 MB, vmalloc_min 0xf0000000), the kernel image assumed at 0x40000000-0x41000000 (16 MB, said under "defaults
 * used"), the CMA alignment 4 MB (ARCH_FORCE_MAX_ORDER 11). Worked by hand in src/test/.../ReservationsWorkedTest.
 */
class ReservationChecksTest {

    /** --initrd none: the board boots without an initrd (else vmlayout warns about RAM start + 128 MB, see below). */
    private static final String[] BOARD = {"--arch", "arm", "--kernel", "6.1", "--ram", "0x40000000:1G", "-D", "HIGHMEM=y", "--initrd",
        "none"};

    private static CliRunner.Result run(String... more) {
        String[] a = new String[BOARD.length + more.length];
        System.arraycopy(more, 0, a, 0, 1); // the subcommand first
        System.arraycopy(BOARD, 0, a, 1, BOARD.length);
        System.arraycopy(more, 1, a, 1 + BOARD.length, more.length - 1);
        return CliRunner.run(a);
    }

    @Test
    void aFailedReservationIsADefaultFinding() {
        // cma=900M: highmem 0x70000000-0x80000000 holds 256 MB, lowmem below 0x70000000 is free from the image's end
        // 0x41000000: 0x70000000 - 0x41000000 = 752 MB < 900 MB. The kernel line is one finding, the reservation another
        // with the numbers.
        CliRunner.Result r = run("check", "cma=900M");
        assertEquals(1, r.status(), r.toString());
        assertEquals(List.of("-: no-kernel-warning: the kernel would print: cma: Failed to reserve 900 MiB",
                "-: reservations-placed: cma=900M: the CMA area (900 MB) is not placed: no free 900 MB (aligned to 4 MB) in"
                        + " highmem nor in lowmem; the largest free range in highmem: 0x70000000-0x80000000 (256 MB), in lowmem:"
                        + " 0x41000000-0x70000000 (752 MB)"), r.outLines());
    }

    @Test
    void aCrashKernelThatDoesNotFitIsADefaultFinding() {
        // crashkernel=700M: 128 MB aligned, top-down below 0x70000000 after mem_map (1 GB / 4 kB x 32 bytes = 8 MB at
        // 0x6f800000): the free range 0x41000000-0x6f800000 (744 MB) holds no 700 MB that starts on a 128 MB boundary
        // (0x48000000 + 700 MB = 0x73c00000 > 0x6f800000).
        CliRunner.Result r = run("check", "--require", "reservations-placed", "crashkernel=700M");
        assertEquals(1, r.status(), r.toString());
        assertEquals(List.of("-: reservations-placed: crashkernel=700M: the crash kernel (700 MB) is not placed: no free 700 MB at"
                + " a 128 MB boundary in lowmem below 0x70000000; the largest free range there: 0x41000000-0x6f800000 (744 MB)"),
                r.outLines());
    }

    @Test
    void cmaMetric() {
        // cma=256M lands in highmem at 0x70000000 (256 MB); the metric is the CMA placed
        assertEquals(0, run("check", "--require", "cma>=256M", "-D", "DMA_CMA=y", "cma=256M").status());
        CliRunner.Result r = run("check", "--require", "cma>=512M", "cma=256M");
        assertEquals(List.of("-: cma>=512M: the CMA reserved is 256 MB (268435456 bytes), required >= 512 MB"), r.outLines());
        // nothing asked for: no CMA (CONFIG_DMA_CMA is off by default)
        assertEquals(List.of("-: cma>=16M: the CMA reserved is 0 (0 bytes), required >= 16 MB"),
                run("check", "--require", "cma>=16M").outLines());
    }

    @Test
    void suggestFindsTheCmaThatFits() {
        // --want cma=800M: 800 MB does not fit in highmem (256 MB) nor in the 752 MB of free lowmem; a smaller vmalloc
        // area gives lowmem more. 5.14+ adjust_lowmem_bounds(): lowmem ends at L = VMALLOC_END - vmalloc_size -
        // VMALLOC_OFFSET - PAGE_OFFSET + PHYS_OFFSET = 0x7f000000 - vmalloc_size. CMA goes top-down in the free lowmem
        // above the 16 MB image (0x41000000): base = round_down(L - 800 MB, 4 MB). Then paging_init() needs mem_map in
        // lowmem too: 1 GB / 4 kB = 262144 pages x 32 bytes = 8 MB, which the 4 MB rounding slack above the CMA area
        // cannot hold, so base >= 0x41000000 + 8 MB = 0x41800000: L >= 0x41800000 + 800 MB = 0x73800000, vmalloc_size
        // <= 0x0b800000 = 184M (185M: base 0x41400000, 4 MB below it, 3 MB above: "Failed to allocate ... memory map").
        // suggest shows the rounder 180M with it; both are boot parameters, the cheapest class.
        CliRunner.Result r = run("suggest", "--want", "cma=800M");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains(" 1. cma=800M vmalloc=180M\n"), r.out());
        assertTrue(r.out().contains("a rounder vmalloc= value with the same effect as 184M"), r.out());
        assertTrue(r.out().contains("CMA 0 -> 800 MB"), r.out());
    }

    @Test
    void powerpcCmaGoalIsALimit() {
        CliRunner.Result r = CliRunner.run("suggest", "--arch", "ppc", "--kernel", "6.1", "--ram", "0:768M", "--want", "cma=64M");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.out().contains("cma=64M: vmlayout models the CMA area on arm and x86 only"), r.out());
    }

    @Test
    void aReservationOverAnInitrdNobodyNamedIsAFinding() {
        // Documentation/arm/Booting puts the dtb and the initrd just above RAM start + 128 MB = 0x48000000; QEMU's -kernel
        // loader does (the real 6.1 boot of cma=64M@0x48000000 printed "cma: Failed to reserve 64 MiB": its 864 KiB initrd
        // is there, testdata/arm/realboot-6.1-1024-cma64-on-initrd). Without --initrd vmlayout places 0x48000000-0x4c000000
        // (the base is 4 MB aligned and free) and warns; with the initrd the range is already reserved; with none it is placed.
        String[] board = {"--arch", "arm", "--kernel", "6.1", "--ram", "0x40000000:1G", "-D", "HIGHMEM=y", "cma=64M@0x48000000"};
        CliRunner.Result unknown = CliRunner.run(board);
        assertEquals(1, unknown.status(), unknown.toString());
        assertEquals("cma: Reserved 64 MiB at 0x48000000", unknown.outLines().get(0));
        assertTrue(unknown.out().contains("warning: cma=64M@0x48000000: the CMA area at 0x48000000-0x4c000000 covers 0x48000000"
                + " (RAM start + 128 MB)"), unknown.out());
        assertTrue(unknown.out().contains("this reservation fails. Give --initrd START:SIZE"), unknown.out());
        CliRunner.Result there = CliRunner.run(concat(board, "--initrd", "0x48000000:864K"));
        assertEquals("cma: Failed to reserve 64 MiB", there.outLines().get(0));
        assertEquals(1, there.status(), there.toString());
        CliRunner.Result none = CliRunner.run(concat(board, "--initrd", "none"));
        assertEquals("cma: Reserved 64 MiB at 0x48000000", none.outLines().get(0));
        assertEquals(0, none.status(), none.toString());
    }

    @Test
    void anInitrdOutsideMemoryIsRefusedAsTheReleaseSaysIt() {
        // mem=64M keeps 0x40000000-0x44000000; an initrd of 0xd7d93 bytes at 0x48000000 is outside it. 6.1
        // (reserve_initrd_mem()) prints it rounded out to pages: 0xd7d93 -> 0xd8000, as the real boot did
        // (testdata/arm/realboot-6.1-1024-mem64M-initrd-not-memory); 3.0 (arm_memblock_init()) as given, 0x000d7d93.
        // The line comes before dma_contiguous_reserve()'s: CMA 16 MiB top-down below 0x44000000 = 0x43000000.
        String[] board = {"--arch", "arm", "--ram", "0x40000000:1G", "-D", "HIGHMEM=y", "-D", "DMA_CMA=y", "-D",
            "CMA_SIZE_MBYTES=16", "--initrd", "0x48000000:0xd7d93", "mem=64M", "--kernel-only"};
        CliRunner.Result now = CliRunner.run(concat(board, "--kernel", "6.1"));
        assertEquals("INITRD: 0x48000000+0x000d8000 is not a memory region - disabling initrd", now.outLines().get(0), now.toString());
        assertEquals("cma: Reserved 16 MiB at 0x43000000", now.outLines().get(1), now.toString());
        CliRunner.Result old = CliRunner.run(concat(board, "--kernel", "3.0"));
        assertTrue(old.out().contains("INITRD: 0x48000000+0x000d7d93 is not a memory region - disabling initrd\n"), old.toString());
    }

    @Test
    void memMapThatDoesNotFitInLowmemStopsTheBoot() {
        // vmalloc=1000M on 1 GB at 0x40000000: lowmem 0x40000000-0x42000000 (32 MB). alloc_node_mem_map() wants 1 GB / 4 kB
        // = 262144 pages x 36 bytes (struct page with CONFIG_MEMCG) = 9437184 bytes below 0x42000000. A 24 MB image at
        // PHYS_OFFSET leaves 8 MB: 6.1 panics with that figure (as the real 6.12 boot testdata/arm/log15 did); a 20 MB one
        // leaves 12 MB, room enough. 4.19 has no such message (the _nopanic allocation): a vmlayout warning instead.
        String[] board = {"--arch", "arm", "--ram", "0x40000000:1G", "-D", "HIGHMEM=y", "-D", "MEMCG=y", "--initrd", "none",
            "vmalloc=1000M"};
        CliRunner.Result tight = CliRunner.run(concat(board, "--kernel", "6.1", "-D", "KERNEL_SIZE=24M"));
        assertEquals(1, tight.status(), tight.toString());
        assertTrue(tight.out().contains("\nKernel panic - not syncing: Failed to allocate 9437184 bytes for node 0 memory map\n"),
                tight.out());
        CliRunner.Result roomy = CliRunner.run(concat(board, "--kernel", "6.1", "-D", "KERNEL_SIZE=20M"));
        assertFalse(roomy.out().contains("memory map"), roomy.out());
        CliRunner.Result old = CliRunner.run(concat(board, "--kernel", "4.19", "-D", "KERNEL_SIZE=24M"));
        assertFalse(old.out().contains("Kernel panic"), old.out());
        assertTrue(old.out().contains("warning: mem_map does not fit in lowmem: 262144 struct pages of 36 bytes = 9 MB"), old.out());
    }

    @Test
    void theCommandLinesInitrdWinsAndIsCheckedAsTheReleaseSaysIt() {
        // initrd=0x40300000,1M lies inside the typical kernel image (0x40000000-0x41000000, reserved first): 6.1's
        // reserve_initrd_mem() prints two records (pr_err ending in a newline, then pr_cont), 5.10's arm_initrd_init() one
        // line; both before the default CMA area (16 MiB at the top of RAM, 0x7f000000: from 3.18 dma_contiguous_reserve()
        // gets arm_dma_limit and mm/cma.c tries highmem first, as testdata/arm/realboot-6.1-1024-initrd-param-overlaps-image).
        String[] board = {"--arch", "arm", "--ram", "0x40000000:1G", "-D", "HIGHMEM=y", "-D", "DMA_CMA=y", "-D",
            "CMA_SIZE_MBYTES=16", "--initrd", "0x48000000:864K", "initrd=0x40300000,1M", "--kernel-only"};
        CliRunner.Result now = CliRunner.run(concat(board, "--kernel", "6.1"));
        assertEquals(List.of("INITRD: 0x40300000+0x00100000 overlaps in-use memory region", " - disabling initrd",
                "cma: Reserved 16 MiB at 0x7f000000"), now.outLines().subList(0, 3), now.toString());
        CliRunner.Result older = CliRunner.run(concat(board, "--kernel", "5.10"));
        assertEquals("INITRD: 0x40300000+0x00100000 overlaps in-use memory region - disabling initrd", older.outLines().get(0),
                older.toString());
        // without ",SIZE" early_initrd() sets nothing: --initrd's 0x48000000 stays, in memory and free: no INITRD line
        CliRunner.Result bare = CliRunner.run("--arch", "arm", "--kernel", "6.1", "--ram", "0x40000000:1G", "--initrd",
                "0x48000000:864K", "initrd=0x40300000");
        assertFalse(bare.out().contains("INITRD:"), bare.out());
        assertTrue(bare.out().contains("note: initrd=0x40300000 is ignored: early_initrd() takes initrd=START,SIZE"), bare.out());
    }

    @Test
    void x86MemMapThatDoesNotFitInLowmemStopsTheBoot() {
        // 6.1 PAE, RAM 0x100000-0x80000000 and 0x100000000-0x400000000 (max_pfn 0x400000), vmalloc=800M: lowmem ends at
        // max_low_pfn << 12 = 0x0c7fe000 (as the real 16 GB boot). mem_map: 0x400000 pages x 40 (32 + 4 MEMCG, aligned to
        // 8) = 167772160 bytes. The image at 16 MB: with 20 MB it ends at 0x2400000, leaving 0x0c7fe000 - 0x2400000 =
        // 171958272 bytes: room; with 24 MB (0x2800000) 167763968, 8192 bytes short: the panic.
        String[] board = {"--arch", "x86", "--kernel", "6.1", "-D", "X86_PAE=y", "-D", "HIGHMEM64G=y", "-D", "MEMCG=y", "-D",
            "HAVE_ALIGNED_STRUCT_PAGE=y", "--e820", "0x0:0x9fc00:usable", "--e820", "0x100000:0x7ff00000:usable", "--e820",
            "0x100000000:0x300000000:usable", "vmalloc=800M", "--kernel-only"};
        CliRunner.Result roomy = CliRunner.run(concat(board, "-D", "KERNEL_SIZE=20M"));
        assertFalse(roomy.out().contains("memory map"), roomy.toString());
        CliRunner.Result tight = CliRunner.run(concat(board, "-D", "KERNEL_SIZE=24M"));
        assertTrue(tight.out().contains("Kernel panic - not syncing: Failed to allocate 167772160 bytes for node 0 memory map"),
                tight.toString());
    }

    @Test
    void anInitrdAboveLowmemIsAFinding() {
        // vmalloc=1000M on 1 GB at 0x40000000 (6.1): limited to 976 MiB, vmalloc_min = 0xff800000 - 976 MiB - 8 MB =
        // 0xc2000000, so lowmem ends at physical 0x42000000. The initrd at 0x48000000 is RAM (highmem), which the kernel
        // accepts and then reads through __va(): an Oops (testdata/arm/realboot-6.1-1024-vmalloc1000M-initrd-in-highmem-oops).
        String[] board = {"--arch", "arm", "--kernel", "6.1", "--ram", "0x40000000:1G", "-D", "HIGHMEM=y", "--initrd",
            "0x48000000:864K"};
        CliRunner.Result high = CliRunner.run(concat(board, "vmalloc=1000M"));
        assertEquals(1, high.status(), high.toString());
        assertTrue(high.out().contains("warning: the initrd at 0x48000000-0x480d8000 (--initrd) is not in lowmem, which ends at"
                + " 0x42000000"), high.out());
        // the default vmalloc area (240 MB) leaves lowmem to 0x70000000, over the initrd: no warning
        CliRunner.Result low = CliRunner.run(board);
        assertEquals(0, low.status(), low.toString());
        assertFalse(low.out().contains("is not in lowmem"), low.out());
    }

    @Test
    void suggestKeepsTheCmaOffAnUnknownInitrd() {
        // Without --initrd, a CMA area over 0x48000000 is a finding (above), so the vmalloc= suggestion must leave lowmem
        // room for 800 MB above it: top-down, base = round_down(lowmem_end - 800 MB, 4 MB) must be >= 0x48400000, so
        // lowmem_end >= 0x7a400000; lowmem_end = 0xff800000 - vmalloc - 8 MB - 0xc0000000 + 0x40000000 = 0x7f000000 - vmalloc,
        // so vmalloc <= 0x04c00000 = 76 MB (shown as the rounder 75M: lowmem_end 0x7a500000, base 0x48400000).
        CliRunner.Result r = CliRunner.run("suggest", "--arch", "arm", "--kernel", "6.1", "--ram", "0x40000000:1G", "-D", "HIGHMEM=y",
                "--want", "cma=800M");
        assertTrue(r.out().contains(" 1. cma=800M vmalloc=75M\n"), r.out());
        assertTrue(r.out().contains("a rounder vmalloc= value with the same effect as 76M"), r.out());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
