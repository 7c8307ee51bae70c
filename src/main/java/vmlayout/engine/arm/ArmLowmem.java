package vmlayout.engine.arm;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import vmlayout.config.Fmt;
import vmlayout.config.Sizes;
import vmlayout.engine.Derivation;
import vmlayout.engine.DerivationLog;
import vmlayout.engine.RangeSet;
import vmlayout.report.Message.Level;
import vmlayout.report.Message;

/**
 * The split of RAM into lowmem and highmem, one method per era of arch/arm/mm/mmu.c (init.c for the
 * oldest). Each method is a port of the kernel function named in its comment; the texts are the
 * kernel's, byte for byte.
 */
final class ArmLowmem {

    private static final long M32 = 0xffffffffL;
    private static final long PMD_SIZE = 1L << 21;

    /** What the split needs to know. All virtual values are 32-bit. */
    static final class Input {
        ArmEra era;
        ArmMemory memory;
        long pageOffset;
        long physOffset;
        /** vmalloc_min / VMALLOC_MIN: the lowest virtual address lowmem may not reach. */
        long vmallocMin;
        boolean highmemConfig;
        boolean viptAliasing;
        boolean tlbOpsNeedBroadcast;
        boolean lpae;
        int nrBanks;
        /** Device tree no-map regions that lie in RAM (applied between the two adjust_lowmem_bounds()). */
        RangeSet noMap = new RangeSet();
        /** Where each bank's fate is recorded, with the rule that decided it. */
        DerivationLog log = new DerivationLog();
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

    static Result split(Input in) {
        switch (in.era.lowmem) {
            case CHECK_MEMBANK_VALID:
                return checkMembankValid(in);
            case SANITY_VA:
            case SANITY_VA_LLX:
            case SANITY_VA_LPAE:
                return sanityVa(in);
            case SANITY_LIMIT:
                return sanityLimit(in);
            case MEMBLOCK:
            case MEMBLOCK_CONSIDER:
                return sanityMemblock(in);
            default:
                return adjustLowmemBounds(in);
        }
    }

    // __va() and __pa() of the non-patching kernel: 32-bit virtual arithmetic.
    private static long va(Input in, long phys) {
        return (phys - in.physOffset + in.pageOffset) & M32;
    }

    private static long pa(Input in, long virt) {
        long p = virt - in.pageOffset + in.physOffset;
        return in.lpae ? p : p & M32;
    }

    /** "%.8lx" of an unsigned long. */
    private static String lx(long v) {
        return Fmt.hex(v & M32, 8);
    }

    /** "%.8llx" of an unsigned long long. */
    private static String llx(long v) {
        return Fmt.hex(v, 8);
    }

    /** "%pa": 0x and the phys_addr_t zero-padded to 8 digits, or 16 with LPAE (64-bit phys_addr_t). */
    static String pa(boolean lpae, long v) {
        return lpae ? "0x" + Fmt.hex(v, 16) : Fmt.hex8(v & M32);
    }

    private static Message notice(String text) {
        return Message.kernel(Level.NOTICE, text, true);
    }

    private static Message crit(String text) {
        return Message.kernel(Level.CRIT, text, true);
    }

    // ---- derivation steps: each bank's fate, with the rule that decided it ----

    private static String span(long start, long end) {
        return Fmt.hex8(start) + "-" + Fmt.hex8(end);
    }

    private static String subject(long start, long end) {
        return "RAM " + span(start, end);
    }

    /** "__va() 0xc0000000-0xe0000000" of a physical range (exclusive end, 2^32 allowed). */
    private static String vaSpan(Input in, long start, long end) {
        long vs = va(in, start);
        return "__va() " + Fmt.hex8(vs) + "-" + Fmt.hex8(vs + (end - start));
    }

