package vmlayout.engine.ppc;

import java.util.ArrayList;
import java.util.List;
import vmlayout.bootargs.MemParse;
import vmlayout.config.Checked;
import vmlayout.config.Era;
import vmlayout.config.Fact;
import vmlayout.config.KernelVersion;
import vmlayout.config.Releases;

/**
 * What changes between 32-bit PowerPC kernel releases, decided once from the release number: every
 * release-dependent decision of the powerpc engine is a named fact here. Each boundary is the first
 * release with the new behaviour, its comment the evidence; src/docs/eras.md lists them (ErasDocTest
 * keeps the two in step).
 * "Bracket" means the change was seen between two releases and the later one (the first release a
 * source was seen to have it) was chosen.
 */
final class PpcEra extends Era {

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
    /**
     * e939da89d024 "powerpc: Remove 40x from Kconfig and defconfig" with 47d13a269bbd "powerpc/40x: Remove
     * 40x platforms." and 732b32daef80 "powerpc: Remove core support for 40x" (Michael Ellerman, Christophe
     * Leroy; v3 of 28 Jun 2024): the powerpc-6.11-1 pull of 19 Jul 2024, "powerpc updates for 6.11 /
     * - Remove support for 40x CPUs & platforms.". From 6.11 no kernel can be built for a 40x.
     */
    static final KernelVersion PPC_40X_REMOVED = KernelVersion.of(6, 11);

    /**
     * 370d841929c3 "powerpc/32: Automatically adapt TASK_SIZE based on constraints" (Christophe Leroy, v5
     * 6/7 of 24 Dec 2025; in the powerpc-7.0-1 pull, based on 6.19-rc4): arch/powerpc/Kconfig drops
     * {@code default "0xb0000000" if PPC_BOOK3S_32 && EXECMEM} (CONFIG_TASK_SIZE is 0xc0000000 there too,
     * 0x80000000 on 8xx), and task_size_32.h clamps instead of failing the build:
     * {@code #if CONFIG_TASK_SIZE < USER_TOP / TASK_SIZE CONFIG_TASK_SIZE / #else USER_TOP}, with USER_TOP =
     * MODULES_BASE = MODULES_VADDR & ~(SZ_256M - 1) on book3s/32 (MODULES_END = CONFIG_PAGE_OFFSET &
     * ~(SZ_256M - 1)), MODULES_VADDR & ~(SZ_4M - 1) on 8xx (MODULES_END = CONFIG_PAGE_OFFSET), else
     * CONFIG_PAGE_OFFSET. The "#error User TASK_SIZE overlaps with KERNEL_START address" stays; the
     * BUILD_BUG_ON()s of TASK_SIZE against MODULES_VADDR (book3s32/mmu.c, mm/mem.c, nohash/8xx.c) go.
     */
    static final KernelVersion TASK_SIZE_ADAPTS = KernelVersion.of(7, 0);

    /**
     * How far the powerpc facts reach (src/docs/eras.md, "How far the facts reach"): 6.11 (40x removed),
     * 6.15 (listing removed) and 7.0 ({@link #TASK_SIZE_ADAPTS}) above. 7.0: the powerpc-7.0-1 pull
     * (Madhavan Srinivasan, "powerpc updates for 7.0", from 6.19-rc4): its whole diffstat changes, for
     * 32-bit memory, only TASK_SIZE (arch/powerpc/Kconfig "3 +-", task_size_32.h, the BUILD_BUG_ON()s) and
     * "powerpc/32s: Fix segments setup when TASK_SIZE is not a multiple of 256M"; LOWMEM_SIZE, PAGE_OFFSET,
     * KERNEL_START, the fixmap and KASAN untouched. Before it: the arch/powerpc/Kconfig of the 6.19 cycle
     * in the context of the powerpc hunk of Arnd Bergmann's "arch/*: increase lowmem size to avoid highmem
     * use" (19 Dec 2025, index 9537a61ebae0): LOWMEM_SIZE "0x30000000", PAGE_OFFSET "0xc0000000",
     * KERNEL_START "0xc2000000" if CRASH_DUMP && !NONSTATIC_KERNEL else "0xc0000000"; boot logs of 6.8-rc7
     * and 6.9.3 (testdata/ppc). That series is in no release the index reaches (mail to Linux 7.1.3, July
     * 2026: v1 only, its PAGE_OFFSET line in no tree; research notes: eras-7x.md).
     */
    static final Checked CHECKED = new Checked(KernelVersion.of(7, 0),
            "the 6.11, 6.15 and 7.0 changes, the whole powerpc-7.0-1 pull, boot logs of 6.8-rc7 and 6.9.3",
            "whether it changed the LOWMEM_SIZE and PAGE_OFFSET defaults: \"mm: increase lowmem size\" (posted for"
                    + " 7.0 in December 2025: LOWMEM_SIZE 0x80000000 and PAGE_OFFSET 0x70000000 with HIGHMEM, else"
                    + " 0x40000000 and 0xb0000000) is in no release vmlayout found (v1 only, in mail to July 2026),"
                    + " so 0x30000000 and 0xc0000000 stay vmlayout's defaults; pin -D LOWMEM_SIZE= -D PAGE_OFFSET="
                    + " from your .config");

