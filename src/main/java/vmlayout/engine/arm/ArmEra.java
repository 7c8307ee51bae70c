package vmlayout.engine.arm;

import java.util.ArrayList;
import java.util.List;
import vmlayout.bootargs.MemParse;
import vmlayout.config.Checked;
import vmlayout.config.Era;
import vmlayout.config.EraRule;
import vmlayout.config.Fact;
import vmlayout.config.Fmt;
import vmlayout.config.KernelVersion;
import vmlayout.config.Releases;

/**
 * What changes between ARM kernel releases, decided once from the release number: every
 * release-dependent decision of the ARM engine is a named fact here. Each boundary is the first release
 * with the new behaviour, its comment the evidence; src/docs/eras.md lists them (ErasDocTest keeps the
 * two in step). A multi-way decision is a rule enum whose constants carry their releases and kernel
 * source, so the step that applies a rule and the explain text that cites it read the same constant.
 */
final class ArmEra extends Era {

    /** Which kernel function splits lowmem from highmem (arch/arm/mm/mmu.c, or init.c in the oldest releases). */
    enum LowmemRule implements EraRule {
        /** 2.6.2x init.c check_membank_valid(): per-bank "%.8lx" messages, no highmem. */
        CHECK_MEMBANK_VALID(Releases.until(SANITY_CHECK_MEMINFO), "arch/arm/mm/init.c check_membank_valid()"),
        /**
         * sanity_check_meminfo() on meminfo banks with __va() tests ("%.8llx" texts from {@link #PHYS_ADDR_T},
         * banks above 4 GB from {@link #LPAE_BANKS}).
         */
        SANITY_VA(Releases.between(SANITY_CHECK_MEMINFO, SIZE_LIMIT),
                "arch/arm/mm/mmu.c sanity_check_meminfo() (meminfo banks, __va() tests)"),
        /** sanity_check_meminfo() with vmalloc_limit/size_limit: "(!CONFIG_HIGHMEM)." for every high bank. */
        SANITY_LIMIT(Releases.between(SIZE_LIMIT, MEMBLOCK_TEXTS), "arch/arm/mm/mmu.c sanity_check_meminfo() (vmalloc_limit, size_limit)"),
        /** 3.16 memblock rewrite: "%pa" texts ("Consider using ..." from {@link #CONSIDER_HIGHMEM}). */
        SANITY_MEMBLOCK(Releases.between(MEMBLOCK_TEXTS, ADJUST_LOWMEM), "arch/arm/mm/mmu.c sanity_check_meminfo() (memblock regions)"),
        /** adjust_lowmem_bounds(): silent truncation, "Ignoring RAM at %pa-%pa" + "Consider ...". */
        ADJUST_LOWMEM_BOUNDS(Releases.since(ADJUST_LOWMEM), "arch/arm/mm/mmu.c adjust_lowmem_bounds()");

        private final Releases releases;
        private final String where;

        LowmemRule(Releases releases, String where) {
            this.releases = releases;
            this.where = where;
        }

        @Override
        public Releases releases() {
            return releases;
        }

        /** The function and its releases, as a derivation step cites them. */
        String source() {
            return source(where);
        }
    }

    /**
     * What early_vmalloc() writes and the lowmem step reads (arch/arm/mm/mmu.c): the kernel variable of
     * each era, its default, and how the lowest address lowmem may not reach follows from it.
     */
    enum VmallocRule implements EraRule {
        /** vmalloc_reserve = SZ_128M; VMALLOC_MIN = VMALLOC_END - vmalloc_reserve. */
        RESERVE(Releases.until(VMALLOC_GLOBAL), "vmalloc_reserve", 128L << 20, "arch/arm/mm/mmu.c vmalloc_reserve = SZ_128M"),
        /** vmalloc_min = VMALLOC_END - (240 << 20) - VMALLOC_OFFSET; vmalloc=N sets VMALLOC_END - N. */
        MIN_240(Releases.between(VMALLOC_GLOBAL, VMALLOC_SIZE), "vmalloc_min", 240L << 20, "arch/arm/mm/mmu.c 240 MB default"),
        /** vmalloc_size = 240 * SZ_1M; vmalloc_limit = VMALLOC_END - vmalloc_size - VMALLOC_OFFSET; "MiB" texts. */
        SIZE_240(Releases.since(VMALLOC_SIZE), "vmalloc_size", 240L << 20, "arch/arm/mm/mmu.c 240 MB default");

