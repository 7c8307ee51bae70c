package vmlayout.engine.arm;

import static vmlayout.engine.Ulong.M32;

import vmlayout.bootargs.MemParse;
import vmlayout.bootargs.Param;
import vmlayout.config.Fmt;
import vmlayout.config.Sizes;
import vmlayout.engine.Boot;
import vmlayout.engine.Constants;
import vmlayout.engine.MemparseNote;
import vmlayout.report.Message.Level;
import vmlayout.report.Message;

/**
 * The vmalloc area's globals of arch/arm/mm/mmu.c as setup_arch() hands them from step to step: the
 * constants VMALLOC_END and VMALLOC_OFFSET, and the one variable early_vmalloc() writes and the lowmem
 * step reads ({@link ArmEra.VmallocRule}): vmalloc_reserve up to 3.3 (VMALLOC_MIN = VMALLOC_END -
 * vmalloc_reserve), vmalloc_min 3.4-5.13, vmalloc_size from 5.14 (adjust_lowmem_bounds() computes
 * VMALLOC_END - vmalloc_size - VMALLOC_OFFSET). The vmalloc= clamps live here once, for the engine and
 * for {@code suggest} ({@link ArmKnobs}).
 */
final class ArmVmalloc {

    private static final long SZ_16M = 16L << 20;
    private static final long SZ_32M = 32L << 20;
    /** VMALLOC_OFFSET (arch/arm/include/asm/pgtable.h): the gap between lowmem and the vmalloc area. */
    static final long VMALLOC_OFFSET = 8L << 20;

    final ArmEra.VmallocRule rule;
    final long vmallocEnd;
    final long vmallocOffset;
    /** The era's variable: vmalloc_reserve, vmalloc_min or vmalloc_size ({@link ArmEra.VmallocRule#variable}). */
    private long variable;
    /** The size vmalloc= gave (after the clamps), or the default: for the texts. */
    private long size;
    private boolean given;

    private ArmVmalloc(ArmEra.VmallocRule rule, long vmallocEnd, long vmallocOffset, long defaultSize) {
        this.rule = rule;
        this.vmallocEnd = vmallocEnd;
        this.vmallocOffset = vmallocOffset;
        this.size = defaultSize;
        this.variable = rule == ArmEra.VmallocRule.MIN_240 ? (vmallocEnd - defaultSize - vmallocOffset) & M32 : defaultSize;
    }

    /**
     * VMALLOC_OFFSET, VMALLOC_END and the era's variable with its initializer (each constant pinned by -D
     * or the kernel's).
     */
    static ArmVmalloc init(Boot boot, ArmEra era) {
        Constants c = boot.constants;
        long offset = c.get("VMALLOC_OFFSET", VMALLOC_OFFSET, "arch/arm/include/asm/pgtable.h VMALLOC_OFFSET (8 MB)");
        long end = c.get("VMALLOC_END", era.vmallocEnd, era.perBoardVmallocEnd
                ? "per board in mach/vmalloc.h in this release; vmlayout assumes 0xff000000"
                : era.vmallocEndRule.source("arch/arm/include/asm/pgtable.h"));
        boot.log.constant(c, "VMALLOC_END", "the top of the vmalloc area");
        if (era.perBoardVmallocEnd && !c.pinned("VMALLOC_END")) {
            boot.defaults.add("VMALLOC_END 0xff000000 (per board in " + era.version + ": pin your board's value with -D VMALLOC_END=)");
        }
        long dflt = c.get("VMALLOC_RESERVE", era.vmalloc.defaultSize, era.vmalloc.defaultSource);
        return new ArmVmalloc(era.vmalloc, end, offset, dflt);
    }

    /** The smallest vmalloc= early_vmalloc() keeps ("vmalloc area too small, limiting to 16MB"). */
    static long paramMin() {
        return SZ_16M;
    }

    /**
     * The largest vmalloc= early_vmalloc() keeps: VMALLOC_END - (PAGE_OFFSET + 32 MB), minus
     * VMALLOC_OFFSET from the vmalloc_size rewrite (5.14); negative when nothing fits.
     */
    static long paramMax(ArmEra.VmallocRule rule, long pageOffset, long vmallocEnd, long vmallocOffset) {
        long max = vmallocEnd - (pageOffset + SZ_32M);
        return rule == ArmEra.VmallocRule.SIZE_240 ? max - vmallocOffset : max;
    }

    /**
     * The vmalloc= value that gives what the kernel does without one: the default size, plus
     * VMALLOC_OFFSET in the vmalloc_min era (whose default subtracts it while vmalloc=N gives
     * VMALLOC_END - N).
     */
    static long paramDefault(ArmEra.VmallocRule rule) {
        return rule == ArmEra.VmallocRule.MIN_240 ? rule.defaultSize + VMALLOC_OFFSET : rule.defaultSize;
    }

