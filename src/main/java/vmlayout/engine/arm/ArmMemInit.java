package vmlayout.engine.arm;

import static vmlayout.engine.Ulong.M32;

import java.util.ArrayList;
import java.util.List;
import vmlayout.config.Fmt;
import vmlayout.config.Releases;
import vmlayout.config.Sizes;
import vmlayout.engine.Boot;
import vmlayout.engine.Constants;
import vmlayout.engine.DerivationLog;
import vmlayout.engine.KernelTable;
import vmlayout.engine.Region;
import vmlayout.report.Message;

/**
 * The "Virtual kernel memory layout:" table of arch/arm/mm/init.c mem_init(), in the form of each era
 * (one printk(KERN_NOTICE ...) record, later pr_notice()). Rows and their order:
 * <ul>
 *   <li>first form: vector, fixmap, DMA, vmalloc, lowmem, [pkmap], modules, .init, .text, .data;</li>
 *   <li>then .bss after .data;</li>
 *   <li>then vector, [DTCM, ITCM], fixmap, [DMA], vmalloc, lowmem, [pkmap], [modules], .text, .init,
 *       .data, .bss; DMA gone and modules under CONFIG_MODULES in later releases; the fixmap row ends
 *       at FIXADDR_END from 4.0; section addresses print as "(ptrval)" from 4.15.</li>
 * </ul>
 * Section rows are printed only for the symbols given (they depend on the kernel image).
 */
final class ArmMemInit {

    static final String HEADER = "Virtual kernel memory layout:";
    static final String SECTIONS_NOTE = "section rows (.text .init .data .bss) left out: they need the image's"
            + " System.map symbols (-D _text= _etext= __init_begin= __init_end= _sdata= _edata= __bss_start="
            + " __bss_stop=).";
    private static final long PAGE_SIZE = 4096;
    private static final long PMD_SIZE = 1L << 21;
    /** PTRS_PER_PTE: kmap slots (arch/arm/include/asm/highmem.h LAST_PKMAP). */
    private static final long LAST_PKMAP = 512;

    /** Values the table shows; a section is null when its symbols were not given. */
    static final class Values {
        long vectorsBase;
        long dtcmStart = -1;
        long dtcmEnd = -1;
        long itcmStart = -1;
        long itcmEnd = -1;
        long fixStart;
        long fixEnd;
        long dmaStart;
        long dmaEnd;
        long vmallocStart;
        long vmallocEnd;
        long pageOffset;
        long highMemory;
        boolean highmem;
        long pkmapStart;
        long pkmapEnd;
        boolean modules;
        long modulesStart;
        long modulesEnd;
        long[] text;
        long[] init;
        long[] data;
        long[] bss;
    }

    /** The table lines and the regions in the same order. */
    record Table(List<String> lines, List<Region> regions) {
    }

    private ArmMemInit() {
    }

