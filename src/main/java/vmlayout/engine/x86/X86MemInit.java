package vmlayout.engine.x86;

import java.util.ArrayList;
import java.util.List;
import vmlayout.engine.KernelTable;
import vmlayout.engine.Region;

/**
 * The "virtual kernel memory layout:" table of arch/i386/mm/init.c / arch/x86/mm/init_32.c mem_init()
 * (2.6.19-5.6; one printk record, plain up to 2.6.24, KERN_INFO later, same strings):
 * fixmap, cpu_entry (4.15+, not under #ifdef), pkmap (CONFIG_HIGHMEM), vmalloc, lowmem, .init, .data
 * (from _etext: rodata included), .text. Section sizes are plain ">> 10" (truncating). Section rows are
 * printed only for the symbols given (they depend on the kernel image).
 */
final class X86MemInit {

    static final String HEADER = "virtual kernel memory layout:";

    /** Values the table shows; a section is null when its symbols were not given. */
    static final class Values {
        long fixStart;
        long fixTop;
        boolean cpuEntry;
        long cpuEntryBase;
        long cpuEntryMapSize;
        boolean highmem;
        long pkmapBase;
        long lastPkmap;
        long vmallocStart;
        long vmallocEnd;
        long pageOffset;
        long highMemory;
        long[] init;
        long[] data;
        long[] text;
    }

    /** The table lines and the regions in the same order. */
    record Table(List<String> lines, List<Region> regions) {
    }

    private X86MemInit() {
    }

    /** The regions, and with {@code text} the table's lines (without, an empty list: nothing is formatted). */
    static Table render(Values v, boolean text) {
        List<String> lines = text ? new ArrayList<>() : null;
        List<Region> regions = new ArrayList<>();
        if (text) {
            lines.add(HEADER);
        }
        kb(lines, regions, "fixmap", "    fixmap  ", v.fixStart, v.fixTop, KernelTable.mlk(v.fixStart, v.fixTop));
        if (v.cpuEntry) {
            kb(lines, regions, "cpu_entry", "  cpu_entry ", v.cpuEntryBase, v.cpuEntryBase + v.cpuEntryMapSize,
                    (v.cpuEntryMapSize & 0xffffffffL) >> 10);
        }
        if (v.highmem) {
            long size = v.lastPkmap * 4096;
            kb(lines, regions, "pkmap", "    pkmap   ", v.pkmapBase, v.pkmapBase + size, size >> 10);
        }
        mb(lines, regions, "vmalloc", "    vmalloc ", v.vmallocStart, v.vmallocEnd);
        mb(lines, regions, "lowmem", "    lowmem  ", v.pageOffset, v.highMemory);
        section(lines, regions, "init", "      .init ", v.init);
        section(lines, regions, "data", "      .data ", v.data);
        section(lines, regions, "text", "      .text ", v.text);
        return new Table(text ? lines : List.of(), regions);
    }

    private static void kb(List<String> lines, List<Region> regions, String id, String label, long b, long t, long kb) {
        if (lines != null) {
            lines.add(KernelTable.row(label, b, t, kb, "kB"));
        }
        regions.add(new Region(id, b, regionEnd(b, t)));
    }

    private static void mb(List<String> lines, List<Region> regions, String id, String label, long b, long t) {
        if (lines != null) {
            lines.add(KernelTable.row(label, b, t, KernelTable.mlm(b, t), "MB"));
        }
        regions.add(new Region(id, b, regionEnd(b, t)));
    }

    private static void section(List<String> lines, List<Region> regions, String id, String label, long[] bt) {
        if (bt == null) {
            return;
        }
        if (lines != null) {
            lines.add(KernelTable.row(label, bt[0], bt[1], KernelTable.mlk(bt[0], bt[1]), "kB"));
        }
        regions.add(new Region(id, bt[0], regionEnd(bt[0], bt[1])));
    }

    /** An end that wrapped to 0 (a region reaching the top of the 32-bit space) is 2^32 in a Region. */
    private static long regionEnd(long b, long t) {
        long end = t & 0xffffffffL;
        return end == 0 && b != 0 ? 1L << 32 : end;
    }
}
