package vmlayout.engine.arm;

import java.util.ArrayList;
import java.util.List;
import vmlayout.engine.KernelTable;
import vmlayout.engine.Region;

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
        if (era.dmaRow) {
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
