package vmlayout.engine.arm;

import vmlayout.config.KernelVersion;

/**
 * The era-dependent facts about ARM's tunables that {@code vmlayout suggest} needs to try changes: the
 * range early_vmalloc() accepts, the vmalloc= value the default corresponds to, whether VMALLOC_END is
 * per board, and which memory splits Kconfig offers. Kept here so that the release boundaries stay in
 * {@link ArmEra}.
 */
public final class ArmKnobs {

    private ArmKnobs() {
    }

    /** The smallest vmalloc= early_vmalloc() keeps ("vmalloc area too small, limiting to 16MB"). */
    public static long vmallocParamMin() {
        return ArmVmalloc.paramMin();
    }

    /**
     * The largest vmalloc= early_vmalloc() keeps: VMALLOC_END - (PAGE_OFFSET + 32 MB), minus
     * VMALLOC_OFFSET from the vmalloc_size rewrite (5.14).
     */
    public static long vmallocParamMax(KernelVersion v, long pageOffset, long vmallocEnd) {
        return ArmVmalloc.paramMax(ArmEra.of(v).vmalloc, pageOffset, vmallocEnd, ArmVmalloc.VMALLOC_OFFSET);
    }

    /**
     * The vmalloc= value that gives what the kernel does without one: 128 MB (vmalloc_reserve) up to
     * 3.3; 248 MB from 3.4 (vmalloc_min = VMALLOC_END - 240 MB - VMALLOC_OFFSET, while vmalloc=N gives
     * VMALLOC_END - N); 240 MB from 5.14 (vmalloc_size).
     */
    public static long vmallocParamDefault(KernelVersion v) {
        return ArmVmalloc.paramDefault(ArmEra.of(v).vmalloc);
    }

    /** VMALLOC_END comes from the board's mach/vmalloc.h (before 3.4). */
    public static boolean vmallocEndPerBoard(KernelVersion v) {
        return ArmEra.of(v).perBoardVmallocEnd;
    }

    /** The memory splits arch/arm/Kconfig offers in this release (with or without LPAE), and their PAGE_OFFSET. */
    public static String[] splits(KernelVersion v, boolean lpae) {
        if (ArmEra.of(v).vmsplit3gOpt && !lpae) {
            return new String[]{"VMSPLIT_3G", "VMSPLIT_3G_OPT", "VMSPLIT_2G", "VMSPLIT_1G"};
        }
        return new String[]{"VMSPLIT_3G", "VMSPLIT_2G", "VMSPLIT_1G"};
    }
}
