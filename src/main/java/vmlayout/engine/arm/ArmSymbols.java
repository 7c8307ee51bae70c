package vmlayout.engine.arm;

import java.util.List;
import vmlayout.config.Arch;
import vmlayout.config.Symbol;
import vmlayout.config.Symbol.Kind;
import vmlayout.config.SymbolCatalog;

/** The Kconfig symbols and kernel constants the ARM engine reads, each settable with -D. */
final class ArmSymbols {

    private ArmSymbols() {
    }

    static final SymbolCatalog CATALOG = new SymbolCatalog(Arch.ARM, List.of(
            // Kconfig
            new Symbol("HIGHMEM", Kind.BOOL, "CONFIG_HIGHMEM: RAM above the lowmem limit becomes highmem instead of being dropped (default n)"),
            new Symbol("VMSPLIT_3G", Kind.BOOL, "3G/1G user/kernel split: PAGE_OFFSET 0xC0000000 (the default)"),
            new Symbol("VMSPLIT_3G_OPT", Kind.BOOL, "3G/1G split for full 1G low memory: PAGE_OFFSET 0xB0000000"),
            new Symbol("VMSPLIT_2G", Kind.BOOL, "2G/2G split: PAGE_OFFSET 0x80000000"),
            new Symbol("VMSPLIT_1G", Kind.BOOL, "1G/3G split: PAGE_OFFSET 0x40000000"),
            new Symbol("PAGE_OFFSET", Kind.VIRT, "start of the kernel's lowmem mapping (CONFIG_PAGE_OFFSET, from VMSPLIT_*)"),
            new Symbol("ARM_LPAE", Kind.BOOL, "CONFIG_ARM_LPAE: 64-bit phys_addr_t, %pa prints 16 digits"),
            new Symbol("ZONE_DMA", Kind.BOOL, "CONFIG_ZONE_DMA: a DMA zone below arm_dma_limit (selected by some platforms; default n)"),
            new Symbol("ARM_DMA_ZONE_SIZE", Kind.SIZE, "the machine's dma_zone_size (setup_dma_zone()); none: the DMA zone reaches 4 GB"),
            new Symbol("MODULES", Kind.BOOL, "CONFIG_MODULES: the modules row (default y, as in every board defconfig)"),
            new Symbol("THUMB2_KERNEL", Kind.BOOL, "CONFIG_THUMB2_KERNEL: modules area is 8 MB instead of 16 MB"),
            new Symbol("SMP", Kind.BOOL, "CONFIG_SMP: from 4.0 ioremap() is aligned to 512 kB instead of 16 MB (default n)"),
            new Symbol("HAVE_TCM", Kind.BOOL, "CONFIG_HAVE_TCM: DTCM/ITCM rows (implied by DTCM_END/ITCM_END)"),
            // the early reservations (src/docs/reservations.md)
            new Symbol("CMA", Kind.BOOL, "CONFIG_CMA: the contiguous memory allocator (needed by DMA_CMA)"),
            new Symbol("DMA_CMA", Kind.BOOL, "CONFIG_DMA_CMA: a global CMA area at boot (cma=, CMA_SIZE_*; default n, y when cma= is given)"),
            new Symbol("CMA_SIZE_MBYTES", Kind.INT, "CONFIG_CMA_SIZE_MBYTES: the global CMA area without cma=, in MiB (default 16)"),
            new Symbol("CMA_SIZE_PERCENTAGE", Kind.INT, "CONFIG_CMA_SIZE_PERCENTAGE: the global CMA area in % of RAM (default 10)"),
            new Symbol("CMA_SIZE_SEL_MBYTES", Kind.BOOL, "CONFIG_CMA_SIZE_SEL_MBYTES: size from CMA_SIZE_MBYTES (the default choice)"),
            new Symbol("CMA_SIZE_SEL_PERCENTAGE", Kind.BOOL, "CONFIG_CMA_SIZE_SEL_PERCENTAGE: size from CMA_SIZE_PERCENTAGE"),
            new Symbol("CMA_SIZE_SEL_MIN", Kind.BOOL, "CONFIG_CMA_SIZE_SEL_MIN: the smaller of the two"),
            new Symbol("CMA_SIZE_SEL_MAX", Kind.BOOL, "CONFIG_CMA_SIZE_SEL_MAX: the larger of the two"),
            new Symbol("ARCH_FORCE_MAX_ORDER", Kind.INT, "CONFIG_ARCH_FORCE_MAX_ORDER (FORCE_MAX_ZONEORDER before 6.1): sets the "
                    + "pageblock, hence the CMA alignment (default 11, 10 from 6.4 when it counts one less)"),
            new Symbol("FORCE_MAX_ZONEORDER", Kind.INT, "CONFIG_FORCE_MAX_ZONEORDER: ARCH_FORCE_MAX_ORDER's name before 6.1"),
            new Symbol("HUGETLB_PAGE", Kind.BOOL, "CONFIG_HUGETLB_PAGE (LPAE only): pageblocks of 2 MB (HUGETLB_PAGE_ORDER 9)"),
            new Symbol("ZONE_DMA", Kind.BOOL, "CONFIG_ZONE_DMA: arm_dma_limit is 0xffffffff or the board's DMA zone, else ~0"),
            new Symbol("ARM_DMA_ZONE_SIZE", Kind.SIZE, "the board's machine_desc dma_zone_size: arm_dma_limit = PHYS_OFFSET + size - 1"),
            new Symbol("KEXEC", Kind.BOOL, "CONFIG_KEXEC: reserve_crashkernel() is built (up to 6.8; y when crashkernel= is given)"),
            new Symbol("CRASH_RESERVE", Kind.BOOL, "CONFIG_CRASH_RESERVE: reserve_crashkernel() is built (6.9+; y when crashkernel= is given)"),
            new Symbol("STRUCT_PAGE_SIZE", Kind.INT, "sizeof(struct page): the size of mem_map that paging_init() takes from lowmem (32; 36 with MEMCG)"),
            new Symbol("MEMCG", Kind.BOOL, "CONFIG_MEMCG: struct page carries a memcg pointer (3.19+), 4 bytes more a page of mem_map"),
            new Symbol("KERNEL_SIZE", Kind.SIZE, "the kernel image's size in RAM when no System.map is given (16 MB typical)"),
            // CPU properties the kernel reads at boot
            new Symbol("VIPT_ALIASING", Kind.BOOL, "the data cache is VIPT aliasing (cache_is_vipt_aliasing()): the kernel refuses highmem"),
            new Symbol("TLB_OPS_NEED_BROADCAST", Kind.BOOL, "SMP without hardware TLB broadcast (ARM11MPCore): pre-3.x kernels refuse highmem"),
            // kernel constants
            new Symbol("PHYS_OFFSET", Kind.PHYS, "physical address of the start of RAM, mapped at PAGE_OFFSET (default: lowest --ram start)"),
            new Symbol("VMALLOC_END", Kind.VIRT, "end of the vmalloc area (per board up to 3.4; 0xff000000 3.5-3.19; 0xff800000 4.0+)"),
            new Symbol("VMALLOC_OFFSET", Kind.SIZE, "guard gap between lowmem and vmalloc (8 MB)"),
            new Symbol("VMALLOC_RESERVE", Kind.SIZE, "default vmalloc area size when vmalloc= is not given (128 MB up to 3.4, 240 MB after)"),
            new Symbol("IOREMAP_MAX_ORDER", Kind.INT, "largest ioremap() alignment, log2 (24 = 16 MB; 19 with SMP or LPAE from 4.0)"),
            new Symbol("NR_BANKS", Kind.INT, "meminfo bank slots before 3.16 (8)"),
            new Symbol("VECTORS_BASE", Kind.VIRT, "the vector page (0xffff0000)"),
            new Symbol("FIXADDR_START", Kind.VIRT, "start of the fixmap"),
            new Symbol("FIXADDR_TOP", Kind.VIRT, "top of the fixmap as printed before 4.0"),
            new Symbol("FIXADDR_END", Kind.VIRT, "end of the fixmap as printed from 4.0"),
            new Symbol("CONSISTENT_DMA_SIZE", Kind.SIZE, "size of the DMA consistent area (2 MB; boards set e.g. 32M)"),
            new Symbol("CONSISTENT_END", Kind.VIRT, "end of the DMA consistent area (0xffe00000)"),
            new Symbol("PKMAP_BASE", Kind.VIRT, "start of the kmap area (PAGE_OFFSET - PMD_SIZE)"),
            new Symbol("MODULES_VADDR", Kind.VIRT, "start of the modules area (PAGE_OFFSET - 16 MB)"),
            new Symbol("MODULES_END", Kind.VIRT, "end of the modules area (PAGE_OFFSET, or PAGE_OFFSET - PMD_SIZE with HIGHMEM)"),
            new Symbol("DTCM_OFFSET", Kind.VIRT, "start of the DTCM row (0xfffe8000)"),
            new Symbol("DTCM_END", Kind.VIRT, "end of the DTCM row (dtcm_end, from the kernel image)"),
            new Symbol("ITCM_OFFSET", Kind.VIRT, "start of the ITCM row (0xfffe0000)"),
            new Symbol("ITCM_END", Kind.VIRT, "end of the ITCM row (itcm_end, from the kernel image)"),
            // kernel image symbols (System.map): print the section rows when given
            new Symbol("_text", Kind.VIRT, "start of .text (System.map)"),
            new Symbol("_etext", Kind.VIRT, "end of .text"),
            new Symbol("__init_begin", Kind.VIRT, "start of .init"),
            new Symbol("__init_end", Kind.VIRT, "end of .init"),
            new Symbol("_sdata", Kind.VIRT, "start of .data (printed from _sdata from 2.6.38)"),
            new Symbol("_data", Kind.VIRT, "start of .data (printed from _data before 2.6.38)"),
            new Symbol("_edata", Kind.VIRT, "end of .data"),
            new Symbol("__bss_start", Kind.VIRT, "start of .bss"),
            new Symbol("__bss_stop", Kind.VIRT, "end of .bss")));
}
