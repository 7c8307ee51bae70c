package vmlayout.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmlayout.CliRunner;
import vmlayout.config.Boundary;
import vmlayout.config.KernelVersion;

/**
 * diff --kernel A..B: every era boundary between A and B, each with its effect on the board.
 *
 * <p>The 2 GB PC (the typical map: RAM [0, 0x9fc00) and [1 MB, 2 GB), max_pfn 0x80000) with VMALLOC_END
 * pinned at 0xff7fe000: MAXMEM = 0xff7fe000 - 0xc0000000 - 128M = 0x377fe000, 887 MB of lowmem. 6.14 has
 * the Kconfig default HIGHMEM4G: 0x80000 - 0x377fe = 0x48802 pages = 1160 MB of highmem. 6.15
 * (bbeb69ce3013, HIGHMEM64G_REMOVED) has no default for HIGHMEM4G: without HIGHMEM highmem_pfn_init()
 * prints "Warning only 887MB will be used." and "Use a HIGHMEM enabled kernel." and the 1160 MB are
 * dropped. The 6.15-rc7 text fix (TRIMMED_TEXT_FIXED_RC) is crossed too and changes nothing on a 2 GB
 * board (its message needs more than 4 GB). 7.0 is past 6.19, the newest release checked.
 */
class UpgradeTest {

    @Test
    void thePcLosesItsHighmemWhereTheKconfigDefaultChanged() {
        CliRunner.Result r = CliRunner.run("diff", "--arch", "x86", "--ram", "2G", "-D", "VMALLOC_END=0xff7fe000",
                "--kernel", "6.12..7.0");
        String out = r.out();
        assertEquals(1, r.status(), out);
        assertTrue(out.contains("what changes from Linux 6.12 to 7.0 for this board, release by release:"), out);
        assertTrue(out.contains("  6.14 -> 6.15:\n    HIGHMEM64G_REMOVED: bbeb69ce3013 \"x86/mm: Remove CONFIG_HIGHMEM64G support\""), out);
        assertTrue(out.contains("    effect: RAM highmem 1160.01 MB -> 0 MB, dropped 0 MB -> 1160.01 MB"), out);
        assertTrue(out.contains("    effect: the kernel prints \"Warning only 887MB will be used.\""), out);
        assertTrue(out.contains("    effect: the kernel prints \"Use a HIGHMEM enabled kernel.\""), out);
        assertTrue(out.contains("    effect: the kernel no longer prints \"1160MB HIGHMEM available.\""), out);
        assertTrue(out.contains("    effect: default taken: no HIGHMEM (from 6.15"), out);
        assertTrue(out.contains("  also crossed, no effect on this board: TRIMMED_TEXT_FIXED_RC (6.15-rc7)"), out);
        assertTrue(out.contains("  note: Linux 7.0 is newer than 6.19"), out);
    }

    /**
     * 2 GB with HIGHMEM4G: max_pfn 0x80000 stays below MAX_NONPAE_PFN, so 6.15's trim does nothing, and no RAM lies
     * above max_pfn, so 6.15-rc4's memblock_remove(PFN_PHYS(max_pfn), -1) leaves the node ranges as they were.
     */
    @Test
    void withHighmem4gPinnedNothingChanges() {
        String out = CliRunner.run("diff", "--arch", "x86", "--ram", "2G", "-D", "VMALLOC_END=0xff7fe000",
                "-D", "HIGHMEM4G=y", "--kernel", "6.12..6.19").out();
        assertTrue(out.contains("  no release boundary between them changes anything vmlayout shows for this board"), out);
        // the reservation rules' boundaries are walked too: CMA_NODE_DROPPED and CRASH_CMA_SUFFIX change nothing without CMA
        assertTrue(out.contains("no effect on this board: HIGHMEM64G_REMOVED (6.15), CMA_NODE_DROPPED (6.15),"
                + " MEMBLOCK_CAPPED_RC (6.15-rc4), TRIMMED_TEXT_FIXED_RC (6.15-rc7), CRASH_CMA_SUFFIX (6.16)"), out);
        assertFalse(out.contains("note: Linux"), out);
    }

    /**
     * The README's 1 GB ARM board with Debian armmp's 16 MB CMA (CONFIG_CMA_SIZE_MBYTES=16), 6.12 to 7.1. The real 6.12.118
     * armmp boot with 1 GB at 0x40000000 prints "cma: Reserved 16 MiB at 0x7f000000 on node -1" (issue 21's text; the
     * top 16 MB of highmem, 0x80000000 - 16 MB); c009da4258f9 "mm, cma: support multiple contiguous ranges, if requested"
     * (MM updates for 6.15-rc1) prints the same line without " on node -1". Nothing else moves.
     */
    @Test
    void theCmaLineLosesItsNodeIn615() {
        String out = CliRunner.run("diff", "--arch", "arm", "--ram", "0x40000000:1G", "-D", "HIGHMEM=y", "-D", "CMA=y",
                "-D", "DMA_CMA=y", "-D", "CMA_SIZE_MBYTES=16", "--kernel", "6.12..7.1").out();
        assertTrue(out.contains("  6.14 -> 6.15:\n    CMA_NODE_DROPPED: c009da4258f9 \"mm, cma: support multiple contiguous ranges"), out);
        assertTrue(out.contains("    effect: the kernel no longer prints \"cma: Reserved 16 MiB at 0x7f000000 on node -1\"\n"
                + "    effect: the kernel prints \"cma: Reserved 16 MiB at 0x7f000000\"\n  also crossed"), out);
        assertFalse(out.contains("reservation cma moves"), out);
        assertTrue(out.contains("regions that move (A -> B):\n  (none)"), out);
    }

