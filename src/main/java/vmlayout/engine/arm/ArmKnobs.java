package vmlayout.engine.arm;

import vmlayout.config.KernelVersion;

/**
 * The era-dependent facts about ARM's tunables that {@code vmlayout suggest} needs to try changes: the
 * range early_vmalloc() accepts, the vmalloc= value the default corresponds to, whether VMALLOC_END is
 * per board, and which memory splits Kconfig offers. Kept here so that the release boundaries stay in
 * {@link ArmEra}.
 */
public final class ArmKnobs {

    private static final long SZ_16M = 16L << 20;
    private static final long SZ_32M = 32L << 20;
    private static final long VMALLOC_OFFSET = 8L << 20;
    /**
     * "3G/1G user/kernel split (for full 1G low memory)" (VMSPLIT_3G_OPT, PAGE_OFFSET 0xB0000000,
     * depends on !ARM_LPAE) first appears in 4.4-rc1 (raspberrypi/linux issue #5245 cites the
     * v4.3..v4.4-rc1 diff); 2.6.39.3's arch/arm/Kconfig has only 3G, 2G and 1G.
     */
    public static final KernelVersion VMSPLIT_3G_OPT = KernelVersion.of(4, 4);

    private ArmKnobs() {
    }

    /** The smallest vmalloc= early_vmalloc() keeps ("vmalloc area too small, limiting to 16MB"). */
    public static long vmallocParamMin() {
        return SZ_16M;
    }

    /**
     * The largest vmalloc= early_vmalloc() keeps: VMALLOC_END - (PAGE_OFFSET + 32 MB), minus
     * VMALLOC_OFFSET from the vmalloc_size rewrite (5.14).
     */
    public static long vmallocParamMax(KernelVersion v, long pageOffset, long vmallocEnd) {
        long max = vmallocEnd - (pageOffset + SZ_32M);
        return ArmEra.of(v).vmalloc == ArmEra.VmallocRule.SIZE_240 ? max - VMALLOC_OFFSET : max;
    }

    /**
     * The vmalloc= value that gives what the kernel does without one: 128 MB (vmalloc_reserve) up to
     * 3.3; 248 MB from 3.4 (vmalloc_min = VMALLOC_END - 240 MB - VMALLOC_OFFSET, while vmalloc=N gives
     * VMALLOC_END - N); 240 MB from 5.14 (vmalloc_size).
     */
    public static long vmallocParamDefault(KernelVersion v) {
        switch (ArmEra.of(v).vmalloc) {
            case RESERVE:
                return 128L << 20;
            case MIN_240:
                return (240L << 20) + VMALLOC_OFFSET;
            default:
                return 240L << 20;
        }
    }

    /** VMALLOC_END comes from the board's mach/vmalloc.h (before 3.4). */
    public static boolean vmallocEndPerBoard(KernelVersion v) {
        return ArmEra.of(v).perBoardVmallocEnd;
    }

    /** The memory splits arch/arm/Kconfig offers in this release (with or without LPAE), and their PAGE_OFFSET. */
    public static String[] splits(KernelVersion v, boolean lpae) {
        if (v.compareTo(VMSPLIT_3G_OPT) >= 0 && !lpae) {
            return new String[]{"VMSPLIT_3G", "VMSPLIT_3G_OPT", "VMSPLIT_2G", "VMSPLIT_1G"};
        }
        return new String[]{"VMSPLIT_3G", "VMSPLIT_2G", "VMSPLIT_1G"};
    }
}