        private final Releases releases;
        /** The kernel variable early_vmalloc() writes. */
        final String variable;
        /** The vmalloc area's size without vmalloc= (-D VMALLOC_RESERVE replaces it). */
        final long defaultSize;
        /** The default's source, as the constant VMALLOC_RESERVE records it. */
        final String defaultSource;

        VmallocRule(Releases releases, String variable, long defaultSize, String defaultSource) {
            this.releases = releases;
            this.variable = variable;
            this.defaultSize = defaultSize;
            this.defaultSource = defaultSource;
        }

        @Override
        public Releases releases() {
            return releases;
        }
    }

    /** VMALLOC_END (arch/arm/include/asm/pgtable.h; per board in mach/vmalloc.h before 3.4). */
    enum VmallocEndRule implements EraRule {
        /** Per board (mach/vmalloc.h): vmlayout assumes 0xff000000 and says so. */
        PER_BOARD(Releases.until(VMALLOC_GLOBAL), 0xff000000L),
        /** 0xff000000 for every board. */
        FF000000(Releases.between(VMALLOC_GLOBAL, VMALLOC_END_FF8), 0xff000000L),
        /** "ARM: 8432/1: move VMALLOC_END from 0xff000000 to 0xff800000". */
        FF800000(Releases.since(VMALLOC_END_FF8), 0xff800000L);

        private final Releases releases;
        final long value;

        VmallocEndRule(Releases releases, long value) {
            this.releases = releases;
            this.value = value;
        }

        @Override
        public Releases releases() {
            return releases;
        }
    }

    /** The fixmap of each era (arch/arm/include/asm/fixmap.h) and the end its table row prints. */
    enum FixmapRule implements EraRule {
        /** 0xfff00000-0xfffe0000 (896 kB), the row ends at FIXADDR_TOP. */
        FIRST_896K(Releases.until(FIXMAP_2M), 0xfff00000L, 0xfffe0000L, "FIXADDR_TOP"),
        /** 0xffc00000-0xffe00000 (2 MB, 32 CPUs), the row ends at FIXADDR_TOP. */
        CPUS32_2M(Releases.between(FIXMAP_2M, FIXMAP_3M), 0xffc00000L, 0xffe00000L, "FIXADDR_TOP"),
        /** The generic fixmap, 3 MB: the row ends at FIXADDR_END. */
        GENERIC_3M(Releases.since(FIXMAP_3M), 0xffc00000L, 0xfff00000L, "FIXADDR_END");

        private final Releases releases;
        final long start;
        final long printedEnd;
        /** The constant the row's end is (and -D pins). */
        final String endName;

        FixmapRule(Releases releases, long start, long printedEnd, String endName) {
            this.releases = releases;
            this.start = start;
            this.printedEnd = printedEnd;
            this.endName = endName;
        }

        @Override
        public Releases releases() {
            return releases;
        }
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
    /**
     * Device-tree memory nodes leave arm_add_memory(): "arm: Get rid of meminfo" (Laura Abbott, merged for
     * 3.16 with {@link #MEMBLOCK_TEXTS}) deletes arch/arm/kernel/devtree.c's
     * {@code early_init_dt_add_memory_arch(u64 base, u64 size) { arm_add_memory(base, size); }}, so a device
     * tree's banks go through the generic drivers/of/fdt.c early_init_dt_add_memory_arch(): no "Truncating
     * memory at ..." for them (real boots of Debian 6.1 and 6.12 armmp, 3 GB at 0x40000000: no line).
     * ATAGs and mem= still call arm_add_memory().
     */
    static final KernelVersion DT_MEMORY_GENERIC = KernelVersion.of(3, 16);
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

