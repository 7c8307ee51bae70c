package vmlayout.engine.ppc;

import vmlayout.bootargs.MemParse;
import vmlayout.config.KernelVersion;

/**
 * What changes between 32-bit PowerPC kernel releases, decided once from the release number. Each
 * constant is the first release with the new behaviour; src/docs/ppc.md lists them with their evidence.
 * "Bracket" means the change was seen between two releases and the later one (the first release a
 * source was seen to have it) was chosen.
 */
final class PpcEra {

    // ---- memory setup (arch/powerpc/mm/init_32.c MMU_init, kernel/prom.c) ----
    /** The oldest release whose rules vmlayout has read (2.6.17; older releases get these rules). */
    static final KernelVersion OLDEST_MODELLED = KernelVersion.of(2, 6, 17);
    /** arch/ppc removed: from here every 32-bit board is arch/powerpc (PPC_MERGE). */
    static final KernelVersion ARCH_PPC_REMOVED = KernelVersion.of(2, 6, 27);
    /** memstart_addr: RAM need not start at physical 0 (2.6.24 has none; seen from 2.6.27, bracket 2.6.25-2.6.27). */
    static final KernelVersion MEMSTART_ADDR = KernelVersion.of(2, 6, 27);
    /** CONFIG_PAGE_OFFSET apart from CONFIG_KERNEL_START; the #error tests PAGE_OFFSET (bracket 2.6.25-2.6.27). */
    static final KernelVersion PAGE_OFFSET_OPTION = KernelVersion.of(2, 6, 27);
    /** processor.h "#error User TASK_SIZE overlaps with KERNEL_START address" (2.6.18 lacks it; bracket 2.6.19-2.6.27). */
    static final KernelVersion TASK_SIZE_CHECK = KernelVersion.of(2, 6, 27);
    /** The #error text names CONFIG_KERNEL_START instead of CONFIG_START_KERNEL (3.x old text; 5.2-era new; bracket). */
    static final KernelVersion ERROR_TEXT_KERNEL_START = KernelVersion.of(5, 2);
    /** "Only using first contiguous memory region" ends with a newline (pr_warn; 3.x without; bracket 3.x-5.2). */
    static final KernelVersion CONTIGUOUS_WARNING_NEWLINE = KernelVersion.of(5, 2);
    /** "powerpc/32: Allow fragmented physical memory" (Aug 2022): no more first-region-only rule (≈6.1). */
    static final KernelVersion FRAGMENTED_MEMORY = KernelVersion.of(6, 1);
    /** memparse learns T, P and E (lib/cmdline.c; same boundary as the ARM engine, believed 4.0). */
    static final KernelVersion MEMPARSE_TPE = KernelVersion.of(4, 0);

    // ---- fixmap and kmap (asm/fixmap.h, asm/highmem.h) ----
    /** Kumar Gala's powerpc fixmap port: a fixmap exists and PKMAP_BASE is fixmap-relative. */
    static final KernelVersion FIXMAP = KernelVersion.of(2, 6, 26);
    /**
     * f637a49e507c "powerpc: Minor cleanups of kernel virt address space definitions": FIXADDR_TOP is
     * -PAGE_SIZE, KVIRT_TOP/IOREMAP_TOP exist, ioremap_bot starts at IOREMAP_TOP, the consistent area
     * moves below KVIRT_TOP, and mem_init() prints the layout. The 128K early-debug fixmap slots are
     * taken to start here too (seen in 3.x; bracket 2.6.29-3.0).
     */
    static final KernelVersion LISTING_ADDED = KernelVersion.of(2, 6, 29);
    /** kmap_atomic stack rework: powerpc KM_TYPE_NR 16 instead of the enum km_type count 15. */
    static final KernelVersion KM_TYPE_NR_16 = KernelVersion.of(2, 6, 37);
    /** 8xx maps IMMR through a 512K-aligned fixmap area (believed 4.6, "Map IMMR area with 512k page"). */
    static final KernelVersion FIX_IMMR_8XX = KernelVersion.of(4, 6);
    /** 83xx maps IMMR through a 2M-aligned fixmap area (seen in a 5.8 fixmap.h; bracket 5.4-5.8). */
    static final KernelVersion FIX_IMMR_83XX = KernelVersion.of(5, 8);
    /** GENERIC_EARLY_IOREMAP: 16 FIX_BTMAP slots of 256K (posted Sep 2019; bracket 5.4-5.13). */
    static final KernelVersion FIX_BTMAP = KernelVersion.of(5, 5);
    /** 03fd42d458fb wrote SZ_128 for SZ_128K: the early-debug area is one page... */
    static final KernelVersion EARLY_DEBUG_SZ_128_BUG = KernelVersion.of(5, 8);
    /** ...until "powerpc/fixmap: Fix the size of the early debug area" (Aug 2020, Cc stable). */
    static final KernelVersion EARLY_DEBUG_SZ_128_FIXED = KernelVersion.of(5, 9);
    /** Generic kmap_local: FIX_KMAP slots are KM_MAX_IDX (16) per CPU. */
    static final KernelVersion KM_MAX_IDX = KernelVersion.of(5, 11);

