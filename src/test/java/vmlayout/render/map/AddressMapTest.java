package vmlayout.render.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vmlayout.cli.LayoutOf;
import vmlayout.config.Arch;
import vmlayout.config.KernelVersion;
import vmlayout.engine.Layout;
import vmlayout.engine.RamRange;
import vmlayout.engine.RamUse;
import vmlayout.engine.Region;
import vmlayout.engine.Reservation;

/** The segments both pictures are drawn from. */
class AddressMapTest {

    static Layout layout(List<Region> regions, List<RamRange> ram) {
        return new Layout(Arch.ARM, KernelVersion.of(4, 4), List.of(), regions, ram, List.of(), List.of(), true,
                List.of(), List.of());
    }

    /** The virtual side covers 0..4 GB without hole or overlap, highest first, whatever the layout. */
    @ParameterizedTest
    @ValueSource(strings = {
        "--arch arm --kernel 2.6.37 --ram 0x40000000:512M -D VMALLOC_END=0xe0000000 -D CONSISTENT_DMA_SIZE=32M mem=512M",
        "--arch arm --kernel 3.18 --ram 0:1G -D HIGHMEM=y vmalloc=300M",
        "--arch arm --kernel 3.17 --ram 0:512M -D VMSPLIT_1G=y -D HIGHMEM=y",
        "--arch arm --kernel 4.4 --ram 0x80000000:2G -D HIGHMEM=y",
        "--arch arm --kernel 3.18 --ram 0:1G -D _text=0xc0008000 -D _etext=0xc05cde68"})
    void virtualSideCoversTheWholeSpace(String args) {
        Layout l = LayoutOf.args(args.split(" "));
        AddressMap m = AddressMap.of(l);
        long cursor = AddressMap.TOP;
        int regions = 0;
        for (AddressMap.Segment s : m.virtual()) {
            assertEquals(cursor, s.end(), s.toString());
            assertTrue(s.start() < s.end(), s.toString());
            cursor = s.start();
            regions += s.region() != null ? 1 + s.nested().size() : 0;
        }
        assertEquals(0, cursor);
        assertEquals(l.regions().size(), regions, "every region drawn once");
        // physical: contiguous from the highest RAM down to the lowest, every range drawn
        int ram = 0;
        for (int i = 0; i < m.physical().size(); i++) {
            AddressMap.Segment s = m.physical().get(i);
            if (i > 0) {
                assertEquals(m.physical().get(i - 1).start(), s.end());
            }
            ram += s.ram() != null ? 1 : 0;
        }
        assertEquals(l.ram().size(), ram);
    }

    @Test
    void gapsUserSpaceAndNesting() {
        Layout l = layout(List.of(new Region("vector", 0xffff0000L, 0xffff1000L),
                        new Region("lowmem", 0xc0000000L, 0xd8000000L),
                        new Region("init", 0xc0008000L, 0xc0021000L),
                        new Region("text", 0xc0021000L, 0xc036b000L),
                        new Region("modules", 0xbf000000L, 0xc0000000L)),
                List.of());
        List<AddressMap.Segment> v = AddressMap.of(l).virtual();
        assertEquals(List.of("gap", "vector", "gap", "lowmem", "modules", "user space"),
                v.stream().map(AddressMap.Segment::name).toList());
        assertEquals(0xd8000000L, v.get(2).start());
        assertEquals(0xffff0000L, v.get(2).end());
        assertEquals(List.of("init", "text"), v.get(3).nested().stream().map(Region::name).toList());
        assertEquals(MapKind.USER, v.get(5).kind());
        assertEquals(0xbf000000L, v.get(5).end());
        assertEquals(0x41000000L, AddressMap.of(l).kernelSpan());
    }

    @Test
    void overlappingRegionIsClippedToTheOneAbove() {
        Layout l = layout(List.of(new Region("fixmap", 0xffc00000L, 0xffe00000L),
                new Region("dma", 0xffa00000L, 0xffd00000L)), List.of());
        List<AddressMap.Segment> v = AddressMap.of(l).virtual();
        AddressMap.Segment dma = v.get(2);
        assertEquals("dma", dma.name());
        assertTrue(dma.clipped());
        assertEquals(0xffc00000L, dma.end());
        assertEquals(0xffa00000L, dma.start());
    }

    @Test
    void physicalSideIsHighestFirstWithHoles() {
        Layout l = layout(List.of(), List.of(new RamRange(0x80000000L, 0x90000000L, RamUse.LOWMEM, ""),
                new RamRange(0x90000000L, 0x98000000L, RamUse.DROPPED, "mem="),
                new RamRange(0xa0000000L, 0xa8000000L, RamUse.HIGHMEM, "")));
        AddressMap m = AddressMap.of(l);
        assertEquals(List.of("highmem", "no RAM", "dropped", "lowmem"),
                m.physical().stream().map(AddressMap.Segment::name).toList());
        assertEquals(0x20000000L, m.ramTotal()); // 256 + 128 + 128 MB, the hole not counted
        assertEquals(3, m.physicalLowmemTop());
        assertEquals(3, m.physicalLowmemBottom());
        assertEquals(-1, m.virtualLowmem());
    }

    /** Placed reservations are nested rows of the RAM segment they start in; the image, failures and unplaced ones are not. */
    @Test
    void reservationsAreNestedInTheirRamSegment() {
        List<RamRange> ram = List.of(new RamRange(0x40000000L, 0x70000000L, RamUse.LOWMEM, ""),
                new RamRange(0x70000000L, 0x80000000L, RamUse.HIGHMEM, ""));
        List<Reservation> res = List.of(
                new Reservation(Reservation.Kind.KERNEL, "kernel", 0x40000000L, 16L << 20, Reservation.Zone.LOWMEM,
                        Reservation.Status.PLACED, "typical size", "r", "w"),
                new Reservation(Reservation.Kind.CMA, "cma", 0x70000000L, 256L << 20, Reservation.Zone.HIGHMEM,
                        Reservation.Status.PLACED, "cma=256M", "r", "w"),
                new Reservation(Reservation.Kind.CRASHKERNEL, "crashkernel", 0x68000000L, 64L << 20, Reservation.Zone.LOWMEM,
                        Reservation.Status.PLACED, "crashkernel=64M", "r", "w"),
                new Reservation(Reservation.Kind.CMA_POOL, "big", -1, 512L << 20, Reservation.Zone.NONE,
                        Reservation.Status.FAILED, "big", "r", "w"),
                new Reservation(Reservation.Kind.SWIOTLB, "swiotlb", -1, 64L << 20, Reservation.Zone.LOWMEM,
                        Reservation.Status.UNPLACED, "default", "r", "w"));
        Layout l = new Layout(Arch.ARM, KernelVersion.of(6, 1), List.of(), List.of(), ram, List.of(), List.of(), false,
                List.of(), List.of(), List.of(), res);
        List<AddressMap.Segment> p = AddressMap.of(l).physical();
        assertEquals(List.of("highmem", "lowmem"), p.stream().map(AddressMap.Segment::name).toList());
        assertEquals(List.of(new Region("cma", 0x70000000L, 0x80000000L)), p.get(0).nested());
        assertEquals(List.of(new Region("crashkernel", 0x68000000L, 0x6c000000L)), p.get(1).nested());
    }
}