    // ---- reserve_crashkernel() (arch/powerpc/kernel/machine_kexec.c, kexec/core.c from 5.7) ----
    /**
     * Pingfan Liu, "powerpc/crashkernel: take "mem=" option into account" (v4 on arch/powerpc/kexec/core.c,
     * linuxppc-dev/kexec 2020): crashkernel= is matched against memory_limit ?: memblock_phys_mem_size(), and the
     * line's "System RAM" is that value (believed 5.7, the release kexec/core.c appeared in). Before: all of
     * memblock, mem= or not (reserve_crashkernel() runs before memblock_enforce_memory_limit()).
     */
    static final KernelVersion CRASH_TOTAL_IS_LIMIT = KernelVersion.of(5, 7);
    /**
     * reserve_crashkernel() under CONFIG_CRASH_RESERVE instead of CONFIG_KEXEC(_CORE) (Baoquan He's crash
     * Kconfig split, Jan 2024; the torvalds/linux arch/powerpc/kexec/core.c read has #ifdef CONFIG_CRASH_RESERVE).
     */
    static final KernelVersion CRASH_RESERVE = KernelVersion.of(6, 9);
    /**
     * Sourabh Jain's patch to arch/powerpc/kexec/core.c that deletes the "Crash kernel trumps memory limit" block and its
     * "Adjusted memory limit for crashkernel, now 0x%llx" (patch mail with git 2.47.1, early 2025; believed 6.15; the
     * torvalds/linux kexec/core.c read has no such block). The same change ("powerpc/crash: use generic crashkernel
     * reservation") makes arch_reserve_crashkernel() hand the range to reserve_crashkernel_generic() (torvalds/linux
     * arch/powerpc/kexec/core.c: get_crash_base(), the overlap check, then reserve_crashkernel_generic(crash_size,
     * crash_base, 0, false); asm/crash_reserve.h CRASH_ALIGN PAGE_SIZE): its lines are the generic ones.
     */
    static final KernelVersion CRASH_TRUMPS_LIMIT_REMOVED = KernelVersion.of(6, 15);

    // ---- start_kernel() ----
    /** 86d1919a4fb0 "init: print out unknown kernel parameters": "Unknown command line parameters:%s". */
    static final KernelVersion UNKNOWN_PARAMS = KernelVersion.of(5, 14);
    /** "init: make unknown command line param message clearer" (5.16; also 5.15.3 stable). */
    static final KernelVersion UNKNOWN_PARAMS_CLEARER = KernelVersion.of(5, 16);
    static final KernelVersion UNKNOWN_PARAMS_CLEARER_STABLE = KernelVersion.of(5, 15, 3);

