package vmlayout.engine.reserve;

import java.util.List;
import vmlayout.config.Boundary;
import vmlayout.config.Era;
import vmlayout.config.EraRule;
import vmlayout.config.Fact;
import vmlayout.config.KernelVersion;
import vmlayout.config.Releases;

/**
 * What changes between releases in the arch-independent code of the early reservations: mm/cma.c
 * (drivers/base/dma-contiguous.c before 3.16), kernel/dma/contiguous.c, drivers/of/of_reserved_mem.c
 * and fdt.c, kernel/crash_core.c (crash_reserve.c from 6.9) and mm/page_alloc's MAX_ORDER. Each
 * boundary is the first release with the new behaviour; its comment gives the evidence (src/docs/eras.md,
 * src/docs/reservations.md; the real boots are testdata/arm/realboot-*). "believed" means
 * the patch is dated but its merge release was not read in a tree.
 */
public final class ReserveEra extends Era {

    /** "drivers: add Contiguous Memory Allocator" (Marek Szyprowski, Michal Nazarewicz): cma= and CONFIG_CMA in 3.5. */
    static final KernelVersion CMA_ADDED = KernelVersion.of(3, 5);
    /**
     * Akinobu Mita, "cma: add placement specifier for "cma=" kernel parameter" (5ea3b1b2f8ad): cma=SIZE@BASE and
     * @BASE-LIMIT; the 3.15 drivers/base/dma-contiguous.c (torvalds/linux @02b5a6031ba7) has it.
     */
    static final KernelVersion CMA_PLACEMENT = KernelVersion.of(3, 15);
    /**
     * mm/cma.c (Joonsoo Kim's "CMA: generalize CMA reserved area management functionality") with "mm, cma: remove
     * explicit 'CMA:' prefix": "cma: CMA: reserved" becomes "cma: Reserved" (linux-mm, 2014; believed 3.16).
     */
    static final KernelVersion CMA_MM = KernelVersion.of(3, 16);
    /**
     * Laurent Pinchart's "mm: cma: ..." series: highmem first, then lowmem; a fixed area may not cross the
     * boundary; "%pa" texts (linux-mm Aug-Oct 2014); with Marek Szyprowski's "ARM: mm: don't limit default CMA
     * region only to low memory" (95b0e655f914, 2014-10-09): 3.18.
     */
    static final KernelVersion CMA_HIGHMEM = KernelVersion.of(3, 18);
    /**
     * Doug Berger, "mm/cma.c: fail if fixed declaration can't be honored": "Region at %pa must be aligned to %pa
     * bytes" and "Size (%pa) of region at %pa exceeds limit (%pa)" (stable backport id 8471608471; believed 5.3).
     */
    static final KernelVersion CMA_FIXED_CHECKS = KernelVersion.of(5, 3);
    /** Roman Gushchin, "mm: cma: allocate cma areas bottom-up" (above 4 GiB with a 64-bit phys_addr_t; believed 5.11). */
    static final KernelVersion CMA_BOTTOM_UP = KernelVersion.of(5, 11);
    /**
     * Zi Yan, "mm: cma: use pageblock_order as the single alignment": PAGE_SIZE << pageblock_order instead of
     * max(MAX_ORDER - 1, pageblock_order) (believed 5.19; the real 6.1 LPAE boot places cma=256M at 0xefe00000,
     * 2 MiB aligned).
     */
    static final KernelVersion CMA_PAGEBLOCK_ALIGN = KernelVersion.of(5, 19);
    /**
     * 23baf831a32c "mm, treewide: redefine MAX_ORDER sanely" (Kirill A. Shutemov, v1 10/10 of 15 Mar 2023): MAX_ORDER
     * becomes inclusive, so
     * ARCH_FORCE_MAX_ORDER=N means blocks of 2^N pages (2^(N-1) before); Debian's armmp goes from 12 (6.1) to
     * 11 (6.12) for the same 8 MiB pageblocks.
     */
    static final KernelVersion MAX_ORDER_INCLUSIVE = KernelVersion.of(6, 4);
    /**
     * bf29bfaa5490 "dma-contiguous: support numa CMA for specified node" (Yajun Deng, v3 of 12 Jul 2023, mail id
     * 43561244099): cma_declare_contiguous_nid() prints "Reserved %ld MiB at %pa on node %d" and "Failed to reserve %ld
     * MiB on node %d", nid NUMA_NO_NODE (-1) without CONFIG_NUMA. In "[GIT PULL] dma-mapping updates for Linux 6.6"
     * (Christoph Hellwig, 29 Aug 2023, from 6.5-rc4; mm/cma.c 10 +-): 6.6. Real 6.12.118 prints it, 6.1.192 does not.
     */
    static final KernelVersion CMA_ON_NODE = KernelVersion.of(6, 6);
    /**
     * c009da4258f9 "mm, cma: support multiple contiguous ranges, if requested" (Frank van der Linden): the lines move
     * into cma_declare_contiguous_nid()'s wrapper without " on node". In "[GIT PULL] MM updates for 6.15-rc1" (Andrew
     * Morton, 30 Mar 2025, mail id 42486914675): 6.15. The 6.19-rc1 and 7.1 logs have no " on node".
     */
    static final KernelVersion CMA_NODE_DROPPED = KernelVersion.of(6, 15);
    /**
     * Nicolas Saenz Julienne: rmem_cma_setup() gives cma= precedence over a linux,cma-default pool ("Reserved memory:
     * bypass %s node, using cmdline CMA params instead", iommu list, early 2020; believed 5.7).
     */
    static final KernelVersion CMA_CMDLINE_BYPASS = KernelVersion.of(5, 7);
    /**
     * Vincent Whitchurch, "of: reserved-memory: Print allocation/reservation failures as error" (28 Jun 2022): "failed to
     * allocate memory for node '%s': size %lu MiB" (believed 6.0; real 6.1 prints it).
     */
    static final KernelVersion RMEM_FAIL_SIZE = KernelVersion.of(6, 0);
    /**
     * The lines of drivers/of/of_reserved_mem.c vmlayout prints ("OF: reserved mem: initialized node ...", "... compatible
     * matching fail", "failed to allocate memory for node ..."): read in the 5.11 code (the 5.12 no-map patch quotes it,
     * id 46738004273) and the 5.10 kernel/dma/contiguous.c; the pr_fmt prefix of older releases was not read, so before
     * this vmlayout places the regions and prints none of their lines.
     */
    static final KernelVersion RMEM_LINES = KernelVersion.of(5, 10);
    /**
     * Stephan Gerhold, "of: reserved_mem: Use stable allocation order" (4cea2821882b: __rmem_cmp() also compares the node
     * offset) and "of: reserved_mem: Try to keep range allocations contiguous" (83ba7361e168: bottom-up in an alloc-ranges
     * entry that starts at a saved region): the Devicetree pull for 6.5.
     */
    static final KernelVersion RMEM_STABLE_ORDER = KernelVersion.of(6, 5);
    /** Martin Liu, aeb9267eb6b1 (2023-02-10): "%pa..%pa (%lu KiB) %s %s %s" for each region initialised (6.3). */
    static final KernelVersion RMEM_KIB_LINE = KernelVersion.of(6, 3);
    /**
     * Oreoluwa Babatunde, "of: reserved_mem: Restructure how the reserved memory regions are processed": dynamic
     * regions allocated and initialised at once in tree order, static ones after paging_init(); "Reserved memory: No
     * reserved-memory node in the DT" (real 6.12.118 boots; absent in 6.1).
     */
    static final KernelVersion RMEM_RESTRUCTURE = KernelVersion.of(6, 12);
    /** Yinghai Lu's crashkernel=X,high / ,low: get_last_crashkernel() skips the suffixed ones (believed 3.9). */
    static final KernelVersion CRASH_SUFFIXES = KernelVersion.of(3, 9);
    /** parse_crashkernel_mem() rounds System RAM up to 128 MB (patch mails with git 2.33.1; believed 5.17). */
    static final KernelVersion CRASH_ROUNDUP = KernelVersion.of(5, 17);
    /**
     * parse_crashkernel(): "if (*crash_size >= system_ram) ret = -EINVAL;" (kernel/crash_reserve.c), Jinjie Ruan, "crash:
     * fix crash memory reserve exceed system memory bug" (v6 of 29 Jul 2024, mail id 31497474408: "On x86_32 Qemu machine
     * with 1GB memory, the cmdline "crashkernel=4G" is ok"; Acked-by Baoquan He). Posted after the 6.11 merge window
     * closed (6.11-rc1, 28 Jul 2024) and without a Fixes: tag, so not an rc fix: inferred 6.12, the first release that
     * has it in the real boots (6.12.118 ignores crashkernel=800M on 768 MB of lowmem silently; 6.1 fails to place it).
     */
    static final KernelVersion CRASH_SIZE_CHECK = KernelVersion.of(6, 12);
    /** ",cma" suffix (kernel/crash_reserve.c of 6.16 read in torvalds/linux @35c18f29; believed 6.16). */
    static final KernelVersion CRASH_CMA_SUFFIX = KernelVersion.of(6, 16);

