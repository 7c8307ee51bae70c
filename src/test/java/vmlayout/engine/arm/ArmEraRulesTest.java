package vmlayout.engine.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmlayout.CliRunner;

/**
 * One test per ARM rule and era boundary. Expected lines are worked by hand from the kernel source
 * named in each comment (arithmetic in 32-bit unsigned long unless said otherwise); VS(h) is
 * VMALLOC_START = (h + 8M) & ~(8M - 1).
 */
class ArmEraRulesTest {

    /** The kernel's lines for these arguments (vmlayout's own block left out). */
    static List<String> kernel(String... args) {
        return run(args).outLines();
    }

    /**
     * The lines vmlayout shows, its own block included: for a release that does not print the table
     * (5.1 on), the table is vmlayout's and --kernel-only leaves it out (issue 13 item 6).
     */
    static List<String> shown(String... args) {
        List<String> a = new ArrayList<>(List.of("--arch=arm", "--color=never"));
        a.addAll(List.of(args));
        return CliRunner.run(a.toArray(new String[0])).outLines();
    }

    static CliRunner.Result run(String... args) {
        List<String> a = new ArrayList<>(List.of("--arch=arm", "--kernel-only", "--color=never"));
        a.addAll(List.of(args));
        return CliRunner.run(a.toArray(new String[0]));
    }

    static void assertHas(List<String> lines, String... wanted) {
        for (String w : wanted) {
            assertTrue(lines.contains(w), "missing: " + w + "\n" + String.join("\n", lines));
        }
    }

    @Test
    void vmallocStartRoundsDown() {
        // 3.18 vmalloc=300M: vmalloc_min = 0xff000000 - 0x12c00000 = 0xec400000 (lowmem end, 708 MB);
        // VS(0xec400000) = 0xecc00000 & ~0x7fffff = 0xec800000; 0xff000000 - 0xec800000 = 296 MB
        assertHas(kernel("--kernel=3.18", "--ram=0:1G", "-D", "HIGHMEM=y", "vmalloc=300M"),
                "    vmalloc : 0xec800000 - 0xff000000   ( 296 MB)",
                "    lowmem  : 0xc0000000 - 0xec400000   ( 708 MB)");
    }

    @Test
    void defaultReserveIs128MBefore34() {
        // 3.3: VMALLOC_MIN = VMALLOC_END - 128M = 0xff000000 - 0x08000000 = 0xf7000000 (VMALLOC_END
        // assumed 0xff000000). 1 GB at 0 without HIGHMEM: __va(0x40000000) = 0x00000000 wraps below
        // __va(start), so the bank is truncated to 0xf7000000 - 0xc0000000 = 0x37000000:
        // last byte 0x36ffffff, "%.8llx" (phys_addr_t) texts.
        List<String> k = kernel("--kernel=3.3", "--ram=0:1G");
        assertHas(k, "Truncating RAM at 00000000-3fffffff to -36ffffff (vmalloc region overlap).",
                "    lowmem  : 0xc0000000 - 0xf7000000   ( 880 MB)",
                // VS(0xf7000000) = 0xf7800000; 0xff000000 - 0xf7800000 = 120 MB
                "    vmalloc : 0xf7800000 - 0xff000000   ( 120 MB)");
    }

    @Test
    void default240PlusOffsetFrom34() {
        // 3.4: vmalloc_min = 0xff000000 - 240M - 8M = 0xef800000; the 3.4 __va() form truncates
        // 1 GB at 0 to 0x2f800000 bytes: last byte 0x2f7fffff
        assertHas(kernel("--kernel=3.4", "--ram=0:1G"),
                "Truncating RAM at 00000000-3fffffff to -2f7fffff (vmalloc region overlap).",
                "    lowmem  : 0xc0000000 - 0xef800000   ( 760 MB)",
                "    vmalloc : 0xf0000000 - 0xff000000   ( 240 MB)");
    }

