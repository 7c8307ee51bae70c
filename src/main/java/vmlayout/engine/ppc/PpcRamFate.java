package vmlayout.engine.ppc;

import java.util.ArrayList;
import java.util.List;
import vmlayout.engine.RamRange;
import vmlayout.engine.RamUse;
import vmlayout.engine.RangeSet;

/**
 * Where the board's RAM went (vmlayout's accounting, not a kernel step): lowmem and highmem as
 * MMU_init() left them, reserved where mem= keeps RAM from the kernel on purpose, dropped where a rule
 * of MMU_init() refused it (with the rule).
 */
final class PpcRamFate {

    private PpcRamFate() {
    }

    /** Splits the board's RAM by what became of it. */
    static List<RamRange> of(PpcLowmem.Result mem, PpcEarlyParams.Result params) {
        List<RamRange> out = new ArrayList<>();
        RamRange.addAll(out, mem.lowmem, RamUse.LOWMEM, "");
        RamRange.addAll(out, mem.highmem, RamUse.HIGHMEM, "");
        RamRange.addAll(out, mem.cutByMem, RamUse.RESERVED, params.memParam == null ? ""
                : "above " + params.memParam.text() + ": left out of the kernel's memory by mem=");
        RamRange.addAll(out, mem.otherRegions, RamUse.DROPPED, "not in the first contiguous memory region (MMU_init)");
        RamRange.addAll(out, mem.noHighmem, RamUse.DROPPED, "above lowmem, kernel without CONFIG_HIGHMEM (MMU_init drops it silently)");
        RangeSet rest = new RangeSet(mem.board).removeAll(mem.lowmem).removeAll(mem.highmem).removeAll(mem.cutByMem)
                .removeAll(mem.otherRegions).removeAll(mem.noHighmem);
        RamRange.addAll(out, rest, RamUse.DROPPED, "not used");
        out.sort(RamRange.BY_START);
        return out;
    }
}
