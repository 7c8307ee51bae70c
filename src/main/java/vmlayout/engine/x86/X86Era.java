package vmlayout.engine.x86;

import vmlayout.bootargs.MemParse;
import vmlayout.config.KernelVersion;

/**
 * What changes between i386 / x86_32 kernel releases, decided once from the release number. Each
 * boundary is the first release with the new behaviour; src/docs/x86.md lists them with their evidence.
 * "Bracket" means the change was seen between two releases and the named one was chosen (the first
 * release in which the new behaviour was verified, unless the comment says otherwise).
 */
final class X86Era {

    /** How the lowmem/highmem split is written and worded. */
    enum SplitTexts {
        /** setup.c find_max_low_pfn(), "Use a PAE enabled kernel." (up to 2.6.23). */
        FIND_MAX_LOW_PFN_PAE,
        /** The same with "Use a HIGHMEM64G enabled kernel." (2.6.24 setup_32.c). */
        FIND_MAX_LOW_PFN,
        /** init_32.c find_low_pfn_range() in one piece: KERN_WARNING, the 4GB text on one line. */
        FIND_LOW_PFN_RANGE,
        /** lowmem_pfn_init() / highmem_pfn_init() with the MSG_* texts. */
        PFN_INIT,
        /** The same after HIGHMEM64G was removed ("Support for for CONFIG_HIGHMEM64G was removed!"). */
        PFN_INIT_NO_64G
    }

    /** How mem= and memmap= are parsed and applied. */
    enum ParamRule {
        /** 2.6.19-2.6.26 setup.c / e820_32.c: limit_regions(), no sanitize, no error returns. */
        LIMIT_REGIONS,
        /** e820.c parse_memopt()/parse_memmap_opt(): e820_remove_range(), one item per memmap=. */
        REMOVE_RANGE,
        /** parse_memmap_one() under a comma-splitting parse_memmap_opt() that always returns 0. */
        COMMA_LIST
    }

    /** reserve_top_address() (reservetop=). */
    enum ReservetopRule {
        /** __FIXADDR_TOP = -reserve - PAGE_SIZE and __VMALLOC_RESERVE += reserve; no message. */
        SILENT_ADDS_RESERVE,
        /** The same with "Reserving virtual address space above 0x%08x". */
        ADDS_RESERVE,
        /** __FIXADDR_TOP = -reserve - PAGE_SIZE, the vmalloc reserve unchanged. */
        TOP_ONLY,
        /** Rounded down to a PMD: "... above 0x%08lx (rounded to 0x%08lx)". */
        ROUNDED
    }

