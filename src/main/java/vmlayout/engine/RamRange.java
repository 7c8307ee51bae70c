package vmlayout.engine;

import java.util.Comparator;
import java.util.List;

/**
 * A range of physical addresses and what became of it.
 *
 * @param start first byte
 * @param end   first byte past the range (exclusive; 64-bit physical addresses)
 * @param use   lowmem, highmem, dropped or reserved
 * @param why   for dropped and reserved ranges, which rule took it (empty otherwise)
 * @param present still in memblock.memory (present pages the kernel counts in "Memory: .../NK"): lowmem and highmem,
 *                and reserved ranges the kernel only reserves or marks NOMAP; not RAM dropped or removed
 */
public record RamRange(long start, long end, RamUse use, String why, boolean present) {

    /** A range whose presence follows from its use: lowmem and highmem are present, the rest not. */
    public RamRange(long start, long end, RamUse use, String why) {
        this(start, end, use, why, use == RamUse.LOWMEM || use == RamUse.HIGHMEM);
    }
    /** By start address. A class, not a lambda: a lambda's first use costs ~5 ms of method-handle set-up at start. */
    public static final Comparator<RamRange> BY_START = new ByStart();

    private static final class ByStart implements Comparator<RamRange> {
        @Override
        public int compare(RamRange a, RamRange b) {
            return Long.compare(a.start, b.start);
        }
    }

    public long size() {
        return end - start;
    }

    /** Appends each range of {@code s} to {@code out} with this use and reason (the RAM accounting of every engine). */
    public static void addAll(List<RamRange> out, RangeSet s, RamUse use, String why) {
        for (RangeSet.Range r : s.ranges()) {
            out.add(new RamRange(r.start(), r.end(), use, why));
        }
    }
}
