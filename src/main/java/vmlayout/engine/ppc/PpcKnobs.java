package vmlayout.engine.ppc;

import vmlayout.config.KernelVersion;

/** The era-dependent facts about 32-bit powerpc's tunables that {@code vmlayout suggest} needs. */
public final class PpcKnobs {

    /** Lowmem must end at or below this address (the LOWMEM_SIZE #error of init_32.c). */
    public static final long LOWMEM_CEILING = PpcConfig.LOWMEM_CEILING;

    private PpcKnobs() {
    }

    /** CONFIG_PAGE_OFFSET is its own option (2.6.27); before, PAGE_OFFSET is KERNELBASE = CONFIG_KERNEL_START. */
    public static boolean pageOffsetOption(KernelVersion v) {
        return PpcEra.of(v).pageOffsetOption.holds();
    }
}