    // ---- boundaries ----
    /** The "virtual kernel memory layout:" table (Aug 2006 __FIXADDR_TOP patch; a 2.6.19 log prints it). */
    static final KernelVersion TABLE_ADDED = KernelVersion.of(2, 6, 19);
    /** reserve_top_address() prints "Reserving virtual address space above" (Dec 2006 paravirt patch; inferred 2.6.21). */
    static final KernelVersion RESERVETOP_PRINTK = KernelVersion.of(2, 6, 21);
    /** "Use a HIGHMEM64G enabled kernel." replaces "Use a PAE enabled kernel." (bracket 2.6.23-2.6.24). */
    static final KernelVersion HIGHMEM64G_TEXT = KernelVersion.of(2, 6, 24);
    /**
     * The unified arch/x86/kernel/e820.c on 32-bit (bracket 2.6.25-2.6.27, inferred 2.6.27): mem= through
     * e820_remove_range(), memmap= error returns, the user map sanitized, "(unusable)", e820_end_pfn()
     * with MAX_ARCH_PFN and its "last_pfn = " line, and init_32.c find_low_pfn_range().
     */
    static final KernelVersion E820_UNIFIED = KernelVersion.of(2, 6, 27);
    /** MAXMEM from VMALLOC_END, VMALLOC_START = high_memory + 8 MB, vmalloc= + 8 MB (logs: 2.6.27 old, 2.6.28 new). */
    static final KernelVersion VMALLOC_FIX = KernelVersion.of(2, 6, 28);
    /** reserve_top_address() no longer adds to __VMALLOC_RESERVE (x86 pgtable.c form; bracket 2.6.26-2.6.28). */
    static final KernelVersion RESERVETOP_TOP_ONLY = KernelVersion.of(2, 6, 28);
    /** lowmem_pfn_init()/highmem_pfn_init() and the MSG_* texts (bracket 2.6.29-2.6.32, inferred 2.6.30). */
    static final KernelVersion PFN_INIT_SPLIT = KernelVersion.of(2, 6, 30);
    /** KM_TYPE_NR 20 (asm-generic kmap_types.h) instead of the i386 13 (approximate, for the default fixmap). */
    static final KernelVersion KM_TYPE_NR_20 = KernelVersion.of(2, 6, 31);
    /** mem=0 / mem=garbage returns -EINVAL (bracket 2.6.32-3.3: absent in a 2.6.32-era e820.c, present in 3.6). */
    static final KernelVersion MEM_ZERO_CHECK = KernelVersion.of(2, 6, 33);
    /** e820 lines as "[mem %#018Lx-%#018Lx]" and the "e820: " prefix (3.4-rc4 log old, 3.5.0 log new). */
    static final KernelVersion E820_MEM_FORMAT = KernelVersion.of(3, 5);
    /** memparse() knows T, P and E (shared lib/cmdline.c; as for ARM). */
    static final KernelVersion MEMPARSE_TPE = KernelVersion.of(4, 0);
    /** memmap= comma lists (bracket 3.7-4.1: absent in 3.6, present in 4.1). */
    static final KernelVersion MEMMAP_COMMA = KernelVersion.of(4, 1);
    /** memmap=nn!ss (E820_PRAM, type 12) and "persistent (type %u)". */
    static final KernelVersion MEMMAP_PRAM = KernelVersion.of(4, 1);
    /** reserve_top_address() rounds to a PMD (bracket 2.6.28-4.2; seen in a 4.2+ tree). */
    static final KernelVersion RESERVETOP_ROUNDED = KernelVersion.of(4, 2);
    /** PKMAP_BASE from FIXADDR_START instead of FIXADDR_BOOT_START (bracket 3.19-4.9). */
    static final KernelVersion PKMAP_FROM_FIXADDR_START = KernelVersion.of(4, 9);
    /** cpu_entry_area below the fixmap and the "cpu_entry" row. */
    static final KernelVersion CPU_ENTRY_AREA = KernelVersion.of(4, 15);
    /** CPU_ENTRY_AREA_BASE from FIXADDR_TOT_START (boot slots included; bracket 4.15.x-4.18, inferred 4.17). */
    static final KernelVersion CEA_FROM_TOT_START = KernelVersion.of(4, 17);
    /** memmap=nn%ss-old+new (Jan H. Schoenherr, Feb 2018). */
    static final KernelVersion MEMMAP_PERCENT = KernelVersion.of(4, 17);
    /** The "e820: " prefix dropped again (4.18-rc1 log has it; 4.19 source has none). */
    static final KernelVersion E820_PREFIX_DROPPED = KernelVersion.of(4, 19);
    /** The LDT remap PMD between cpu_entry_area and pkmap (x86-32 PTI). */
    static final KernelVersion LDT_PMD = KernelVersion.of(4, 19);
    /** struct cpu_entry_area loses entry_trampoline: 38 pages per CPU instead of 39 (5.1 log). */
    static final KernelVersion CEA_38_PAGES = KernelVersion.of(4, 20);
    /** "soft reserved" e820 type word. */
    static final KernelVersion SOFT_RESERVED = KernelVersion.of(5, 5);
    /** CPU_ENTRY_AREA_PAGES = NR_CPUS * 41 with the bigger I/O bitmap (tip x86/iopl, inferred 5.5). */
    static final KernelVersion CEA_41_PAGES = KernelVersion.of(5, 5);
    /** "x86/mm/init_32: Stop printing the virtual memory layout" (Arvind Sankar, Mar 2020, inferred 5.7). */
    static final KernelVersion TABLE_REMOVED = KernelVersion.of(5, 7);
    /** kmap_local: KM_MAX_IDX 16 kmap slots per CPU in the fixmap (inferred 5.11). */
    static final KernelVersion KMAP_LOCAL = KernelVersion.of(5, 11);
    /** CONFIG_HIGHMEM64G removed (2025 patch, inferred 6.15). */
    static final KernelVersion HIGHMEM64G_REMOVED = KernelVersion.of(6, 15);

