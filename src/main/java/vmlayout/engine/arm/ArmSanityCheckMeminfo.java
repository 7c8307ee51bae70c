package vmlayout.engine.arm;

import static vmlayout.engine.Ulong.M32;
import static vmlayout.engine.arm.ArmLowmem.crit;
import static vmlayout.engine.arm.ArmLowmem.highMemory;
import static vmlayout.engine.arm.ArmLowmem.highmemStep;
import static vmlayout.engine.arm.ArmLowmem.ignoredStep;
import static vmlayout.engine.arm.ArmLowmem.limitStep;
import static vmlayout.engine.arm.ArmLowmem.llx;
import static vmlayout.engine.arm.ArmLowmem.lowmemEnd;
import static vmlayout.engine.arm.ArmLowmem.lowmemStep;
import static vmlayout.engine.arm.ArmLowmem.lx;
import static vmlayout.engine.arm.ArmLowmem.notice;
import static vmlayout.engine.arm.ArmLowmem.pa;
import static vmlayout.engine.arm.ArmLowmem.source;
import static vmlayout.engine.arm.ArmLowmem.span;
import static vmlayout.engine.arm.ArmLowmem.splitAt;
import static vmlayout.engine.arm.ArmLowmem.splitStep;
import static vmlayout.engine.arm.ArmLowmem.subject;
import static vmlayout.engine.arm.ArmLowmem.truncatedStep;
import static vmlayout.engine.arm.ArmLowmem.va;
import static vmlayout.engine.arm.ArmLowmem.vaSpan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import vmlayout.config.Fmt;
import vmlayout.config.Sizes;
import vmlayout.engine.arm.ArmLowmem.Input;
import vmlayout.engine.arm.ArmLowmem.Result;

/**
 * sanity_check_meminfo() (arch/arm/mm/mmu.c, 2.6.29-4.11) in its three forms, and its predecessor
 * check_membank_valid() (arch/arm/mm/init.c, 2.6.2x): each checks the banks against vmalloc_min as
 * early_vmalloc() left it, makes the banks above it highmem or drops them, and prints what it drops.
 */
final class ArmSanityCheckMeminfo {

    private ArmSanityCheckMeminfo() {
    }

