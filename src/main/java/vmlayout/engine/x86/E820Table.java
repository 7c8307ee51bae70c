package vmlayout.engine.x86;

import static vmlayout.engine.Ulong.M32;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vmlayout.engine.RangeSet;

/**
 * The kernel's e820 table (struct e820map / e820_table) and the operations the boot code applies to
 * it, ported from arch/i386/kernel/e820.c (2.6.19-2.6.26) and arch/x86/kernel/e820.c (2.6.27 on).
 * Addresses are u64: every comparison is unsigned, every sum wraps like the kernel's.
 */
final class E820Table {

    static final int RAM = 1;
    static final int RESERVED = 2;
    static final int ACPI = 3;
    static final int NVS = 4;
    static final int UNUSABLE = 5;
    static final int PMEM = 7;
    static final int PRAM = 12;
    static final int SOFT_RESERVED = 0xefffffff;

    /** One struct e820entry. Mutable, as the kernel edits entries in place. */
    static final class Entry {
        long addr;
        long size;
        int type;

        Entry(long addr, long size, int type) {
            this.addr = addr;
            this.size = size;
            this.type = type;
        }

        long end() {
            return addr + size;
        }
    }

    final List<Entry> entries = new ArrayList<>();
    /** E820MAX (128) up to 2.6.26; E820_X_MAX (128 + 3 * MAX_NUMNODES, 131 without NUMA) later. */
    final int capacity;
    /** Entries __e820_add_region() refused because the table was full: {start, size}, oldest first. */
    final List<long[]> refused = new ArrayList<>();

    E820Table(int capacity) {
        this.capacity = capacity;
    }

    E820Table copy() {
        E820Table t = new E820Table(capacity);
        for (Entry e : entries) {
            t.entries.add(new Entry(e.addr, e.size, e.type));
        }
        return t;
    }

    /** add_memory_region() / e820_add_region(): append, or refuse when the table is full. */
    boolean add(long start, long size, int type) {
        if (entries.size() >= capacity) {
            refused.add(new long[]{start, size});
            return false;
        }
        entries.add(new Entry(start, size, type));
        return true;
    }

    /** e820.nr_map = 0 (memmap=exactmap). */
    void clear() {
        entries.clear();
    }

    /** e820.nr_map = n (limit_regions()). */
    void truncate(int n) {
        while (entries.size() > n) {
            entries.remove(entries.size() - 1);
        }
    }

