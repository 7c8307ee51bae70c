package vmlayout.render.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vmlayout.engine.Layout;
import vmlayout.engine.RamRange;
import vmlayout.engine.Region;
import vmlayout.engine.Reservation;

/**
 * The picture's model, shared by the text map and the SVG: the 4 GB virtual space and the physical
 * RAM cut into segments, top to bottom (high addresses first), built from a {@link Layout} only. No
 * kernel arithmetic happens here: every address is a region's or a RAM range's own bound.
 * <ul>
 *   <li>Virtual side: the layout's regions sorted by start address, highest first (the order of the
 *       kernel's table); a region that lies inside another one (the kernel image's .text, .init ...
 *       inside lowmem) is not a segment of its own but listed in its container's {@code nested}; what
 *       lies between two regions, or between the highest region and 4 GB, is a gap; everything below
 *       the lowest region is user space. The segments cover 0 to 4 GB without a hole.</li>
 *   <li>Physical side: the layout's RAM ranges, highest first, and "no RAM" holes between them, from
 *       the end of the highest range down to the start of the lowest (nothing above or below). The early
 *       reservations placed in a range (cma, crashkernel, device-tree pools) are its nested rows.</li>
 * </ul>
 */
public final class AddressMap {

    /** The top of the 32-bit virtual space. */
    public static final long TOP = 1L << 32;

    /**
     * One segment of a side.
     *
     * @param name    the region id, "gap", "user space", the RAM use ("lowmem", "dropped" ...) or "no RAM"
     * @param start   first address drawn
     * @param end     first address past it
     * @param kind    how it is drawn
     * @param region  the layout's region (virtual side), else null
     * @param ram     the layout's RAM range (physical side), else null
     * @param clipped true when the region overlaps the one above it and is drawn from that one's start
     * @param nested  regions that lie inside this one, in the kernel's table order
     */
    public record Segment(String name, long start, long end, MapKind kind, Region region, RamRange ram,
                          boolean clipped, List<Region> nested) {
        public Segment {
            nested = List.copyOf(nested);
        }

        public long size() {
            return end - start;
        }
    }

    private final Layout layout;
    private final List<Segment> virtual;
    private final List<Segment> physical;

    private AddressMap(Layout layout, List<Segment> virtual, List<Segment> physical) {
        this.layout = layout;
        this.virtual = List.copyOf(virtual);
        this.physical = List.copyOf(physical);
    }

    public static AddressMap of(Layout layout) {
        return new AddressMap(layout, virtualSide(layout.regions()), physicalSide(layout.ram(), layout.reservations()));
    }

    public Layout layout() {
        return layout;
    }

    /** The virtual side, top to bottom: from 4 GB down to 0. */
    public List<Segment> virtual() {
        return virtual;
    }

    /** The physical side, top to bottom; empty when the layout has no RAM. */
    public List<Segment> physical() {
        return physical;
    }

    /** Bytes from the lowest kernel region to 4 GB (the part of the virtual side drawn to scale). */
    public long kernelSpan() {
        long low = TOP;
        for (Segment s : virtual) {
            if (s.kind() != MapKind.USER) {
                low = Math.min(low, s.start());
            }
        }
        return TOP - low;
    }

    /** Bytes of RAM: the sizes of all RAM ranges added up (holes between them not counted). */
    public long ramTotal() {
        long sum = 0;
        for (Segment s : physical) {
            if (s.ram() != null) {
                sum += s.size();
            }
        }
        return sum;
    }

    /** The virtual lowmem segment, or -1. */
    public int virtualLowmem() {
        for (int i = 0; i < virtual.size(); i++) {
            if (virtual.get(i).region() != null && virtual.get(i).name().equals("lowmem")) {
                return i;
            }
        }
        return -1;
    }

    /** The highest physical segment used as lowmem, or -1. */
    public int physicalLowmemTop() {
        for (int i = 0; i < physical.size(); i++) {
            if (physical.get(i).kind() == MapKind.LOWMEM) {
                return i;
            }
        }
        return -1;
    }