    /**
     * "drivers: of: add initialization code for static reserved memory" (Marek Szyprowski, Feb 2014):
     * /reserved-memory is read from 3.15.
     */
    static final KernelVersion RESERVED_MEMORY = KernelVersion.of(3, 15);
    /** "fdt: Properly handle "no-map" field in the memory region" (upstream 86588296acbf, Jan 2021): 5.12. */
    static final KernelVersion NOMAP_MARKED = KernelVersion.of(5, 12);
    /**
     * "3G/1G user/kernel split (for full 1G low memory)" (VMSPLIT_3G_OPT, PAGE_OFFSET 0xB0000000,
     * depends on !ARM_LPAE) first appears in 4.4-rc1 (raspberrypi/linux issue #5245 cites the
     * v4.3..v4.4-rc1 diff); 2.6.39.3's arch/arm/Kconfig has only 3G, 2G and 1G.
     */
    static final KernelVersion VMSPLIT_3G_OPT = KernelVersion.of(4, 4);
    /**
     * Marek Szyprowski, "ARM: mm: don't limit default CMA region only to low memory" (95b0e655f914,
     * 2014-10-09): arm_memblock_init() passes arm_dma_limit to dma_contiguous_reserve() instead of
     * min(arm_dma_limit, arm_lowmem_limit) (3.18, with the highmem fallback of mm/cma.c).
     */
    static final KernelVersion CMA_DMA_LIMIT = KernelVersion.of(3, 18);
    /**
     * reserve_crashkernel() finds a base itself (CRASH_ALIGN 128 MB, memblock_find_in_range() up to the
     * identity map's reach, later also below lowmem): the reserve_bootmem() form of a 3.x tree had no
     * search; the search is in a tree that has early_init_fdt_reserve_self() and
     * dma_contiguous_reserve(arm_dma_limit) (merge excerpt id 7613483968). Bracket 3.18-4.1.
     */
    static final KernelVersion CRASH_AUTO = KernelVersion.of(4, 1);
    /**
     * Baoquan He, "arm, crash: wrap crash dumping code into crash related ifdefs" (15 Jan 2024):
     * reserve_crashkernel() under CONFIG_CRASH_RESERVE instead of CONFIG_KEXEC (6.9).
     */
    static final KernelVersion CRASH_RESERVE = KernelVersion.of(6, 9);
    /**
     * arch/arm/mm/init.c mem_init() of LPAE kernels sets up SWIOTLB when RAM reaches above
     * arm_dma_pfn_limit (`max_pfn > arm_dma_pfn_limit`, in the 5.x and 6.x code; bracket 4.x-5.0).
     */
    static final KernelVersion LPAE_SWIOTLB = KernelVersion.of(5, 0);
    /**
     * arm_memblock_init() refuses an initrd outside memblock.memory with pr_err("INITRD: 0x%08lx+0x%08lx is not
     * a memory region - disabling initrd\n") (a 3.0.1 tree, DingSoung/linux-3.0.1 c296cbcb arch/arm/mm/init.c);
     * arm_initrd_init() (4.x-5.17) and the generic reserve_initrd_mem() (init/initramfs.c, ARM from 5.18) print
     * the same words. Before: 2.6.x bootmem's check_initrd() said "extends beyond physical memory" and the
     * first memblock code (2.6.36-ish, "ARM: initial LMB trial") had no check. Bracket 2.6.36-3.0.
     */
    static final KernelVersion INITRD_NOT_MEMORY_TEXT = KernelVersion.of(3, 0);
    /**
     * The INITRD: line gives the initrd rounded out to whole pages (round_down(start), round_up(size)) in
     * arm_initrd_init() (a 4.14 tree; 4.19.90 EVAcacia/linux-4.19.90_not_move c7ef8ffa; a 5.10 boot log,
     * gisab/WDMC-Ex2 issue 5: "INITRD: 0x00a00000+0x00519000" for 5341267 bytes) and reserve_initrd_mem();
     * the raw phys_initrd_start/size in 3.0. Bracket 3.0-4.14.
     */
    static final KernelVersion INITRD_PAGES = KernelVersion.of(4, 14);
    /**
     * ARM uses the generic reserve_initrd_mem() (init/initramfs.c): "ARM: 9175/1: Convert to reserve_initrd_mem()"
     * (e46e45f00d9e, Kefeng Wang, Dec 2021), listed among the 5.18 merge window's commits (with "ARM: 9181/1", "random:
     * cleanup UUID handling"). Its overlap message is pr_err("...overlaps in-use memory region\n") then pr_cont(" -
     * disabling initrd\n"), two lines (the real 6.1 and 6.12 boots with initrd=0x40300000,1M); arm_initrd_init()
     * printed one. Bracket 5.17-5.18.
     */
    static final KernelVersion INITRD_GENERIC = KernelVersion.of(5, 18);

