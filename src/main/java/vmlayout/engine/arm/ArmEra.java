package vmlayout.engine.arm;

import vmlayout.bootargs.MemParse;
import vmlayout.config.KernelVersion;

/**
 * What changes between ARM kernel releases, decided once from the release number. Each boundary is
 * the first release with the new behaviour; src/docs/eras.md lists them with their sources.
 */
final class ArmEra {

    /** How lowmem and highmem are split (arch/arm/mm/mmu.c, or init.c in the oldest releases). */
    enum LowmemRule {
        /** 2.6.2x init.c check_membank_valid(): per-bank "%.8lx" messages, no highmem. */
        CHECK_MEMBANK_VALID,
        /** sanity_check_meminfo() on meminfo banks with __va() tests; "%.8lx" (unsigned long) texts. */
        SANITY_VA,
        /** The same with phys_addr_t and "%.8llx" texts. */
        SANITY_VA_LLX,
        /** The same plus banks above 4 GB (LPAE): "Ignoring RAM at ... (!CONFIG_HIGHMEM).". */
        SANITY_VA_LPAE,
        /** sanity_check_meminfo() with vmalloc_limit/size_limit: "(!CONFIG_HIGHMEM)." for every high bank. */
        SANITY_LIMIT,
        /** 3.16 memblock rewrite: "%pa" texts, "Truncating RAM at %pa-%pa to -%pa" without newline. */
        MEMBLOCK,
        /** The same, ending with "Consider using a HIGHMEM enabled kernel.". */
        MEMBLOCK_CONSIDER,
        /** adjust_lowmem_bounds(): silent truncation, "Ignoring RAM at %pa-%pa" + "Consider ...". */
        ADJUST_LOWMEM_BOUNDS
    }

    /** How the vmalloc area's size is set (early_vmalloc() and its default). */
    enum VmallocRule {
        /** vmalloc_reserve = 128 MB; VMALLOC_MIN = VMALLOC_END - vmalloc_reserve. */
        RESERVE,
        /** vmalloc_min = VMALLOC_END - 240 MB - VMALLOC_OFFSET; vmalloc=N gives VMALLOC_END - N. */
        MIN_240,
        /** vmalloc_size = 240 MB; limit = VMALLOC_END - vmalloc_size - VMALLOC_OFFSET; "MiB" texts. */
        SIZE_240
    }

