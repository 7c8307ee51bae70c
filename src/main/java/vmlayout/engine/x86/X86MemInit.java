package vmlayout.engine.x86;

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
 * The "virtual kernel memory layout:" table of arch/i386/mm/init.c / arch/x86/mm/init_32.c mem_init()
 * (2.6.19-5.6; one printk record, plain up to 2.6.24, KERN_INFO later, same strings):
 * fixmap, cpu_entry (4.15+, not under #ifdef), pkmap (CONFIG_HIGHMEM), vmalloc, lowmem, .init, .data
 * (from _etext: rodata included), .text. Section sizes are plain ">> 10" (truncating). Section rows are
 * printed only for the symbols given (they depend on the kernel image).
 */
final class X86MemInit {

    static final String HEADER = "virtual kernel memory layout:";
    private static final long PAGE = 4096;

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

    /**
     * mem_init(): high_memory from highstart_pfn, VMALLOC_START from it (high_memory + VMALLOC_OFFSET
     * from 2.6.28, rounded to 8 MB with a second guard page before), the rows of the top of the address
     * space and the sections given; then the regions and, unless a batch line needs none, the lines.
     */
    static Table memInit(Boot boot, X86Era era, X86Config cfg, X86Fixmap.Values top, X86Lowmem.Result split) {
        DerivationLog log = boot.log;
        Constants c = boot.constants;
        long highMemory = cfg.pageOffset() + split.highstartPfn * PAGE; // __va(highstart_pfn * PAGE_SIZE - 1) + 1
        boolean newFormula = era.newVmallocFormula.holds();
        long offset = X86Fixmap.VMALLOC_OFFSET;
        long vmallocStart = newFormula ? (highMemory + offset) & M32 : (highMemory + 2 * offset - 1) & ~(offset - 1) & M32;
        if (log.on()) {
            log.add("high_memory", "lowmem ends at high_memory = PAGE_OFFSET + highstart_pfn 0x" + Long.toHexString(split.highstartPfn)
                    + " pages = " + Fmt.hex8(highMemory & M32) + " (" + Sizes.human(split.highstartPfn << 12) + " of lowmem).",
                    "arch/x86/mm/init_32.c high_memory, " + Releases.ALL);
            log.add("VMALLOC_START", (newFormula ? "VMALLOC_START = high_memory " + Fmt.hex8(highMemory & M32)
                    + " + VMALLOC_OFFSET 8 MB = " : "VMALLOC_START = (high_memory " + Fmt.hex8(highMemory & M32)
                    + " + 2 * VMALLOC_OFFSET - 1) & ~(VMALLOC_OFFSET - 1) = ") + Fmt.hex8(vmallocStart) + "; the vmalloc area "
                    + Fmt.hex8(vmallocStart) + "-" + Fmt.hex8(top.vmallocEnd) + " is "
                    + Sizes.human(Long.compareUnsigned(top.vmallocEnd, vmallocStart) > 0 ? top.vmallocEnd - vmallocStart : 0) + ".",
                    era.newVmallocFormula.source("arch/x86/include/asm/pgtable_32_types.h VMALLOC_START"));
        }
        Values v = new Values();
        v.fixStart = top.fixaddrStart;
        v.fixTop = top.fixaddrTop;
        v.cpuEntry = era.cpuEntry;
        v.cpuEntryBase = top.cpuEntryBase;
        v.cpuEntryMapSize = top.cpuEntryMapSize;
        v.highmem = cfg.highmem();
        v.pkmapBase = top.pkmapBase;
        v.lastPkmap = top.lastPkmap;
        v.vmallocStart = vmallocStart;
        v.vmallocEnd = top.vmallocEnd;
        v.pageOffset = cfg.pageOffset();
        v.highMemory = highMemory;
        v.init = c.section("__init_begin", "__init_end");
        v.data = c.section("_etext", "_edata");
        v.text = c.section("_text", "_etext");
        if (v.init == null && v.data == null && v.text == null) {
            boot.message(Message.note("the .init/.data/.text rows depend on the kernel image and are left out: give"
                    + " -D __init_begin= -D __init_end= -D _text= -D _etext= -D _edata= (from System.map) to print them."));
        }
        Table table = render(v, boot.tableText());
        if (Long.compareUnsigned(vmallocStart, top.vmallocEnd) >= 0 || Long.compareUnsigned(highMemory & M32, vmallocStart) > 0
                && (highMemory & M32) != 0) {
            boot.message(Message.warn("VMALLOC_START " + Fmt.hex8(vmallocStart) + " is not below VMALLOC_END " + Fmt.hex8(top.vmallocEnd)
                    + ": mem_init()'s BUG_ON() checks stop the kernel right after it prints this table."));
        }
        if (!era.printsTable) {
            boot.noteTableNotPrinted(era.tableNotYet, "i386", X86Era.TABLE_ADDED, X86Era.TABLE_REMOVED,
                    "x86/mm/init_32: Stop printing the virtual memory layout");
        }
        return table;
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
                    (v.cpuEntryMapSize & M32) >> 10);
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
        long end = t & M32;
        return end == 0 && b != 0 ? 1L << 32 : end;
    }
}