    /**
     * How far the ARM facts reach (src/docs/eras.md, "How far the facts reach"). No ARM rule vmlayout
     * models changed after 5.14 as far as read:
     * <ul>
     *   <li>real boots of Debian 6.12.118 armmp and armmp-lpae under QEMU (testdata/arm/log13-15): the
     *       5.14 vmalloc texts and the lowmem limit VMALLOC_END - vmalloc_size - 8 MB;</li>
     *   <li>arch/arm/Kconfig of a linux-next clone of the 6.19-rc5 cycle (ColinIanKing/linux-next
     *       @1b732e47): "choice / prompt "Memory split" / depends on MMU / default VMSPLIT_3G", HIGHMEM
     *       "If unsure, say n." without a default; the same "default VMSPLIT_3G" is the context of the
     *       arch/arm/Kconfig hunk of "arch/*: increase lowmem size to avoid highmem use" (Arnd Bergmann,
     *       19 Dec 2025, index fa83c040ee2d);</li>
     *   <li>arch/arm/mm/mmu.c of the same clone (@fe7e7f9c): early_vmalloc() and adjust_lowmem_bounds()
     *       as in 5.14.</li>
     * </ul>
     * That series (v1, "mm: increase lowmem size in linux-7.0") would make VMSPLIT_2G the default with
     * HIGHMEM or LPAE and VMSPLIT_3G_OPT otherwise; no later version and no merge of it is in the mail
     * archives read up to Linux 7.1.3 (July 2026), and its ARM PAGE_OFFSET line "default 0x70000000 if
     * VMSPLIT_2G_OPT" is in no stored tree (research notes: eras-7x.md); no ARM pull of 7.x is in the index,
     * so 7.0 and later are not checked.
     */
    static final Checked CHECKED = new Checked(KernelVersion.of(6, 19),
            "real boots of 6.12.118 armmp and armmp-lpae, arch/arm/Kconfig and mm/mmu.c of the 6.19 cycle",
            "whether it changed the default memory split: \"mm: increase lowmem size\" (posted for 7.0 in"
                    + " December 2025: VMSPLIT_2G by default with HIGHMEM or LPAE, else VMSPLIT_3G_OPT) is in no"
                    + " release vmlayout found (v1 only, in mail to July 2026), so VMSPLIT_3G stays vmlayout's default;"
                    + " pin -D VMSPLIT_2G=y etc. from your .config");


    /** What happens to a device tree /reserved-memory region marked no-map. */
    enum NoMapRule implements EraRule {
        /** Before 3.15 the kernel does not read /reserved-memory at all. */
        IGNORED(Releases.until(RESERVED_MEMORY)),
        /**
         * 3.15-4.11: arm_memblock_init() -> early_init_fdt_scan_reserved_mem() memblock_remove()s the
         * region after sanity_check_meminfo() set the lowmem limit: a hole, the limit unchanged.
         */
        HOLE_AFTER_LIMIT(Releases.between(RESERVED_MEMORY, ADJUST_LOWMEM)),
        /**
         * 4.12-5.11: removed the same way, but setup_arch() calls adjust_lowmem_bounds() again after
         * arm_memblock_init() ("Memory may have been removed so recalculate the bounds."): the limit is
         * computed without the region.
         */
        REMOVED_BEFORE_RECALC(Releases.between(ADJUST_LOWMEM, NOMAP_MARKED)),
        /**
         * 5.12 on: drivers/of/fdt.c early_init_dt_reserve_memory_arch() marks it MEMBLOCK_NOMAP instead
         * ("fdt: Properly handle "no-map" field in the memory region", 86588296acbf); the second
         * adjust_lowmem_bounds() skips NOMAP regions (for_each_mem_range(), "ARM: 8904/1: skip nomap
         * memblocks while finding the lowmem/highmem boundary", 5.4) but memblock_end_of_DRAM() still
         * counts them.
         */
        MARKED_BEFORE_RECALC(Releases.since(NOMAP_MARKED));