    /**
     * 2.6.2x arch/arm/mm/init.c check_membank_valid(): no highmem; a bank whose virtual start is at or
     * above VMALLOC_MIN is ignored, one that reaches past it is truncated.
     */
    static Result checkMembankValid(Input in) {
        Result r = new Result();
        for (Iterator<ArmMemory.Bank> it = in.memory().banks.iterator(); it.hasNext(); ) {
            ArmMemory.Bank b = it.next();
            if (b.size == 0) {
                it.remove();
                continue;
            }
            long vs = va(in, b.start);
            long ve = va(in, b.start + b.size);
            if (vs >= in.vmallocMin()) {
                r.messages.add(notice("Ignoring RAM at " + lx(b.start) + "-" + lx(b.start + b.size - 1)
                        + " (vmalloc region overlap)."));
                ignoredStep(in, b.start, b.end(), "__va(start) " + Fmt.hex8(vs) + " is at or above VMALLOC_MIN "
                        + Fmt.hex8(in.vmallocMin()) + " and this release has no highmem on ARM");
                r.removed.add(b.start, b.end());
                it.remove();
                continue;
            }
            if (ve < vs || ve > in.vmallocMin()) {
                long newsize = (in.vmallocMin() - vs) & M32;
                r.messages.add(notice("Truncating RAM at " + lx(b.start) + "-" + lx(b.start + b.size - 1)
                        + " to -" + lx(b.start + newsize - 1) + " (vmalloc region overlap)."));
                truncatedStep(in, b.start, b.end(), b.start + newsize, "VMALLOC_MIN", in.vmallocMin());
                r.removed.add(b.start + newsize, b.end());
                b.size = newsize;
            } else {
                lowmemStep(in, b.start, b.end(), "VMALLOC_MIN", in.vmallocMin());
            }
        }
        r.lowmemLimit = lowmemEnd(in.memory());
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
    static Result sanityVa(Input in) {
        Result r = new Result();
        boolean llx = in.era().physAddrT;
        boolean lpaeBanks = in.era().lpaeBanks;
        List<ArmMemory.Bank> src = new ArrayList<>(in.memory().banks);
        List<ArmMemory.Bank> out = new ArrayList<>();
        int nrBanks = src.size();
        boolean highmem = false;
        long vmin = in.vmallocMin();
        for (ArmMemory.Bank b : src) {
            long vs = va(in, b.start);
            if (lpaeBanks && b.start > M32) {
                highmem = true;
            }
            if (in.highmemConfig()) {
                boolean above = in.era().highmemStartGe ? vs >= vmin : vs > vmin;
                if (above || vs < in.pageOffset()) {
                    highmem = true;
                }
                b.highmem = highmem;
                boolean split = lpaeBanks ? !highmem && vs < vmin && b.size > ((vmin - vs) & M32)
                        : vs < vmin && b.size > ((vmin - vs) & M32);
                if (split) {
                    long lowSize = (vmin - vs) & M32;
                    if (nrBanks >= in.nrBanks()) {
                        r.messages.add(crit("NR_BANKS too low, ignoring high memory"));
                        if (in.log().on()) {
                            in.log().add(subject(b.start, b.end()), subject(b.start, b.end()) + ": " + vaSpan(in, b.start, b.end()) + " crosses vmalloc_min "
                                    + Fmt.hex8(vmin) + ", but all NR_BANKS (" + in.nrBanks() + ") bank slots are taken: "
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
                    highmemStep(in, b.start, b.end(), vs < in.pageOffset() ? "__va(start) " + Fmt.hex8(vs)
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
                if (vs >= vmin || vs < in.pageOffset()) {
                    r.messages.add(notice("Ignoring RAM at " + fmtStart + "-" + fmtLast + " (vmalloc region overlap)."));
                    ignoredStep(in, b.start, b.end(), "__va(start) " + Fmt.hex8(vs) + (vs < in.pageOffset()
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
        in.memory().banks.clear();
        in.memory().banks.addAll(out);
        r.lowmemLimit = lowmemEnd(in.memory());
        r.highMemory = highMemory(in, r.lowmemLimit);
        return r;
    }

    /**
     * sanity_check_meminfo() with vmalloc_limit = __pa(vmalloc_min - 1) + 1 and size_limit
     * (arch/arm/mm/mmu.c, from the size_limit rewrite to 3.15): banks at or above vmalloc_limit are
     * highmem; without CONFIG_HIGHMEM they are ignored ("(!CONFIG_HIGHMEM).") and a bank crossing the
     * limit is truncated.
     */
    static Result sanityLimit(Input in) {
        Result r = new Result();
        long vmallocLimit = pa(in, in.vmallocMin() - 1) + 1;
        limitStep(in, vmallocLimit);
        List<ArmMemory.Bank> src = new ArrayList<>(in.memory().banks);
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
            if (in.highmemConfig()) {
                if (highmem) {
                    highmemStep(in, b.start, b.end(), "it starts at or above vmalloc_limit " + Fmt.hex8(vmallocLimit));
                } else if (b.size <= sizeLimit) {
                    lowmemStep(in, b.start, b.end(), "vmalloc_min", in.vmallocMin());
                }
                if (!highmem && b.size > sizeLimit) {
                    if (nrBanks >= in.nrBanks()) {
                        r.messages.add(crit("NR_BANKS too low, ignoring high memory"));
                        if (in.log().on()) {
                            in.log().add(subject(b.start, b.end()), subject(b.start, b.end()) + ": crosses vmalloc_limit " + Fmt.hex8(vmallocLimit) + ", but all"
                                    + " NR_BANKS (" + in.nrBanks() + ") bank slots are taken: the " + Sizes.human(b.size - sizeLimit)
                                    + " above it is not used.", source(in));
                        }
                        r.removed.add(b.start + sizeLimit, b.end());
                        b.size = sizeLimit;
                    } else {
                        splitStep(in, b.start, b.end(), vmallocLimit, "vmalloc_min", in.vmallocMin());
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
                    truncatedStep(in, b.start, b.end(), b.start + sizeLimit, "vmalloc_min", in.vmallocMin());
                    r.removed.add(b.start + sizeLimit, b.end());
                    b.size = sizeLimit;
                } else {
                    lowmemStep(in, b.start, b.end(), "vmalloc_min", in.vmallocMin());
                }
            }
            if (!b.highmem && b.end() > lowmemLimit) {
                lowmemLimit = b.end();
            }
            out.add(b);
        }
        dropHighmemIfUnsupported(in, r, out);
        in.memory().banks.clear();
        in.memory().banks.addAll(out);
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
        if (!in.highmemConfig() || !anyHigh) {
            return;
        }
        String reason = null;
        if (in.viptAliasing()) {
            reason = "with VIPT aliasing cache";
        } else if (in.tlbOpsNeedBroadcast() && !in.era().physAddrT) {
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
    static Result sanityMemblock(Input in) {
        Result r = new Result();
        boolean consider = in.era().considerHighmem;
        long vmallocLimit = pa(in, in.vmallocMin() - 1) + 1;
        limitStep(in, vmallocLimit);
        boolean highmem = false;
        boolean shouldUseHighmem = false;
        long lowmemLimit = 0;
        boolean noHighmem = !in.highmemConfig() || in.viptAliasing();
        List<ArmMemory.Bank> regions = new ArrayList<>(in.memory().banks);
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
                    r.messages.add(notice("Ignoring RAM at " + pa(in.lpae(), blockStart) + "-" + pa(in.lpae(), blockEnd)
                            + " (!CONFIG_HIGHMEM)"));
                    ignoredStep(in, reg.start, reg.end(), "it starts at or above vmalloc_limit " + Fmt.hex8(vmallocLimit)
                            + (in.highmemConfig() ? " and highmem is refused with a VIPT aliasing cache" : " and CONFIG_HIGHMEM is off"));
                    in.memory().remove(reg.start, reg.size);
                    r.removed.add(reg.start, reg.end());
                    shouldUseHighmem = true;
                    continue;
                }
                if (reg.size > sizeLimit) {
                    r.messages.add(notice("Truncating RAM at " + pa(in.lpae(), blockStart) + "-" + pa(in.lpae(), blockEnd)
                            + " to -" + pa(in.lpae(), vmallocLimit)));
                    truncatedStep(in, reg.start, reg.end(), vmallocLimit, "vmalloc_min", in.vmallocMin());
                    in.memory().remove(vmallocLimit, reg.size - sizeLimit);
                    r.removed.add(vmallocLimit, reg.end());
                    blockEnd = vmallocLimit;
                    shouldUseHighmem = true;
                } else {
                    lowmemStep(in, reg.start, reg.end(), "vmalloc_min", in.vmallocMin());
                }
            } else if (highmem) {
                highmemStep(in, reg.start, reg.end(), "it starts at or above vmalloc_limit " + Fmt.hex8(vmallocLimit));
            } else if (reg.size > sizeLimit) {
                splitStep(in, reg.start, reg.end(), vmallocLimit, "vmalloc_min", in.vmallocMin());
            } else {
                lowmemStep(in, reg.start, reg.end(), "vmalloc_min", in.vmallocMin());
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
        for (ArmMemory.Bank b : in.memory().banks) {
            b.highmem = Long.compareUnsigned(b.start, lowmemLimit) >= 0;
        }
        splitAt(in.memory(), lowmemLimit);
        r.lowmemLimit = lowmemLimit;
        r.highMemory = highMemory(in, lowmemLimit);
        return r;
    }
}
