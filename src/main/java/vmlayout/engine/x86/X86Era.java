package vmlayout.engine.x86;

import java.util.ArrayList;
import java.util.List;
import vmlayout.bootargs.MemParse;
import vmlayout.config.Checked;
import vmlayout.config.Era;
import vmlayout.config.EraRule;
import vmlayout.config.Fact;
import vmlayout.config.KernelVersion;
import vmlayout.config.Releases;

/**
 * What changes between i386 / x86_32 kernel releases, decided once from the release number: every
 * release-dependent decision of the x86 engine is a named fact here. Each boundary is the first release
 * with the new behaviour, its comment the evidence; src/docs/eras.md lists them (ErasDocTest keeps the
 * two in step). "Bracket" means the change was seen between two releases and the named one was chosen
 * (the first release in which the new behaviour was verified, unless the comment says otherwise). A
 * multi-way decision is a rule enum whose constants carry their releases, so the step that applies a
 * rule and the explain text that cites it read the same constant.
 */
final class X86Era extends Era {

    /** Which kernel function splits lowmem from highmem. */
    enum LowmemRule implements EraRule {
        /** setup.c find_max_low_pfn() (arch/i386/kernel/setup.c, x86/kernel/setup_32.c). */
        FIND_MAX_LOW_PFN(Releases.until(E820_UNIFIED), "arch/i386/kernel/setup.c (x86/kernel/setup_32.c) find_max_low_pfn()"),
        /** init_32.c find_low_pfn_range() in one piece: KERN_WARNING, the 4GB text on one line. */
        FIND_LOW_PFN_RANGE(Releases.between(E820_UNIFIED, PFN_INIT_SPLIT), "arch/x86/mm/init_32.c find_low_pfn_range()"),
        /** lowmem_pfn_init() / highmem_pfn_init() with the MSG_* texts. */
        PFN_INIT(Releases.since(PFN_INIT_SPLIT), "arch/x86/mm/init_32.c");

        private final Releases releases;
        final String where;

        LowmemRule(Releases releases, String where) {
            this.releases = releases;
            this.where = where;
        }

        @Override
        public Releases releases() {
            return releases;
        }
    }

    /** How mem= and memmap= are parsed and applied. */
    enum ParamRule implements EraRule {
        /** 2.6.19-2.6.26 setup.c / e820_32.c: limit_regions(), no sanitize, no error returns. */
        LIMIT_REGIONS(Releases.until(E820_UNIFIED), "arch/i386/kernel/setup.c parse_memmap()"),
        /** e820.c parse_memopt()/parse_memmap_opt(): e820_remove_range(), one item per memmap=. */
        REMOVE_RANGE(Releases.between(E820_UNIFIED, MEMMAP_COMMA), "arch/x86/kernel/e820.c parse_memmap_opt()"),
        /** parse_memmap_one() under a comma-splitting parse_memmap_opt() that always returns 0. */
        COMMA_LIST(Releases.since(MEMMAP_COMMA), "arch/x86/kernel/e820.c parse_memmap_one()");

        private final Releases releases;
        /** The function that applies memmap=. */
        final String memmapWhere;

        ParamRule(Releases releases, String memmapWhere) {
            this.releases = releases;
            this.memmapWhere = memmapWhere;
        }

        @Override
        public Releases releases() {
            return releases;
        }
    }

    /** reserve_top_address() (reservetop=). */
    enum ReservetopRule implements EraRule {
        /** __FIXADDR_TOP = -reserve - PAGE_SIZE and __VMALLOC_RESERVE += reserve; no message. */
        SILENT_ADDS_RESERVE(Releases.until(RESERVETOP_PRINTK)),
        /** The same with "Reserving virtual address space above 0x%08x". */
        ADDS_RESERVE(Releases.between(RESERVETOP_PRINTK, RESERVETOP_TOP_ONLY)),
        /** __FIXADDR_TOP = -reserve - PAGE_SIZE, the vmalloc reserve unchanged. */
        TOP_ONLY(Releases.between(RESERVETOP_TOP_ONLY, RESERVETOP_ROUNDED)),
        /** Rounded down to a PMD: "... above 0x%08lx (rounded to 0x%08lx)". */
        ROUNDED(Releases.since(RESERVETOP_ROUNDED));

        private final Releases releases;

        ReservetopRule(Releases releases) {
            this.releases = releases;
        }

        @Override
        public Releases releases() {
            return releases;
        }
    }