        private final Releases releases;

        NoMapRule(Releases releases) {
            this.releases = releases;
        }

        @Override
        public Releases releases() {
            return releases;
        }
    }

    final LowmemRule lowmem;
    final VmallocRule vmalloc;
    final FixmapRule fixmap;
    final NoMapRule noMap;
    /** The "%.8llx" texts of phys_addr_t banks; before, "%.8lx" and the TLB-broadcast highmem refusal. */
    final boolean physAddrT;
    /** sanity_check_meminfo() sees banks above 4 GB (LPAE): "Ignoring RAM at ... (!CONFIG_HIGHMEM).". */
    final boolean lpaeBanks;
    /** The memblock-era truncation ends with "Consider using a HIGHMEM enabled kernel.". */
    final boolean considerHighmem;
    /** VMALLOC_END is board-specific (mach/vmalloc.h) in this release; vmlayout assumes 0xff000000. */
    final boolean perBoardVmallocEnd;
    /** The default vmalloc area is 240 MB (128 MB vmalloc_reserve before). */
    final Fact vmalloc240;
    /** early_vmalloc()'s vmalloc_size form: the limits say MiB and the upper one subtracts VMALLOC_OFFSET. */
    final Fact vmallocMib;
    final VmallocEndRule vmallocEndRule;
    final long vmallocEnd;
    /** mem_init() prints the table in this release (2.6.33-5.0). */
    final boolean printsTable;
    /** Before 2.6.33: the table is shown in its first form. */
    final boolean tableNotYet;
    final boolean bssRow;
    final boolean textFirst;
    /** DTCM/ITCM rows exist (under CONFIG_HAVE_TCM) and .data starts at _sdata. */
    final boolean tcmRows;
    /** The HIGHMEM bank test is "__va(start) >= vmalloc_min" (">" before). */
    final boolean highmemStartGe;
    /** The DMA (consistent) row. */
    final Fact dmaRow;
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
    /** ioremap() keeps the generic alignment (IOREMAP_MAX_ORDER 7 + PAGE_SHIFT) with SMP or LPAE. */
    final boolean ioremapOrderSmp;
    /** A device tree's banks skip arm_add_memory() (drivers/of/fdt.c), so firmware banks may take either path. */
    final boolean dtMemoryGeneric;
    /** Kconfig offers VMSPLIT_3G_OPT (without LPAE). */
    final boolean vmsplit3gOpt;
    /** Newer than {@link #CHECKED}: computed with its rules, and a note says so. */
    final boolean pastChecked;
    /** dma_contiguous_reserve(arm_dma_limit) (else min(arm_dma_limit, arm_lowmem_limit)). */
    final Fact cmaDmaLimit;
    /** reserve_crashkernel() places the crash kernel itself when no @offset is given. */
    final Fact crashAuto;
    /** The Kconfig symbol that compiles reserve_crashkernel() in: KEXEC, or CRASH_RESERVE from 6.9. */
    final String crashKconfig;
    /** mem_init() sets up SWIOTLB on LPAE kernels with RAM above the DMA limit. */
    final boolean lpaeSwiotlb;
    /** "INITRD: ... is not a memory region - disabling initrd" (3.0+). */
    final boolean initrdNotMemoryText;
    /** The INITRD: line shows the initrd rounded out to pages (4.14+), else as the boot loader gave it. */
    final boolean initrdPages;
    /** The generic reserve_initrd_mem() and its two-line overlap message (5.18+). */
    final boolean initrdGeneric;

