package vmlayout.suggest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vmlayout.bootargs.Param;
import vmlayout.config.Fmt;
import vmlayout.config.Machine;
import vmlayout.config.Sizes;
import vmlayout.config.VmSplit;
import vmlayout.engine.Layout;
import vmlayout.engine.RangeSet;
import vmlayout.engine.Region;
import vmlayout.engine.arm.ArmKnobs;

/**
 * ARM: vmalloc= (early_vmalloc()'s range), mem=SIZE@START banks to keep a range from the kernel (memmap=
 * does nothing on ARM), CONFIG_HIGHMEM, the memory splits of the release, and VMALLOC_END where it is
 * per board (before 3.4).
 */
final class ArmCandidates implements Candidates {

    private static final long MB = 1L << 20;

    @Override
    public List<Change> fixed(Machine m, Layout base, Goals goals) {
        List<Change> out = new ArrayList<>();
        if (!Candidates.on(base, "HIGHMEM")) {
            out.add(Change.defines(Map.of("HIGHMEM", "y"), Cost.KCONFIG, "highmem", "CONFIG_HIGHMEM: RAM above lowmem is used through kmap()"));
        }
        String[] names = ArmKnobs.splits(m.kernel(), Candidates.on(base, "ARM_LPAE"));
        long[] values = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = VmSplit.pageOffset(names[i]);
        }
        out.addAll(Candidates.splits(m, base, names, values));
        out.addAll(Candidates.cma(m, base, goals));
        if (!goals.reserves().isEmpty()) {
            Change banks = banks(base, goals);
            if (banks != null) {
                out.add(banks);
            }
        }
        return out;
    }

    /**
     * mem=SIZE@START for each piece of the RAM the kernel was told about, without the reserved ranges:
     * the first mem= makes the kernel forget the banks firmware described (arch/arm/kernel/setup.c).
     */
    private static Change banks(Layout base, Goals goals) {
        RangeSet keep = Candidates.described(base);
        for (Reserve r : goals.reserves()) {
            keep.remove(r.start(), r.end());
        }
        if (keep.isEmpty()) {
            return null;
        }
        List<Param> params = new ArrayList<>();
        StringBuilder label = new StringBuilder();
        for (RangeSet.Range r : keep.ranges()) {
            String v = Sizes.param(r.size()) + "@" + Fmt.hex8(r.start());
            params.add(new Param("mem", v, "suggest"));
            label.append(label.length() == 0 ? "" : " ").append("mem=").append(v);
        }
        return new Change(label.toString(), Cost.BOOT, "reserve", params, List.of("mem"), new LinkedHashMap<>(),
                "or describe only this RAM in the device tree's memory node (ATAG_MEM on older boards)");
    }

    @Override
    public List<Knob> knobs(Machine m, Layout l) {
        List<Knob> out = new ArrayList<>();
        long pageOffset = l.constant("PAGE_OFFSET", 0xC0000000L);
        long vmallocEnd = l.constant("VMALLOC_END", 0xff000000L);
        long max = ArmKnobs.vmallocParamMax(m.kernel(), pageOffset, vmallocEnd);
        long current = Candidates.paramValue(m, "vmalloc", ArmKnobs.vmallocParamDefault(m.kernel()));
        if (max >= ArmKnobs.vmallocParamMin()) {
            out.add(new Knob("vmalloc=", ArmKnobs.vmallocParamMin(), max & -MB, MB, current, false,
                    Change.paramAt("vmalloc", "vmalloc")));
        }
        if (ArmKnobs.vmallocEndPerBoard(m.kernel())) {
            long cap = 0xff000000L;
            for (Region r : l.regions()) {
                if (r.start() >= vmallocEnd && r.start() < cap && !r.name().equals("vmalloc")) {
                    cap = r.start();
                }
            }
            long lo = (vmallocEnd + MB) & -MB;
            if (lo <= cap) {
                out.add(new Knob("VMALLOC_END", lo, cap & -MB, MB, vmallocEnd, true,
                        Change.defineAt("VMALLOC_END", Cost.BOARD, "vmalloc_end", "")));
            }
        }
        return out;
    }
}