    /** The texts of the CMA area's lines. */
    public enum CmaText implements EraRule {
        /** drivers/base/dma-contiguous.c: pr_fmt "cma: " + "CMA: reserved %ld MiB at %08lx". */
        DMA_CONTIGUOUS(Releases.between(CMA_ADDED, CMA_MM), "cma: CMA: reserved %d MiB at %s", "cma: CMA: failed to reserve %d MiB",
                false),
        /** mm/cma.c before the %pa patch. */
        MM_08LX(Releases.between(CMA_MM, CMA_HIGHMEM), "cma: Reserved %d MiB at %s", "cma: Failed to reserve %d MiB", false),
        /** "%pa" texts. */
        MM_PA(Releases.between(CMA_HIGHMEM, CMA_ON_NODE), "cma: Reserved %d MiB at %s", "cma: Failed to reserve %d MiB", true),
        /** " on node %d" (6.6-6.14). */
        ON_NODE(Releases.between(CMA_ON_NODE, CMA_NODE_DROPPED), "cma: Reserved %d MiB at %s on node -1",
                "cma: Failed to reserve %d MiB on node -1", true),
        /** The wrapper of 6.15. */
        WRAPPER(Releases.since(CMA_NODE_DROPPED), "cma: Reserved %d MiB at %s", "cma: Failed to reserve %d MiB", true);