    @Test
    void explicitVmalloc240IsNotTheDefaultBefore514() {
        // 3.4-5.13: vmalloc=240M sets vmalloc_min = VMALLOC_END - 240M, without the 8 MB gap:
        // 4.19: 0xff800000 - 0x0f000000 = 0xf0800000 -> lowmem 776 MB, VS = 0xf1000000 -> 232 MB
        assertHas(kernel("--kernel=4.19", "--ram=0:1G", "-D", "HIGHMEM=y", "vmalloc=240M"),
                "    lowmem  : 0xc0000000 - 0xf0800000   ( 776 MB)",
                "    vmalloc : 0xf1000000 - 0xff800000   ( 232 MB)");
        // 5.14: limit = END - vmalloc_size - 8M = 0xff800000 - 0x0f000000 - 0x800000 = 0xf0000000
        assertHas(shown("--kernel=5.15", "--ram=0:1G", "-D", "HIGHMEM=y", "vmalloc=240M"),
                "    lowmem  : 0xc0000000 - 0xf0000000   ( 768 MB)",
                "    vmalloc : 0xf0800000 - 0xff800000   ( 240 MB)");
    }

    @Test
    void vmallocClampsPerEra() {
        // 3.18: too big above VMALLOC_END - (PAGE_OFFSET + 32M) = 0xff000000 - 0xc2000000 = 976 MB
        assertHas(kernel("--kernel=3.18", "--ram=0:1G", "vmalloc=1G"), "vmalloc area is too big, limiting to 976MB");
        // 4.19: 0xff800000 - 0xc2000000 = 0x3d800000 = 984 MB
        assertHas(kernel("--kernel=4.19", "--ram=0:1G", "vmalloc=1G"), "vmalloc area is too big, limiting to 984MB");
        // 5.14+: 0xff800000 - (0xc0000000 + 32M + 8M) = 0x3d000000 = 976 MiB
        assertHas(kernel("--kernel=5.15", "--ram=0:1G", "vmalloc=1G"), "vmalloc area is too big, limiting to 976MiB");
        // 2.6.37 board with VMALLOC_END 0xe0000000: 0xe0000000 - 0xc2000000 = 480 MB
        assertHas(kernel("--kernel=2.6.37", "--ram=0:256M", "-D", "VMALLOC_END=0xe0000000", "vmalloc=1G"),
                "vmalloc area is too big, limiting to 480MB");
        // below 16 MB: "too small" (no "is" until 5.13), "is too small ... MiB" from 5.14
        assertHas(kernel("--kernel=4.19", "--ram=0:256M", "vmalloc=8M"), "vmalloc area too small, limiting to 16MB");
        assertHas(kernel("--kernel=5.15", "--ram=0:256M", "vmalloc=8M"), "vmalloc area is too small, limiting to 16MiB");
    }

    @Test
    void vmallocValueIsAnUnsignedLong() {
        // memparse("4G") = 0x100000000, truncated to 32 bits: 0 -> "too small"
        assertHas(kernel("--kernel=4.19", "--ram=0:256M", "vmalloc=4G"), "vmalloc area too small, limiting to 16MB");
    }

    @Test
    void vmallocWithTrailingGarbageIsReadLikeTheKernel() {
        CliRunner.Result r = CliRunner.run("--arch=arm", "--kernel=3.18", "--ram=0:1G", "-D", "HIGHMEM=y", "vmalloc=300MB");
        assertTrue(r.out().contains("    vmalloc : 0xec800000 - 0xff000000   ( 296 MB)"), r.toString());
        assertTrue(r.out().contains("note: vmalloc=300MB: the kernel's memparse reads 300 MB and ignores 'B'."), r.toString());
        assertEquals(0, r.status(), "a note, not a finding");
    }

    @Test
    void memblockEraTextsAndHighBanks() {
        // 3.18, banks 0x80000000+512M and 0xc0000000+512M, PHYS_OFFSET 0x80000000:
        // vmalloc_limit = __pa(0xef800000 - 1) + 1 = 0xaf800000; the second bank starts above it.
        assertHas(kernel("--kernel=3.18", "--ram=0x80000000:512M", "--ram=0xc0000000:512M"),
                "Ignoring RAM at 0xc0000000-0xe0000000 (!CONFIG_HIGHMEM)",
                "    lowmem  : 0xc0000000 - 0xe0000000   ( 512 MB)");
        // 3.11-3.15 size_limit form: the same bank, "%.8llx" with inclusive end and a full stop
        assertHas(kernel("--kernel=3.14", "--ram=0x80000000:512M", "--ram=0xc0000000:512M"),
                "Ignoring RAM at c0000000-dfffffff (!CONFIG_HIGHMEM).");
        // 3.3-3.10 __va() form: __va(0xc0000000) = 0x00000000 < PAGE_OFFSET -> "vmalloc region overlap"
        assertHas(kernel("--kernel=3.10", "--ram=0x80000000:512M", "--ram=0xc0000000:512M"),
                "Ignoring RAM at c0000000-dfffffff (vmalloc region overlap).");
    }

