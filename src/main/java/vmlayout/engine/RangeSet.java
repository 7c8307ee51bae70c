package vmlayout.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of physical address ranges [start, end), kept sorted and merged. Used to account for what
 * became of the board's RAM. Addresses are non-negative longs (up to 2^62).
 */
public final class RangeSet {

    /** One range [start, end). */
    public record Range(long start, long end) {
        public long size() {
            return end - start;
        }
    }

    private final List<Range> ranges = new ArrayList<>();

    public RangeSet() {
    }

    public RangeSet(RangeSet other) {
        ranges.addAll(other.ranges);
    }

    public static RangeSet of(long start, long end) {
        RangeSet s = new RangeSet();
        s.add(start, end);
        return s;
    }

    public List<Range> ranges() {
        return List.copyOf(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public long total() {
        long t = 0;
        for (Range r : ranges) {
            t += r.size();
        }
        return t;
    }

    /** Index of the first range that ends at or after {@code x} (ranges that touch x merge with it). */
    private int firstEndingAtOrAfter(long x) {
        int lo = 0;
        int hi = ranges.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ranges.get(mid).end < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public RangeSet add(long start, long end) {
        if (end <= start) {
            return this;
        }
        // in place: ranges i..j-1 overlap or touch [start, end) and become one (a batch adds millions)
        int i = firstEndingAtOrAfter(start);
        int j = i;
        long s = start;
        long e = end;
        while (j < ranges.size() && ranges.get(j).start <= end) {
            s = Math.min(s, ranges.get(j).start);
            e = Math.max(e, ranges.get(j).end);
            j++;
        }
        if (j == i) {
            ranges.add(i, new Range(s, e));
        } else {
            ranges.set(i, new Range(s, e));
            ranges.subList(i + 1, j).clear();
        }
        return this;
    }

    public RangeSet clear() {
        ranges.clear();
        return this;
    }

    public RangeSet addAll(RangeSet other) {
        for (Range r : other.ranges) {
            add(r.start, r.end);
        }
        return this;
    }

    public RangeSet remove(long start, long end) {
        if (end <= start) {
            return this;
        }
        int i = firstEndingAtOrAfter(start + 1); // ranges ending at start are untouched
        int j = i;
        while (j < ranges.size() && ranges.get(j).start < end) {
            j++;
        }
        if (j == i) {
            return this;
        }
        Range first = ranges.get(i);
        Range last = ranges.get(j - 1);
        ranges.subList(i, j).clear();
        if (last.end > end) {
            ranges.add(i, new Range(end, last.end));
        }
        if (first.start < start) {
            ranges.add(i, new Range(first.start, start));
        }
        return this;
    }

    public RangeSet removeAll(RangeSet other) {
        for (Range r : other.ranges) {
            remove(r.start, r.end);
        }
        return this;
    }

    /** A new set: the part of this set inside {@code other} (one pass over both, both sorted). */
    public RangeSet intersect(RangeSet other) {
        RangeSet out = new RangeSet();
        int i = 0;
        int j = 0;
        while (i < ranges.size() && j < other.ranges.size()) {
            Range a = ranges.get(i);
            Range b = other.ranges.get(j);
            long s = Math.max(a.start, b.start);
            long e = Math.min(a.end, b.end);
            if (s < e) {
                out.ranges.add(new Range(s, e));
            }
            if (a.end < b.end) {
                i++;
            } else {
                j++;
            }
        }
        return out;
    }
}