        private final Releases releases;
        final String reserved;
        final String failed;
        /** The address as %pa (0x + 8 or 16 digits) rather than %08lx. */
        final boolean pa;

        CmaText(Releases releases, String reserved, String failed, boolean pa) {
            this.releases = releases;
            this.reserved = reserved;
            this.failed = failed;
            this.pa = pa;
        }

        @Override
        public Releases releases() {
            return releases;
        }
    }

    public final boolean cma;
    public final boolean cmaPlacement;
    public final Fact cmaHighmemFirst;
    public final boolean cmaFixedChecks;
    public final boolean cmaBottomUp;
    public final Fact cmaPageblockAlign;
    public final boolean maxOrderInclusive;
    public final CmaText cmaText;
    public final boolean cmaCmdlineBypass;
    public final boolean rmemFailSize;
    public final boolean rmemKibLine;
    public final boolean rmemLines;
    public final boolean rmemStableOrder;
    public final boolean rmemContiguous;
    public final Fact rmemRestructure;
    public final boolean crashSuffixes;
    public final boolean crashRoundUp;
    public final boolean crashSizeCheck;
    /** The suffixes get_last_crashkernel() skips. */
    public final List<String> crashKnownSuffixes;

    private ReserveEra(KernelVersion v) {
        super(v);
        cma = since(CMA_ADDED);
        cmaPlacement = since(CMA_PLACEMENT);
        cmaHighmemFirst = fact(CMA_HIGHMEM);
        cmaFixedChecks = since(CMA_FIXED_CHECKS);
        cmaBottomUp = since(CMA_BOTTOM_UP);
        cmaPageblockAlign = fact(CMA_PAGEBLOCK_ALIGN);
        maxOrderInclusive = since(MAX_ORDER_INCLUSIVE);
        cmaText = cma ? pick(CmaText.values()) : CmaText.DMA_CONTIGUOUS;
        cmaCmdlineBypass = since(CMA_CMDLINE_BYPASS);
        rmemFailSize = since(RMEM_FAIL_SIZE);
        rmemKibLine = since(RMEM_KIB_LINE);
        rmemLines = since(RMEM_LINES);
        rmemStableOrder = since(RMEM_STABLE_ORDER);
        rmemContiguous = since(RMEM_STABLE_ORDER);
        rmemRestructure = fact(RMEM_RESTRUCTURE);
        crashSuffixes = since(CRASH_SUFFIXES);
        crashRoundUp = since(CRASH_ROUNDUP);
        crashSizeCheck = since(CRASH_SIZE_CHECK);
        crashKnownSuffixes = !crashSuffixes ? List.of() : since(CRASH_CMA_SUFFIX) ? List.of(",high", ",low", ",cma")
                : List.of(",high", ",low");
    }

    private static final Era.Last<ReserveEra> LAST = new Era.Last<>();

    public static ReserveEra of(KernelVersion v) {
        ReserveEra e = LAST.of(v);
        return e != null ? e : LAST.keep(new ReserveEra(v));
    }

    /** The release boundaries of the reservation rules, for the upgrade report of diff. */
    public static List<Boundary> boundaries() {
        return Boundary.of(ReserveEra.class);
    }

    /** The release CMA arrived in, for the note on an older release. */
    public static String cmaAdded() {
        return CMA_ADDED.toString();
    }
}
