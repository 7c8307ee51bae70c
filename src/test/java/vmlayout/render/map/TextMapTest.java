package vmlayout.render.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmlayout.config.Arch;
import vmlayout.config.KernelVersion;
import vmlayout.engine.Layout;
import vmlayout.engine.RamRange;
import vmlayout.engine.RamUse;
import vmlayout.engine.Region;

/** The text map's rules, one at a time, on layouts small enough to work by hand. */
class TextMapTest {

    static final long MB = 1L << 20;

    static Layout layout(List<Region> regions, List<RamRange> ram) {
        return new Layout(Arch.ARM, KernelVersion.of(4, 4), List.of(), regions, ram, List.of(), List.of(), true,
                List.of(), List.of());
    }

    static AddressMap.Segment seg(long size, int nested) {
        List<Region> n = new ArrayList<>();
        for (int i = 0; i < nested; i++) {
            n.add(new Region("text", 0, 1));
        }
        return new AddressMap.Segment("x", 0, size, MapKind.VMALLOC, null, null, false, n);
    }

    @Test
    void unitIsTheSmallestPowerOfTwoThatFits32Rows() {
        // kernel span 4G - 0xf0000000 = 256 MB: 256/8 = 32 rows -> 8 MB (4 MB would need 64)
        Layout l = layout(List.of(new Region("vmalloc", 0xf0000000L, 0xff000000L)), List.of());
        assertEquals(8, TextMap.unitMb(AddressMap.of(l)));
        // one byte more than 256 MB: 16 MB
        l = layout(List.of(new Region("vmalloc", 0xf0000000L - 4096, 0xff000000L)), List.of());
        assertEquals(16, TextMap.unitMb(AddressMap.of(l)));
        // the RAM counts too: 2 GB of RAM -> 64 MB (2048/64 = 32)
        l = layout(List.of(new Region("vmalloc", 0xf0000000L, 0xff000000L)),
                List.of(new RamRange(0, 0x80000000L, RamUse.LOWMEM, "")));
        assertEquals(64, TextMap.unitMb(AddressMap.of(l)));
        // ... but not the holes between RAM ranges: 2 x 128 MB, 30 GB apart -> 256 MB -> 8 MB rows
        l = layout(List.of(new Region("vmalloc", 0xf0000000L, 0xff000000L)),
                List.of(new RamRange(0x80000000L, 0x88000000L, RamUse.LOWMEM, ""),
                        new RamRange(0x880000000L, 0x888000000L, RamUse.HIGHMEM, "")));
        assertEquals(8, TextMap.unitMb(AddressMap.of(l)));
        AddressMap.Segment hole = AddressMap.of(l).physical().get(1);
        assertEquals(MapKind.HOLE, hole.kind());
        assertEquals(new TextMap.Rows(TextMap.MAX_HOLE_ROWS, false), TextMap.rows(hole, 8 * MB));
    }

    @Test
    void rowsRoundHalfUpAndTooSmallGetsOneRowNotToScale() {
        long u = 64 * MB;
        assertEquals(new TextMap.Rows(2, true), TextMap.rows(seg(96 * MB, 0), u));        // 1.5 -> 2
        assertEquals(new TextMap.Rows(1, true), TextMap.rows(seg(95 * MB, 0), u));        // 1.48 -> 1
        assertEquals(new TextMap.Rows(1, true), TextMap.rows(seg(32 * MB, 0), u));        // 0.5 -> 1
        assertEquals(new TextMap.Rows(1, false), TextMap.rows(seg(32 * MB - 4096, 0), u)); // 0.49 -> 0 -> 1 ~
        assertEquals(new TextMap.Rows(1, false), TextMap.rows(seg(4096, 0), u));
        // a region with 3 nested ones needs 4 rows: 128 MB (2 rows) becomes 4, not to scale
        assertEquals(new TextMap.Rows(4, false), TextMap.rows(seg(128 * MB, 3), u));
        assertEquals(new TextMap.Rows(6, true), TextMap.rows(seg(384 * MB, 3), u));
        AddressMap.Segment user = new AddressMap.Segment("user space", 0, 0xbf000000L, MapKind.USER, null, null, false,
                List.of());
        assertEquals(new TextMap.Rows(1, false), TextMap.rows(user, u));
    }

    @Test
    void labelIsNameSizeAndMark() {
        AddressMap.Segment s = new AddressMap.Segment("fixmap", 0xfff00000L, 0xfffe0000L, MapKind.FIXED,
                new Region("fixmap", 0xfff00000L, 0xfffe0000L), null, false, List.of());
        assertEquals("fixmap      896 kB ~", TextMap.label(s, false));
        assertEquals("fixmap      896 kB", TextMap.label(s, true));
    }

