package vmlayout.engine.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmlayout.config.KernelVersion;

/** The e820 table operations against the kernel's own rules (arch/x86/kernel/e820.c). */
class E820TableTest {

    private static E820Table table(long[]... entries) {
        E820Table t = new E820Table(131);
        for (long[] e : entries) {
            t.add(e[0], e[1], (int) e[2]);
        }
        return t;
    }

    private static List<String> dump(E820Table t) {
        List<String> out = new ArrayList<>();
        for (E820Table.Entry e : t.entries) {
            out.add(String.format("%x-%x:%d", e.addr, e.addr + e.size, e.type));
        }
        return out;
    }

    /**
     * sanitize_e820_map(): overlaps go to the highest type number (1 usable < 2 reserved < 3 ACPI), the
     * result is sorted and neighbours of one type merge. RAM [0, 0x1000) + RAM [0x1000, 0x3000) merge;
     * reserved [0x2000, 0x2800) inside RAM splits it; ACPI [0x2400, 0x4000) beats both.
     */
    @Test
    void sanitizeResolvesOverlapsByHighestType() {
        E820Table t = table(new long[]{0x1000, 0x2000, 1}, new long[]{0x2400, 0x1c00, 3}, new long[]{0, 0x1000, 1},
                new long[]{0x2000, 0x800, 2});
        assertTrue(t.sanitize());
        assertEquals(List.of("0-2000:1", "2000-2400:2", "2400-4000:3"), dump(t));
    }

    /** Empty entries vanish; adjacent PRAM entries are never merged from 4.1 (the noMerge types). */
    @Test
    void sanitizeDropsEmptyEntriesAndKeepsPramApart() {
        E820Table t = table(new long[]{0, 0x1000, 1}, new long[]{0x5000, 0, 1}, new long[]{0x1000, 0x1000, 12},
                new long[]{0x2000, 0x1000, 12});
        assertTrue(t.sanitize(E820Table.PRAM));
        assertEquals(List.of("0-1000:1", "1000-2000:12", "2000-3000:12"), dump(t));
        E820Table merged = table(new long[]{0, 0x1000, 1}, new long[]{0x1000, 0x1000, 12}, new long[]{0x2000, 0x1000, 12});
        assertTrue(merged.sanitize());
        assertEquals(List.of("0-1000:1", "1000-3000:12"), dump(merged));
    }

    /** Fewer than two entries, or one whose end wraps past 2^64: -1 and the table untouched. */
    @Test
    void sanitizeRefusesWhatTheKernelRefuses() {
        E820Table one = table(new long[]{0, 0x1000, 1});
        assertFalse(one.sanitize());
        assertEquals(List.of("0-1000:1"), dump(one));
        E820Table wraps = table(new long[]{0, 0x1000, 1}, new long[]{-0x1000L, 0x2000, 2});
        assertFalse(wraps.sanitize());
        assertEquals(2, wraps.entries.size());
    }

    /**
     * e820_remove_range(0x1800, ULLONG_MAX - 0x1800, E820_RAM, 1) (mem=6K): the RAM entry [0x1000,
     * 0x3000) is cut to [0x1000, 0x1800); the reserved entry above is not RAM and stays; the RAM entry
     * [0x4000, 0x5000) lies wholly inside and is zeroed (addr, size and type 0), not deleted.
     */
    @Test
    void removeRangeAboveALimit() {
        E820Table t = table(new long[]{0x1000, 0x2000, 1}, new long[]{0x3000, 0x1000, 2}, new long[]{0x4000, 0x1000, 1});
        t.removeRange(0x1800, -1L - 0x1800, E820Table.RAM, true, true);
        assertEquals(List.of("1000-1800:1", "3000-4000:2", "0-0:0"), dump(t));
    }

    /**
     * A range inside an entry: 4.17+ splits it (the new tail is appended); the 2.6.27-era code only
     * shrinks the entry by the range's size, keeping its start (no caller did that before memmap=%).
     */
    @Test
    void removeRangeInsideAnEntry() {
        E820Table split = table(new long[]{0x1000, 0x4000, 1});
        split.removeRange(0x2000, 0x1000, 0, false, true);
        assertEquals(List.of("1000-2000:1", "3000-5000:1"), dump(split));
        E820Table old = table(new long[]{0x1000, 0x4000, 1});
        old.removeRange(0x2000, 0x1000, 0, false, false);
        assertEquals(List.of("1000-4000:1"), dump(old));
    }

    /** __e820__range_update() inside an entry: head keeps the old type, the range and tail are appended. */
    @Test
    void updateRangeInsideAnEntry() {
        E820Table t = table(new long[]{0x1000, 0x4000, 1});
        t.updateRange(0x2000, 0x1000, 1, 2);
        assertEquals(List.of("1000-2000:1", "2000-3000:2", "3000-5000:1"), dump(t));
    }

    /** e820_end_pfn(): the last RAM pfn below the limit, cut at the limit by an entry crossing it. */
    @Test
    void endPfnStopsAtTheLimit() {
        E820Table t = table(new long[]{0, 0x9fc00, 1}, new long[]{0x100000, 0x13ff00000L, 1});
        assertEquals(0x100000, t.endPfn(1L << 20, false));
        assertEquals(0x140000, t.endPfn(1L << 24, false));
        // find_max_pfn() (up to 2.6.26) has no limit
        assertEquals(0x140000, t.findMaxPfn());
    }

    /** The type words per era. */
    @Test
    void typeWords() {
        X86Era e2624 = X86Era.of(KernelVersion.of(2, 6, 24));
        X86Era e32 = X86Era.of(KernelVersion.of(3, 2));
        X86Era e36 = X86Era.of(KernelVersion.of(3, 6));
        X86Era e419 = X86Era.of(KernelVersion.of(4, 19));
        assertEquals("(usable)", E820Format.typeWord(e2624, 1));
        assertEquals("type 5", E820Format.typeWord(e2624, 5)); // print_memory_map() has no E820_UNUSABLE case
        assertEquals("(unusable)", E820Format.typeWord(e32, 5));
        assertEquals("type 12", E820Format.typeWord(e32, 12)); // the default is not parenthesized
        assertEquals("ACPI NVS", E820Format.typeWord(e36, 4));
        assertEquals("type 12", E820Format.typeWord(e36, 12));
        assertEquals("persistent (type 12)", E820Format.typeWord(e419, 12));
        assertEquals("persistent (type 7)", E820Format.typeWord(e419, 7));
        assertEquals("soft reserved", E820Format.typeWord(X86Era.of(KernelVersion.of(5, 5)), E820Table.SOFT_RESERVED));
    }
}