    /**
     * 23baf831a32c "mm, treewide: redefine MAX_ORDER sanely" (6.4): the same CONFIG_ARCH_FORCE_MAX_ORDER=11 means
     * pageblock_order 10 before (MAX_ORDER - 1, 4 MiB pageblocks) and 11 from 6.4 (8 MiB). cma=12M on 1 GB at 0x40000000
     * with HIGHMEM: mm/cma.c aligns the size up to the pageblock and places it top-down in highmem:
     * 6.3: ALIGN(12M, 4M) = 12 MiB at 0x80000000 - 12M = 0x7f400000; 6.4: ALIGN(12M, 8M) = 16 MiB at 0x7f000000.
     */
    @Test
    void aReservationThatMovesIsAnEffect() {
        String out = CliRunner.run("diff", "--arch", "arm", "--ram", "0x40000000:1G", "-D", "HIGHMEM=y", "-D", "CMA=y",
                "-D", "DMA_CMA=y", "-D", "ARCH_FORCE_MAX_ORDER=11", "--cmdline", "cma=12M", "--kernel", "6.3..6.4").out();
        assertTrue(out.contains("  6.3 -> 6.4:\n    MAX_ORDER_INCLUSIVE: 23baf831a32c"), out);
        assertTrue(out.contains("    effect: reservation cma moves: 0x7f400000-0x80000000 12 MB in highmem -> 0x7f000000-0x80000000"
                + " 16 MB in highmem"), out);
        assertTrue(out.contains("    effect: the kernel prints \"cma: Reserved 16 MiB at 0x7f000000\""), out);
    }

    /**
     * A 5 GB PAE board from 6.15-rc2 to 6.15 crosses only the rc7 fix: max_pfn 0x140000 > 0x100000, so
     * MSG_HIGHMEM_TRIMMED is printed in both, "Support for for" in rc2 and "Support for" in 6.15.
     */
    @Test
    void theRcFixIsItsOwnStep() {
        String out = CliRunner.run("diff", "--arch", "x86", "--e820=0:0x9fc00:usable", "--e820=0x100000:0x13ff00000:usable",
                "-D", "HIGHMEM4G=y", "-D", "X86_PAE=y", "--kernel", "6.15-rc2..6.15").out();
        assertTrue(out.contains("  6.15-rc6 -> 6.15-rc7:\n    TRIMMED_TEXT_FIXED_RC: 03680913744d"), out);
        assertTrue(out.contains("effect: the kernel no longer prints \"Warning: only 4GB will be used. Support for for"), out);
        assertTrue(out.contains("effect: the kernel prints \"Warning: only 4GB will be used. Support for CONFIG"), out);
        assertFalse(out.contains("HIGHMEM64G_REMOVED"), out);
    }

    @Test
    void releaseArithmetic() {
        assertEquals(KernelVersion.parse("6.19"), UpgradeEra.previous(KernelVersion.parse("7.0")));
        assertEquals(KernelVersion.parse("2.6.28"), UpgradeEra.previous(KernelVersion.parse("2.6.29")));
        assertEquals(KernelVersion.parse("6.15-rc6"), UpgradeEra.previous(KernelVersion.parse("6.15-rc7")));
        assertEquals(KernelVersion.parse("4.19.77"), UpgradeEra.previous(KernelVersion.parse("4.19.78")));
        assertEquals(KernelVersion.parse("3.19"), UpgradeEra.previous(KernelVersion.parse("4.0")));
        List<Boundary> bs = List.of(new Boundary("X", KernelVersion.parse("6.15"), "T"),
                new Boundary("Y", KernelVersion.parse("6.15-rc7"), "T"), new Boundary("Z", KernelVersion.parse("4.4"), "T"));
        // 6.15-rc2 already has the 6.15 merge window (X) but not the rc7 fix (Y)
        List<UpgradeEra.Step> s = UpgradeEra.steps(bs, KernelVersion.parse("6.15-rc2"), KernelVersion.parse("6.18"));
        assertEquals(1, s.size());
        assertEquals("Y", s.get(0).boundaries().get(0).name());
        // a downgrade walks them backwards, from the boundary to the release before it
        List<UpgradeEra.Step> down = UpgradeEra.steps(bs, KernelVersion.parse("6.18"), KernelVersion.parse("4.3"));
        assertEquals(List.of("Y", "X", "Z"), down.stream().map(t -> t.boundaries().get(0).name()).toList());
        assertEquals(KernelVersion.parse("6.15-rc6"), down.get(0).to());
        assertEquals(KernelVersion.parse("6.14"), down.get(1).to());
    }
}