    @Test
    void memblockTruncationHasExclusiveEnds() {
        // 3.16-4.1: "Truncating RAM at %pa-%pa to -%pa" with block_end and vmalloc_limit exclusive,
        // no "Consider" line yet (log07 keystone: 0x80000000 + 1 GB -> vmalloc_limit 0xaf800000)
        List<String> k = kernel("--kernel=3.16", "--ram=0x80000000:1G");
        assertHas(k, "Truncating RAM at 0x80000000-0xc0000000 to -0xaf800000");
        assertFalse(k.contains("Consider using a HIGHMEM enabled kernel."));
        // 4.2-4.11: the same line, then "Consider using a HIGHMEM enabled kernel."
        assertHas(kernel("--kernel=4.4", "--ram=0x80000000:1G"),
                "Truncating RAM at 0x80000000-0xc0000000 to -0xb0000000",
                "Consider using a HIGHMEM enabled kernel.");
    }

    @Test
    void adjustLowmemBoundsIgnoresFromThePmdRoundedLimit() {
        // 4.19 without HIGHMEM, 0x80000000 + 0x3ef00000: vmalloc_limit = 0xf0000000 - 0xc0000000 +
        // 0x80000000 = 0xb0000000 = lowmem_limit; the block end is not 2 MB aligned, so memblock_limit =
        // lowmem_limit = 0xb0000000 (already aligned). RAM from there to the end of DRAM is removed.
        assertHas(kernel("--kernel=4.19", "--ram=0x80000000:0x3ef00000"),
                "Ignoring RAM at 0xb0000000-0xbef00000",
                "Consider using a HIGHMEM enabled kernel.",
                "    lowmem  : 0xc0000000 - 0xf0000000   ( 768 MB)");
        // a small bank whose end is not 2 MB aligned, then a bank beyond the limit: memblock_limit is
        // the first bank's end 0x9ef00000 rounded down to 0x9ee00000, so 1 MB of lowmem goes too and
        // the second pass of adjust_lowmem_bounds() ends lowmem there: 0x9ee00000 - 0x80000000 = 494 MB
        assertHas(kernel("--kernel=4.19", "--ram=0x80000000:0x1ef00000", "--ram=0xc0000000:256M"),
                "Ignoring RAM at 0x9ee00000-0xd0000000",
                "    lowmem  : 0xc0000000 - 0xdee00000   ( 494 MB)");
    }

    @Test
    void highmemKernelsSplitSilently() {
        List<String> k = kernel("--kernel=4.19", "--ram=0x80000000:1G", "-D", "HIGHMEM=y");
        assertEquals("Virtual kernel memory layout:", k.get(0), "no message before the table");
        assertHas(k, "    lowmem  : 0xc0000000 - 0xf0000000   ( 768 MB)",
                "    pkmap   : 0xbfe00000 - 0xc0000000   (   2 MB)",
                "    modules : 0xbf000000 - 0xbfe00000   (  14 MB)");
    }

    @Test
    void lpaePrintsSixteenDigits() {
        // 5.13 LPAE without HIGHMEM, 896 MB at 0 (an RPi 3B+ boot log quoted in the research notes):
        // vmalloc_limit = 0xff800000 - 240M - 8M - 0xc0000000 = 0x30000000
        assertHas(kernel("--kernel=5.13", "--ram=0:896M", "-D", "ARM_LPAE=y"),
                "Ignoring RAM at 0x0000000030000000-0x0000000038000000",
                "Consider using a HIGHMEM enabled kernel.");
    }

