package vmlayout.engine.arm;

import static vmlayout.engine.Ulong.M32;

import java.util.ArrayList;
import java.util.List;
import vmlayout.config.Fmt;
import vmlayout.config.Sizes;
import vmlayout.engine.DerivationLog;
import vmlayout.engine.RangeSet;
import vmlayout.report.Message.Level;
import vmlayout.report.Message;

/**
 * The split of RAM into lowmem and highmem, as setup_arch() makes it: what the two kernel functions of
 * arch/arm/mm/mmu.c share ({@link Input}, {@link Result}, __va()/__pa(), the texts' number formats and
 * the derivation steps). ArmEngine runs the one of this release ({@link ArmEra.LowmemRule}):
 * sanity_check_meminfo() ({@link ArmSanityCheckMeminfo}, with init.c check_membank_valid() before it)
 * up to 4.11, adjust_lowmem_bounds() ({@link ArmAdjustLowmemBounds}) from 4.12. The texts are the
 * kernel's, byte for byte.
 */
final class ArmLowmem {

    static final long PMD_SIZE = 1L << 21;

    /**
     * What the split reads, as the kernel's globals hold it when setup_arch() calls it. All virtual
     * values are 32-bit.
     *
     * @param memory     meminfo banks or memblock regions after the early parameters (changed in place)
     * @param vmallocMin vmalloc_min / VMALLOC_MIN as early_vmalloc() left it ({@link ArmVmalloc#vmallocMin}):
     *                   the lowest virtual address lowmem may not reach
     * @param noMap      device tree no-map regions that lie in RAM (applied between the two adjust_lowmem_bounds())
     * @param log        where each bank's fate is recorded, with the rule that decided it
     * @param memblockInit arm_memblock_init(), run between the two adjust_lowmem_bounds() (4.12+); null: none
     */
    record Input(ArmEra era, ArmMemory memory, long pageOffset, long physOffset, long vmallocMin, boolean highmemConfig,
                 boolean viptAliasing, boolean tlbOpsNeedBroadcast, boolean lpae, int nrBanks, RangeSet noMap,
                 DerivationLog log, MemblockInit memblockInit) {

        Input(ArmEra era, ArmConfig k, ArmMemory memory, long physOffset, long vmallocMin, RangeSet noMap, DerivationLog log,
              MemblockInit memblockInit) {
            this(era, memory, k.pageOffset(), physOffset, vmallocMin, k.highmem(), k.viptAliasing(), k.tlbOpsNeedBroadcast(),
                    k.lpae(), k.nrBanks(), noMap, log, memblockInit);
        }
    }

    /** arm_memblock_init() as the lowmem step calls it: the early reservations made with the first lowmem limit. */
    interface MemblockInit {
        /**
         * @param memory      memblock.memory as the first adjust_lowmem_bounds() left it
         * @param dtNoMap     the device tree's static no-map regions (NOMAP or removed)
         * @param lowmemLimit arm_lowmem_limit of the first pass
         * @param messages    where the kernel's lines go, in log order
         * @return dynamic no-map regions it placed: the second pass does not map them either
         */
        RangeSet run(RangeSet memory, RangeSet dtNoMap, long lowmemLimit, List<Message> messages);
    }

    /** What the split produced. */
    static final class Result {
        /** arm_lowmem_limit: physical end of lowmem (exclusive). */
        long lowmemLimit;
        /** high_memory: virtual end of lowmem (exclusive, may be 2^32). */
        long highMemory;
        final List<Message> messages = new ArrayList<>();
        /** Physical ranges removed by this step (dropped RAM). */
        final RangeSet removed = new RangeSet();
        /** Physical ranges marked NOMAP (not mapped, not used). */
        final RangeSet nomap = new RangeSet();
        /** Device tree no-map regions taken out of memory or marked NOMAP by arm_memblock_init(). */
        final RangeSet dtNoMap = new RangeSet();
    }

    private ArmLowmem() {
    }

    // __va() and __pa() of the non-patching kernel: 32-bit virtual arithmetic.
    static long va(Input in, long phys) {
        return (phys - in.physOffset() + in.pageOffset()) & M32;
    }

    static long pa(Input in, long virt) {
        long p = virt - in.pageOffset() + in.physOffset();
        return in.lpae() ? p : p & M32;
    }

    /** "%.8lx" of an unsigned long. */
    static String lx(long v) {
        return Fmt.hex(v & M32, 8);
    }

    /** "%.8llx" of an unsigned long long. */
    static String llx(long v) {
        return Fmt.hex(v, 8);
    }

    /** "%pa": 0x and the phys_addr_t zero-padded to 8 digits, or 16 with LPAE (64-bit phys_addr_t). */
    static String pa(boolean lpae, long v) {
        return lpae ? "0x" + Fmt.hex(v, 16) : Fmt.hex8(v & M32);
    }