    /**
     * The default fixmap model of each era ({@link X86Fixmap}): a typical distribution kernel's permanent
     * fixmap, base + KM_TYPE_NR x NR_CPUS pages, the base fitted to a real log of the era.
     */
    enum TypicalFixmap implements EraRule {
        I386(Releases.until(E820_UNIFIED), new X86Fixmap.Typical(72, 13, 8, "i386 KM_TYPE_NR 13, Kconfig NR_CPUS default 8;"
                + " base 72 pages as in the 2.6.27/2.6.28 Ubuntu logs (a 2.6.19 log's 704 kB fixmap is 72 + 13 x 8 pages)")),
        UBUNTU_8_10(Releases.between(E820_UNIFIED, KM_TYPE_NR_20), new X86Fixmap.Typical(72, 13, 64, "Ubuntu 8.10/9.04 generic"
                + " i386 (NR_CPUS=64, KM_TYPE_NR 13): 904 pages, the 3616 kB fixmap of the 2.6.27 and 2.6.28 logs")),
        UBUNTU_12_04(Releases.between(KM_TYPE_NR_20, CPU_ENTRY_AREA), new X86Fixmap.Typical(73, 20, 8, "Ubuntu 12.04 generic"
                + " i386 (NR_CPUS=8, KM_TYPE_NR 20): 233 pages, the 932 kB fixmap of the 3.2.0-29 log")),
        UBUNTU_16_04_HWE(Releases.between(CPU_ENTRY_AREA, CEA_43_PAGES), new X86Fixmap.Typical(75, 20, 8, "Ubuntu 16.04 HWE"
                + " i386 with the 4.15 cpu_entry_area (NR_CPUS=8, KM_TYPE_NR 20): 235 pages, the 940 kB fixmap of the 4.13.0-2x log;"
                + " Ubuntu 18.04's 4.15-5.4 i386 kernels have NR_CPUS=8 too (debian.master/config/i386/config.common.i386)")),
        /**
         * Debian 11's 686 kernel (5.10; Ubuntu built no i386 kernel after 18.04's 5.4): Debian's debian/config/i386/config
         * CONFIG_NR_CPUS=32; the 5.10 enum fixed_addresses (arch/x86/include/asm/fixmap.h, Rtoax/linux-5.10.13 @3b86aed8):
         * FIX_HOLE, FIX_DBGP_BASE, FIX_EARLYCON_MEM_BASE, FIX_APIC_BASE, MAX_IO_APICS (64 on 32-bit) IO-APIC pages, KM_TYPE_NR
         * x NR_CPUS kmap slots, FIX_PCIE_MCFG, FIX_APEI_GHES_IRQ/NMI (no PARAVIRT_XXL: 32-bit Xen PV is gone; no
         * X86_INTEL_MID): 71 + 20 x 32 = 711 pages.
         */
        DEBIAN_11(Releases.between(CEA_43_PAGES, KMAP_LOCAL), new X86Fixmap.Typical(71, 20, 32, "Debian 11 686 (NR_CPUS=32):"
                + " 4 + 64 IO-APIC + 1 PCIE_MCFG + 2 APEI_GHES pages + KM_TYPE_NR 20 x NR_CPUS kmap slots")),
        /**
         * Debian 12's 686 and 686-pae kernels (6.1; testdata/artifacts/config-6.1.0-50-686*: NR_CPUS=32, X86_IO_APIC,
         * PCI_MMCONFIG, ACPI_APEI_GHES, KMAP_LOCAL with KM_MAX_IDX 16): 71 + 16 x 32 = 583 pages, which with 512 boot slots
         * and 43-page cpu_entry_areas gives the real boots' 875MB (686) and 879MB (686-pae) LOWMEM.
         */
        DEBIAN_12(Releases.since(KMAP_LOCAL), new X86Fixmap.Typical(71, 16, 32, "Debian 12 686/686-pae (NR_CPUS=32):"
                + " 4 + 64 IO-APIC + 1 PCIE_MCFG + 2 APEI_GHES pages + KM_MAX_IDX 16 x NR_CPUS kmap_local slots"));

        private final Releases releases;
        final X86Fixmap.Typical typical;

        TypicalFixmap(Releases releases, X86Fixmap.Typical typical) {
            this.releases = releases;
            this.typical = typical;
        }

        @Override
        public Releases releases() {
            return releases;
        }
    }