    /**
     * 256 MB of RAM at 0x80000000 and 128 MB at 0xa0000000, all lowmem; virtual lowmem
     * 0xc0000000-0xd8000000. Unit: virtual span 1024 MB, RAM 384 MB: 1024/32 = 32 rows, 1 row = 32 MB.
     * Virtual: gap 640 MB (20 rows), lowmem 384 MB (12), user space; its lowmem boundary is line
     * 1 + 21 = 22. Physical: lowmem 128 MB (4 rows), no RAM 256 MB (8 rows, cut to 4 and marked),
     * lowmem 256 MB (8); its highest lowmem boundary is line 1, so it starts 21 lines down. The longest
     * virtual line is "|........| user space 3072 MB ~" (31): the physical side starts at column 36.
     */
    @Test
    void holesBetweenBanksAreNoRam() {
        Layout l = layout(List.of(new Region("lowmem", 0xc0000000L, 0xd8000000L)),
                List.of(new RamRange(0x80000000L, 0x90000000L, RamUse.LOWMEM, ""),
                        new RamRange(0xa0000000L, 0xa8000000L, RamUse.LOWMEM, "")));
        List<String> lines = new TextMap(false).lines(l);
        assertEquals("vmlayout map: arm 4.4, 1 row = 32 MB (not kernel output)", lines.get(0));
        List<String> physical = new ArrayList<>();
        for (int i = 2 + 21; i <= 2 + 41; i++) {
            physical.add(lines.get(i).substring(36));
        }
        List<String> expected = new ArrayList<>(List.of("physical RAM", "+--------+ 0xa8000000",
                "|########| lowmem      128 MB", "|########|", "|########|", "|########|", "+--------+ 0xa0000000",
                "|        | no RAM      256 MB ~"));
        for (int i = 0; i < 3; i++) {
            expected.add("|        |");
        }
        expected.add("+--------+ 0x90000000");
        expected.add("|########| lowmem      256 MB");
        for (int i = 0; i < 7; i++) {
            expected.add("|########|");
        }
        expected.add("+--------+ 0x80000000");
        assertEquals(expected, physical);
        assertEquals("|########| lowmem      384 MB   <== |########| lowmem      128 MB", lines.get(2 + 23));
        assertEquals("+--------+ 0x00000000", lines.get(2 + 37).substring(0, 21));
        assertEquals("", lines.get(2 + 42));
    }

    @Test
    void colourPaintsButDoesNotMoveAnything() {
        Layout l = layout(List.of(new Region("vector", 0xffff0000L, 0xffff1000L),
                        new Region("vmalloc", 0xd0800000L, 0xff000000L), new Region("lowmem", 0xc0000000L, 0xd0000000L)),
                List.of(new RamRange(0, 0x10000000L, RamUse.LOWMEM, ""),
                        new RamRange(0x10000000L, 0x20000000L, RamUse.DROPPED, "x"),
                        new RamRange(0x20000000L, 0x21000000L, RamUse.RESERVED, "y")));
        List<String> plain = new TextMap(false).lines(l);
        List<String> painted = new TextMap(true).lines(l);
        assertEquals(plain.size(), painted.size());
        boolean anyEscape = false;
        for (int i = 0; i < plain.size(); i++) {
            anyEscape |= painted.get(i).contains("\u001b[");
            assertEquals(plain.get(i), painted.get(i).replaceAll("\u001b\\[[0-9;]*m", ""), "line " + i);
            assertFalse(plain.get(i).contains("\u001b"));
        }
        assertTrue(anyEscape);
        String all = String.join("\n", plain);
        assertTrue(all.contains("|////////| reserved     16 MB"), all);
        assertTrue(all.contains("|xxxxxxxx| dropped     256 MB"), all);
        assertTrue(all.contains("x dropped  / reserved"), all);
    }

    @Test
    void withoutRamOnlyTheVirtualSideIsDrawn() {
        Layout l = layout(List.of(new Region("vmalloc", 0xf0000000L, 0xff000000L)), List.of());
        List<String> lines = new TextMap(false).lines(l);
        String all = String.join("\n", lines);
        assertFalse(all.contains("physical RAM"), all);
        assertFalse(all.contains("<=="), all);
        // 8 MB rows: gap 16 MB (2), vmalloc 240 MB (30), user space (1)
        assertEquals(List.of("vmlayout map: arm 4.4, 1 row = 8 MB (not kernel output)", "", "virtual addresses",
                "+--------+ 0x100000000", "|        | gap          16 MB", "|        |", "+--------+ 0xff000000",
                "|::::::::| vmalloc     240 MB"), lines.subList(0, 8));
        assertEquals("+--------+ 0xf0000000", lines.get(7 + 30));
        assertEquals("|........| user space 3840 MB ~", lines.get(8 + 30));
    }

    /** Regions inside another (kernel sections in lowmem) are listed in its rows, with their bounds. */
    @Test
    void nestedRegionsAreListedInTheirContainer() {
        Layout l = layout(List.of(new Region("lowmem", 0xc0000000L, 0xc4000000L),
                        new Region("text", 0xc0008000L, 0xc05cde68L), new Region("init", 0xc05ce000L, 0xc0602000L)),
                List.of(new RamRange(0, 0x4000000L, RamUse.LOWMEM, "")));
        List<String> lines = new TextMap(false).lines(l);
        String all = String.join("\n", lines);
        int i = 0;
        while (!lines.get(i).startsWith("|########| lowmem")) {
            i++;
        }
        // 64 MB at 64 MB a row (span 1 GB) is one row; with two nested regions it takes three, marked ~
        assertTrue(lines.get(i).startsWith("|########| lowmem       64 MB ~"), all);
        assertTrue(lines.get(i + 1).startsWith("|########|   text 0xc0008000-0xc05cde68 5 MB"), all);
        assertTrue(lines.get(i + 2).startsWith("|########|   init 0xc05ce000-0xc0602000 208 kB"), all);
        assertTrue(lines.get(i + 3).startsWith("+--------+ 0xc0000000"), all);
    }
}