    /**
     * early_vmalloc(): vmalloc=SIZE with the kernel's clamps: below 16 MB "too small", above
     * {@link #paramMax} "too big" (the texts say MiB from 5.14). The value is an unsigned long:
     * memparse's 64-bit result is truncated to 32 bits. Writes the era's variable.
     */
    void earlyVmalloc(Boot boot, ArmEra era, long pageOffset, Param p) {
        if (p.value() == null) {
            boot.message(Message.warn("'vmalloc' without a value: early_vmalloc() would pass NULL to memparse();"
                    + " vmlayout ignores it. Write vmalloc=SIZE."));
            return;
        }
        MemParse.Result r = MemParse.parse(p.value(), era.suffixes);
        Message odd = MemparseNote.of(p, "SIZE", r, r.rest(), era.suffixes == MemParse.Suffixes.KMG, null);
        if (odd != null) {
            boot.message(odd);
        }
        long reserve = r.value() & M32;
        if (r.value() != reserve) {
            boot.message(Message.note(p.text() + ": early_vmalloc() keeps memparse's result in an unsigned long:"
                    + " 32-bit ARM reads " + reserve + " bytes."));
        }
        boolean mib = era.vmallocMib.holds();
        if (reserve < SZ_16M) {
            reserve = SZ_16M;
            String text = mib ? "vmalloc area is too small, limiting to " + (reserve >> 20) + "MiB"
                    : "vmalloc area too small, limiting to " + (reserve >> 20) + "MB";
            boot.message(Message.kernel(Level.WARNING, text, true));
        }
        long max = paramMax(rule, pageOffset, vmallocEnd, vmallocOffset) & M32;
        if (reserve > max) {
            reserve = max;
            String text = "vmalloc area is too big, limiting to " + (reserve >> 20) + (mib ? "MiB" : "MB");
            boot.message(Message.kernel(Level.WARNING, text, true));
        }
        size = reserve;
        given = true;
        variable = rule == ArmEra.VmallocRule.MIN_240 ? (vmallocEnd - reserve) & M32 : reserve;
        if (boot.log.on()) {
            String range = "between 16 MB and VMALLOC_END " + Fmt.hex8(vmallocEnd) + " - (PAGE_OFFSET " + Fmt.hex8(pageOffset)
                    + " + 32 MB" + (mib ? " + VMALLOC_OFFSET 8 MB" : "") + ") = " + Sizes.human(max)
                    + ", so that at least 32 MB of lowmem remain";
            String read = Sizes.human(r.value() & M32);
            boot.log.add("vmalloc size", p.text() + ": early_vmalloc() " + (reserve == (r.value() & M32)
                    ? "takes " + read + " (the kernel keeps it " + range + ")"
                    : "limits " + read + " to " + Sizes.human(reserve) + " (it keeps the value " + range + ")") + ".",
                    era.vmallocMib.source("arch/arm/mm/mmu.c early_vmalloc()"));
        }
    }

    /**
     * The lowest virtual address lowmem may not reach, as the lowmem step reads it from the era's
     * variable: VMALLOC_MIN (VMALLOC_END - vmalloc_reserve), vmalloc_min, or VMALLOC_END - vmalloc_size
     * - VMALLOC_OFFSET. Records the steps that explain it.
     */
    long vmallocMin(Boot boot, ArmEra era) {
        long min = switch (rule) {
            case RESERVE -> (vmallocEnd - variable) & M32;
            case MIN_240 -> variable;
            case SIZE_240 -> (vmallocEnd - variable - vmallocOffset) & M32;
        };
        if (boot.log.on()) {
            if (!given) {
                boot.log.add("vmalloc size", "no vmalloc=: the default " + Sizes.human(size) + (rule == ArmEra.VmallocRule.RESERVE
                        ? " vmalloc_reserve" : " vmalloc area") + (boot.constants.pinned("VMALLOC_RESERVE")
                        ? " (pinned with -D VMALLOC_RESERVE)" : "") + ".", era.vmalloc240.source(rule.defaultSource));
            }
            String text = switch (rule) {
                case RESERVE -> "VMALLOC_MIN = VMALLOC_END " + Fmt.hex8(vmallocEnd) + " - vmalloc_reserve " + Sizes.human(size);
                case MIN_240 -> "vmalloc_min = VMALLOC_END " + Fmt.hex8(vmallocEnd) + " - " + Sizes.human(size)
                        + (given ? " (vmalloc=)" : " - VMALLOC_OFFSET " + Sizes.human(vmallocOffset));
                case SIZE_240 -> "vmalloc_min = VMALLOC_END " + Fmt.hex8(vmallocEnd) + " - vmalloc_size " + Sizes.human(size)
                        + " - VMALLOC_OFFSET " + Sizes.human(vmallocOffset);
            };
            String where = switch (rule) {
                case RESERVE -> "arch/arm/mm/mmu.c VMALLOC_MIN";
                case MIN_240 -> "arch/arm/mm/mmu.c vmalloc_min";
                case SIZE_240 -> "arch/arm/mm/mmu.c adjust_lowmem_bounds() vmalloc_min";
            };
            boot.log.add("vmalloc_min", text + " = " + Fmt.hex8(min) + ": lowmem must end at or below it.", rule.source(where));
        }
        return min;
    }
}