    /**
     * The boot-time fixmap slots of early_ioremap() that follow the permanent fixmap
     * (arch/x86/include/asm/fixmap.h enum fixed_addresses: FIX_BTMAP_END .. FIX_BTMAP_BEGIN, then
     * FIX_WP_TEST): NR_FIX_BTMAPS x FIX_BTMAPS_SLOTS of them, FIX_BTMAP_END moved up to a multiple of the
     * slot count always (2.6.27-2.6.32) or only when the slots would straddle a page table,
     * {@code (end ^ (end + slots - 1)) & -PTRS_PER_PTE} (3.0 on; PTRS_PER_PTE 512 with PAE, 1024 without).
     */
    enum BootSlots implements EraRule {
        /** include/asm-x86/fixmap_32.h of 2.6.25/26: 16 x 4 slots right after the permanent part. */
        NESTING_16X4(Releases.until(E820_UNIFIED), 16 * 4, false, false, 0, "16 x 4 FIX_BTMAP slots"),
        /**
         * arch/x86/include/asm/fixmap_32.h (torvalds/linux @1965aae3, 2.6.28/29): "FIX_BTMAP_END =
         * __end_of_permanent_fixed_addresses + 256 - (__end_of_permanent_fixed_addresses & 255)", and after
         * FIX_WP_TEST the 4 FIX_ACPI pages (CONFIG_ACPI, as a distribution kernel has it).
         */
        ALWAYS_256_ACPI(Releases.between(E820_UNIFIED, FIXMAP_UNIFIED), 64 * 4, true, false, 4,
                "64 x 4 FIX_BTMAP slots from the next 256-page boundary, FIX_WP_TEST, 4 FIX_ACPI pages"),
        /** arch/x86/include/asm/fixmap.h (mikuhatsune001/linux2.6.32 @4866fa67): the same rounding, no FIX_ACPI. */
        ALWAYS_256(Releases.between(FIXMAP_UNIFIED, BTMAP_IF_CROSSING), 64 * 4, true, false, 0,
                "64 x 4 FIX_BTMAP slots from the next 256-page boundary, FIX_WP_TEST"),
        /** fixmap.h of 3.0 (CyanogenMod/android_kernel_samsung_espresso10 @a5ca9c7f) and 3.10.4: moved only when crossing. */
        IF_CROSSING_256(Releases.between(BTMAP_IF_CROSSING, BTMAP_SLOTS_8), 64 * 4, false, true, 0,
                "64 x 4 FIX_BTMAP slots (moved to a 256-page boundary only to stay in one page table), FIX_WP_TEST"),
        /** "#define FIX_BTMAPS_SLOTS 8" (akuster/linux-yocto-3.14 @149abad1; 4.14, 5.10.13, 6.x trees). */
        IF_CROSSING_512(Releases.since(BTMAP_SLOTS_8), 64 * 8, false, true, 0,
                "64 x 8 FIX_BTMAP slots (moved to a 512-page boundary only to stay in one page table), FIX_WP_TEST");

        private final Releases releases;
        /** NR_FIX_BTMAPS x FIX_BTMAPS_SLOTS (TOTAL_FIX_BTMAPS). */
        final long slots;
        final boolean alwaysMoved;
        final boolean movedIfCrossing;
        /** Boot-time pages after FIX_WP_TEST. */
        final long afterWpTest;
        final String words;

        BootSlots(Releases releases, long slots, boolean alwaysMoved, boolean movedIfCrossing, long afterWpTest, String words) {
            this.releases = releases;
            this.slots = slots;
            this.alwaysMoved = alwaysMoved;
            this.movedIfCrossing = movedIfCrossing;
            this.afterWpTest = afterWpTest;
            this.words = words;
        }

        @Override
        public Releases releases() {
            return releases;
        }
    }

    /**
     * trim_bios_range() (arch/x86/kernel/setup.c), called by setup_arch() after the user-defined map and
     * before max_pfn is found: the first page(s) of RAM become reserved ("A special case is the first 4Kb
     * of memory; This is a BIOS owned area, not kernel ram"), RAM reported in the 640 kB-1 MB BIOS area is
     * removed, and both print a KERN_DEBUG line.
     */
    enum TrimBiosRange implements EraRule {
        /** 2.6.32's setup_arch() has no trim_bios_range() (mikuhatsune001/linux2.6.32 setup.c @4866fa67). */
        NONE(Releases.until(TRIM_BIOS_RANGE), 0),
        /** e820_update_range(0, PAGE_SIZE, ...) (Ubuntu 2.6.35-22 and -24 logs: "... - 0000000000001000 (usable) ==> (reserved)"). */
        FIRST_PAGE(Releases.between(TRIM_BIOS_RANGE, RESERVE_LOW_64K), 4096),
        /**
         * e820_update_range(0, ALIGN(reserve_low, PAGE_SIZE), ...) with reserve_low = CONFIG_X86_RESERVE_LOW
         * << 10, 64 kB by default (source form in find_string id 11467866; the Ubuntu 3.2.0-23 log x86-13 and
         * a 3.6-next log: "... - 0000000000010000 ...", "e820: update [mem 0x00000000-0x0000ffff]").
         */
        RESERVE_LOW(Releases.between(RESERVE_LOW_64K, TRIM_PAGE_ZERO), 64 << 10),
        /** e820__range_update(0, PAGE_SIZE, ...) again (the 64 kB went to memblock; 4.17, 6.0 and 6.1 logs). */
        PAGE_ZERO(Releases.since(TRIM_PAGE_ZERO), 4096);

        private final Releases releases;
        /** Bytes from 0 retyped from usable to reserved (0: no trim_bios_range()). */
        final long updateSize;