    private static String source(Input in) {
        switch (in.era.lowmem) {
            case CHECK_MEMBANK_VALID:
                return "arch/arm/mm/init.c check_membank_valid(), " + Derivation.releases(null, ArmEra.SANITY_CHECK_MEMINFO);
            case SANITY_VA:
            case SANITY_VA_LLX:
            case SANITY_VA_LPAE:
                return "arch/arm/mm/mmu.c sanity_check_meminfo() (meminfo banks, __va() tests), "
                        + Derivation.releases(ArmEra.SANITY_CHECK_MEMINFO, ArmEra.SIZE_LIMIT);
            case SANITY_LIMIT:
                return "arch/arm/mm/mmu.c sanity_check_meminfo() (vmalloc_limit, size_limit), "
                        + Derivation.releases(ArmEra.SIZE_LIMIT, ArmEra.MEMBLOCK_TEXTS);
            case MEMBLOCK:
            case MEMBLOCK_CONSIDER:
                return "arch/arm/mm/mmu.c sanity_check_meminfo() (memblock regions), "
                        + Derivation.releases(ArmEra.MEMBLOCK_TEXTS, ArmEra.ADJUST_LOWMEM);
            default:
                return "arch/arm/mm/mmu.c adjust_lowmem_bounds(), " + Derivation.releases(ArmEra.ADJUST_LOWMEM, null);
        }
    }

    private static void lowmemStep(Input in, long start, long end, String limitName, long limit) {
        if (in.log.on()) {
            in.log.add(subject(start, end), subject(start, end) + ": lowmem: " + vaSpan(in, start, end) + " lies below " + limitName + " "
                    + Fmt.hex8(limit) + ".", source(in));
        }
    }

    private static void highmemStep(Input in, long start, long end, String why) {
        if (in.log.on()) {
            in.log.add(subject(start, end), subject(start, end) + ": highmem (CONFIG_HIGHMEM is on): " + why + ".", source(in));
        }
    }

    private static void splitStep(Input in, long start, long end, long at, String limitName, long limit) {
        if (in.log.on()) {
            in.log.add(subject(start, end), subject(start, end) + ": " + vaSpan(in, start, end) + " crosses " + limitName + " " + Fmt.hex8(limit)
                    + " (physical " + Fmt.hex8(at) + "); CONFIG_HIGHMEM is on, so the bank is split: " + span(start, at)
                    + " is lowmem (" + Sizes.human(at - start) + "), " + span(at, end) + " is highmem (" + Sizes.human(end - at)
                    + ").", source(in));
        }
    }

    private static void truncatedStep(Input in, long start, long end, long at, String limitName, long limit) {
        if (in.log.on()) {
            in.log.add(subject(start, end), subject(start, end) + ": " + vaSpan(in, start, end) + " reaches past " + limitName + " " + Fmt.hex8(limit)
                    + " and CONFIG_HIGHMEM is off: truncated to " + span(start, at) + "; the " + Sizes.human(end - at)
                    + " above physical " + Fmt.hex8(at) + " is not used.", source(in));
        }
    }

    private static void ignoredStep(Input in, long start, long end, String why) {
        if (in.log.on()) {
            in.log.add(subject(start, end), subject(start, end) + ": not used (" + Sizes.human(end - start) + "): " + why + ".", source(in));
        }
    }

    /** high_memory = __va(lowmem_limit - 1) + 1, as a 33-bit value so that 2^32 stays 2^32. */
    private static long highMemory(Input in, long lowmemLimit) {
        if (lowmemLimit == 0) {
            return in.pageOffset;
        }
        return va(in, lowmemLimit - 1) + 1;
    }

    private static long lowmemEnd(ArmMemory mem) {
        long end = 0;
        for (ArmMemory.Bank b : mem.banks) {
            if (!b.highmem) {
                end = Math.max(end, b.end());
            }
        }
        return end;
    }

    /**
     * 2.6.2x arch/arm/mm/init.c check_membank_valid(): no highmem; a bank whose virtual start is at or
     * above VMALLOC_MIN is ignored, one that reaches past it is truncated.
     */
    private static Result checkMembankValid(Input in) {
        Result r = new Result();
        for (Iterator<ArmMemory.Bank> it = in.memory.banks.iterator(); it.hasNext(); ) {
            ArmMemory.Bank b = it.next();
            if (b.size == 0) {
                it.remove();
                continue;
            }
            long vs = va(in, b.start);
            long ve = va(in, b.start + b.size);
            if (vs >= in.vmallocMin) {
                r.messages.add(notice("Ignoring RAM at " + lx(b.start) + "-" + lx(b.start + b.size - 1)
                        + " (vmalloc region overlap)."));
                ignoredStep(in, b.start, b.end(), "__va(start) " + Fmt.hex8(vs) + " is at or above VMALLOC_MIN "
                        + Fmt.hex8(in.vmallocMin) + " and this release has no highmem on ARM");
                r.removed.add(b.start, b.end());
                it.remove();
                continue;
            }
            if (ve < vs || ve > in.vmallocMin) {
                long newsize = (in.vmallocMin - vs) & M32;
                r.messages.add(notice("Truncating RAM at " + lx(b.start) + "-" + lx(b.start + b.size - 1)
                        + " to -" + lx(b.start + newsize - 1) + " (vmalloc region overlap)."));
                truncatedStep(in, b.start, b.end(), b.start + newsize, "VMALLOC_MIN", in.vmallocMin);
                r.removed.add(b.start + newsize, b.end());
                b.size = newsize;
            } else {
                lowmemStep(in, b.start, b.end(), "VMALLOC_MIN", in.vmallocMin);
            }
        }
        r.lowmemLimit = lowmemEnd(in.memory);
        r.highMemory = highMemory(in, r.lowmemLimit);
        return r;
    }