    // ---- boundaries: the first release with the new behaviour. src/docs/eras.md gives the evidence for
    // each; "bracket" there means the change was seen between two releases and the later or the
    // likelier one was chosen. ----
    /** ARM highmem support and mmu.c sanity_check_meminfo() (believed 2.6.29). */
    static final KernelVersion SANITY_CHECK_MEMINFO = KernelVersion.of(2, 6, 29);
    /** The highmem start test becomes ">= vmalloc_min" (2.6.38.7 tree; 2.6.34 has ">"). */
    static final KernelVersion HIGHMEM_START_GE = KernelVersion.of(2, 6, 38);
    /** phys_addr_t banks: "%.8llx" texts, the TLB-broadcast reason gone (bracket 2.6.39-3.0). */
    static final KernelVersion PHYS_ADDR_T = KernelVersion.of(2, 6, 39);
    /** Banks above 4 GB: "(!CONFIG_HIGHMEM)." (bracket 3.2-3.4; LPAE arrived in 3.3). */
    static final KernelVersion LPAE_BANKS = KernelVersion.of(3, 3);
    /** vmalloc_limit / size_limit rewrite (bracket 3.7-3.11). */
    static final KernelVersion SIZE_LIMIT = KernelVersion.of(3, 11);
    /** "arm: Get rid of meminfo": memblock regions and "%pa" texts. */
    static final KernelVersion MEMBLOCK_TEXTS = KernelVersion.of(3, 16);
    /** "Consider using a HIGHMEM enabled kernel." (bracket 4.2-4.4; seen in a 4.2.8 tree). */
    static final KernelVersion CONSIDER_HIGHMEM = KernelVersion.of(4, 2);
    /** sanity_check_meminfo() becomes adjust_lowmem_bounds() (believed 4.12). */
    static final KernelVersion ADJUST_LOWMEM = KernelVersion.of(4, 12);
    /** mach/vmalloc.h gone: VMALLOC_END 0xff000000 for all, default 240 MB + 8 MB. */
    static final KernelVersion VMALLOC_GLOBAL = KernelVersion.of(3, 4);
    /** "ARM: 8432/1: move VMALLOC_END from 0xff000000 to 0xff800000" (4.2.8 still 0xff000000). */
    static final KernelVersion VMALLOC_END_FF8 = KernelVersion.of(4, 4);
    /** vmalloc_size and "MiB" texts (Russell King, May 2021). */
    static final KernelVersion VMALLOC_SIZE = KernelVersion.of(5, 14);
    /** "ARM: 8031/2: change fixmap mapping region to support 32 CPUs": 0xffc00000-0xffe00000. */
    static final KernelVersion FIXMAP_2M = KernelVersion.of(3, 15);
    /** Generic fixmap, 3 MB, the row prints FIXADDR_END (bracket 3.17-4.1). */
    static final KernelVersion FIXMAP_3M = KernelVersion.of(3, 19);
    /** mem_init() first prints the table (2.6.33 tree prints it; 2.6.32 does not). */
    static final KernelVersion TABLE_ADDED = KernelVersion.of(2, 6, 33);
    /** DTCM/ITCM rows under CONFIG_HAVE_TCM and .data from _sdata (2.6.38.7 tree). */
    static final KernelVersion TCM_ROWS = KernelVersion.of(2, 6, 38);
    /** The .bss row (bracket 2.6.39-3.0). */
    static final KernelVersion BSS_ROW = KernelVersion.of(2, 6, 39);
    /** .text printed before .init. */
    static final KernelVersion TEXT_FIRST = KernelVersion.of(3, 1);
    /** The DMA (consistent) row gone (bracket 3.2-3.6). */
    static final KernelVersion DMA_ROW_GONE = KernelVersion.of(3, 4);
    /** The modules row under #ifdef CONFIG_MODULES (bracket 3.2-3.6). */
    static final KernelVersion MODULES_IFDEF = KernelVersion.of(3, 4);
    /** %p hashing: section addresses print as "(ptrval)". */
    static final KernelVersion PTRVAL = KernelVersion.of(4, 15);
    /** "ARM: 8820/1: mm: Stop printing the virtual memory layout". */
    static final KernelVersion TABLE_REMOVED = KernelVersion.of(5, 1);
    /** memparse learns T, P and E (after 3.14.4; believed 4.0). */
    static final KernelVersion MEMPARSE_TPE = KernelVersion.of(4, 0);
    /** arm_add_memory(u64, u64) with the 32-bit physical space checks (LPAE, 3.3). */
    static final KernelVersion U64_ADD_MEMORY = KernelVersion.of(3, 3);
    /** arm_add_memory() refuses memory below PHYS_OFFSET (bracket 3.2-3.14). */
    static final KernelVersion BELOW_PHYS_OFFSET = KernelVersion.of(3, 14);
    /** "ARM: use default ioremap alignment for SMP or LPAE" (Sergey Dyasly, 22 Jan 2015; believed 4.0). */
    static final KernelVersion IOREMAP_ORDER_SMP = KernelVersion.of(4, 0);
    /**
     * adjust_lowmem_bounds() marks the unaligned head of the first usable region NOMAP: "ARM: 8903/1:
     * ensure that usable memory in bank 0 starts from a PMD-aligned address" (Mike Rapoport, upstream
     * 00d2ec1e6bd8), merged for 5.4 and taken into the stable releases 4.14.148, 4.19.78 and 5.3.5
     * (their announcements, 7-8 Oct 2019, list it). See {@link #hasFirstBankNomap}.
     */
    static final KernelVersion FIRST_BANK_NOMAP = KernelVersion.of(5, 4);