        TrimBiosRange(Releases releases, long updateSize) {
            this.releases = releases;
            this.updateSize = updateSize;
        }

        @Override
        public Releases releases() {
            return releases;
        }
    }

    /**
     * The cpu_entry_area's size per CPU: CPU_ENTRY_AREA_PAGES reserves {@code reservedPerCpu} pages per
     * CPU (arch/x86/include/asm/pgtable_32_types.h); a typical config's struct cpu_entry_area has
     * {@code structPages} (the logs: 39 in 4.15-4.18, 38 in 5.1).
     */
    enum CpuEntryArea implements EraRule {
        PAGES_39(Releases.until(CEA_38_PAGES), 40, 39),
        PAGES_38(Releases.between(CEA_38_PAGES, CEA_43_PAGES), 40, 38),
        PAGES_43(Releases.since(CEA_43_PAGES), 43, 43);

        private final Releases releases;
        final long reservedPerCpu;
        final long structPages;

        CpuEntryArea(Releases releases, long reservedPerCpu, long structPages) {
            this.releases = releases;
            this.reservedPerCpu = reservedPerCpu;
            this.structPages = structPages;
        }

        @Override
        public Releases releases() {
            return releases;
        }
    }

    // ---- boundaries ----
    /** The "virtual kernel memory layout:" table (Aug 2006 __FIXADDR_TOP patch; a 2.6.19 log prints it). */
    static final KernelVersion TABLE_ADDED = KernelVersion.of(2, 6, 19);
    /**
     * "High Memory Support" defaults to HIGHMEM4G instead of NOHIGHMEM: Randy Dunlap, "Re: 2.6.19-rc5-mm2:
     * paravirt X86_PAE=y compile error", LKML 28 Nov 2006, Message-Id
     * 20061128153635.abaeb1fc.randy.dunlap@oracle.com ("-	default NOHIGHMEM" / "+	default HIGHMEM4G if
     * !X86_NUMAQ"), a diff against 2.6.19-rc6-git10 sent to -mm the day before 2.6.19: inferred 2.6.20.
     */
    static final KernelVersion HIGHMEM4G_DEFAULT = KernelVersion.of(2, 6, 20);
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
    /**
     * trim_bios_range() in setup_arch() and the KERN_DEBUG lines of e820_update_range()/e820_remove_range()
     * ("e820 update range: %016Lx - %016Lx ", "e820 remove range: ..."): absent from 2.6.32's setup.c, printed
     * by the Ubuntu 2.6.35 kernels (bracket 2.6.33-2.6.35).
     */
    static final KernelVersion TRIM_BIOS_RANGE = KernelVersion.of(2, 6, 35);
    /**
     * trim_bios_range() retypes ALIGN(reserve_low, PAGE_SIZE), CONFIG_X86_RESERVE_LOW (64 kB) and reservelow=
     * (inferred 2.6.36, the release of X86_RESERVE_LOW and reservelow=; 2.6.35 logs retype one page, 3.2 logs 64 kB).
     */
    static final KernelVersion RESERVE_LOW_64K = KernelVersion.of(2, 6, 36);
    /**
     * trim_bios_range() retypes PAGE_SIZE again, the low 64 kB reserved in memblock by trim_low_memory_range()
     * (64 kB in a 3.6-next log, one page in sources with trim_snb_memory(), 3.8+; inferred 3.8, bracket 3.7-3.8).
     */
    static final KernelVersion TRIM_PAGE_ZERO = KernelVersion.of(3, 8);
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
    /**
     * fixmap_32.h and fixmap_64.h merged into fixmap.h ("x86: unify fixmap_32.h and fixmap_64.h", Feb 2009;
     * inferred 2.6.30, bracket 2.6.29-2.6.32): the FIX_ACPI pages leave the boot part, and the kmap slots
     * FIX_KMAP_BEGIN..END move from #ifdef CONFIG_HIGHMEM (2.6.28 fixmap_32.h) to #ifdef CONFIG_X86_32
     * (2.6.32 fixmap.h): a NOHIGHMEM kernel has them too.
     */
    static final KernelVersion FIXMAP_UNIFIED = KernelVersion.of(2, 6, 30);
    /**
     * FIX_BTMAP_END moved only when the slots would straddle a page table ("If necessary we round it up"):
     * unconditional in 2.6.32's fixmap.h, conditional in 3.0's (bracket 2.6.33-3.0).
     */
    static final KernelVersion BTMAP_IF_CROSSING = KernelVersion.of(3, 0);
    /** FIX_BTMAPS_SLOTS 8 instead of 4: 512 boot-time slots (4 in 3.10.4, 8 in 3.14; bracket 3.11-3.14). */
    static final KernelVersion BTMAP_SLOTS_8 = KernelVersion.of(3, 14);
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
    /**
     * struct cpu_entry_area of 43 pages, CPU_ENTRY_AREA_PAGES = NR_CPUS * 43: 5.5's tip x86/iopl work grows tss_struct
     * from 3 to 5 pages (the I/O bitmap and its "mapall" copy) and dc4e0021b00b "x86/doublefault/32: Move #DF stack and
     * TSS to cpu_entry_area" (x86/urgent, 26 Nov 2019; not in 5.4) adds the guard and #DF stack pages: gdt 1 +
     * guard 1 + entry_stack 1 + guard 1 + doublefault_stack 1 + tss 5 + debug_store 1 + its buffers 32 = 43
     * (32-bit struct in cpu_entry_area.h); "(NR_CPUS * 43)" is the pgtable_32_areas.h literal Ingo Molnar's header
     * patch replaces with NR_CPUS * DIV_ROUND_UP(sizeof(struct cpu_entry_area), PAGE_SIZE).
     */
    static final KernelVersion CEA_43_PAGES = KernelVersion.of(5, 5);
    /** "x86/mm/init_32: Stop printing the virtual memory layout" (Arvind Sankar, Mar 2020, inferred 5.7). */
    static final KernelVersion TABLE_REMOVED = KernelVersion.of(5, 7);
    /** kmap_local: KM_MAX_IDX 16 kmap slots per CPU in the fixmap (inferred 5.11). */
    static final KernelVersion KMAP_LOCAL = KernelVersion.of(5, 11);
    /**
     * e820__end_ram_pfn() counts E820_TYPE_ACPI entries as well as RAM ("if (entry->type != E820_TYPE_RAM &&
     * entry->type != E820_TYPE_ACPI) continue;"): "x86/mm: Make e820__end_ram_pfn() cover E820_TYPE_ACPI
     * ranges" (Kirill A. Shutemov, 14 Jun 2024, TDX kexec series; merged e820.c seen, find_string ids
     * 37016284, 1773741909), 6.11. Before: e820_end_pfn(limit, E820_TYPE_RAM).
     */
    static final KernelVersion END_PFN_COUNTS_ACPI = KernelVersion.of(6, 11);
    /**
     * bbeb69ce3013 "x86/mm: Remove CONFIG_HIGHMEM64G support" (Arnd Bergmann; v3 05/10 of 26 Feb 2025;
     * tip x86/cpu, in the tip pull of the 6.15 merge window). arch/x86/Kconfig: the "High Memory Support"
     * choice (NOHIGHMEM / HIGHMEM4G default / HIGHMEM64G) becomes {@code config HIGHMEM4G / bool "High
     * Memory Support" / depends on X86_32} with no default line ("If unsure, say N.") and
     * {@code config HIGHMEM / def_bool HIGHMEM4G}; X86_PAE no longer depends on !HIGHMEM4G. init_32.c
     * highmem_pfn_init(): every HIGHMEM kernel trims max_pfn to MAX_NONPAE_PFN with MSG_HIGHMEM_TRIMMED
     * "Warning: only 4GB will be used. Support for for CONFIG_HIGHMEM64G was removed!", and a kernel
     * without HIGHMEM always says "Use a HIGHMEM enabled kernel.". Seen in a 6.15-rc2 boot log
     * (testdata/x86/x86-14).
     */
    static final KernelVersion HIGHMEM64G_REMOVED = KernelVersion.of(6, 15);
    /**
     * 03680913744d "x86/mm: Remove duplicated word in warning message" (Lukas Bulwahn, tip x86/urgent of
     * 16 May 2025, in the shortlog of 6.15-rc7): MSG_HIGHMEM_TRIMMED becomes "Warning: only 4GB will be
     * used. Support for CONFIG_HIGHMEM64G was removed!". So released 6.15 prints one "for"; only
     * 6.15-rc1 to 6.15-rc6 print "for for".
     */
    static final KernelVersion TRIMMED_TEXT_FIXED_RC = new KernelVersion(6, 15, 0, 0, 7);
    /**
     * 83b2d345e178 "x86/e820: Discard high memory that can't be addressed by 32-bit systems" (Mike Rapoport, tip
     * x86/urgent 19 Apr 2025, in the 6.15-rc4 x86 fixes pull): e820__memblock_setup() ends with
     * {@code if (IS_ENABLED(CONFIG_X86_32)) memblock_remove(PFN_PHYS(max_pfn), -1);}. Nothing is printed, but
     * "Early memory node ranges" no longer lists RAM above max_pfn (the 6.15-rc2 log testdata/x86/x86-14 still
     * lists 0x100000000-0x1bfffffff above its 4 GB max_pfn).
     */
    static final KernelVersion MEMBLOCK_CAPPED_RC = new KernelVersion(6, 15, 0, 0, 4);