    /**
     * sanity_check_meminfo() on meminfo banks, testing __va(bank->start) against vmalloc_min
     * (arch/arm/mm/mmu.c, 2.6.29 to the size_limit rewrite). With CONFIG_HIGHMEM a bank that crosses
     * vmalloc_min is split silently and what lies above becomes highmem; without it the bank is
     * truncated ("Truncating RAM ...") and banks beyond are ignored ("Ignoring RAM ..."). Texts use
     * "%.8lx" (unsigned long) before phys_addr_t and "%.8llx" after; from LPAE (3.3) a bank above
     * 4 GB is highmem, and without CONFIG_HIGHMEM is ignored with "(!CONFIG_HIGHMEM).". The HIGHMEM
     * start test is "__va(start) > VMALLOC_MIN" before 2.6.38 and ">=" from 2.6.38.
     */
    private static Result sanityVa(Input in) {
        Result r = new Result();
        boolean llx = in.era.lowmem != ArmEra.LowmemRule.SANITY_VA;
        boolean lpaeBanks = in.era.lowmem == ArmEra.LowmemRule.SANITY_VA_LPAE;
        List<ArmMemory.Bank> src = new ArrayList<>(in.memory.banks);
        List<ArmMemory.Bank> out = new ArrayList<>();
        int nrBanks = src.size();
        boolean highmem = false;
        long vmin = in.vmallocMin;
        for (ArmMemory.Bank b : src) {
            long vs = va(in, b.start);
            if (lpaeBanks && b.start > M32) {
                highmem = true;
            }
            if (in.highmemConfig) {
                boolean above = in.era.highmemStartGe ? vs >= vmin : vs > vmin;
                if (above || vs < in.pageOffset) {
                    highmem = true;
                }
                b.highmem = highmem;
                boolean split = lpaeBanks ? !highmem && vs < vmin && b.size > ((vmin - vs) & M32)
                        : vs < vmin && b.size > ((vmin - vs) & M32);
                if (split) {
                    long lowSize = (vmin - vs) & M32;
                    if (nrBanks >= in.nrBanks) {
                        r.messages.add(crit("NR_BANKS too low, ignoring high memory"));
                        if (in.log.on()) {
                            in.log.add(subject(b.start, b.end()), subject(b.start, b.end()) + ": " + vaSpan(in, b.start, b.end()) + " crosses vmalloc_min "
                                    + Fmt.hex8(vmin) + ", but all NR_BANKS (" + in.nrBanks + ") bank slots are taken: "
                                    + span(b.start, b.start + lowSize) + " is lowmem, the " + Sizes.human(b.size - lowSize)
                                    + " above it is not used.", source(in));
                        }
                        r.removed.add(b.start + lowSize, b.end());
                    } else {
                        splitStep(in, b.start, b.end(), b.start + lowSize, "vmalloc_min", vmin);
                        nrBanks++;
                        ArmMemory.Bank hi = new ArmMemory.Bank(pa(in, vmin - 1) + 1, b.size - lowSize);
                        hi.highmem = true;
                        highmem = true;
                        b.size = lowSize;
                        out.add(b);
                        out.add(hi);
                        continue;
                    }
                    b.size = lowSize;
                } else if (b.highmem) {
                    highmemStep(in, b.start, b.end(), vs < in.pageOffset ? "__va(start) " + Fmt.hex8(vs)
                            + " wraps below PAGE_OFFSET" : "it lies above vmalloc_min " + Fmt.hex8(vmin)
                            + " (or above a bank that does)");
                } else {
                    lowmemStep(in, b.start, b.end(), "vmalloc_min", vmin);
                }
                out.add(b);
            } else {
                b.highmem = highmem;
                String fmtStart = llx ? llx(b.start) : lx(b.start);
                String fmtLast = llx ? llx(b.start + b.size - 1) : lx(b.start + b.size - 1);
                if (highmem) {
                    r.messages.add(notice("Ignoring RAM at " + fmtStart + "-" + fmtLast + " (!CONFIG_HIGHMEM)."));
                    ignoredStep(in, b.start, b.end(), "it lies above 4 GB and CONFIG_HIGHMEM is off");
                    r.removed.add(b.start, b.end());
                    continue;
                }
                if (vs >= vmin || vs < in.pageOffset) {
                    r.messages.add(notice("Ignoring RAM at " + fmtStart + "-" + fmtLast + " (vmalloc region overlap)."));
                    ignoredStep(in, b.start, b.end(), "__va(start) " + Fmt.hex8(vs) + (vs < in.pageOffset
                            ? " wraps below PAGE_OFFSET" : " is at or above vmalloc_min " + Fmt.hex8(vmin))
                            + " and CONFIG_HIGHMEM is off");
                    r.removed.add(b.start, b.end());
                    continue;
                }
                long ve = va(in, b.start + b.size);
                if (ve > vmin || ve < vs) {
                    long newsize = (vmin - vs) & M32;
                    String to = llx ? llx(b.start + newsize - 1) : lx(b.start + newsize - 1);
                    r.messages.add(notice("Truncating RAM at " + fmtStart + "-" + fmtLast + " to -" + to
                            + " (vmalloc region overlap)."));
                    truncatedStep(in, b.start, b.end(), b.start + newsize, "vmalloc_min", vmin);
                    r.removed.add(b.start + newsize, b.end());
                    b.size = newsize;
                } else {
                    lowmemStep(in, b.start, b.end(), "vmalloc_min", vmin);
                }
                out.add(b);
            }
        }
        dropHighmemIfUnsupported(in, r, out);
        in.memory.banks.clear();
        in.memory.banks.addAll(out);
        r.lowmemLimit = lowmemEnd(in.memory);
        r.highMemory = highMemory(in, r.lowmemLimit);
        return r;
    }