    final KernelVersion version;
    final SplitTexts split;
    final ParamRule params;
    final ReservetopRule reservetop;
    final boolean printsTable;
    final boolean newVmallocFormula;
    final boolean e820Unified;
    final boolean memFormat;
    final boolean e820Prefix;
    final boolean memZeroCheck;
    final boolean pram;
    final boolean percent;
    final boolean pkmapFromFixaddrStart;
    final boolean cpuEntry;
    final boolean ceaFromTotStart;
    final boolean ldt;
    final boolean softReserved;
    final boolean highmem64gExists;
    final MemParse.Suffixes suffixes;

    private X86Era(KernelVersion v) {
        this.version = v;
        if (v.compareTo(HIGHMEM64G_TEXT) < 0) {
            split = SplitTexts.FIND_MAX_LOW_PFN_PAE;
        } else if (v.compareTo(E820_UNIFIED) < 0) {
            split = SplitTexts.FIND_MAX_LOW_PFN;
        } else if (v.compareTo(PFN_INIT_SPLIT) < 0) {
            split = SplitTexts.FIND_LOW_PFN_RANGE;
        } else if (v.compareTo(HIGHMEM64G_REMOVED) < 0) {
            split = SplitTexts.PFN_INIT;
        } else {
            split = SplitTexts.PFN_INIT_NO_64G;
        }
        if (v.compareTo(E820_UNIFIED) < 0) {
            params = ParamRule.LIMIT_REGIONS;
        } else if (v.compareTo(MEMMAP_COMMA) < 0) {
            params = ParamRule.REMOVE_RANGE;
        } else {
            params = ParamRule.COMMA_LIST;
        }
        if (v.compareTo(RESERVETOP_PRINTK) < 0) {
            reservetop = ReservetopRule.SILENT_ADDS_RESERVE;
        } else if (v.compareTo(RESERVETOP_TOP_ONLY) < 0) {
            reservetop = ReservetopRule.ADDS_RESERVE;
        } else if (v.compareTo(RESERVETOP_ROUNDED) < 0) {
            reservetop = ReservetopRule.TOP_ONLY;
        } else {
            reservetop = ReservetopRule.ROUNDED;
        }
        printsTable = v.compareTo(TABLE_ADDED) >= 0 && v.compareTo(TABLE_REMOVED) < 0;
        newVmallocFormula = v.compareTo(VMALLOC_FIX) >= 0;
        e820Unified = v.compareTo(E820_UNIFIED) >= 0;
        memFormat = v.compareTo(E820_MEM_FORMAT) >= 0;
        e820Prefix = memFormat && v.compareTo(E820_PREFIX_DROPPED) < 0;
        memZeroCheck = v.compareTo(MEM_ZERO_CHECK) >= 0;
        pram = v.compareTo(MEMMAP_PRAM) >= 0;
        percent = v.compareTo(MEMMAP_PERCENT) >= 0;
        pkmapFromFixaddrStart = v.compareTo(PKMAP_FROM_FIXADDR_START) >= 0;
        cpuEntry = v.compareTo(CPU_ENTRY_AREA) >= 0;
        ceaFromTotStart = v.compareTo(CEA_FROM_TOT_START) >= 0;
        ldt = v.compareTo(LDT_PMD) >= 0;
        softReserved = v.compareTo(SOFT_RESERVED) >= 0;
        highmem64gExists = v.compareTo(HIGHMEM64G_REMOVED) < 0;
        suffixes = v.compareTo(MEMPARSE_TPE) < 0 ? MemParse.Suffixes.KMG : MemParse.Suffixes.KMGTPE;
    }

    static X86Era of(KernelVersion v) {
        return new X86Era(v);
    }

    /** "e820: " where this release prefixes its e820 messages (3.5-4.18), else "". */
    String e820Prefix() {
        return e820Prefix ? "e820: " : "";
    }
}