    /**
     * How far the x86 facts reach (src/docs/eras.md, "How far the facts reach"): the 6.15 changes above
     * and 83b2d345e178 "x86/e820: Discard high memory that can't be addressed by 32-bit systems" (6.15-rc4;
     * memblock only, nothing printed); arch/x86/Kconfig of the 6.19 cycle in the context of the x86 hunk of
     * Arnd Bergmann's "arch/*: increase lowmem size to avoid highmem use" (19 Dec 2025, index
     * 80527299f859): "prompt "Memory split" if EXPERT / default VMSPLIT_3G", after "config HIGHMEM4G";
     * that series is in no release the index reaches (mail to Linux 7.1.3, July 2026: v1 only, none of its
     * Kconfig lines in any stored tree; research notes: eras-7x.md).
     */
    static final Checked CHECKED = new Checked(KernelVersion.of(6, 19),
            "the 6.15 HIGHMEM64G removal and its fixes, arch/x86/Kconfig of the 6.19 cycle, a 6.15-rc2 boot log",
            "whether it changed the default memory split: \"mm: increase lowmem size\" (posted for 7.0 in"
                    + " December 2025: VMSPLIT_2G_OPT by default with HIGHMEM, VMSPLIT_2G with X86_PAE, else"
                    + " VMSPLIT_3G_OPT) is in no release vmlayout found (v1 only, in mail to July 2026), so VMSPLIT_3G"
                    + " stays vmlayout's default; pin -D VMSPLIT_2G=y etc. from your .config");