    /** 5.4 on, and the stable releases that took ARM 8903/1. */
    static boolean hasFirstBankNomap(KernelVersion v) {
        if (v.compareTo(FIRST_BANK_NOMAP) >= 0) {
            return true;
        }
        return v.major() == 4 && v.minor() == 14 && v.patch() >= 148
                || v.major() == 4 && v.minor() == 19 && v.patch() >= 78
                || v.major() == 5 && v.minor() == 3 && v.patch() >= 5;
    }
    /**
     * "drivers: of: add initialization code for static reserved memory" (Marek Szyprowski, Feb 2014):
     * /reserved-memory is read from 3.15.
     */
    static final KernelVersion RESERVED_MEMORY = KernelVersion.of(3, 15);
    /** "fdt: Properly handle "no-map" field in the memory region" (upstream 86588296acbf, Jan 2021): 5.12. */
    static final KernelVersion NOMAP_MARKED = KernelVersion.of(5, 12);

    /** What happens to a device tree /reserved-memory region marked no-map. */
    enum NoMapRule {
        /** Before 3.15 the kernel does not read /reserved-memory at all. */
        IGNORED,
        /**
         * 3.15-4.11: arm_memblock_init() -> early_init_fdt_scan_reserved_mem() memblock_remove()s the
         * region after sanity_check_meminfo() set the lowmem limit: a hole, the limit unchanged.
         */
        HOLE_AFTER_LIMIT,
        /**
         * 4.12-5.11: removed the same way, but setup_arch() calls adjust_lowmem_bounds() again after
         * arm_memblock_init() ("Memory may have been removed so recalculate the bounds."): the limit is
         * computed without the region.
         */
        REMOVED_BEFORE_RECALC,
        /**
         * 5.12 on: drivers/of/fdt.c early_init_dt_reserve_memory_arch() marks it MEMBLOCK_NOMAP instead
         * ("fdt: Properly handle "no-map" field in the memory region", 86588296acbf); the second
         * adjust_lowmem_bounds() skips NOMAP regions (for_each_mem_range(), "ARM: 8904/1: skip nomap
         * memblocks while finding the lowmem/highmem boundary", 5.4) but memblock_end_of_DRAM() still
         * counts them.
         */
        MARKED_BEFORE_RECALC
    }

    final KernelVersion version;
    final LowmemRule lowmem;
    final VmallocRule vmalloc;
    /** VMALLOC_END is board-specific (mach/vmalloc.h) in this release. */
    final boolean perBoardVmallocEnd;
    final long vmallocEnd;
    final long fixaddrStart;
    /** The fixmap row's printed end: FIXADDR_TOP before 4.0, FIXADDR_END from 4.0. */
    final long fixmapPrintedEnd;
    final boolean fixmapPrintsEnd;
    final boolean printsTable;
    final boolean bssRow;
    final boolean textFirst;
    /** DTCM/ITCM rows exist (under CONFIG_HAVE_TCM) and .data starts at _sdata. */
    final boolean tcmRows;
    /** The HIGHMEM bank test is "__va(start) >= vmalloc_min" (">" before). */
    final boolean highmemStartGe;
    final boolean dmaRow;
    final boolean modulesIfdef;
    final boolean ptrval;
    final MemParse.Suffixes suffixes;
    /** arm_add_memory() drops or clips memory below PHYS_OFFSET, with a message. */
    final boolean belowPhysOffsetCheck;
    /** meminfo banks (not merged, NR_BANKS slots) rather than memblock regions (merged). */
    final boolean meminfo;
    /** early_mem()/arm_add_memory() work in 64 bits and refuse RAM beyond 32-bit physical space. */
    final boolean u64AddMemory;
    /** adjust_lowmem_bounds() marks the unaligned head of the first bank NOMAP. */
    final boolean firstBankNomap;
    final NoMapRule noMap;

