package vmlayout.engine.reserve;

import java.util.List;
import vmlayout.engine.RangeSet;

/**
 * The early allocator as the reservations meet it (mm/memblock.c): memblock.memory (with its
 * MEMBLOCK_NOMAP regions, which allocations skip) and memblock.reserved. An allocation is
 * memblock_find_in_range_node() followed by memblock_reserve():
 * <pre>
 *   start = max_t(phys_addr_t, start, PAGE_SIZE); end = max(start, end);
 *   top-down (the default): for_each_free_mem_range_reverse(...) {
 *       this_start = clamp(this_start, start, end); this_end = clamp(this_end, start, end);
 *       if (this_end &lt; size) continue;
 *       cand = round_down(this_end - size, align);
 *       if (cand &gt;= this_start) return cand;
 *   }
 *   bottom-up: for_each_free_mem_range(...) { ... cand = round_up(this_start, align);
 *       if (cand &lt; this_end &amp;&amp; this_end - cand &gt;= size) return cand; }
 * </pre>
 * (__memblock_find_range_top_down() / _bottom_up(), the same from 3.x to 6.x.) Addresses are
 * phys_addr_t: {@code maxAddr} is 2^32 - 1 without LPAE/PAE and is where "anywhere" ends.
 */
public final class Memblock {

    static final long PAGE_SIZE = 4096;

    private final RangeSet memory;
    private final RangeSet nomap = new RangeSet();
    private final RangeSet reserved = new RangeSet();
    private final long maxAddr;

    /**
     * @param memory  memblock.memory as the arch left it
     * @param maxAddr the largest phys_addr_t (0xffffffff, or 2^40 - 1 standing for a 64-bit phys_addr_t)
     */
    public Memblock(RangeSet memory, long maxAddr) {
        this.memory = new RangeSet(memory);
        this.maxAddr = maxAddr;
    }

    public long maxAddr() {
        return maxAddr;
    }

    /** memblock_end_of_DRAM(): the end of the last memory region (exclusive), NOMAP ones included. */
    public long endOfDram() {
        List<RangeSet.Range> r = memory.ranges();
        return r.isEmpty() ? 0 : r.get(r.size() - 1).end();
    }

    /** memblock_phys_mem_size(): the bytes of memblock.memory, NOMAP regions included. */
    public long physMemSize() {
        return memory.total();
    }

    /** memblock_is_region_reserved(): true when [base, base + size) overlaps a reserved range. */
    public boolean isRegionReserved(long base, long size) {
        return !reserved.intersect(RangeSet.of(base, base + size)).isEmpty();
    }

    public boolean isMemory(long base, long size) {
        return RangeSet.of(base, base + size).removeAll(memory).isEmpty();
    }

    /** memblock_reserve(). */
    public void reserve(long base, long size) {
        if (size > 0) {
            reserved.add(base, base + size);
        }
    }

    /** memblock_phys_free() / memblock_free(). */
    public void free(long base, long size) {
        reserved.remove(base, base + size);
    }

    /** memblock_mark_nomap(): still memory, never allocated. */
    public void markNomap(long base, long size) {
        nomap.add(base, base + size);
    }

    /** memblock_clear_nomap(): mapped again (still reserved if it was). */
    public void clearNomap(long base, long size) {
        nomap.remove(base, base + size);
    }

    /** memblock_remove(). */
    public void remove(long base, long size) {
        memory.remove(base, base + size);
    }

    /** What is free for an allocation: memory minus NOMAP minus reserved. */
    public RangeSet free() {
        return new RangeSet(memory).removeAll(nomap).removeAll(reserved);
    }

    /** The largest free range inside [start, end), or null: what a failed search could have had. */
    public RangeSet.Range largestFree(long start, long end) {
        RangeSet.Range best = null;
        if (Long.compareUnsigned(start, end) >= 0) {
            return null;
        }
        for (RangeSet.Range r : free().intersect(RangeSet.of(start, end)).ranges()) {
            if (best == null || r.size() > best.size()) {
                best = r;
            }
        }
        return best;
    }

    public RangeSet reserved() {
        return new RangeSet(reserved);
    }

    public RangeSet memory() {
        return new RangeSet(memory);
    }

    /**
     * memblock_find_in_range_node(): the address found, or 0 (the kernel's "not found").
     *
     * @param end exclusive end; values above {@link #maxAddr()} + 1 are clamped there (MEMBLOCK_ALLOC_ANYWHERE)
     */
    public long find(long size, long align, long start, long end, boolean bottomUp) {
        if (size <= 0) {
            return 0;
        }
        long a = Math.max(align, 1);
        long lo = Math.max(start, PAGE_SIZE);
        long hi = Math.max(lo, Math.min(end, maxAddr + 1));
        List<RangeSet.Range> free = free().ranges();
        if (bottomUp) {
            for (RangeSet.Range r : free) {
                long s = clamp(r.start(), lo, hi);
                long e = clamp(r.end(), lo, hi);
                long cand = roundUp(s, a);
                if (cand < e && e - cand >= size) {
                    return cand;
                }
            }
            return 0;
        }
        for (int i = free.size() - 1; i >= 0; i--) {
            long s = clamp(free.get(i).start(), lo, hi);
            long e = clamp(free.get(i).end(), lo, hi);
            if (e < size) {
                continue;
            }
            long cand = roundDown(e - size, a);
            if (cand >= s) {
                return cand;
            }
        }
        return 0;
    }

    /** memblock_alloc_range_nid() / memblock_phys_alloc_range(): find, reserve, and return the base (0: none). */
    public long alloc(long size, long align, long start, long end, boolean bottomUp) {
        long found = find(size, align, start, end, bottomUp);
        if (found != 0) {
            reserve(found, size);
        }
        return found;
    }

    static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    public static long roundDown(long v, long a) {
        return v - Math.floorMod(v, a);
    }

    public static long roundUp(long v, long a) {
        long r = Math.floorMod(v, a);
        return r == 0 ? v : v + (a - r);
    }
}