    /**
     * e820_remove_range() / e820__range_remove(): take [start, start+size) out of every entry (of
     * {@code oldType} when {@code checkType}). Entries wholly inside are zeroed (memset), not deleted.
     * {@code splitInside} is the "new range completely covered" branch of 4.17+, which splits an entry
     * that contains the whole range; without it such an entry keeps its start and loses the range's
     * size (2.6.27-era code; only memmap=%, 4.17+, removes a range inside an entry).
     */
    void removeRange(long start, long size, int oldType, boolean checkType, boolean splitInside) {
        if (Long.compareUnsigned(size, -1L - start) > 0) {
            size = -1L - start;
        }
        long end = start + size;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (checkType && e.type != oldType) {
                continue;
            }
            long eEnd = e.end();
            if (uge(e.addr, start) && ule(eEnd, end)) {
                e.addr = 0;
                e.size = 0;
                e.type = 0;
                continue;
            }
            if (splitInside && ult(e.addr, start) && ugt(eEnd, end)) {
                add(end, eEnd - end, e.type);
                e.size = start - e.addr;
                continue;
            }
            long fs = umax(start, e.addr);
            long fe = umin(end, eEnd);
            if (uge(fs, fe)) {
                continue;
            }
            e.size -= fe - fs;
            if (ult(e.addr, fs)) {
                continue;
            }
            e.addr = fe;
        }
    }

    /** __e820__range_update() (4.17+ memmap=nn%ss-old+new): retype [start, start+size) from oldType. */
    void updateRange(long start, long size, int oldType, int newType) {
        if (Long.compareUnsigned(size, -1L - start) > 0) {
            size = -1L - start;
        }
        long end = start + size;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.type != oldType) {
                continue;
            }
            long eEnd = e.end();
            if (uge(e.addr, start) && ule(eEnd, end)) {
                e.type = newType;
                continue;
            }
            if (ult(e.addr, start) && ugt(eEnd, end)) {
                add(start, size, newType);
                add(end, eEnd - end, e.type);
                e.size = start - e.addr;
                continue;
            }
            long fs = umax(start, e.addr);
            long fe = umin(end, eEnd);
            if (uge(fs, fe)) {
                continue;
            }
            add(fs, fe - fs, newType);
            e.size -= fe - fs;
            if (ult(e.addr, fs)) {
                continue;
            }
            e.addr = fe;
        }
    }

    /** One change point of sanitize_e820_map(). */
    private record ChangePoint(long addr, Entry entry) {
        boolean isStart() {
            return addr == entry.addr;
        }
    }

    /** By address; at the same address starts before ends (the kernel's bubble sort / cpcompare()). */
    private static final class ChangePointOrder implements Comparator<ChangePoint> {
        @Override
        public int compare(ChangePoint a, ChangePoint b) {
            int c = Long.compareUnsigned(a.addr, b.addr);
            if (c != 0) {
                return c;
            }
            return Boolean.compare(!a.isStart(), !b.isStart());
        }
    }

    /**
     * sanitize_e820_map() / e820__update_table(): sort, resolve overlaps in favour of the highest type
     * number, merge neighbours of the same type, drop empty entries. Returns false and leaves the
     * table alone where the kernel returns -1: fewer than two entries, or an entry whose end wraps.
     *
     * @param noMerge types never merged with a neighbour (E820_PRAM from 4.1, soft reserved from 5.5)
     */
    boolean sanitize(int... noMerge) {
        if (entries.size() < 2) {
            return false;
        }
        for (Entry e : entries) {
            if (ult(e.addr + e.size, e.addr)) {
                return false;
            }
        }
        List<ChangePoint> points = new ArrayList<>();
        for (Entry e : entries) {
            if (e.size != 0) {
                points.add(new ChangePoint(e.addr, e));
                points.add(new ChangePoint(e.addr + e.size, e));
            }
        }
        points.sort(new ChangePointOrder());
        List<Entry> overlap = new ArrayList<>();
        List<Entry> out = new ArrayList<>();
        int lastType = 0;
        long lastAddr = 0;
        Entry building = null;
        for (ChangePoint cp : points) {
            if (cp.isStart()) {
                overlap.add(cp.entry);
            } else {
                for (int i = 0; i < overlap.size(); i++) {
                    if (overlap.get(i) == cp.entry) {
                        overlap.remove(i);
                        break;
                    }
                }
            }
            int currentType = 0;
            for (Entry e : overlap) {
                if (Integer.compareUnsigned(e.type, currentType) > 0) {
                    currentType = e.type;
                }
            }
            if (currentType != lastType || contains(noMerge, currentType)) {
                if (lastType != 0) {
                    building.size = cp.addr - lastAddr;
                    if (building.size != 0) {
                        out.add(building);
                        if (out.size() >= capacity) {
                            building = null;
                            break;
                        }
                    }
                }
                if (currentType != 0) {
                    building = new Entry(cp.addr, 0, currentType);
                    lastAddr = cp.addr;
                }
                lastType = currentType;
            }
        }
        entries.clear();
        entries.addAll(out);
        return true;
    }

    private static boolean contains(int[] types, int type) {
        for (int t : types) {
            if (t == type) {
                return true;
            }
        }
        return false;
    }

    /**
     * e820_end_pfn(limit, E820_RAM) (2.6.27-6.10) or e820__end_ram_pfn(limit) (6.11+, which counts
     * E820_TYPE_ACPI entries too, {@code acpi}): the end pfn of the last such entry below {@code limitPfn}
     * (cut at the limit), pfns in the 32-bit unsigned long of x86_32.
     */
    long endPfn(long limitPfn, boolean acpi) {
        long last = 0;
        for (Entry e : entries) {
            if (e.type != RAM && !(acpi && e.type == ACPI)) {
                continue;
            }
            long startPfn = (e.addr >>> 12) & M32;
            long endPfn = ((e.addr + e.size) >>> 12) & M32;
            if (startPfn >= limitPfn) {
                continue;
            }
            if (endPfn > limitPfn) {
                last = limitPfn;
                break;
            }
            if (endPfn > last) {
                last = endPfn;
            }
        }
        return last;
    }

    /** find_max_pfn() (up to 2.6.26): the highest PFN_DOWN(end) of a RAM entry with a whole page, no limit. */
    long findMaxPfn() {
        long max = 0;
        for (Entry e : entries) {
            if (e.type != RAM) {
                continue;
            }
            long start = ((e.addr + 4095) >>> 12) & M32;
            long end = ((e.addr + e.size) >>> 12) & M32;
            if (start >= end) {
                continue;
            }
            if (end > max) {
                max = end;
            }
        }
        return max;
    }

    /** Where the RAM accounting stops (RangeSet holds non-negative longs; no PC has RAM up there). */
    static final long ACCOUNTING_LIMIT = 1L << 62;

    /** The ranges of one type, merged (for the RAM accounting, not a kernel operation). */
    RangeSet ranges(int type) {
        RangeSet s = new RangeSet();
        for (Entry e : entries) {
            if (e.type == type && e.size != 0 && ult(e.addr, ACCOUNTING_LIMIT)) {
                long end = ult(e.addr + e.size, e.addr) || ugt(e.addr + e.size, ACCOUNTING_LIMIT)
                        ? ACCOUNTING_LIMIT : e.addr + e.size;
                s.add(e.addr, end);
            }
        }
        return s;
    }

    static boolean ult(long a, long b) {
        return Long.compareUnsigned(a, b) < 0;
    }

    static boolean ule(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0;
    }

    static boolean ugt(long a, long b) {
        return Long.compareUnsigned(a, b) > 0;
    }

    static boolean uge(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0;
    }

    static long umax(long a, long b) {
        return uge(a, b) ? a : b;
    }

    static long umin(long a, long b) {
        return ule(a, b) ? a : b;
    }
}
