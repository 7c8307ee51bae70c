package vmlayout.engine.mm;

import java.util.ArrayList;
import java.util.List;
import vmlayout.config.Boundary;
import vmlayout.config.KernelVersion;
import vmlayout.engine.RangeSet;
import vmlayout.report.Message;

/**
 * mm/page_alloc.c (mm/mm_init.c from 6.4) free_area_init() and free_area_init_node(): the lines every
 * arch prints when its paging_init() hands the zone limits over (5.8+, see MmEra.FREE_AREA_INIT):
 * <pre>
 * Zone ranges:
 *   DMA      [mem 0x0000000040000000-0x000000006fffffff]
 *   Normal   empty
 *   HighMem  [mem 0x0000000070000000-0x000000007fffffff]
 * Movable zone start for each node
 * Early memory node ranges
 *   node   0: [mem 0x0000000040000000-0x000000007fffffff]
 * Initmem setup node 0 [mem 0x0000000040000000-0x000000007fffffff]
 * </pre>
 * (real Debian 6.1 armmp, 1 GB at 0x40000000: testdata/arm/modern01). vmlayout's
 * boards have one node and no kernelcore=/movablecore=, so "Movable zone start" has no lines under it.
 */
public final class FreeAreaInit {

    /**
     * A zone the kernel was built with and the limit paging_init() gives it.
     *
     * @param name   zone_names[]: "DMA", "Normal", "HighMem"
     * @param maxPfn max_zone_pfn[zone] (exclusive)
     */
    public record Zone(String name, long maxPfn) {
    }

    private FreeAreaInit() {
    }

    /** The release boundaries of the generic mm code (MmEra), for the upgrade report of diff. */
    public static List<Boundary> boundaries() {
        return Boundary.of(MmEra.class);
    }

    /** Whether this release prints them in the form predicted here. */
    public static boolean prints(KernelVersion v) {
        return MmEra.of(v).freeAreaInit;
    }

    /**
     * The lines, as kernel messages in log order (none before 5.8, none without RAM).
     *
     * @param zones    the configured zones in enum order (ZONE_MOVABLE left out: it is never printed here)
     * @param memblock memblock.memory (physical bytes), as the kernel has it when paging_init() runs
     */
    public static List<Message> messages(KernelVersion v, List<Zone> zones, RangeSet memblock) {
        return messages(v, zones, memblock, new RangeSet());
    }

    /**
     * As above, memblock.memory holding MEMBLOCK_NOMAP regions ({@code nomap}: the device tree's no-map regions, 5.12+):
     * memblock_merge_regions() merges only neighbours with the same flags, so each NOMAP region is a region of its own
     * and an "Early memory node ranges" line (the real 6.1 boot with a 16 MB no-map region at 0x5f000000 prints three).
     */
    public static List<Message> messages(KernelVersion v, List<Zone> zones, RangeSet memblock, RangeSet nomap) {
        List<Message> out = new ArrayList<>();
        List<long[]> pfns = pfnRanges(regions(memblock, nomap));
        if (!prints(v) || pfns.isEmpty()) {
            return out;
        }
        // arch_zone_lowest/highest_possible_pfn: each zone starts where the previous one ended
        long start = pfns.get(0)[0];
        out.add(info("Zone ranges:"));
        for (Zone z : zones) {
            long end = Math.max(z.maxPfn(), start);
            StringBuilder b = new StringBuilder("  ").append(z.name());
            while (b.length() < 2 + 8) {
                b.append(' ');
            }
            b.append(' ');
            b.append(end == start ? "empty" : "[mem " + hex018(start << 12) + "-" + hex018((end << 12) - 1) + "]");
            out.add(info(b.toString()));
            start = end;
        }
        out.add(info("Movable zone start for each node"));
        out.add(info("Early memory node ranges"));
        for (long[] r : pfns) {
            out.add(info("  node   0: [mem " + hex018(r[0] << 12) + "-" + hex018((r[1] << 12) - 1) + "]"));
        }
        out.add(info("Initmem setup node 0 [mem " + hex018(pfns.get(0)[0] << 12) + "-"
                + hex018((pfns.get(pfns.size() - 1)[1] << 12) - 1) + "]"));
        return out;
    }

    /** The regions of memblock.memory: its ranges cut where a NOMAP region starts or ends. */
    static List<RangeSet.Range> regions(RangeSet memblock, RangeSet nomap) {
        List<RangeSet.Range> out = new ArrayList<>();
        for (RangeSet.Range r : memblock.ranges()) {
            long at = r.start();
            for (RangeSet.Range n : nomap.intersect(RangeSet.of(r.start(), r.end())).ranges()) {
                if (n.start() > at) {
                    out.add(new RangeSet.Range(at, n.start()));
                }
                out.add(n);
                at = n.end();
            }
            if (at < r.end()) {
                out.add(new RangeSet.Range(at, r.end()));
            }
        }
        return out;
    }

    /** for_each_mem_pfn_range(): each region PFN_UP(base) to PFN_DOWN(base + size), empty ones skipped. */
    static List<long[]> pfnRanges(List<RangeSet.Range> regions) {
        List<long[]> out = new ArrayList<>();
        for (RangeSet.Range r : regions) {
            long s = (r.start() + 4095) >>> 12;
            long e = r.end() >>> 12;
            if (e > s) {
                out.add(new long[]{s, e});
            }
        }
        return out;
    }

    /** printk's %#018Lx: "0x" and 16 hex digits. */
    static String hex018(long v) {
        String h = Long.toHexString(v);
        return "0x" + "0000000000000000".substring(h.length()) + h;
    }

    private static Message info(String text) {
        return Message.kernel(Message.Level.INFO, text, false);
    }
}