    /** The "High Memory Support" setting when no -D chooses one (arch/x86/Kconfig). */
    enum HighmemDefault implements EraRule {
        /**
         * {@code choice "High Memory Support" / default NOHIGHMEM} in arch/i386/Kconfig (torvalds/linux @026477c1:
         * "If unsure, say "off"."), until Randy Dunlap's "Make ix86 default to HIGHMEM4G instead of NOHIGHMEM"
         * (LKML 28 Nov 2006, against 2.6.19-rc6-git10).
         */
        NOHIGHMEM(Releases.until(HIGHMEM4G_DEFAULT), "NOHIGHMEM", "NOHIGHMEM (the Kconfig default before " + HIGHMEM4G_DEFAULT
                + "): give -D HIGHMEM4G=y (or HIGHMEM64G=y) if your .config sets it"),
        /** {@code choice "High Memory Support" / default HIGHMEM4G}. */
        HIGHMEM4G(Releases.between(HIGHMEM4G_DEFAULT, HIGHMEM64G_REMOVED), "HIGHMEM4G", "HIGHMEM4G (the Kconfig default)"),
        /**
         * 6.15: {@code config HIGHMEM4G bool "High Memory Support"} has no default, so a .config made from
         * defaults (or an old one with HIGHMEM64G=y through olddefconfig) has no HIGHMEM.
         */
        OFF(Releases.since(HIGHMEM64G_REMOVED), "NOHIGHMEM",
                "no HIGHMEM (from 6.15 \"High Memory Support\", CONFIG_HIGHMEM4G, has no Kconfig default): give"
                        + " -D HIGHMEM4G=y if your .config sets it, as distribution kernels do");

        private final Releases releases;
        /** The choice vmlayout takes. */
        final String choice;
        /** The "defaults used" text. */
        final String note;

        HighmemDefault(Releases releases, String choice, String note) {
            this.releases = releases;
            this.choice = choice;
            this.note = note;
        }

        @Override
        public Releases releases() {
            return releases;
        }
    }

    /**
     * Bernhard Walle, "x86: Find offset for crashkernel reservation automatically" (LKML 2008-06-26, believed 2.6.27):
     * crashkernel=SIZE without @OFFSET is placed by find_and_reserve_crashkernel(), bottom-up from 0, 16 MB aligned.
     */
    static final KernelVersion CRASH_AUTO = KernelVersion.of(2, 6, 27);
    /**
     * The memblock conversion of arch/x86/kernel/setup.c (memblock_find_in_range(alignment, CRASH_KERNEL_ADDR_MAX, ...),
     * "On 32 bits earlier kernels would limit the kernel to the low 512 MiB": the ~2.6.36 code read in find_string hits
     * ids 2663687782, 35049476790): top-down below 512 MB.
     */
    static final KernelVersion CRASH_TOP_DOWN = KernelVersion.of(2, 6, 36);
    /** get_total_mem() (max_pfn - min_low_pfn) becomes memblock_phys_mem_size() (the 3.x code; believed 3.0). */
    static final KernelVersion CRASH_TOTAL_MEMBLOCK = KernelVersion.of(3, 0);
    /**
     * memblock_phys_alloc_range(crash_size, CRASH_ALIGN, crash_base, crash_base + crash_size) for a fixed base: 16 MB
     * alignment where 1 MB was (memblock_phys_alloc_range() is 5.0; the 5.x code in Chen Zhou's v13 patch, id 22235015955).
     */
    static final KernelVersion CRASH_FIXED_16M = KernelVersion.of(5, 0);
    /**
     * Baoquan He's generic crashkernel reservation: reserve_crashkernel_generic() ("crashkernel reserved: 0x%016llx -
     * 0x%016llx (%lld MB)", "cannot allocate crashkernel (size:0x%llx)"), x86 included (believed 6.7).
     */
    static final KernelVersion CRASH_GENERIC = KernelVersion.of(6, 7);
    /** reserve_crashkernel() under CONFIG_CRASH_RESERVE instead of CONFIG_KEXEC(_CORE) (Baoquan He, Jan 2024: 6.9). */
    static final KernelVersion CRASH_RESERVE = KernelVersion.of(6, 9);