    @Test
    void vmsplitChoices() {
        // 3G_OPT: PAGE_OFFSET 0xb0000000; 1 GB at 0 fits below vmalloc_min 0xf0000000 (4.19)
        assertHas(kernel("--kernel=4.19", "--ram=0:1G", "-D", "VMSPLIT_3G_OPT=y"),
                "    lowmem  : 0xb0000000 - 0xf0000000   (1024 MB)",
                "    modules : 0xaf000000 - 0xb0000000   (  16 MB)");
        // 2G and 1G: the table shifts with PAGE_OFFSET; VMALLOC_END does not (log09/log10)
        assertHas(kernel("--kernel=3.16", "--ram=0x60000000:512M", "-D", "VMSPLIT_2G=y"),
                "    vmalloc : 0xa0800000 - 0xff000000   (1512 MB)");
        assertHas(kernel("--kernel=4.19", "--ram=0:512M", "--page-offset=0x40000000", "-D", "HIGHMEM=y"),
                "    pkmap   : 0x3fe00000 - 0x40000000   (   2 MB)");
    }

    @Test
    void memAtStartBanks() {
        // two mem= banks replace the firmware RAM (the first mem= clears it)
        assertHas(kernel("--kernel=3.10", "--ram=0x80000000:1G", "mem=256M@0x80000000", "mem=256M@0x90000000"),
                "    lowmem  : 0xc0000000 - 0xe0000000   ( 512 MB)");
    }

    @Test
    void memWrapsToThirtyTwoBitsIn26() {
        // 2.6.3x early_mem(): "unsigned long size = memparse(...)": 5G = 0x140000000 -> 0x40000000 (1 GB)
        assertHas(kernel("--kernel=2.6.37", "-D", "PHYS_OFFSET=0x80000000", "-D", "VMALLOC_END=0xf8000000", "mem=5G"),
                "Truncating RAM at 80000000-bfffffff to -afffffff (vmalloc region overlap).");
    }

    @Test
    void dmaRowAndItsSize() {
        // up to 3.3 the DMA row is CONSISTENT_END 0xffe00000 less CONSISTENT_DMA_SIZE (default 2 MB)
        assertHas(kernel("--kernel=3.3", "--ram=0:256M"), "    DMA     : 0xffc00000 - 0xffe00000   (   2 MB)");
        assertHas(kernel("--kernel=2.6.37", "--ram=0:256M", "-D", "CONSISTENT_DMA_SIZE=32M"),
                "    DMA     : 0xfde00000 - 0xffe00000   (  32 MB)");
        assertFalse(kernel("--kernel=3.4", "--ram=0:256M").stream().anyMatch(s -> s.contains("DMA")));
    }

    @Test
    void fixmapPerEra() {
        assertHas(kernel("--kernel=3.14", "--ram=0:256M"), "    fixmap  : 0xfff00000 - 0xfffe0000   ( 896 kB)");
        assertHas(kernel("--kernel=3.15", "--ram=0:256M"), "    fixmap  : 0xffc00000 - 0xffe00000   (2048 kB)");
        assertHas(kernel("--kernel=3.19", "--ram=0:256M"), "    fixmap  : 0xffc00000 - 0xfff00000   (3072 kB)");
    }

    @Test
    void modulesRowFollowsConfigModulesFrom34() {
        assertFalse(kernel("--kernel=4.19", "--ram=0:256M", "-D", "MODULES=n").stream().anyMatch(s -> s.contains("modules")));
        assertTrue(kernel("--kernel=3.3", "--ram=0:256M", "-D", "MODULES=n").stream().anyMatch(s -> s.contains("modules")));
    }

    @Test
    void sectionRowsPerForm() {
        String[] syms = {"-D", "_text=0xc0008000", "-D", "_etext=0xc0108000", "-D", "__init_begin=0xc0108000",
            "-D", "__init_end=0xc0118000", "-D", "_sdata=0xc0118000", "-D", "_edata=0xc0120001",
            "-D", "__bss_start=0xc0120004", "-D", "__bss_stop=0xc0130000"};
        List<String> a = new ArrayList<>(List.of("--kernel=3.18", "--ram=0:256M"));
        a.addAll(List.of(syms));
        List<String> k = kernel(a.toArray(new String[0]));
        // .text first from 3.1; MLK_ROUNDUP: 0x8001 bytes of .data -> 33 kB; .bss 0xfffc -> 64 kB
        int text = k.indexOf("      .text : 0xc0008000 - 0xc0108000   (1024 kB)");
        int init = k.indexOf("      .init : 0xc0108000 - 0xc0118000   (  64 kB)");
        assertTrue(text >= 0 && init > text, String.join("\n", k));
        assertHas(k, "      .data : 0xc0118000 - 0xc0120001   (  33 kB)", "       .bss : 0xc0120004 - 0xc0130000   (  64 kB)");
        // 4.15+: hashed pointers, sizes still printed
        a.set(0, "--kernel=4.19");
        assertHas(kernel(a.toArray(new String[0])), "      .text : 0x(ptrval) - 0x(ptrval)   (1024 kB)");
    }

