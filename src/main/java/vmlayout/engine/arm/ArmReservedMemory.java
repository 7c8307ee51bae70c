package vmlayout.engine.arm;

import java.util.ArrayList;
import java.util.List;
import vmlayout.config.Fmt;
import vmlayout.config.ReservedRegion;
import vmlayout.config.Sizes;
import vmlayout.engine.RamRange;
import vmlayout.engine.RamUse;
import vmlayout.engine.RangeSet;
import vmlayout.report.Message;

/**
 * The device tree's reserved memory on ARM: which /reserved-memory no-map regions change the lowmem
 * limit in each era (ArmEra.NoMapRule, applied in ArmLowmem.adjustLowmemBounds() or here for the
 * older eras), and how every reserved region shows in the RAM accounting.
 *
 * <p>Sources: arch/arm/kernel/setup.c setup_arch() (sanity_check_meminfo() then arm_memblock_init()
 * up to 4.11; adjust_lowmem_bounds(), arm_memblock_init(), adjust_lowmem_bounds() from 4.12);
 * arch/arm/mm/init.c arm_memblock_init() (early_init_fdt_scan_reserved_mem() after the kernel image and
 * initrd are reserved); drivers/of/fdt.c early_init_dt_reserve_memory_arch() (memblock_remove() for
 * no-map before 5.12, memblock_mark_nomap() from 5.12, memblock_reserve() otherwise);
 * drivers/of/of_reserved_mem.c (dynamic regions placed later, at a place vmlayout cannot know).
 */
final class ArmReservedMemory {

    private ArmReservedMemory() {
    }

    /** The static no-map regions this era acts on, with a note for each region and what is ignored. */
    static RangeSet noMapRegions(ArmEra era, List<ReservedRegion> reserved, RangeSet ram, List<Message> messages) {
        RangeSet out = new RangeSet();
        int ignored = 0;
        for (ReservedRegion r : reserved) {
            boolean fromNode = r.origin() == ReservedRegion.Origin.RESERVED_MEMORY;
            if (r.origin() == ReservedRegion.Origin.INITRD) {
                continue;
            }
            if (fromNode && era.noMap == ArmEra.NoMapRule.IGNORED) {
                ignored++;
                continue;
            }
            if (r.dynamic() || r.origin() == ReservedRegion.Origin.INITRD) {
                continue; // placed by arm_memblock_init() (ArmReservations), where the RAM list shows it
            }
            RangeSet inRam = RangeSet.of(r.start(), r.end()).intersect(ram);
            String range = Fmt.hex8(r.start()) + "-" + Fmt.hex8(r.end()) + " (" + Sizes.human(r.size()) + ")";
            if (inRam.isEmpty()) {
                messages.add(Message.note(r.name() + " " + range + " lies outside the RAM banks: no effect on memory."));
                continue;
            }
            if (!r.noMap()) {
                continue;
            }
            out.addAll(inRam);
            String how;
            switch (era.noMap) {
                case HOLE_AFTER_LIMIT:
                    how = "taken out of memory by arm_memblock_init() after the lowmem limit was set (3.15-4.11): a hole,"
                            + " the lowmem limit does not move";
                    break;
                case REMOVED_BEFORE_RECALC:
                    how = "taken out of memory (memblock_remove) before the second adjust_lowmem_bounds() (4.12-5.11):"
                            + " the lowmem limit is computed without it";
                    break;
                default:
                    how = "marked NOMAP before the second adjust_lowmem_bounds() (5.12 on): the lowmem limit is computed"
                            + " without it, the end of RAM still counts it";
                    break;
            }
            messages.add(Message.note(r.name() + " " + range + " no-map: " + how + "."));
        }
        if (ignored > 0) {
            messages.add(Message.note("Linux " + era.version + " does not read /reserved-memory (first in "
                    + ArmEra.RESERVED_MEMORY + "): " + ignored + " region(s) of the device tree are ignored."));
        }
        return out;
    }

    /**
     * 3.15-4.11: arm_memblock_init() runs after the lowmem limit is fixed and memblock_remove()s the
     * no-map regions: holes in the banks, high_memory unchanged.
     */
    static void holesAfterLimit(ArmMemory memory, RangeSet noMap, long lowmemLimit) {
        RangeSet holes = memory.toRangeSet().intersect(noMap);
        if (holes.isEmpty()) {
            return;
        }
        for (RangeSet.Range h : holes.ranges()) {
            memory.remove(h.start(), h.size());
        }
        for (ArmMemory.Bank b : memory.banks) {
            b.highmem = Long.compareUnsigned(b.start, lowmemLimit) >= 0;
        }
    }

    /**
     * Carves the reserved regions out of the RAM accounting: a no-map region is RESERVED whatever
     * became of the RAM under it; a region the kernel only reserves (memblock_reserve: /memreserve/,
     * /reserved-memory without no-map) is RESERVED where it lies in lowmem or highmem.
     */
    static List<RamRange> label(List<RamRange> fate, ArmEra era, List<ReservedRegion> reserved) {
        List<RamRange> out = new ArrayList<>(fate);
        for (ReservedRegion r : reserved) {
            boolean fromNode = r.origin() == ReservedRegion.Origin.RESERVED_MEMORY;
            if (r.dynamic() || r.origin() == ReservedRegion.Origin.INITRD || (fromNode && era.noMap == ArmEra.NoMapRule.IGNORED)) {
                continue;
            }
            String why = r.noMap() ? "no-map " + r.name() + ": not mapped, never used by the kernel"
                    : r.reusable() ? "reusable " + r.name() + " (CMA): only movable pages may use it"
                    : "reserved by " + r.name() + " (memblock_reserve: mapped, never allocated)";
            List<RamRange> next = new ArrayList<>();
            for (RamRange x : out) {
                boolean eligible = r.noMap() ? x.use() != RamUse.RESERVED
                        : x.use() == RamUse.LOWMEM || x.use() == RamUse.HIGHMEM;
                long s = Math.max(x.start(), r.start());
                long e = Math.min(x.end(), r.end());
                if (!eligible || s >= e) {
                    next.add(x);
                    continue;
                }
                if (x.start() < s) {
                    next.add(new RamRange(x.start(), s, x.use(), x.why()));
                }
                // present pages: a reserved region stays in memblock.memory; a no-map one too from 5.12 (NOMAP),
                // where it had been taken out of lowmem/highmem ("not used"); before 5.12 it was removed
                boolean present = r.noMap() ? era.noMap == ArmEra.NoMapRule.MARKED_BEFORE_RECALC && (x.present() || x.why().equals("not used"))
                        : x.present();
                next.add(new RamRange(s, e, RamUse.RESERVED, why, present));
                if (e < x.end()) {
                    next.add(new RamRange(e, x.end(), x.use(), x.why()));
                }
            }
            out = next;
        }
        out.sort(RamRange.BY_START);
        return out;
    }
}