    // ---- the facts of this release ----
    /** Older than the oldest release vmlayout has read: computed with the rules of {@link #OLDEST_MODELLED}. */
    final boolean beforeModelled;
    /** arch/ppc still exists, so a board may be built from it (-D PPC_MERGE=n). */
    final Fact archPpcExists;
    /** memstart_addr: RAM need not start at physical 0. */
    final boolean memstartAddr;
    /** CONFIG_PAGE_OFFSET apart from CONFIG_KERNEL_START (before, PAGE_OFFSET is KERNELBASE). */
    final Fact pageOffsetOption;
    /** The TASK_SIZE #error of processor.h (later task_size_32.h). */
    final boolean taskSizeCheck;
    /** "Only using first contiguous memory region" ends with a newline. */
    final boolean contiguousWarningNewline;
    /** MMU_init() keeps only the first contiguous memory region (before "Allow fragmented physical memory"). */
    final Fact firstRegionOnly;
    final MemParse.Suffixes suffixes;
    /** A fixmap exists and PKMAP_BASE is fixmap-relative. */
    final boolean fixmap;
    /** mem_init() prints "Kernel virtual memory layout:" in this release. */
    final boolean printsListing;
    /** Before {@link #LISTING_ADDED}: the listing is shown in its first form. */
    final boolean listingNotYet;
    /**
     * From {@link #LISTING_ADDED}: FIXADDR_TOP is the compile-time constant -PAGE_SIZE (a variable in
     * 2.6.26-2.6.28), ioremap_bot starts at IOREMAP_TOP (not ioremap_base), the early-debug fixmap slots.
     */
    final boolean kvirtTop;
    final boolean kmTypeNr16;
    final boolean fixImmr8xx;
    final boolean fixImmr83xx;
    final boolean fixBtmap;
    /** The early-debug fixmap area is one page (SZ_128 for SZ_128K) in 5.8. */
    final boolean earlyDebugSz128Bug;
    final boolean kmMaxIdx;
    final boolean kasan;
    /** The consistent (non-coherent DMA) area exists and the early ioremap row is always printed (to 5.3). */
    final boolean consistentArea;
    /** book3s/32 offers STRICT_KERNEL_RWX with its 256 MB vmalloc alignment (5.1-5.12). */
    final boolean strictRwxChoice;
    final boolean kasanShadowEndFixed;
    /** book3s/32 modules in their own segment below the kernel with STRICT_KERNEL_RWX. */
    final Fact modulesSegment;
    /** A MODULE area below the kernel text all the time (book3s/32 and 8xx). */
    final boolean modulesAlways;
    final boolean modulesRow;
    final boolean kasanVmallocSelected;
    /** CONFIG_MODULES_SIZE. */
    final boolean modulesSize;
    /** TASK_SIZE is CONFIG_TASK_SIZE clamped to USER_TOP, and book3s/32's Kconfig default is 0xc0000000. */
    final Fact taskSizeAdapts;
    /** The kernel lists unknown parameters after "Kernel command line:" in this format; null when it does not. */
    final String unknownParamsFormat;
    /** The #error text of arch/powerpc/mm/init_32.c (and arch/ppc/mm/init.c) for the LOWMEM_SIZE check. */
    final String lowmemErrorText;
    /** Kconfig still offers the 40x processor family. */
    final boolean has40x;
    /** reserve_crashkernel()'s System RAM: memory_limit ?: memblock_phys_mem_size() (else memblock's). */
    final boolean crashTotalIsLimit;
    /** The Kconfig symbol that builds reserve_crashkernel(): KEXEC, or CRASH_RESERVE from 6.9. */
    final String crashKconfig;
    /** A crash kernel above mem= raises memory_limit ("Adjusted memory limit for crashkernel"). */
    final Fact crashTrumpsLimit;
    /** reserve_crashkernel_generic() places it and prints "crashkernel reserved: ..." (6.15+). */
    final boolean crashGeneric;
    /** Newer than {@link #CHECKED}: computed with its rules, and a note says so. */
    final boolean pastChecked;