    /**
     * mem_init(): the table's values as this release has them, from what the lowmem step left
     * (high_memory) and the constants of the era (each pinned by -D or the kernel's), with the steps that
     * explain them; then the regions and, unless a batch line needs none, the table's lines.
     */
    static Table memInit(Boot boot, ArmEra era, ArmConfig k, ArmVmalloc vmalloc, long physOffset, long vmallocMin,
                         ArmLowmem.Result split) {
        Constants c = boot.constants;
        DerivationLog log = boot.log;
        long pageOffset = k.pageOffset();
        long vmallocEnd = vmalloc.vmallocEnd;
        long vmallocOffset = vmalloc.vmallocOffset;
        long highMemory = split.highMemory;
        long vmallocStart = ((highMemory + vmallocOffset) & ~(vmallocOffset - 1)) & M32;
        if (log.on()) {
            log.add("high_memory", "lowmem ends at high_memory = " + Fmt.hex8(highMemory) + " (physical " + Fmt.hex8(split.lowmemLimit)
                    + ", " + Sizes.human(highMemory - pageOffset) + " from PAGE_OFFSET): " + (split.lowmemLimit != 0
                    && ((split.lowmemLimit - physOffset + pageOffset) & M32) == vmallocMin
                    ? "the limit vmalloc_min " + Fmt.hex8(vmallocMin) + ", i.e. VMALLOC_END " + Fmt.hex8(vmallocEnd) + " minus the "
                    + Sizes.human((vmallocEnd - vmallocMin) & M32) + " kept for vmalloc"
                    : "the end of the last RAM below vmalloc_min " + Fmt.hex8(vmallocMin)) + ".",
                    "arch/arm/mm/mmu.c high_memory = __va(arm_lowmem_limit - 1) + 1, " + Releases.ALL);
            log.add("VMALLOC_START", "VMALLOC_START = (high_memory " + Fmt.hex8(highMemory) + " + VMALLOC_OFFSET " + Sizes.human(vmallocOffset)
                    + ") & ~(VMALLOC_OFFSET - 1) = " + Fmt.hex8(vmallocStart) + "; the vmalloc area " + Fmt.hex8(vmallocStart) + "-"
                    + Fmt.hex8(vmallocEnd) + " is " + Sizes.human(Long.compareUnsigned(vmallocEnd, vmallocStart) > 0 ? vmallocEnd - vmallocStart : 0)
                    + ".", "arch/arm/include/asm/pgtable.h VMALLOC_START, " + Releases.ALL);
        }
        Values v = new Values();
        v.vectorsBase = c.get("VECTORS_BASE", 0xffff0000L, "arch/arm/include/asm/memory.h VECTORS_BASE (high vectors)");
        ArmEra.FixmapRule fixmap = era.fixmap;
        v.fixStart = c.get("FIXADDR_START", fixmap.start, "arch/arm/include/asm/fixmap.h FIXADDR_START");
        v.fixEnd = c.get(fixmap.endName, fixmap.printedEnd, "arch/arm/include/asm/fixmap.h " + fixmap.endName);
        if (era.dmaRow.holds()) {
            v.dmaEnd = c.get("CONSISTENT_END", 0xffe00000L, "arch/arm/include/asm/memory.h CONSISTENT_END");
            long dmaSize = c.get("CONSISTENT_DMA_SIZE", 2L << 20, "arch/arm/include/asm/memory.h CONSISTENT_DMA_SIZE default SZ_2M");
            v.dmaStart = (v.dmaEnd - dmaSize) & M32;
        }
        v.vmallocStart = vmallocStart;
        v.vmallocEnd = vmallocEnd;
        v.pageOffset = pageOffset;
        v.highMemory = highMemory;
        v.highmem = k.highmem();
        if (k.highmem()) {
            v.pkmapStart = c.get("PKMAP_BASE", (pageOffset - PMD_SIZE) & M32, "arch/arm/include/asm/highmem.h PAGE_OFFSET - PMD_SIZE");
            v.pkmapEnd = v.pkmapStart + LAST_PKMAP * PAGE_SIZE;
            if (log.on()) {
                log.add("pkmap", "pkmap (kmap() slots) " + Fmt.hex8(v.pkmapStart) + "-" + Fmt.hex8(v.pkmapEnd) + ": PKMAP_BASE = PAGE_OFFSET - PMD_SIZE"
                        + " (2 MB), " + LAST_PKMAP + " pages.", c.value("PKMAP_BASE").rule());
            }
        }
        v.modules = k.modules();
        if (!era.modulesIfdef || k.modules()) {
            String below = k.thumb2() ? "8" : "16";
            v.modulesStart = c.get("MODULES_VADDR", (pageOffset - (k.thumb2() ? 8L << 20 : 16L << 20)) & M32,
                    "arch/arm/include/asm/memory.h PAGE_OFFSET - " + below + " MB");
            v.modulesEnd = c.get("MODULES_END", k.highmem() ? (pageOffset - PMD_SIZE) & M32 : pageOffset,
                    "arch/arm/include/asm/memory.h " + (k.highmem() ? "PAGE_OFFSET - PMD_SIZE (HIGHMEM)" : "PAGE_OFFSET"));
            if (log.on()) {
                log.add("modules", "modules " + Fmt.hex8(v.modulesStart) + "-" + Fmt.hex8(v.modulesEnd) + ": MODULES_VADDR = PAGE_OFFSET - "
                        + below + " MB, up to " + (k.highmem() ? "the pkmap area" : "PAGE_OFFSET") + " (modules stay within"
                        + " branch range of the kernel text).", "arch/arm/include/asm/memory.h MODULES_VADDR/MODULES_END, " + Releases.ALL);
            }
        }
        if (log.on()) {
            log.add("fixmap", "fixmap " + Fmt.hex8(v.fixStart) + "-" + Fmt.hex8(v.fixEnd) + " (FIXADDR_START to " + fixmap.endName
                    + "), above VMALLOC_END.", fixmap.source("arch/arm/include/asm/fixmap.h"));
            if (era.dmaRow.holds()) {
                log.add("DMA", "DMA (consistent) area " + Fmt.hex8(v.dmaStart) + "-" + Fmt.hex8(v.dmaEnd) + ": CONSISTENT_END - CONSISTENT_DMA_SIZE "
                        + Sizes.human((v.dmaEnd - v.dmaStart) & M32) + (c.pinned("CONSISTENT_DMA_SIZE") ? " (pinned with -D)" : " (the default)") + ".",
                        era.dmaRow.source("arch/arm/include/asm/memory.h CONSISTENT_BASE"));
            }
        }
        tcm(boot, era, v);
        sections(boot, era, v);
        if (!era.printsTable) {
            boot.noteTableNotPrinted(era.tableNotYet, "ARM", ArmEra.TABLE_ADDED, ArmEra.TABLE_REMOVED,
                    "ARM: 8820/1: mm: Stop printing the virtual memory layout");
        }
        return render(era, v, boot.tableText());
    }

