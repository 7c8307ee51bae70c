package vmlayout.engine.ppc;

import vmlayout.config.Fmt;
import java.util.ArrayList;
import java.util.List;
import vmlayout.engine.Region;

/**
 * "Kernel virtual memory layout:" of arch/powerpc/mm/mem.c mem_init() (CONFIG_PPC32), one pr_info() per
 * line, each row {@code "  * 0x%08lx..0x%08lx  : <name>"}. Rows and their order by era:
 * <ul>
 *   <li>2.6.29-5.1: fixmap; [HIGHMEM] highmem PTEs; [NOT_COHERENT_CACHE] consistent mem; early ioremap
 *       (always, even empty); vmalloc &amp; ioremap;</li>
 *   <li>5.2-5.3: [KASAN] kasan shadow mem first;</li>
 *   <li>5.4-5.13: consistent mem gone; early ioremap only {@code if (ioremap_bot != IOREMAP_TOP)};</li>
 *   <li>5.14-6.14: {@code #ifdef MODULES_VADDR} modules last;</li>
 *   <li>6.15: removed. Releases before 2.6.29 and from 6.15 are shown in the nearest form.</li>
 * </ul>
 * The regions follow the rows, with lowmem (PAGE_OFFSET..high_memory, not a row) placed by address.
 */
final class PpcListing {

    static final String HEADER = "Kernel virtual memory layout:";
    private static final long M32 = 0xffffffffL;

    /** The lines and the regions in the same order. */
    record Table(List<String> lines, List<Region> regions) {
    }

    private PpcListing() {
    }

    /** The regions, and with {@code text} the listing's lines (without, an empty list: nothing is formatted). */
    static Table render(PpcEra era, PpcConfig k, PpcFixmap f, PpcKernelVirt v, long pageOffset, long highMemory,
                        boolean text) {
        List<String> lines = text ? new ArrayList<>() : null;
        List<Region> regions = new ArrayList<>();
        if (text) {
            lines.add(HEADER);
        }
        if (k.kasan) {
            row(lines, regions, "kasan", "kasan shadow mem", f.kasanStart, f.kasanEnd);
        }
        if (f.exists) {
            row(lines, regions, "fixmap", "fixmap", f.start, f.top);
        }
        if (k.highmem) {
            row(lines, regions, "pkmap", "highmem PTEs", f.pkmapBase, f.pkmapEnd);
        }
        if (v.consistent) {
            row(lines, regions, "consistent", "consistent mem", v.consistentStart, v.consistentEnd);
        }
        if (era.earlyIoremapRowAlways() || v.ioremapBot != v.ioremapTop) {
            row(lines, regions, "early_ioremap", "early ioremap", v.ioremapBot, v.ioremapTop);
        }
        row(lines, regions, "vmalloc", "vmalloc & ioremap", v.vmallocStart, v.vmallocEnd);
        regions.add(new Region("lowmem", pageOffset, pageOffset + (highMemory - pageOffset & M32)));
        if (v.modules && era.atLeast(PpcEra.MODULES_ROW)) {
            row(lines, regions, "modules", "modules", v.modulesStart, v.modulesEnd);
        } else if (v.modules) {
            regions.add(new Region("modules", v.modulesStart, v.modulesEnd));
        }
        return new Table(text ? lines : List.of(), regions);
    }

    /** One row; an end printed as 0x00000000 (KASAN_SHADOW_END 0UL) is the top of the address space. */
    private static void row(List<String> lines, List<Region> regions, String id, String name, long start, long end) {
        if (lines != null) {
            lines.add("  * " + Fmt.hex8(start & M32) + ".." + Fmt.hex8(end & M32) + "  : " + name);
        }
        long e = end == 0 ? 1L << 32 : end;
        regions.add(new Region(id, start, e));
    }
}