    /**
     * sanity_check_meminfo() with vmalloc_limit = __pa(vmalloc_min - 1) + 1 and size_limit
     * (arch/arm/mm/mmu.c, from the size_limit rewrite to 3.15): banks at or above vmalloc_limit are
     * highmem; without CONFIG_HIGHMEM they are ignored ("(!CONFIG_HIGHMEM).") and a bank crossing the
     * limit is truncated.
     */
    private static Result sanityLimit(Input in) {
        Result r = new Result();
        long vmallocLimit = pa(in, in.vmallocMin - 1) + 1;
        limitStep(in, vmallocLimit);
        List<ArmMemory.Bank> src = new ArrayList<>(in.memory.banks);
        List<ArmMemory.Bank> out = new ArrayList<>();
        int nrBanks = src.size();
        boolean highmem = false;
        long lowmemLimit = 0;
        for (ArmMemory.Bank b : src) {
            long sizeLimit = b.size;
            if (Long.compareUnsigned(b.start, vmallocLimit) >= 0) {
                highmem = true;
            } else {
                sizeLimit = vmallocLimit - b.start;
            }
            b.highmem = highmem;
            if (in.highmemConfig) {
                if (highmem) {
                    highmemStep(in, b.start, b.end(), "it starts at or above vmalloc_limit " + Fmt.hex8(vmallocLimit));
                } else if (b.size <= sizeLimit) {
                    lowmemStep(in, b.start, b.end(), "vmalloc_min", in.vmallocMin);
                }
                if (!highmem && b.size > sizeLimit) {
                    if (nrBanks >= in.nrBanks) {
                        r.messages.add(crit("NR_BANKS too low, ignoring high memory"));
                        if (in.log.on()) {
                            in.log.add(subject(b.start, b.end()), subject(b.start, b.end()) + ": crosses vmalloc_limit " + Fmt.hex8(vmallocLimit) + ", but all"
                                    + " NR_BANKS (" + in.nrBanks + ") bank slots are taken: the " + Sizes.human(b.size - sizeLimit)
                                    + " above it is not used.", source(in));
                        }
                        r.removed.add(b.start + sizeLimit, b.end());
                        b.size = sizeLimit;
                    } else {
                        splitStep(in, b.start, b.end(), vmallocLimit, "vmalloc_min", in.vmallocMin);
                        nrBanks++;
                        ArmMemory.Bank hi = new ArmMemory.Bank(vmallocLimit, b.size - sizeLimit);
                        hi.highmem = true;
                        highmem = true;
                        b.size = sizeLimit;
                        out.add(b);
                        lowmemLimit = Math.max(lowmemLimit, b.end());
                        out.add(hi);
                        continue;
                    }
                }
            } else {
                if (highmem) {
                    r.messages.add(notice("Ignoring RAM at " + llx(b.start) + "-" + llx(b.start + b.size - 1)
                            + " (!CONFIG_HIGHMEM)."));
                    ignoredStep(in, b.start, b.end(), "it starts at or above vmalloc_limit " + Fmt.hex8(vmallocLimit)
                            + " and CONFIG_HIGHMEM is off");
                    r.removed.add(b.start, b.end());
                    continue;
                }
                if (b.size > sizeLimit) {
                    r.messages.add(notice("Truncating RAM at " + llx(b.start) + "-" + llx(b.start + b.size - 1)
                            + " to -" + llx(b.start + sizeLimit - 1) + " (vmalloc region overlap)."));
                    truncatedStep(in, b.start, b.end(), b.start + sizeLimit, "vmalloc_min", in.vmallocMin);
                    r.removed.add(b.start + sizeLimit, b.end());
                    b.size = sizeLimit;
                } else {
                    lowmemStep(in, b.start, b.end(), "vmalloc_min", in.vmallocMin);
                }
            }
            if (!b.highmem && b.end() > lowmemLimit) {
                lowmemLimit = b.end();
            }
            out.add(b);
        }
        dropHighmemIfUnsupported(in, r, out);
        in.memory.banks.clear();
        in.memory.banks.addAll(out);
        r.lowmemLimit = lowmemLimit;
        r.highMemory = highMemory(in, lowmemLimit);
        return r;
    }

