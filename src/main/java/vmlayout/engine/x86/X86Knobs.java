package vmlayout.engine.x86;

import vmlayout.config.KernelVersion;

/**
 * The era-dependent facts about x86_32's tunables that {@code vmlayout suggest} needs: what vmalloc=
 * value corresponds to a vmalloc reserve, which memory splits and highmem choices Kconfig offers.
 */
public final class X86Knobs {

    private X86Knobs() {
    }

    /** The vmalloc= value that gives __VMALLOC_RESERVE {@code reserve}: from 2.6.28 parse_vmalloc() adds VMALLOC_OFFSET. */
    public static long vmallocParamFor(KernelVersion v, long reserve) {
        return X86Era.of(v).newVmallocFormula.holds() ? reserve - X86Fixmap.VMALLOC_OFFSET : reserve;
    }

    /** The least lowmem the kernel keeps when highmem= asks for highmem (lowmem_pfn_init()): 64 MB. */
    public static long minLowmem() {
        return X86Lowmem.MIN_LOWMEM;
    }

    /** CONFIG_HIGHMEM64G exists (removed in 6.15). */
    public static boolean hasHighmem64g(KernelVersion v) {
        return X86Era.of(v).highmem64gExists;
    }

    /** The "Memory split" choice of arch/x86/Kconfig; the _OPT ones depend on !X86_PAE. */
    public static String[] splits(boolean pae) {
        return pae ? new String[]{"VMSPLIT_3G", "VMSPLIT_2G", "VMSPLIT_1G"}
                : new String[]{"VMSPLIT_3G", "VMSPLIT_3G_OPT", "VMSPLIT_2G", "VMSPLIT_2G_OPT", "VMSPLIT_1G"};
    }
}