    private ArmEra(KernelVersion v) {
        super(v);
        lowmem = pick(LowmemRule.values());
        vmalloc = pick(VmallocRule.values());
        fixmap = pick(FixmapRule.values());
        noMap = pick(NoMapRule.values());
        physAddrT = since(PHYS_ADDR_T);
        lpaeBanks = since(LPAE_BANKS);
        considerHighmem = since(CONSIDER_HIGHMEM);
        perBoardVmallocEnd = !since(VMALLOC_GLOBAL);
        vmalloc240 = fact(VMALLOC_GLOBAL);
        vmallocMib = fact(VMALLOC_SIZE);
        vmallocEndRule = pick(VmallocEndRule.values());
        vmallocEnd = vmallocEndRule.value;
        tableNotYet = !since(TABLE_ADDED);
        printsTable = since(TABLE_ADDED) && !since(TABLE_REMOVED);
        bssRow = since(BSS_ROW);
        textFirst = since(TEXT_FIRST);
        tcmRows = since(TCM_ROWS);
        highmemStartGe = since(HIGHMEM_START_GE);
        dmaRow = Fact.until(DMA_ROW_GONE, v);
        modulesIfdef = since(MODULES_IFDEF);
        ptrval = since(PTRVAL);
        suffixes = since(MEMPARSE_TPE) ? MemParse.Suffixes.KMGTPE : MemParse.Suffixes.KMG;
        belowPhysOffsetCheck = since(BELOW_PHYS_OFFSET);
        meminfo = !since(MEMBLOCK_TEXTS);
        firstBankNomap = hasFirstBankNomap();
        u64AddMemory = since(U64_ADD_MEMORY);
        ioremapOrderSmp = since(IOREMAP_ORDER_SMP);
        vmsplit3gOpt = since(VMSPLIT_3G_OPT);
        dtMemoryGeneric = since(DT_MEMORY_GENERIC);
        pastChecked = pastChecked(CHECKED);
        cmaDmaLimit = fact(CMA_DMA_LIMIT);
        crashAuto = fact(CRASH_AUTO);
        crashKconfig = since(CRASH_RESERVE) ? "CRASH_RESERVE" : "KEXEC";
        lpaeSwiotlb = since(LPAE_SWIOTLB);
        initrdNotMemoryText = since(INITRD_NOT_MEMORY_TEXT);
        initrdPages = since(INITRD_PAGES);
        initrdGeneric = since(INITRD_GENERIC);
    }

    /**
     * The facts of this release a computation past {@link #CHECKED} rests on without their being checked for
     * the newer release: the note past CHECKED names them (issue 21), each with the releases it is known for.
     */
    List<String> carriedFacts() {
        List<String> out = new ArrayList<>();
        out.add("the Kconfig defaults VMSPLIT_3G and HIGHMEM off");
        out.add("VMALLOC_END " + Fmt.hex8(vmallocEnd) + " (" + vmallocEndRule.releases() + ")");
        out.add("the " + (vmalloc.defaultSize >> 20) + " MB default " + vmalloc.variable + " (" + vmalloc.releases() + ")");
        out.add(lowmem.source());
        out.add("the fixmap " + Fmt.hex8(fixmap.start) + "-" + Fmt.hex8(fixmap.printedEnd) + " ("
                + fixmap.releases() + ")");
        if (firstBankNomap) {
            out.add("the NOMAP head of the first bank (" + Releases.since(FIRST_BANK_NOMAP) + ")");
        }
        out.add("the texts of the lines shown as the kernel's");
        return out;
    }

    private static final Era.Last<ArmEra> LAST = new Era.Last<>();

    static ArmEra of(KernelVersion v) {
        ArmEra e = LAST.of(v);
        return e != null ? e : LAST.keep(new ArmEra(v));
    }

    /** 5.4 on, and the stable releases that took ARM 8903/1. */
    private boolean hasFirstBankNomap() {
        if (since(FIRST_BANK_NOMAP)) {
            return true;
        }
        KernelVersion v = version;
        return v.major() == 4 && v.minor() == 14 && v.patch() >= 148
                || v.major() == 4 && v.minor() == 19 && v.patch() >= 78
                || v.major() == 5 && v.minor() == 3 && v.patch() >= 5;
    }
}