    static Message notice(String text) {
        return Message.kernel(Level.NOTICE, text, true);
    }

    static Message crit(String text) {
        return Message.kernel(Level.CRIT, text, true);
    }

    // ---- derivation steps: each bank's fate, with the rule that decided it ----

    static String span(long start, long end) {
        return Fmt.hex8(start) + "-" + Fmt.hex8(end);
    }

    static String subject(long start, long end) {
        return "RAM " + span(start, end);
    }

    /** "__va() 0xc0000000-0xe0000000" of a physical range (exclusive end, 2^32 allowed). */
    static String vaSpan(Input in, long start, long end) {
        long vs = va(in, start);
        return "__va() " + Fmt.hex8(vs) + "-" + Fmt.hex8(vs + (end - start));
    }

    /** The kernel function of this release, as each step cites it. */
    static String source(Input in) {
        return in.era().lowmem.source();
    }

    static void lowmemStep(Input in, long start, long end, String limitName, long limit) {
        if (in.log().on()) {
            in.log().add(subject(start, end), subject(start, end) + ": lowmem: " + vaSpan(in, start, end) + " lies below " + limitName + " "
                    + Fmt.hex8(limit) + ".", source(in));
        }
    }

    static void highmemStep(Input in, long start, long end, String why) {
        if (in.log().on()) {
            in.log().add(subject(start, end), subject(start, end) + ": highmem (CONFIG_HIGHMEM is on): " + why + ".", source(in));
        }
    }

    static void splitStep(Input in, long start, long end, long at, String limitName, long limit) {
        if (in.log().on()) {
            in.log().add(subject(start, end), subject(start, end) + ": " + vaSpan(in, start, end) + " crosses " + limitName + " " + Fmt.hex8(limit)
                    + " (physical " + Fmt.hex8(at) + "); CONFIG_HIGHMEM is on, so the bank is split: " + span(start, at)
                    + " is lowmem (" + Sizes.human(at - start) + "), " + span(at, end) + " is highmem (" + Sizes.human(end - at)
                    + ").", source(in));
        }
    }

    static void truncatedStep(Input in, long start, long end, long at, String limitName, long limit) {
        if (in.log().on()) {
            in.log().add(subject(start, end), subject(start, end) + ": " + vaSpan(in, start, end) + " reaches past " + limitName + " " + Fmt.hex8(limit)
                    + " and CONFIG_HIGHMEM is off: truncated to " + span(start, at) + "; the " + Sizes.human(end - at)
                    + " above physical " + Fmt.hex8(at) + " is not used.", source(in));
        }
    }

    static void ignoredStep(Input in, long start, long end, String why) {
        if (in.log().on()) {
            in.log().add(subject(start, end), subject(start, end) + ": not used (" + Sizes.human(end - start) + "): " + why + ".", source(in));
        }
    }

    /** high_memory = __va(lowmem_limit - 1) + 1, as a 33-bit value so that 2^32 stays 2^32. */
    static long highMemory(Input in, long lowmemLimit) {
        if (lowmemLimit == 0) {
            return in.pageOffset();
        }
        return va(in, lowmemLimit - 1) + 1;
    }

    static long lowmemEnd(ArmMemory mem) {
        long end = 0;
        for (ArmMemory.Bank b : mem.banks) {
            if (!b.highmem) {
                end = Math.max(end, b.end());
            }
        }
        return end;
    }

    /** vmalloc_limit: the physical address vmalloc_min corresponds to. */
    static void limitStep(Input in, long vmallocLimit) {
        if (in.log().on()) {
            in.log().add("vmalloc_limit", "vmalloc_limit = __pa(vmalloc_min - 1) + 1 = " + Fmt.hex8(vmallocLimit)
                    + " (vmalloc_min " + Fmt.hex8(in.vmallocMin()) + " - PAGE_OFFSET " + Fmt.hex8(in.pageOffset()) + " + PHYS_OFFSET "
                    + Fmt.hex8(in.physOffset()) + "): RAM below it can be lowmem.", source(in));
        }
    }

    /** Splits a bank that straddles {@code limit} so each bank is wholly lowmem or highmem. */
    static void splitAt(ArmMemory mem, long limit) {
        List<ArmMemory.Bank> out = new ArrayList<>();
        for (ArmMemory.Bank b : mem.banks) {
            if (b.start < limit && b.end() > limit) {
                ArmMemory.Bank lo = new ArmMemory.Bank(b.start, limit - b.start);
                ArmMemory.Bank hi = new ArmMemory.Bank(limit, b.end() - limit);
                hi.highmem = true;
                out.add(lo);
                out.add(hi);
            } else {
                out.add(b);
            }
        }
        mem.banks.clear();
        mem.banks.addAll(out);
    }

    static long roundUp(long v, long a) {
        return (v + a - 1) / a * a;
    }
}