    /**
     * The end of the meminfo-era sanity_check_meminfo(): highmem with an aliasing VIPT cache (or, on
     * early SMP kernels, without TLB broadcast) is refused and the trailing highmem banks are dropped.
     */
    private static void dropHighmemIfUnsupported(Input in, Result r, List<ArmMemory.Bank> out) {
        boolean anyHigh = false;
        for (ArmMemory.Bank b : out) {
            anyHigh |= b.highmem;
        }
        if (!in.highmemConfig || !anyHigh) {
            return;
        }
        String reason = null;
        if (in.viptAliasing) {
            reason = "with VIPT aliasing cache";
        } else if (in.tlbOpsNeedBroadcast && in.era.lowmem == ArmEra.LowmemRule.SANITY_VA) {
            reason = "without hardware TLB ops broadcasting";
        }
        if (reason == null) {
            return;
        }
        r.messages.add(crit("HIGHMEM is not supported " + reason + ", ignoring high memory"));
        while (!out.isEmpty() && out.get(out.size() - 1).highmem) {
            ArmMemory.Bank b = out.remove(out.size() - 1);
            ignoredStep(in, b.start, b.end(), "highmem, but HIGHMEM is not supported " + reason);
            r.removed.add(b.start, b.end());
        }
    }

    /**
     * sanity_check_meminfo() on memblock regions (arch/arm/mm/mmu.c, 3.16 to 4.11): without HIGHMEM
     * (or with an aliasing VIPT cache) a region at or above vmalloc_limit is removed ("Ignoring RAM at
     * %pa-%pa (!CONFIG_HIGHMEM)") and one crossing it is truncated ("Truncating RAM at %pa-%pa to -%pa");
     * from the CONSIDER era the function ends with "Consider using a HIGHMEM enabled kernel.".
     */
    private static Result sanityMemblock(Input in) {
        Result r = new Result();
        boolean consider = in.era.lowmem == ArmEra.LowmemRule.MEMBLOCK_CONSIDER;
        long vmallocLimit = pa(in, in.vmallocMin - 1) + 1;
        limitStep(in, vmallocLimit);
        boolean highmem = false;
        boolean shouldUseHighmem = false;
        long lowmemLimit = 0;
        boolean noHighmem = !in.highmemConfig || in.viptAliasing;
        List<ArmMemory.Bank> regions = new ArrayList<>(in.memory.banks);
        for (ArmMemory.Bank reg : regions) {
            long blockStart = reg.start;
            long blockEnd = reg.start + reg.size;
            long sizeLimit = reg.size;
            if (Long.compareUnsigned(reg.start, vmallocLimit) >= 0) {
                highmem = true;
            } else {
                sizeLimit = vmallocLimit - reg.start;
            }
            if (noHighmem) {
                if (highmem) {
                    r.messages.add(notice("Ignoring RAM at " + pa(in.lpae, blockStart) + "-" + pa(in.lpae, blockEnd)
                            + " (!CONFIG_HIGHMEM)"));
                    ignoredStep(in, reg.start, reg.end(), "it starts at or above vmalloc_limit " + Fmt.hex8(vmallocLimit)
                            + (in.highmemConfig ? " and highmem is refused with a VIPT aliasing cache" : " and CONFIG_HIGHMEM is off"));
                    in.memory.remove(reg.start, reg.size);
                    r.removed.add(reg.start, reg.end());
                    shouldUseHighmem = true;
                    continue;
                }
                if (reg.size > sizeLimit) {
                    r.messages.add(notice("Truncating RAM at " + pa(in.lpae, blockStart) + "-" + pa(in.lpae, blockEnd)
                            + " to -" + pa(in.lpae, vmallocLimit)));
                    truncatedStep(in, reg.start, reg.end(), vmallocLimit, "vmalloc_min", in.vmallocMin);
                    in.memory.remove(vmallocLimit, reg.size - sizeLimit);
                    r.removed.add(vmallocLimit, reg.end());
                    blockEnd = vmallocLimit;
                    shouldUseHighmem = true;
                } else {
                    lowmemStep(in, reg.start, reg.end(), "vmalloc_min", in.vmallocMin);
                }
            } else if (highmem) {
                highmemStep(in, reg.start, reg.end(), "it starts at or above vmalloc_limit " + Fmt.hex8(vmallocLimit));
            } else if (reg.size > sizeLimit) {
                splitStep(in, reg.start, reg.end(), vmallocLimit, "vmalloc_min", in.vmallocMin);
            } else {
                lowmemStep(in, reg.start, reg.end(), "vmalloc_min", in.vmallocMin);
            }
            if (!highmem) {
                if (blockEnd > lowmemLimit) {
                    lowmemLimit = reg.size > sizeLimit ? vmallocLimit : blockEnd;
                }
            }
        }
        if (consider && shouldUseHighmem) {
            r.messages.add(notice("Consider using a HIGHMEM enabled kernel."));
        }
        for (ArmMemory.Bank b : in.memory.banks) {
            b.highmem = Long.compareUnsigned(b.start, lowmemLimit) >= 0;
        }
        splitAt(in.memory, lowmemLimit);
        r.lowmemLimit = lowmemLimit;
        r.highMemory = highMemory(in, lowmemLimit);
        return r;
    }