    /** How reserve_crashkernel() places the crash kernel and counts System RAM. */
    enum CrashRule implements EraRule {
        /** arch/i386/kernel/setup.c: only crashkernel=SIZE@OFFSET. */
        OFFSET_ONLY(Releases.until(CRASH_AUTO), false, "arch/x86/kernel/setup.c reserve_crashkernel() (SIZE@OFFSET only)"),
        /** find_and_reserve_crashkernel(): bottom-up, 16 MB aligned. */
        BOTTOM_UP(Releases.between(CRASH_AUTO, CRASH_TOP_DOWN), false, "arch/x86/kernel/setup.c find_and_reserve_crashkernel()"),
        /** memblock top-down in [16 MB, 512 MB), System RAM = max_pfn. */
        TOP_DOWN_MAXPFN(Releases.between(CRASH_TOP_DOWN, CRASH_TOTAL_MEMBLOCK), false,
                "arch/x86/kernel/setup.c reserve_crashkernel() memblock_find_in_range()"),
        /** memblock top-down in [16 MB, 512 MB), System RAM = memblock_phys_mem_size(). */
        TOP_DOWN(Releases.between(CRASH_TOTAL_MEMBLOCK, CRASH_GENERIC), true, "arch/x86/kernel/setup.c reserve_crashkernel()"),
        /** kernel/crash_core.c (crash_reserve.c from 6.9) reserve_crashkernel_generic(). */
        GENERIC(Releases.since(CRASH_GENERIC), true, "kernel/crash_core.c reserve_crashkernel_generic()");

        private final Releases releases;
        final boolean totalIsMemblock;
        private final String function;

        CrashRule(Releases releases, boolean totalIsMemblock, String function) {
            this.releases = releases;
            this.totalIsMemblock = totalIsMemblock;
            this.function = function;
        }

        @Override
        public Releases releases() {
            return releases;
        }

        /** The function and its releases, for the reservation's rule. */
        String source() {
            return function + ", " + releases;
        }
    }

    final LowmemRule lowmem;
    final HighmemDefault highmemDefault;
    /** How reserve_crashkernel() works. */
    final CrashRule crashRule;
    /** The Kconfig symbol that builds reserve_crashkernel(): KEXEC, CRASH_RESERVE from 6.9. */
    final String crashKconfig;
    /** The alignment of a crashkernel=SIZE@OFFSET reservation: 16 MB from 5.0, 1 MB before. */
    final long crashFixedAlign;
    final ParamRule params;
    final ReservetopRule reservetop;
    final TypicalFixmap typicalFixmap;
    final BootSlots bootSlots;
    final TrimBiosRange trimBiosRange;
    /** e820__end_ram_pfn() counts ACPI data entries (6.11). */
    final boolean endPfnCountsAcpi;
    /** e820_update_range() and e820_remove_range() print a KERN_DEBUG line (old form before 3.5). */
    final boolean rangeDebugLines;
    /** The kmap slots are in the fixmap of every 32-bit kernel, not only with CONFIG_HIGHMEM. */
    final boolean kmapSlotsWithoutHighmem;
    final CpuEntryArea cpuEntryArea;
    /** Before 2.6.19: no table yet, and the early parameters are read with the rules of 2.6.19. */
    final boolean tableNotYet;
    final boolean printsTable;
    /** MAXMEM from VMALLOC_END, VMALLOC_START = high_memory + 8 MB, vmalloc= + 8 MB. */
    final Fact newVmallocFormula;
    /** The unified arch/x86/kernel/e820.c (see {@link #E820_UNIFIED}). */
    final Fact e820Unified;
    /** "Use a PAE enabled kernel." (before "Use a HIGHMEM64G enabled kernel."). */
    final boolean paeText;
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
    /** MSG_HIGHMEM_TRIMMED of 6.15-rc1..rc6: "Support for for CONFIG_HIGHMEM64G". */
    final boolean trimmedTextForFor;
    /** e820__memblock_setup() removes memblock.memory above max_pfn (6.15-rc4). */
    final boolean memblockCappedAtMaxPfn;
    /** Newer than {@link #CHECKED}: computed with its rules, and a note says so. */
    final boolean pastChecked;
    final MemParse.Suffixes suffixes;

