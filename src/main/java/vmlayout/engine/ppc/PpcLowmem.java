package vmlayout.engine.ppc;

import static vmlayout.engine.Ulong.M32;

import java.util.List;
import vmlayout.config.Fmt;
import vmlayout.config.Sizes;
import vmlayout.engine.DerivationLog;
import vmlayout.engine.RangeSet;
import vmlayout.report.Message.Level;
import vmlayout.report.Message;

/**
 * What becomes of the board's RAM before the virtual layout is set: the mem= limit (early_init_devtree()
 * memblock/lmb_enforce_memory_limit(), or arch/ppc's __max_memory), the first-region rule and the
 * lowmem clamp of MMU_init() (arch/powerpc/mm/init_32.c; arch/ppc/mm/init.c).
 */
final class PpcLowmem {


    /** The RAM after each step, and the numbers MMU_init() computes. */
    static final class Result {
        /** RAM the board has. */
        RangeSet board;
        /** RAM left out by mem= (kept from the kernel on purpose). */
        final RangeSet cutByMem = new RangeSet();
        /** RAM outside the first contiguous region, ignored by MMU_init(). */
        final RangeSet otherRegions = new RangeSet();
        /** RAM above lowmem in a kernel without CONFIG_HIGHMEM. */
        final RangeSet noHighmem = new RangeSet();
        final RangeSet lowmem = new RangeSet();
        final RangeSet highmem = new RangeSet();
        /** memstart_addr: physical address mapped at PAGE_OFFSET. */
        long memstart;
        long totalMemory;
        long totalLowmem;
        /** high_memory = __va(memstart + total_lowmem). */
        long highMemory;
    }

    private PpcLowmem() {
    }

    static Result mmuInit(PpcEra era, PpcConfig k, RangeSet board, PpcEarlyParams.Result params, List<Message> messages,
                        DerivationLog log) {
        Result r = new Result();
        r.board = board;
        RangeSet memory = new RangeSet(board);
        if (k.archPpc) {
            memory = archPpcMemory(r, memory, params, messages);
        } else {
            enforceMemoryLimit(r, memory, params, messages);
            if (era.firstRegionOnly.holds() && memory.ranges().size() > 1) {
                firstRegionOnly(era, r, memory, messages);
                if (log.on()) {
                    log.add("RAM", "MMU_init() keeps only the first contiguous region " + span(memory) + "; the other "
                            + Sizes.human(r.otherRegions.total()) + " of RAM (" + span(r.otherRegions) + ") are not used.",
                            era.firstRegionOnly.source("arch/powerpc/mm/init_32.c MMU_init()"));
                }
            }
        }
        if (!r.cutByMem.isEmpty()) {
            if (log.on()) {
                log.add(params.memParam.text(), params.memParam.text() + ": memory_limit " + Fmt.hex8(params.memoryLimit) + " keeps the first "
                        + Sizes.human(params.memoryLimit) + " of RAM; " + span(r.cutByMem) + " (" + Sizes.human(r.cutByMem.total())
                        + ") is left out of the kernel's memory.", k.archPpc ? era.archPpcExists.source("arch/ppc/mm/init.c MMU_setup() __max_memory")
                        : "arch/powerpc/kernel/prom.c early_parse_mem() and"
                        + " memblock_enforce_memory_limit() (lmb_ before memblock), all releases");
            }
        }
        if (memory.isEmpty()) {
            messages.add(Message.warn("no RAM is left for the kernel (check mem= and --ram): it would not boot."));
            r.highMemory = k.pageOffset;
            return r;
        }
        long lowest = memory.ranges().get(0).start();
        long end = memory.ranges().get(memory.ranges().size() - 1).end();
        // total_lowmem = total_memory = memblock_end_of_DRAM() - memstart_addr (2.6.27+); before, RAM is
        // taken to start at physical 0 (PPC_MEMSTART 0, total_memory = lmb_end_of_DRAM()).
        r.memstart = era.memstartAddr && !k.archPpc ? lowest : 0;
        if (r.memstart != lowest) {
            messages.add(Message.warn("RAM starts at " + Fmt.hex8(lowest) + ", but Linux " + era.version + " maps physical 0 at PAGE_OFFSET"
                    + " (memstart_addr came in " + PpcEra.MEMSTART_ADDR + "): the kernel counts the hole below the RAM as memory."));
        }
        r.totalMemory = end - r.memstart;
        r.totalLowmem = Math.min(r.totalMemory, k.lowmemSize);
        long lowmemEnd = r.memstart + r.totalLowmem;
        String file = k.archPpc ? "arch/ppc/mm/init.c" : "arch/powerpc/mm/init_32.c";
        if (log.on()) {
            log.add("lowmem", "total_lowmem = min(total_memory " + Sizes.human(r.totalMemory) + ", __max_low_memory = CONFIG_LOWMEM_SIZE "
                    + Fmt.hex8(k.lowmemSize) + ") = " + Sizes.human(r.totalLowmem) + ": RAM " + Fmt.hex8(r.memstart) + "-" + Fmt.hex8(lowmemEnd)
                    + " is lowmem" + (r.totalMemory > k.lowmemSize ? " (LOWMEM_SIZE clamps it)" : " (all of the RAM fits)") + ".",
                    file + " MMU_init(), all releases");
        }
        r.lowmem.addAll(memory.intersect(RangeSet.of(r.memstart, lowmemEnd)));
        RangeSet above = new RangeSet(memory).remove(r.memstart, lowmemEnd);
        if (!above.isEmpty()) {
            if (log.on()) {
                log.add("highmem", "RAM above lowmem, " + span(above) + " (" + Sizes.human(above.total()) + "): " + (k.highmem
                        ? "highmem (CONFIG_HIGHMEM is on)." : "not used: without CONFIG_HIGHMEM MMU_init() sets total_memory = total_lowmem"
                        + " and drops it without a word."), file + " MMU_init(), all releases");
            }
        }
        if (k.highmem) {
            r.highmem.addAll(above);
        } else if (!above.isEmpty()) {
            // #ifndef CONFIG_HIGHMEM: total_memory = total_lowmem; memblock_enforce_memory_limit(total_lowmem)
            r.noHighmem.addAll(above);
            messages.add(Message.warn(Sizes.human(above.total()) + " of RAM above lowmem (" + span(above)
                    + ") is not used: this kernel has no CONFIG_HIGHMEM, and MMU_init() drops it without a word."
                    + " Enable HIGHMEM (-D HIGHMEM=y) or, if there is room, raise CONFIG_LOWMEM_SIZE (at most 0xF0000000 - PAGE_OFFSET)."));
        }
        r.highMemory = (k.pageOffset + r.totalLowmem) & M32;
        if (log.on()) {
            log.add("high_memory", "lowmem ends at high_memory = PAGE_OFFSET " + Fmt.hex8(k.pageOffset) + " + total_lowmem "
                    + Sizes.human(r.totalLowmem) + " = " + Fmt.hex8(r.highMemory) + ".", "arch/powerpc/mm/mem.c mem_init()"
                    + " high_memory = __va(memstart + total_lowmem), all releases");
        }
        return r;
    }

