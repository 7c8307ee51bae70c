package vmlayout.engine.arm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vmlayout.engine.RangeSet;

/**
 * The kernel's list of RAM regions during setup_arch(): the meminfo banks of releases before 3.16
 * (kept as added, at most NR_BANKS of them, sorted before the lowmem check) or the memblock "memory"
 * regions from 3.16 (merged when adjacent or overlapping, always sorted).
 */
final class ArmMemory {

    /** One bank: [start, start + size), and whether the lowmem check made it highmem. */
    static final class Bank {
        long start;
        long size;
        boolean highmem;

        Bank(long start, long size) {
            this.start = start;
            this.size = size;
        }

        long end() {
            return start + size;
        }
    }

    private final boolean memblock;
    final List<Bank> banks = new ArrayList<>();

    ArmMemory(boolean memblock) {
        this.memblock = memblock;
    }

    int count() {
        return banks.size();
    }

    /** meminfo: append a bank; memblock: memblock_add(), which merges. */
    void add(long start, long size) {
        if (!memblock) {
            banks.add(new Bank(start, size));
            return;
        }
        RangeSet s = toRangeSet().add(start, start + size);
        fromRangeSet(s);
    }

    /** The first mem= parameter: meminfo.nr_banks = 0, or memblock_remove() of all of DRAM. */
    void clear() {
        banks.clear();
    }

    /** memblock_remove(start, size). */
    void remove(long start, long size) {
        fromRangeSet(toRangeSet().remove(start, start + size));
    }

    /** sort(&meminfo.bank, ..., meminfo_cmp) (a no-op for memblock, which is always sorted). */
    void sort() {
        banks.sort(new Comparator<Bank>() {
            @Override
            public int compare(Bank a, Bank b) {
                return Long.compare(a.start, b.start);
            }
        });
    }

    long endOfDram() {
        long end = 0;
        for (Bank b : banks) {
            end = Math.max(end, b.end());
        }
        return end;
    }

    RangeSet toRangeSet() {
        RangeSet s = new RangeSet();
        for (Bank b : banks) {
            s.add(b.start, b.end());
        }
        return s;
    }

    private void fromRangeSet(RangeSet s) {
        banks.clear();
        for (RangeSet.Range r : s.ranges()) {
            banks.add(new Bank(r.start(), r.size()));
        }
    }
}