    private X86Era(KernelVersion v) {
        super(v);
        lowmem = pick(LowmemRule.values());
        crashRule = pick(CrashRule.values());
        crashKconfig = since(CRASH_RESERVE) ? "CRASH_RESERVE" : "KEXEC";
        crashFixedAlign = since(CRASH_FIXED_16M) ? 16L << 20 : 1L << 20;
        params = pick(ParamRule.values());
        reservetop = pick(ReservetopRule.values());
        typicalFixmap = pick(TypicalFixmap.values());
        bootSlots = pick(BootSlots.values());
        trimBiosRange = pick(TrimBiosRange.values());
        rangeDebugLines = since(TRIM_BIOS_RANGE);
        endPfnCountsAcpi = since(END_PFN_COUNTS_ACPI);
        kmapSlotsWithoutHighmem = since(FIXMAP_UNIFIED);
        cpuEntryArea = pick(CpuEntryArea.values());
        tableNotYet = !since(TABLE_ADDED);
        printsTable = since(TABLE_ADDED) && !since(TABLE_REMOVED);
        newVmallocFormula = fact(VMALLOC_FIX);
        e820Unified = fact(E820_UNIFIED);
        paeText = !since(HIGHMEM64G_TEXT);
        memFormat = since(E820_MEM_FORMAT);
        e820Prefix = memFormat && !since(E820_PREFIX_DROPPED);
        memZeroCheck = since(MEM_ZERO_CHECK);
        pram = since(MEMMAP_PRAM);
        percent = since(MEMMAP_PERCENT);
        pkmapFromFixaddrStart = since(PKMAP_FROM_FIXADDR_START);
        cpuEntry = since(CPU_ENTRY_AREA);
        ceaFromTotStart = since(CEA_FROM_TOT_START);
        ldt = since(LDT_PMD);
        softReserved = since(SOFT_RESERVED);
        highmem64gExists = !since(HIGHMEM64G_REMOVED);
        highmemDefault = pick(HighmemDefault.values());
        trimmedTextForFor = since(HIGHMEM64G_REMOVED) && v.major() == 6 && v.minor() == 15 && v.rcBefore(TRIMMED_TEXT_FIXED_RC.rc());
        memblockCappedAtMaxPfn = since(HIGHMEM64G_REMOVED) && !(v.major() == 6 && v.minor() == 15
                && v.rcBefore(MEMBLOCK_CAPPED_RC.rc()));
        pastChecked = pastChecked(CHECKED);
        suffixes = since(MEMPARSE_TPE) ? MemParse.Suffixes.KMGTPE : MemParse.Suffixes.KMG;
    }

    /**
     * The facts of this release a computation past {@link #CHECKED} rests on without their being checked for
     * the newer release: the note past CHECKED names them (issue 21), each with the releases it is known for.
     * (eras engineer; appended only: see the x86 coordination note.)
     */
    List<String> carriedFacts() {
        List<String> out = new ArrayList<>();
        out.add("the Kconfig defaults VMSPLIT_3G and " + highmemDefault.choice + " (" + highmemDefault.releases() + ")");
        out.add(lowmem.source("the lowmem split of " + lowmem.where));
        out.add("a typical distribution kernel's fixmap of " + typicalFixmap.typical.permanentPages(true, typicalFixmap.typical.nrCpus())
                + " pages (" + typicalFixmap.releases() + ")");
        if (cpuEntry) {
            out.add("struct cpu_entry_area of " + cpuEntryArea.structPages + " pages per CPU (" + cpuEntryArea.releases() + ")");
        }
        if (endPfnCountsAcpi) {
            out.add("e820__end_ram_pfn() counting ACPI data (" + Releases.since(END_PFN_COUNTS_ACPI) + ")");
        }
        if (!highmem64gExists) {
            out.add("the 4 GB trim of every HIGHMEM kernel (" + Releases.since(HIGHMEM64G_REMOVED) + ")");
        }
        out.add("the texts of the lines shown as the kernel's");
        return out;
    }

    private static final Era.Last<X86Era> LAST = new Era.Last<>();

    static X86Era of(KernelVersion v) {
        X86Era e = LAST.of(v);
        return e != null ? e : LAST.keep(new X86Era(v));
    }

    /** sanitize_e820_map()'s never-merged types: E820_PRAM from 4.1, soft reserved from 5.5. */
    int[] e820NoMerge() {
        if (softReserved) {
            return new int[]{E820Table.PRAM, E820Table.SOFT_RESERVED};
        }
        return pram ? new int[]{E820Table.PRAM} : new int[0];
    }

    /** "e820: " where this release prefixes its e820 messages (3.5-4.18), else "". */
    String e820Prefix() {
        return e820Prefix ? "e820: " : "";
    }
}