    // ---- ioremap, consistent memory, vmalloc (asm/*32/pgtable.h) ----
    /** PPC32 KASAN: the kasan row, FIXADDR_TOP below the shadow, KVIRT_TOP = FIXADDR_START without HIGHMEM. */
    static final KernelVersion KASAN = KernelVersion.of(5, 2);
    /** "powerpc/mm: don't display empty early ioremap area"; consistent area and KVIRT_TOP gone (generic DMA remap). */
    static final KernelVersion EARLY_IOREMAP_ROW_IF_USED = KernelVersion.of(5, 4);
    /** book3s/32 STRICT_KERNEL_RWX && MODULES: high_memory rounded up to 256M for VMALLOC_START (believed 5.1, BATs for RWX). */
    static final KernelVersion RWX_VMALLOC_ALIGN = KernelVersion.of(5, 1);
    /** KASAN_SHADOW_END = -(-KASAN_SHADOW_START >> 3) instead of 0 (patch May 2020, Cc stable; bracket 5.7-5.8). */
    static final KernelVersion KASAN_SHADOW_END_FIXED = KernelVersion.of(5, 8);
    /** 6ca055322da8 "powerpc/32s: Use dedicated segment for modules with STRICT_KERNEL_RWX" (powerpc-5.9-1). */
    static final KernelVersion MODULES_SEGMENT = KernelVersion.of(5, 9);
    /** "powerpc/32s: Define a MODULE area below kernel text all the time" and the 8xx one (Apr 2021). */
    static final KernelVersion MODULES_ALWAYS = KernelVersion.of(5, 13);
    /** "powerpc/32: Display modules range in virtual memory layout" (applied Jun 2021). */
    static final KernelVersion MODULES_ROW = KernelVersion.of(5, 14);
    /** KASAN_VMALLOC selected when KASAN && MODULES (bracket 5.6-5.14). */
    static final KernelVersion KASAN_VMALLOC_SELECTED = KernelVersion.of(5, 14);
    /** "powerpc/32s: Reduce default size of module/execmem area": CONFIG_MODULES_SIZE (64 MB book3s/32, 32 MB 8xx). */
    static final KernelVersion MODULES_SIZE = KernelVersion.of(6, 12);
    /** 2bf3caa7cc3b "powerpc/32: Stop printing Kernel virtual memory layout" (powerpc-6.15-1). */
    static final KernelVersion LISTING_REMOVED = KernelVersion.of(6, 15);

    // ---- start_kernel() ----
    /** 86d1919a4fb0 "init: print out unknown kernel parameters": "Unknown command line parameters:%s". */
    static final KernelVersion UNKNOWN_PARAMS = KernelVersion.of(5, 14);
    /** "init: make unknown command line param message clearer" (5.16; also 5.15.3 stable). */
    static final KernelVersion UNKNOWN_PARAMS_CLEARER = KernelVersion.of(5, 16);
    static final KernelVersion UNKNOWN_PARAMS_CLEARER_STABLE = KernelVersion.of(5, 15, 3);

    final KernelVersion version;

    private PpcEra(KernelVersion v) {
        this.version = v;
    }

    static PpcEra of(KernelVersion v) {
        return new PpcEra(v);
    }

    boolean atLeast(KernelVersion boundary) {
        return version.compareTo(boundary) >= 0;
    }

    /** mem_init() prints "Kernel virtual memory layout:" in this release. */
    boolean printsListing() {
        return atLeast(LISTING_ADDED) && !atLeast(LISTING_REMOVED);
    }

    /** arch/ppc still exists, so a board may be built from it (-D PPC_MERGE=n). */
    boolean archPpcExists() {
        return !atLeast(ARCH_PPC_REMOVED);
    }

    boolean hasFixmap() {
        return atLeast(FIXMAP);
    }

    /** FIXADDR_TOP is the compile-time constant -PAGE_SIZE (a variable in 2.6.26-2.6.28). */
    boolean constantFixaddrTop() {
        return atLeast(LISTING_ADDED);
    }

    /** ioremap_bot starts at IOREMAP_TOP (2.6.29+), not at ioremap_base. */
    boolean ioremapTop() {
        return atLeast(LISTING_ADDED);
    }

    /** The consistent (non-coherent DMA) area exists: fixed at CONSISTENT_START before 2.6.29, below KVIRT_TOP to 5.3. */
    boolean consistentArea() {
        return !atLeast(EARLY_IOREMAP_ROW_IF_USED);
    }

    boolean firstRegionOnly() {
        return !atLeast(FRAGMENTED_MEMORY);
    }

    boolean earlyIoremapRowAlways() {
        return !atLeast(EARLY_IOREMAP_ROW_IF_USED);
    }

    /** The kernel lists unknown parameters after "Kernel command line:"; null when it does not. */
    String unknownParamsFormat() {
        if (atLeast(UNKNOWN_PARAMS_CLEARER) || (version.major() == 5 && version.minor() == 15
                && version.compareTo(UNKNOWN_PARAMS_CLEARER_STABLE) >= 0)) {
            return "Unknown kernel command line parameters \"%s\", will be passed to user space.";
        }
        if (atLeast(UNKNOWN_PARAMS)) {
            return "Unknown command line parameters: %s";
        }
        return null;
    }

    /** The #error text of arch/powerpc/mm/init_32.c (and arch/ppc/mm/init.c) for the LOWMEM_SIZE check. */
    String lowmemErrorText() {
        return atLeast(ERROR_TEXT_KERNEL_START)
                ? "#error \"You must adjust CONFIG_LOWMEM_SIZE or CONFIG_KERNEL_START\""
                : "#error \"You must adjust CONFIG_LOWMEM_SIZE or CONFIG_START_KERNEL\"";
    }

    MemParse.Suffixes suffixes() {
        return atLeast(MEMPARSE_TPE) ? MemParse.Suffixes.KMGTPE : MemParse.Suffixes.KMG;
    }
}