    /**
     * adjust_lowmem_bounds() (arch/arm/mm/mmu.c, 4.12 on), called twice by setup_arch(): lowmem ends at
     * vmalloc_limit or the end of the last region below it; nothing is printed for a HIGHMEM kernel.
     * Without HIGHMEM (or with an aliasing VIPT cache) RAM from memblock_limit (rounded down to 2 MB)
     * to the end of DRAM is removed with "Ignoring RAM at %pa-%pa" and "Consider using a HIGHMEM
     * enabled kernel.". From FIRST_BANK_NOMAP the unaligned head of the first region is not mapped.
     */
    private static Result adjustLowmemBounds(Input in) {
        Result r = new Result();
        if (in.era.firstBankNomap && !in.memory.banks.isEmpty()) {
            ArmMemory.Bank first = in.memory.banks.get(0);
            if (first.start % PMD_SIZE != 0) {
                long len = Math.min(roundUp(first.start, PMD_SIZE) - first.start, first.size);
                r.nomap.add(first.start, first.start + len);
            }
        }
        RangeSet before = in.memory.toRangeSet();
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 1) {
                // setup_arch(): adjust_lowmem_bounds(); arm_memblock_init(mdesc); adjust_lowmem_bounds();
                // arm_memblock_init() -> early_init_fdt_scan_reserved_mem() handles no-map regions in between
                applyNoMap(in, r);
            }
            adjustOnce(in, r);
        }
        long vmallocLimit = in.vmallocMin - in.pageOffset + in.physOffset;
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
        RangeSet inMemory = in.memory.toRangeSet().intersect(in.noMap);
        r.dtNoMap.addAll(inMemory);
        if (in.era.noMap == ArmEra.NoMapRule.REMOVED_BEFORE_RECALC) {
            for (RangeSet.Range x : inMemory.ranges()) {
                in.memory.remove(x.start(), x.size());
            }
        }
    }

    /** One region's fate after adjust_lowmem_bounds(): lowmem below lowmem_limit, the rest highmem or removed. */
    private static void adjustedFate(Input in, Result r, long start, long end, long vmallocLimit) {
        long limit = r.lowmemLimit;
        RangeSet removed = RangeSet.of(start, end).intersect(r.removed);
        RangeSet nomap = RangeSet.of(start, end).intersect(r.nomap);
        if (!nomap.isEmpty()) {
            if (in.log.on()) {
                in.log.add(subject(start, end), subject(start, end) + ": the unaligned head " + span(nomap.ranges().get(0).start(), nomap.ranges().get(0).end())
                        + " of the first region is marked NOMAP (not 2 MB aligned): not mapped, not used.", source(in));
            }
        }
        if (!removed.isEmpty()) {
            long from = removed.ranges().get(0).start();
            if (in.log.on()) {
                in.log.add(subject(start, end), subject(start, end) + ": " + (from > start ? span(start, Math.min(from, limit)) + " is lowmem; " : "")
                        + "RAM from memblock_limit " + Fmt.hex8(from) + " (lowmem_limit " + Fmt.hex8(limit) + " rounded down"
                        + " to 2 MB) to the end is removed: " + (in.highmemConfig ? "highmem is refused with a VIPT aliasing cache"
                        : "CONFIG_HIGHMEM is off") + " (" + Sizes.human(removed.total()) + " not used).", source(in));
            }
            return;
        }
        if (end <= limit) {
            lowmemStep(in, start, end, "vmalloc_limit (physical)", vmallocLimit);
        } else if (start >= limit) {
            highmemStep(in, start, end, "it lies above lowmem_limit " + Fmt.hex8(limit));
        } else {
            splitStep(in, start, end, limit, "vmalloc_min", in.vmallocMin);
        }
    }

    /** vmalloc_limit: the physical address vmalloc_min corresponds to. */
    private static void limitStep(Input in, long vmallocLimit) {
        if (in.log.on()) {
            in.log.add("vmalloc_limit", "vmalloc_limit = __pa(vmalloc_min - 1) + 1 = " + Fmt.hex8(vmallocLimit)
                    + " (vmalloc_min " + Fmt.hex8(in.vmallocMin) + " - PAGE_OFFSET " + Fmt.hex8(in.pageOffset) + " + PHYS_OFFSET "
                    + Fmt.hex8(in.physOffset) + "): RAM below it can be lowmem.", source(in));
        }
    }

    private static void adjustOnce(Input in, Result r) {
        long vmallocLimit = in.vmallocMin - in.pageOffset + in.physOffset; // u64, no wrap
        long memblockLimit = 0;
        long lowmemLimit = 0;
        RangeSet mapped = in.memory.toRangeSet().removeAll(r.nomap).removeAll(r.dtNoMap);
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
        if (!in.highmemConfig || in.viptAliasing) {
            long end = in.memory.endOfDram();
            if (end > lowmemLimit) {
                r.messages.add(notice("Ignoring RAM at " + pa(in.lpae, memblockLimit) + "-" + pa(in.lpae, end)));
                r.messages.add(notice("Consider using a HIGHMEM enabled kernel."));
                in.memory.remove(memblockLimit, end - memblockLimit);
                r.removed.add(memblockLimit, end);
            }
        }
        for (ArmMemory.Bank b : in.memory.banks) {
            b.highmem = b.start >= lowmemLimit;
        }
        splitAt(in.memory, lowmemLimit);
    }

    /** Splits a bank that straddles {@code limit} so each bank is wholly lowmem or highmem. */
    private static void splitAt(ArmMemory mem, long limit) {
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

    private static long roundUp(long v, long a) {
        return (v + a - 1) / a * a;
    }
}
