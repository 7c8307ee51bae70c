package vmlayout.engine.arm;

import static vmlayout.engine.arm.ArmLowmem.PMD_SIZE;
import static vmlayout.engine.arm.ArmLowmem.highMemory;
import static vmlayout.engine.arm.ArmLowmem.highmemStep;
import static vmlayout.engine.arm.ArmLowmem.limitStep;
import static vmlayout.engine.arm.ArmLowmem.lowmemStep;
import static vmlayout.engine.arm.ArmLowmem.notice;
import static vmlayout.engine.arm.ArmLowmem.pa;
import static vmlayout.engine.arm.ArmLowmem.roundUp;
import static vmlayout.engine.arm.ArmLowmem.source;
import static vmlayout.engine.arm.ArmLowmem.span;
import static vmlayout.engine.arm.ArmLowmem.splitAt;
import static vmlayout.engine.arm.ArmLowmem.splitStep;
import static vmlayout.engine.arm.ArmLowmem.subject;

import vmlayout.config.Fmt;
import vmlayout.config.Sizes;
import vmlayout.engine.RangeSet;
import vmlayout.engine.arm.ArmLowmem.Input;
import vmlayout.engine.arm.ArmLowmem.Result;

/**
 * adjust_lowmem_bounds() (arch/arm/mm/mmu.c, 4.12 on), which setup_arch() calls twice, with
 * arm_memblock_init() between: lowmem ends at vmalloc_limit, computed from vmalloc_min (vmalloc_size
 * from 5.14) as early_vmalloc() left it, or at the end of the last region below it.
 */
final class ArmAdjustLowmemBounds {

    private ArmAdjustLowmemBounds() {
    }