    /** The lowest physical segment used as lowmem, or -1. */
    public int physicalLowmemBottom() {
        for (int i = physical.size() - 1; i >= 0; i--) {
            if (physical.get(i).kind() == MapKind.LOWMEM) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The largest region that r lies inside, or null (of two equal ranges, the first in table order
     * contains the other).
     */
    private static Region container(Region r, List<Region> all) {
        Region best = null;
        for (int i = 0; i < all.size(); i++) {
            Region c = all.get(i);
            if (c == r || c.start() > r.start() || c.end() < r.end()) {
                continue;
            }
            boolean larger = c.size() > r.size() || all.indexOf(c) < all.indexOf(r);
            if (larger && (best == null || c.size() > best.size())) {
                best = c;
            }
        }
        return best;
    }

    static List<Segment> virtualSide(List<Region> regions) {
        List<Region> top = new ArrayList<>();
        List<List<Region>> nested = new ArrayList<>();
        List<Region[]> pending = new ArrayList<>();
        for (Region r : regions) {
            Region c = container(r, regions);
            if (c == null) {
                top.add(r);
            } else {
                pending.add(new Region[]{r, c});
            }
        }
        top.sort(Comparator.comparingLong(Region::start).reversed()
                .thenComparing(Comparator.comparingLong(Region::end).reversed()));
        for (int i = 0; i < top.size(); i++) {
            nested.add(new ArrayList<>());
        }
        for (Region[] rc : pending) {
            Region c = rc[1];
            while (!top.contains(c)) {
                c = container(c, regions);
            }
            nested.get(top.indexOf(c)).add(rc[0]);
        }
        List<Segment> out = new ArrayList<>();
        long cursor = TOP;
        for (int i = 0; i < top.size(); i++) {
            Region r = top.get(i);
            if (r.start() >= cursor && !out.isEmpty()) {
                // wholly under the regions above it, though inside none of them: listed with the previous
                Segment prev = out.remove(out.size() - 1);
                List<Region> n = new ArrayList<>(prev.nested());
                n.add(r);
                n.addAll(nested.get(i));
                out.add(new Segment(prev.name(), prev.start(), prev.end(), prev.kind(), prev.region(), null,
                        prev.clipped(), n));
                continue;
            }
            if (r.end() < cursor) {
                out.add(new Segment("gap", r.end(), cursor, MapKind.GAP, null, null, false, List.of()));
            }
            long end = Math.min(r.end(), cursor);
            out.add(new Segment(r.name(), r.start(), end, MapKind.ofRegion(r.name()), r, null, r.end() > cursor,
                    nested.get(i)));
            cursor = r.start();
        }
        if (cursor > 0) {
            out.add(new Segment("user space", 0, cursor, MapKind.USER, null, null, false, List.of()));
        }
        return out;
    }

    static List<Segment> physicalSide(List<RamRange> ram) {
        return physicalSide(ram, List.of());
    }

    /**
     * The physical side; the early reservations placed (CMA, device-tree regions and pools, crash kernel: not the
     * kernel image or initrd it already held) are listed in the RAM segment their first byte lies in, as a
     * region's nested rows are, in the kernel's order.
     */
    static List<Segment> physicalSide(List<RamRange> ram, List<Reservation> reservations) {
        List<RamRange> sorted = new ArrayList<>(ram);
        sorted.sort(Comparator.comparingLong(RamRange::start).reversed());
        List<Segment> out = new ArrayList<>();
        long cursor = sorted.isEmpty() ? 0 : sorted.get(0).end();
        for (RamRange r : sorted) {
            if (r.start() >= cursor) {
                continue; // overlaps a range above it entirely: the engine never does this
            }
            if (r.end() < cursor) {
                out.add(new Segment("no RAM", r.end(), cursor, MapKind.HOLE, null, null, false, List.of()));
            }
            long end = Math.min(r.end(), cursor);
            List<Region> inside = new ArrayList<>();
            for (Reservation x : reservations) {
                if (x.placed() && !x.context() && x.start() >= r.start() && x.start() < end) {
                    inside.add(new Region(x.label(), x.start(), x.end()));
                }
            }
            out.add(new Segment(r.use().id(), r.start(), end, MapKind.ofRam(r.use()), null, r, r.end() > cursor, inside));
            cursor = r.start();
        }
        return out;
    }
}