    /** The DTCM and ITCM rows (CONFIG_HAVE_TCM), from the ends of the kernel image. */
    private static void tcm(Boot boot, ArmEra era, Values v) {
        Constants c = boot.constants;
        boolean tcm = c.flag("HAVE_TCM", c.pinned("DTCM_END") || c.pinned("ITCM_END"), "implied by DTCM_END/ITCM_END");
        if (!tcm || !era.tcmRows) {
            return;
        }
        if (c.pinned("DTCM_END")) {
            v.dtcmStart = c.get("DTCM_OFFSET", 0xfffe8000L, "arch/arm/include/asm/memory.h DTCM_OFFSET");
            v.dtcmEnd = c.get("DTCM_END", 0, "-D");
        }
        if (c.pinned("ITCM_END")) {
            v.itcmStart = c.get("ITCM_OFFSET", 0xfffe0000L, "arch/arm/include/asm/memory.h ITCM_OFFSET");
            v.itcmEnd = c.get("ITCM_END", 0, "-D");
        }
        if (!c.pinned("DTCM_END") || !c.pinned("ITCM_END")) {
            boot.message(Message.note("the DTCM and ITCM rows need the ends from the kernel image: give -D DTCM_END= and"
                    + " -D ITCM_END= (dtcm_end/itcm_end in System.map)."));
        }
    }

    /** The section rows, printed only for the System.map symbols given. */
    private static void sections(Boot boot, ArmEra era, Values v) {
        Constants c = boot.constants;
        v.text = c.section("_text", "_etext");
        v.init = c.section("__init_begin", "__init_end");
        // the first form prints .data from _data, later forms from _sdata; either name is accepted
        v.data = era.tcmRows ? c.section("_sdata", "_edata") : c.section("_data", "_edata");
        if (v.data == null) {
            v.data = era.tcmRows ? c.section("_data", "_edata") : c.section("_sdata", "_edata");
        }
        v.bss = c.section("__bss_start", "__bss_stop");
        if (v.text == null && v.init == null && v.data == null && v.bss == null) {
            boot.message(Message.note(SECTIONS_NOTE));
        }
    }

    /** The regions, and with {@code text} the table's lines (without, an empty list: nothing is formatted). */
    static Table render(ArmEra era, Values v, boolean text) {
        List<String> lines = text ? new ArrayList<>() : null;
        List<Region> regions = new ArrayList<>();
        if (text) {
            lines.add(HEADER);
        }
        kb(lines, regions, "vector", "    vector  ", v.vectorsBase, v.vectorsBase + 4096);
        if (era.tcmRows && v.dtcmEnd >= 0) {
            kb(lines, regions, "dtcm", "    DTCM    ", v.dtcmStart, v.dtcmEnd);
        }
        if (era.tcmRows && v.itcmEnd >= 0) {
            kb(lines, regions, "itcm", "    ITCM    ", v.itcmStart, v.itcmEnd);
        }
        kb(lines, regions, "fixmap", "    fixmap  ", v.fixStart, v.fixEnd);
        if (era.dmaRow.holds()) {
            mb(lines, regions, "dma", "    DMA     ", v.dmaStart, v.dmaEnd);
        }
        mb(lines, regions, "vmalloc", "    vmalloc ", v.vmallocStart, v.vmallocEnd);
        mb(lines, regions, "lowmem", "    lowmem  ", v.pageOffset, v.highMemory);
        if (v.highmem) {
            mb(lines, regions, "pkmap", "    pkmap   ", v.pkmapStart, v.pkmapEnd);
        }
        if (!era.modulesIfdef || v.modules) {
            mb(lines, regions, "modules", "    modules ", v.modulesStart, v.modulesEnd);
        }
        if (era.textFirst) {
            section(era, lines, regions, "text", "      .text ", v.text);
            section(era, lines, regions, "init", "      .init ", v.init);
        } else {
            section(era, lines, regions, "init", "      .init ", v.init);
            section(era, lines, regions, "text", "      .text ", v.text);
        }
        section(era, lines, regions, "data", "      .data ", v.data);
        if (era.bssRow) {
            section(era, lines, regions, "bss", "       .bss ", v.bss);
        }
        return new Table(text ? lines : List.of(), regions);
    }

    private static void kb(List<String> lines, List<Region> regions, String id, String label, long b, long t) {
        if (lines != null) {
            lines.add(KernelTable.row(label, b, t, KernelTable.mlk(b, t), "kB"));
        }
        regions.add(new Region(id, b, t));
    }

    private static void mb(List<String> lines, List<Region> regions, String id, String label, long b, long t) {
        if (lines != null) {
            lines.add(KernelTable.row(label, b, t, KernelTable.mlm(b, t), "MB"));
        }
        regions.add(new Region(id, b, t));
    }

    private static void section(ArmEra era, List<String> lines, List<Region> regions, String id, String label, long[] bt) {
        if (bt == null) {
            return;
        }
        if (lines != null) {
            long size = KernelTable.mlkRoundup(bt[0], bt[1]);
            lines.add(era.ptrval ? KernelTable.ptrvalRow(label, size, "kB") : KernelTable.row(label, bt[0], bt[1], size, "kB"));
        }
        regions.add(new Region(id, bt[0], bt[1]));
    }
}
