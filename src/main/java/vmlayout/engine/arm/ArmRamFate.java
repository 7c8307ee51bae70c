package vmlayout.engine.arm;

import java.util.ArrayList;
import java.util.List;
import vmlayout.config.Fmt;
import vmlayout.config.ReservedRegion;
import vmlayout.engine.Boot;
import vmlayout.engine.PartialPages;
import vmlayout.engine.RamRange;
import vmlayout.engine.RamUse;
import vmlayout.engine.RangeSet;
import vmlayout.report.Message;

/**
 * Where the board's RAM went (vmlayout's accounting, not a kernel step): lowmem and highmem as the
 * lowmem step left the banks, reserved where mem=, NOMAP or the device tree keep it from the kernel on
 * purpose, dropped where a kernel rule refused it (with the rule).
 */
final class ArmRamFate {

    private ArmRamFate() {
    }

    /**
     * @param board             the RAM the board has (--ram, or what mem= says when no --ram was given)
     * @param described         the RAM the kernel was told about, after the early parameters
     * @param droppedByFirmware RAM arm_add_memory() refused from the firmware's banks
     * @param reserved          the device tree's regions where they lie (dynamic ones where the kernel placed them)
     */
    static List<RamRange> of(Boot boot, ArmEra era, ArmConfig k, RangeSet board, RangeSet described, ArmEarlyParams.State st,
                             ArmLowmem.Result split, RangeSet droppedByFirmware, List<ReservedRegion> reserved) {
        boolean noBoardRam = boot.machine.ram().isEmpty();
        List<RamRange> out = new ArrayList<>();
        RangeSet low = new RangeSet();
        RangeSet high = new RangeSet();
        for (ArmMemory.Bank b : st.memory.banks) {
            (b.highmem ? high : low).add(b.start, b.end());
        }
        low.removeAll(split.nomap).removeAll(split.dtNoMap);
        high.removeAll(split.dtNoMap);
        RamRange.addAll(out, board.intersect(low), RamUse.LOWMEM, "");
        RamRange.addAll(out, board.intersect(high), RamUse.HIGHMEM, "");
        for (RangeSet.Range r : board.intersect(split.nomap).ranges()) {
            // memblock_mark_nomap(): not mapped, still present
            out.add(new RamRange(r.start(), r.end(), RamUse.RESERVED, "unaligned head of the first bank, not mapped (adjust_lowmem_bounds)",
                    true));
        }
        RangeSet rest = new RangeSet(board).removeAll(low).removeAll(high).removeAll(split.nomap);
        String splitWhy = !k.highmem() ? "above the lowmem limit, kernel without CONFIG_HIGHMEM"
                : k.viptAliasing() ? "above the lowmem limit, highmem refused with a VIPT aliasing cache"
                : "above the lowmem limit, no room for another bank (NR_BANKS)";
        RangeSet bySplit = rest.intersect(split.removed);
        RamRange.addAll(out, bySplit, RamUse.DROPPED, splitWhy);
        rest.removeAll(bySplit);
        rest.removeAll(st.pastPhysAddrT); // the last page below 4 GB without LPAE: a note (ArmEarlyParams.addFirmwareBank)
        RangeSet byAdd = rest.intersect(new RangeSet(st.droppedByAdd).addAll(droppedByFirmware));
        // a bank's unaligned head and tail are no pages: arm_add_memory() (arch/arm/kernel/setup.c) takes
        // PAGE_ALIGN(start) and size & PAGE_MASK, so the kernel never had them
        rest.removeAll(PartialPages.takeFrom(byAdd, board, "arch/arm/kernel/setup.c arm_add_memory() page-aligns each bank",
                boot.messages));
        RamRange.addAll(out, byAdd, RamUse.DROPPED, "refused by arm_add_memory() (page alignment, 32-bit limit, PHYS_OFFSET or NR_BANKS)");
        rest.removeAll(byAdd);
        if (!noBoardRam) {
            // RAM mem= leaves out is kept from the kernel on purpose (the usual way to reserve RAM for a
            // driver on ARM): reserved, not dropped
            RangeSet byMem = rest.intersect(st.clearedByMem);
            RamRange.addAll(out, byMem, RamUse.RESERVED, "left out of the kernel's memory by mem=");
            rest.removeAll(byMem);
        }
        RamRange.addAll(out, rest, RamUse.DROPPED, "not used");
        out.sort(RamRange.BY_START);
        out = ArmReservedMemory.label(out, era, reserved);
        if (!noBoardRam) {
            RangeSet invented = new RangeSet(described).removeAll(board);
            for (RangeSet.Range r : invented.ranges()) {
                boot.message(Message.warn("mem= describes RAM at " + Fmt.hex8(r.start()) + "-" + Fmt.hex8(r.end())
                        + " that --ram does not have: the kernel would use memory that is not there."));
            }
        }
        return out;
    }
}