    private ArmEra(KernelVersion v) {
        this.version = v;
        if (v.compareTo(SANITY_CHECK_MEMINFO) < 0) {
            lowmem = LowmemRule.CHECK_MEMBANK_VALID;
        } else if (v.compareTo(PHYS_ADDR_T) < 0) {
            lowmem = LowmemRule.SANITY_VA;
        } else if (v.compareTo(LPAE_BANKS) < 0) {
            lowmem = LowmemRule.SANITY_VA_LLX;
        } else if (v.compareTo(SIZE_LIMIT) < 0) {
            lowmem = LowmemRule.SANITY_VA_LPAE;
        } else if (v.compareTo(MEMBLOCK_TEXTS) < 0) {
            lowmem = LowmemRule.SANITY_LIMIT;
        } else if (v.compareTo(CONSIDER_HIGHMEM) < 0) {
            lowmem = LowmemRule.MEMBLOCK;
        } else if (v.compareTo(ADJUST_LOWMEM) < 0) {
            lowmem = LowmemRule.MEMBLOCK_CONSIDER;
        } else {
            lowmem = LowmemRule.ADJUST_LOWMEM_BOUNDS;
        }
        if (v.compareTo(VMALLOC_GLOBAL) < 0) {
            vmalloc = VmallocRule.RESERVE;
        } else if (v.compareTo(VMALLOC_SIZE) < 0) {
            vmalloc = VmallocRule.MIN_240;
        } else {
            vmalloc = VmallocRule.SIZE_240;
        }
        perBoardVmallocEnd = v.compareTo(VMALLOC_GLOBAL) < 0;
        vmallocEnd = v.compareTo(VMALLOC_END_FF8) < 0 ? 0xff000000L : 0xff800000L;
        if (v.compareTo(FIXMAP_2M) < 0) {
            fixaddrStart = 0xfff00000L;
            fixmapPrintedEnd = 0xfffe0000L;
            fixmapPrintsEnd = false;
        } else if (v.compareTo(FIXMAP_3M) < 0) {
            fixaddrStart = 0xffc00000L;
            fixmapPrintedEnd = 0xffe00000L;
            fixmapPrintsEnd = false;
        } else {
            fixaddrStart = 0xffc00000L;
            fixmapPrintedEnd = 0xfff00000L;
            fixmapPrintsEnd = true;
        }
        printsTable = v.compareTo(TABLE_ADDED) >= 0 && v.compareTo(TABLE_REMOVED) < 0;
        bssRow = v.compareTo(BSS_ROW) >= 0;
        textFirst = v.compareTo(TEXT_FIRST) >= 0;
        tcmRows = v.compareTo(TCM_ROWS) >= 0;
        highmemStartGe = v.compareTo(HIGHMEM_START_GE) >= 0;
        dmaRow = v.compareTo(DMA_ROW_GONE) < 0;
        modulesIfdef = v.compareTo(MODULES_IFDEF) >= 0;
        ptrval = v.compareTo(PTRVAL) >= 0;
        suffixes = v.compareTo(MEMPARSE_TPE) < 0 ? MemParse.Suffixes.KMG : MemParse.Suffixes.KMGTPE;
        belowPhysOffsetCheck = v.compareTo(BELOW_PHYS_OFFSET) >= 0;
        meminfo = v.compareTo(MEMBLOCK_TEXTS) < 0;
        firstBankNomap = hasFirstBankNomap(v);
        u64AddMemory = v.compareTo(U64_ADD_MEMORY) >= 0;
        if (v.compareTo(RESERVED_MEMORY) < 0) {
            noMap = NoMapRule.IGNORED;
        } else if (v.compareTo(ADJUST_LOWMEM) < 0) {
            noMap = NoMapRule.HOLE_AFTER_LIMIT;
        } else if (v.compareTo(NOMAP_MARKED) < 0) {
            noMap = NoMapRule.REMOVED_BEFORE_RECALC;
        } else {
            noMap = NoMapRule.MARKED_BEFORE_RECALC;
        }
    }

    static ArmEra of(KernelVersion v) {
        return new ArmEra(v);
    }
}