    /**
     * early_parse_mem() + early_init_devtree(): memblock_enforce_memory_limit(memory_limit) keeps the
     * first memory_limit bytes of RAM, by address (lmb_enforce_memory_limit() before memblock).
     */
    private static void enforceMemoryLimit(Result r, RangeSet memory, PpcEarlyParams.Result params, List<Message> messages) {
        if (params.memoryLimit == 0) {
            return;
        }
        if (params.memoryLimit >= memory.total()) {
            messages.add(Message.note(params.memParam.text() + " is not below the RAM (" + Sizes.human(memory.total())
                    + "): no effect."));
            return;
        }
        RangeSet kept = keepFirst(memory, params.memoryLimit);
        r.cutByMem.addAll(new RangeSet(memory).removeAll(kept));
        memory.clear().addAll(kept);
    }

    /**
     * MMU_init(): {@code if (memblock.memory.cnt > 1)} keep region 0 (lmb.memory.cnt = 1 before 2.6.35,
     * memblock_enforce_memory_limit(regions[0].size) after) with KERN_WARNING "Only using first contiguous
     * memory region" (no newline until the pr_warn form). Gone from 6.1.
     */
    private static void firstRegionOnly(PpcEra era, Result r, RangeSet memory, List<Message> messages) {
        RangeSet.Range first = memory.ranges().get(0);
        r.otherRegions.addAll(new RangeSet(memory).remove(first.start(), first.end()));
        memory.clear().add(first.start(), first.end());
        messages.add(Message.kernel(Level.WARNING, "Only using first contiguous memory region", true));
        if (!era.contiguousWarningNewline) {
            messages.add(Message.note("Linux " + era.version + " prints \"Only using first contiguous memory region\" without a"
                    + " newline: in its log the next message continues on the same line."));
        }
    }

    /**
     * arch/ppc: the board code gives one size (boot_mem_size or ppc_md.find_end_of_memory()), RAM from
     * physical 0; {@code if (__max_memory && total_memory > __max_memory) total_memory = __max_memory}.
     */
    private static RangeSet archPpcMemory(Result r, RangeSet memory, PpcEarlyParams.Result params, List<Message> messages) {
        RangeSet.Range first = memory.ranges().get(0);
        if (memory.ranges().size() > 1) {
            r.otherRegions.addAll(new RangeSet(memory).remove(first.start(), first.end()));
            messages.add(Message.warn("arch/ppc boards report one memory size (find_end_of_memory()): only the first bank, "
                    + span(RangeSet.of(first.start(), first.end())) + ", is used."));
        }
        long total = first.end();
        if (params.memoryLimit != 0 && total > params.memoryLimit) {
            RangeSet kept = RangeSet.of(0, params.memoryLimit).intersect(RangeSet.of(first.start(), first.end()));
            r.cutByMem.addAll(RangeSet.of(first.start(), first.end()).removeAll(kept));
            return kept;
        }
        if (params.memoryLimit != 0) {
            messages.add(Message.note(params.memParam.text() + " is not below the RAM: no effect."));
        }
        return RangeSet.of(first.start(), first.end());
    }

    /** The first {@code limit} bytes of {@code memory}, in address order. */
    static RangeSet keepFirst(RangeSet memory, long limit) {
        RangeSet out = new RangeSet();
        long left = limit;
        for (RangeSet.Range g : memory.ranges()) {
            if (left <= 0) {
                break;
            }
            long take = Math.min(left, g.size());
            out.add(g.start(), g.start() + take);
            left -= take;
        }
        return out;
    }

    static String span(RangeSet s) {
        List<RangeSet.Range> rs = s.ranges();
        return Fmt.hex8(rs.get(0).start()) + "-" + Fmt.hex8(rs.get(rs.size() - 1).end());
    }
}