    @Test
    void tableOnlyPrintedFrom2633To50() {
        CliRunner.Result late = CliRunner.run("--arch=arm", "--kernel=5.4", "--ram=0:256M");
        assertTrue(late.out().contains("no longer prints this table (removed in 5.1"), late.toString());
        CliRunner.Result early = CliRunner.run("--arch=arm", "--kernel=2.6.32", "--ram=0:256M");
        assertTrue(early.out().contains("does not print this table yet"), early.toString());
    }

    @Test
    void otherArchesParametersHaveNoEffectOnArm() {
        CliRunner.Result r = CliRunner.run("--arch=arm", "--kernel=4.19", "--ram=0:256M", "memmap=64K$0x18690000", "highmem=512M");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.out().contains("warning: memmap=64K$0x18690000 has no effect on ARM"), r.toString());
        assertTrue(r.out().contains("warning: highmem=512M has no effect on ARM"), r.toString());
    }

    @Test
    void noHighmemWithAliasingViptCacheBefore316() {
        // meminfo era: highmem banks are dropped with KERN_CRIT "HIGHMEM is not supported ..."
        assertHas(kernel("--kernel=3.10", "--ram=0x80000000:1G", "-D", "HIGHMEM=y", "-D", "VIPT_ALIASING=y"),
                "HIGHMEM is not supported with VIPT aliasing cache, ignoring high memory");
        // 3.16+: the !CONFIG_HIGHMEM path is taken: "Truncating ..."
        assertHas(kernel("--kernel=3.18", "--ram=0x80000000:1G", "-D", "HIGHMEM=y", "-D", "VIPT_ALIASING=y"),
                "Truncating RAM at 0x80000000-0xc0000000 to -0xaf800000");
    }

    /**
     * ARM 8903/1 (upstream 00d2ec1e6bd8: 5.4, and stable 4.14.148, 4.19.78, 5.3.5): the unaligned head of
     * the first usable region, up to the next PMD (2 MB) boundary, is marked NOMAP. RAM from 0x80100000
     * (the first MB held by firmware): round_up(0x80100000, 2M) - 0x80100000 = 1 MB not mapped, lowmem
     * 0x80200000-0x90000000 = 254 MB; before the change all 255 MB are lowmem.
     */
    @Test
    void unalignedHeadOfTheFirstBankFrom8903() {
        for (String k : List.of("4.14", "4.14.147", "4.19", "4.19.77", "5.3.4")) {
            vmlayout.engine.Layout l = vmlayout.cli.LayoutOf.args("--kernel=" + k, "--ram=0x80100000:255M", "-D", "PHYS_OFFSET=0x80000000");
            assertEquals(255L << 20, l.ramBytes(vmlayout.engine.RamUse.LOWMEM), k);
            assertEquals(0, l.ramBytes(vmlayout.engine.RamUse.RESERVED), k);
        }
        for (String k : List.of("4.14.148", "4.19.78", "5.3.5", "5.4", "6.1")) {
            vmlayout.engine.Layout l = vmlayout.cli.LayoutOf.args("--kernel=" + k, "--ram=0x80100000:255M", "-D", "PHYS_OFFSET=0x80000000");
            assertEquals(254L << 20, l.ramBytes(vmlayout.engine.RamUse.LOWMEM), k);
            assertEquals(1L << 20, l.ramBytes(vmlayout.engine.RamUse.RESERVED), k);
            assertEquals(0x80100000L, l.ram().get(0).start(), k);
            assertEquals(0x80200000L, l.ram().get(0).end(), k);
        }
    }

    /**
     * A bank ending exactly at 4 GB (32-bit wrap). arch/arm/kernel/setup.c arm_add_memory(), 3.3 on,
     * without 64-bit phys_addr_t: aligned_start + size = 0xc0000000 + 0x40000000 > ULONG_MAX, so pr_crit
     * "Truncating memory at 0x%08llx ..." and size = ULONG_MAX - aligned_start = 0x3fffffff, masked to
     * pages 0x3ffff000: the last page, 0xfffff000-0x100000000, is lost. That is the path of mem= (and of
     * ATAGs). A bank from a device tree goes through drivers/of/fdt.c early_init_dt_add_memory_arch(),
     * which warns only when base + size - 1 > MAX_MEMBLOCK_ADDR (0xffffffff: not here) and lets
     * memblock_add() cap the bank without a word; real boots of Debian 6.1 and 6.12 armmp with 3 GB at
     * 0x40000000 print nothing and end HighMem at 0xffffefff. vmlayout is not told which path firmware
     * takes, so for a firmware bank it names both in a note, and the page no kernel can have is not
     * dropped RAM (no finding). With LPAE (64-bit phys_addr_t) the bank is taken whole: lowmem
     * 0xc0000000-0xef800000 (760 MB at 3.18), highmem the other 264 MB.
     */
    @Test
    void bankEndingAt4GLosesItsLastPageWithout64BitPhysAddr() {
        vmlayout.engine.Layout l = vmlayout.cli.LayoutOf.args("--kernel=3.18", "--ram=0xc0000000:1G", "-D", "HIGHMEM=y");
        assertFalse(l.kernelLines().toString().contains("Truncating memory"), l.kernelLines().toString());
        assertTrue(l.messages().stream().anyMatch(m -> m.text().startsWith("the bank 0xc0000000-0x100000000 ends at 4 GB")
                && m.text().contains("from ATAGs it prints \"Truncating memory at 0xc0000000 to fit in 32-bit physical address"
                + " space\"") && !m.finding()), l.messages().toString());
        assertEquals(0, l.ramBytes(vmlayout.engine.RamUse.DROPPED));
        assertEquals(0xfffff000L, l.ram().get(l.ram().size() - 1).end());
        assertEquals(760L << 20, l.ramBytes(vmlayout.engine.RamUse.LOWMEM));
        assertEquals((264L << 20) - 4096, l.ramBytes(vmlayout.engine.RamUse.HIGHMEM));
        assertFalse(l.hasFindings());

        // mem= goes through arm_add_memory() whatever firmware did: the kernel's own line, the page dropped
        vmlayout.engine.Layout mem = vmlayout.cli.LayoutOf.args("--kernel=3.18", "--ram=0xc0000000:1G", "-D", "HIGHMEM=y",
                "mem=1G@0xc0000000");
        assertTrue(mem.kernelLines().contains("Truncating memory at 0xc0000000 to fit in 32-bit physical address space"),
                mem.kernelLines().toString());

        // past 4 GB a device tree bank gets fdt.c's warning, ATAGs arm_add_memory()'s: both named, RAM dropped
        vmlayout.engine.Layout over = vmlayout.cli.LayoutOf.args("--kernel=6.12", "--ram=0xc0000000:2G", "-D", "HIGHMEM=y");
        assertTrue(over.messages().stream().anyMatch(m -> m.finding() && m.text().contains(
                "from a device tree the kernel prints \"Ignoring memory range 0x100000000 - 0x140000000\"")
                && m.text().contains("\"Truncating memory at 0xc0000000 to fit in 32-bit physical address space\"")),
                over.messages().toString());
        assertEquals((1024L << 20) + 4096, over.ramBytes(vmlayout.engine.RamUse.DROPPED));

        vmlayout.engine.Layout lpae = vmlayout.cli.LayoutOf.args("--kernel=3.18", "--ram=0xc0000000:1G", "-D", "HIGHMEM=y",
                "-D", "ARM_LPAE=y");
        assertFalse(lpae.kernelLines().toString().contains("Truncating memory"), lpae.kernelLines().toString());
        assertEquals(0, lpae.ramBytes(vmlayout.engine.RamUse.DROPPED));
        assertEquals(264L << 20, lpae.ramBytes(vmlayout.engine.RamUse.HIGHMEM));
    }
}