    /**
     * adjust_lowmem_bounds() (arch/arm/mm/mmu.c, 4.12 on), called twice by setup_arch(): lowmem ends at
     * vmalloc_limit or the end of the last region below it; nothing is printed for a HIGHMEM kernel.
     * Without HIGHMEM (or with an aliasing VIPT cache) RAM from memblock_limit (rounded down to 2 MB)
     * to the end of DRAM is removed with "Ignoring RAM at %pa-%pa" and "Consider using a HIGHMEM
     * enabled kernel.". From FIRST_BANK_NOMAP the unaligned head of the first region is not mapped.
     */
    static Result adjustLowmemBounds(Input in) {
        Result r = new Result();
        if (in.era().firstBankNomap && !in.memory().banks.isEmpty()) {
            ArmMemory.Bank first = in.memory().banks.get(0);
            if (first.start % PMD_SIZE != 0) {
                long len = Math.min(roundUp(first.start, PMD_SIZE) - first.start, first.size);
                r.nomap.add(first.start, first.start + len);
            }
        }
        RangeSet before = in.memory().toRangeSet();
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 1) {
                // setup_arch(): adjust_lowmem_bounds(); arm_memblock_init(mdesc); adjust_lowmem_bounds();
                // arm_memblock_init() -> early_init_fdt_scan_reserved_mem() handles no-map regions in between
                applyNoMap(in, r);
                if (in.memblockInit() != null) {
                    RangeSet dynamic = in.memblockInit().run(in.memory().toRangeSet(), r.dtNoMap, r.lowmemLimit, r.messages);
                    applyDynamicNoMap(in, r, dynamic);
                }
            }
            adjustOnce(in, r);
        }
        long vmallocLimit = in.vmallocMin() - in.pageOffset() + in.physOffset();
        limitStep(in, vmallocLimit);
        for (RangeSet.Range reg : before.ranges()) {
            adjustedFate(in, r, reg.start(), reg.end(), vmallocLimit);
        }
        return r;
    }

    /**
     * The /reserved-memory no-map regions, as arm_memblock_init() leaves them for the second
     * adjust_lowmem_bounds(): removed from memblock.memory (memblock_remove(), before 5.12) or marked
     * MEMBLOCK_NOMAP (5.12 on), which the lowmem scan skips but memblock_end_of_DRAM() still counts.
     */
    private static void applyNoMap(Input in, Result r) {
        RangeSet inMemory = in.memory().toRangeSet().intersect(in.noMap());
        r.dtNoMap.addAll(inMemory);
        if (in.era().noMap == ArmEra.NoMapRule.REMOVED_BEFORE_RECALC) {
            for (RangeSet.Range x : inMemory.ranges()) {
                in.memory().remove(x.start(), x.size());
            }
        }
    }

    /** The dynamic no-map regions arm_memblock_init() placed, treated as the static ones. */
    private static void applyDynamicNoMap(Input in, Result r, RangeSet dynamic) {
        RangeSet inMemory = in.memory().toRangeSet().intersect(dynamic);
        r.dtNoMap.addAll(inMemory);
        if (in.era().noMap == ArmEra.NoMapRule.REMOVED_BEFORE_RECALC) {
            for (RangeSet.Range x : inMemory.ranges()) {
                in.memory().remove(x.start(), x.size());
            }
        }
    }

    /** One region's fate after adjust_lowmem_bounds(): lowmem below lowmem_limit, the rest highmem or removed. */
    private static void adjustedFate(Input in, Result r, long start, long end, long vmallocLimit) {
        long limit = r.lowmemLimit;
        RangeSet removed = RangeSet.of(start, end).intersect(r.removed);
        RangeSet nomap = RangeSet.of(start, end).intersect(r.nomap);
        if (!nomap.isEmpty()) {
            if (in.log().on()) {
                in.log().add(subject(start, end), subject(start, end) + ": the unaligned head " + span(nomap.ranges().get(0).start(), nomap.ranges().get(0).end())
                        + " of the first region is marked NOMAP (not 2 MB aligned): not mapped, not used.", source(in));
            }
        }
        if (!removed.isEmpty()) {
            long from = removed.ranges().get(0).start();
            if (in.log().on()) {
                in.log().add(subject(start, end), subject(start, end) + ": " + (from > start ? span(start, Math.min(from, limit)) + " is lowmem; " : "")
                        + "RAM from memblock_limit " + Fmt.hex8(from) + " (lowmem_limit " + Fmt.hex8(limit) + " rounded down"
                        + " to 2 MB) to the end is removed: " + (in.highmemConfig() ? "highmem is refused with a VIPT aliasing cache"
                        : "CONFIG_HIGHMEM is off") + " (" + Sizes.human(removed.total()) + " not used).", source(in));
            }
            return;
        }
        if (end <= limit) {
            lowmemStep(in, start, end, "vmalloc_limit (physical)", vmallocLimit);
        } else if (start >= limit) {
            highmemStep(in, start, end, "it lies above lowmem_limit " + Fmt.hex8(limit));
        } else {
            splitStep(in, start, end, limit, "vmalloc_min", in.vmallocMin());
        }
    }

    private static void adjustOnce(Input in, Result r) {
        long vmallocLimit = in.vmallocMin() - in.pageOffset() + in.physOffset(); // u64, no wrap
        long memblockLimit = 0;
        long lowmemLimit = 0;
        RangeSet mapped = in.memory().toRangeSet().removeAll(r.nomap).removeAll(r.dtNoMap);
        for (RangeSet.Range reg : mapped.ranges()) {
            long blockStart = reg.start();
            long blockEnd = reg.end();
            if (blockStart < vmallocLimit) {
                if (blockEnd > lowmemLimit) {
                    lowmemLimit = Math.min(vmallocLimit, blockEnd);
                }
                if (memblockLimit == 0) {
                    if (blockStart % PMD_SIZE != 0) {
                        memblockLimit = blockStart;
                    } else if (blockEnd % PMD_SIZE != 0) {
                        memblockLimit = lowmemLimit;
                    }
                }
            }
        }
        r.lowmemLimit = lowmemLimit;
        r.highMemory = highMemory(in, lowmemLimit);
        if (memblockLimit == 0) {
            memblockLimit = lowmemLimit;
        }
        memblockLimit = memblockLimit - memblockLimit % PMD_SIZE;
        if (!in.highmemConfig() || in.viptAliasing()) {
            long end = in.memory().endOfDram();
            if (end > lowmemLimit) {
                r.messages.add(notice("Ignoring RAM at " + pa(in.lpae(), memblockLimit) + "-" + pa(in.lpae(), end)));
                r.messages.add(notice("Consider using a HIGHMEM enabled kernel."));
                in.memory().remove(memblockLimit, end - memblockLimit);
                r.removed.add(memblockLimit, end);
            }
        }
        for (ArmMemory.Bank b : in.memory().banks) {
            b.highmem = b.start >= lowmemLimit;
        }
        splitAt(in.memory(), lowmemLimit);
    }
}