    private PpcEra(KernelVersion v) {
        super(v);
        beforeModelled = !since(OLDEST_MODELLED);
        archPpcExists = Fact.until(ARCH_PPC_REMOVED, v);
        memstartAddr = since(MEMSTART_ADDR);
        pageOffsetOption = fact(PAGE_OFFSET_OPTION);
        taskSizeCheck = since(TASK_SIZE_CHECK);
        contiguousWarningNewline = since(CONTIGUOUS_WARNING_NEWLINE);
        firstRegionOnly = Fact.until(FRAGMENTED_MEMORY, v);
        suffixes = since(MEMPARSE_TPE) ? MemParse.Suffixes.KMGTPE : MemParse.Suffixes.KMG;
        fixmap = since(FIXMAP);
        printsListing = since(LISTING_ADDED) && !since(LISTING_REMOVED);
        listingNotYet = !since(LISTING_ADDED);
        kvirtTop = since(LISTING_ADDED);
        kmTypeNr16 = since(KM_TYPE_NR_16);
        fixImmr8xx = since(FIX_IMMR_8XX);
        fixImmr83xx = since(FIX_IMMR_83XX);
        fixBtmap = since(FIX_BTMAP);
        earlyDebugSz128Bug = since(EARLY_DEBUG_SZ_128_BUG) && !since(EARLY_DEBUG_SZ_128_FIXED);
        kmMaxIdx = since(KM_MAX_IDX);
        kasan = since(KASAN);
        consistentArea = !since(EARLY_IOREMAP_ROW_IF_USED);
        strictRwxChoice = since(RWX_VMALLOC_ALIGN) && !since(MODULES_ALWAYS);
        kasanShadowEndFixed = since(KASAN_SHADOW_END_FIXED);
        modulesSegment = fact(MODULES_SEGMENT);
        crashTotalIsLimit = since(CRASH_TOTAL_IS_LIMIT);
        crashKconfig = since(CRASH_RESERVE) ? "CRASH_RESERVE" : "KEXEC";
        crashTrumpsLimit = Fact.until(CRASH_TRUMPS_LIMIT_REMOVED, v);
        crashGeneric = since(CRASH_TRUMPS_LIMIT_REMOVED);
        modulesAlways = since(MODULES_ALWAYS);
        modulesRow = since(MODULES_ROW);
        kasanVmallocSelected = since(KASAN_VMALLOC_SELECTED);
        modulesSize = since(MODULES_SIZE);
        taskSizeAdapts = fact(TASK_SIZE_ADAPTS);
        has40x = !since(PPC_40X_REMOVED);
        pastChecked = pastChecked(CHECKED);
        if (since(UNKNOWN_PARAMS_CLEARER) || (v.major() == 5 && v.minor() == 15 && since(UNKNOWN_PARAMS_CLEARER_STABLE))) {
            unknownParamsFormat = "Unknown kernel command line parameters \"%s\", will be passed to user space.";
        } else if (since(UNKNOWN_PARAMS)) {
            unknownParamsFormat = "Unknown command line parameters: %s";
        } else {
            unknownParamsFormat = null;
        }
        lowmemErrorText = since(ERROR_TEXT_KERNEL_START)
                ? "#error \"You must adjust CONFIG_LOWMEM_SIZE or CONFIG_KERNEL_START\""
                : "#error \"You must adjust CONFIG_LOWMEM_SIZE or CONFIG_START_KERNEL\"";
    }

    /**
     * The facts of this release a computation past {@link #CHECKED} rests on without their being checked for
     * the newer release: the note past CHECKED names them (issue 21), each with the releases it is known for.
     */
    List<String> carriedFacts() {
        List<String> out = new ArrayList<>();
        out.add("the Kconfig defaults LOWMEM_SIZE 0x30000000, PAGE_OFFSET and KERNEL_START 0xc0000000");
        if (modulesSize) {
            out.add("CONFIG_MODULES_SIZE's module area (" + Releases.since(MODULES_SIZE) + ")");
        }
        if (kmMaxIdx && fixBtmap) {
            out.add("the fixmap's kmap_local slots (" + Releases.since(KM_MAX_IDX) + ") and early ioremap slots ("
                    + Releases.since(FIX_BTMAP) + ")");
        }
        if (kasanShadowEndFixed) {
            out.add("the KASAN shadow bounds (" + Releases.since(KASAN_SHADOW_END_FIXED) + ")");
        }
        out.add(taskSizeAdapts.source("TASK_SIZE from task_size_32.h"));
        out.add("the texts of the lines shown as the kernel's");
        return out;
    }

    private static final Era.Last<PpcEra> LAST = new Era.Last<>();

    static PpcEra of(KernelVersion v) {
        PpcEra e = LAST.of(v);
        return e != null ? e : LAST.keep(new PpcEra(v));
    }
}
