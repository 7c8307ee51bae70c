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

    public RangeSet add(long start, long end) {
        if (end <= start) {
            return this;
        }
        List<Range> out = new ArrayList<>();
        long s = start;
        long e = end;
        boolean placed = false;
        for (Range r : ranges) {
            if (r.end < s) {
                out.add(r);
            } else if (r.start > e) {
                if (!placed) {
                    out.add(new Range(s, e));
                    placed = true;
                }
                out.add(r);
            } else {
                s = Math.min(s, r.start);
                e = Math.max(e, r.end);
            }
        }
        if (!placed) {
            out.add(new Range(s, e));
        }
        ranges.clear();
        ranges.addAll(out);
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
        List<Range> out = new ArrayList<>();
        for (Range r : ranges) {
            if (r.end <= start || r.start >= end) {
                out.add(r);
                continue;
            }
            if (r.start < start) {
                out.add(new Range(r.start, start));
            }
            if (r.end > end) {
                out.add(new Range(end, r.end));
            }
        }
        ranges.clear();
        ranges.addAll(out);
        return this;
    }

    public RangeSet removeAll(RangeSet other) {
        for (Range r : other.ranges) {
            remove(r.start, r.end);
        }
        return this;
    }

    /** A new set: the part of this set inside {@code other}. */
    public RangeSet intersect(RangeSet other) {
        RangeSet out = new RangeSet(this);
        RangeSet outside = new RangeSet(this).removeAll(other);
        return out.removeAll(outside);
    }
}
