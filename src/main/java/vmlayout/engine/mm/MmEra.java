package vmlayout.engine.mm;

import vmlayout.config.Era;
import vmlayout.config.KernelVersion;

/** The release-dependent facts of the generic memory code (mm/) that every arch prints through. */
final class MmEra extends Era {

    /**
     * The values of mem_init_print_info() that vmlayout compares ("Memory: %luK/%luK available (...,
     * %luK highmem)"): one generic function since 3.11 (Jiang Liu 7ee3d4e8cd56), one line with
     * "cma-reserved" since Joe Perches 756a025f0009 (2016), the str argument gone in 5.13; checked from
     * 5.8, the release of free_area_init() for every arch (Mike Rapoport's "mm: free_area_init: use
     * maximal zone PFNs rather than zone sizes"), which is where the logs of today's 32-bit boards start
     * (openbmc 5.10/5.15, BPI-M3 5.17, realboot 6.1/6.12: the golden logs in testdata/arm and testdata/verify).
     */
    static final KernelVersion MEMORY_FIGURES = KernelVersion.of(5, 8);

    /**
     * free_area_init(max_zone_pfn) for every arch (Mike Rapoport, "mm: free_area_init: use maximal zone PFNs
     * rather than zone sizes", 5.8; the ARM part, index id 40901712994, drops free_area_init_node() with zone
     * sizes, which printed no "Zone ranges:": RPi 4.4 and 4.19 logs have none). Its lines, in the form
     * "  %-8s [mem %#018Lx-%#018Lx]" (the %#018Lx form since the 3.x pr_info patch, index id 16618358412),
     * are predicted from 5.8 on every arch: older x86 and powerpc releases printed them too, in forms this
     * check does not cover.
     */
    static final KernelVersion FREE_AREA_INIT = MEMORY_FIGURES;

    /**
     * struct page carries the memcg pointer under CONFIG_MEMCG (Johannes Weiner, "mm: embed the memcg pointer directly
     * into struct page", 3.19; page->memcg_data from 5.10): 4 more bytes a page on 32-bit.
     */
    static final KernelVersion MEMCG_IN_STRUCT_PAGE = KernelVersion.of(3, 19);

    /**
     * alloc_node_mem_map() panics "Failed to allocate %ld bytes for node %d memory map" when memblock finds no room
     * (Mike Rapoport, "memblock: drop memblock_alloc_*_nopanic() variants" and "treewide: add checks for the return
     * value of memblock_alloc*()", 5.1; mm/page_alloc.c, mm/mm_init.c from 6.4); before, the _nopanic allocation
     * returned NULL unchecked. The real Debian 6.1 armmp-lpae (3 GB, vmalloc=2G) and 686-pae (16 GB, vmalloc=800M)
     * kernels printed it.
     */
    static final KernelVersion MEM_MAP_PANIC_TEXT = KernelVersion.of(5, 1);

    /** The "Memory:" figures are compared. */
    final boolean memoryFigures;
    /** "Zone ranges:" ... "Initmem setup node" are predicted. */
    final boolean freeAreaInit;
    /** CONFIG_MEMCG makes struct page 4 bytes longer (3.19+). */
    final boolean memcgInStructPage;
    /** alloc_node_mem_map()'s panic text (5.1+). */
    final boolean memMapPanicText;

    private MmEra(KernelVersion v) {
        super(v);
        memoryFigures = since(MEMORY_FIGURES);
        freeAreaInit = since(FREE_AREA_INIT);
        memcgInStructPage = since(MEMCG_IN_STRUCT_PAGE);
        memMapPanicText = since(MEM_MAP_PANIC_TEXT);
    }

    private static final Era.Last<MmEra> LAST = new Era.Last<>();

    static MmEra of(KernelVersion v) {
        MmEra e = LAST.of(v);
        return e != null ? e : LAST.keep(new MmEra(v));
    }
}
