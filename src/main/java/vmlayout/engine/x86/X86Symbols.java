package vmlayout.engine.x86;

import java.util.List;
import vmlayout.config.Arch;
import vmlayout.config.Symbol;
import vmlayout.config.Symbol.Kind;
import vmlayout.config.SymbolCatalog;

/** The Kconfig symbols and kernel constants the x86_32 engine reads, each settable with -D. */
final class X86Symbols {

    private X86Symbols() {
    }

    static final SymbolCatalog CATALOG = new SymbolCatalog(Arch.X86, List.of(
            // Kconfig: high memory support (a choice) and PAE
            new Symbol("NOHIGHMEM", Kind.BOOL, "no highmem: RAM above the lowmem limit is not used"),
            new Symbol("HIGHMEM4G", Kind.BOOL, "highmem up to 4 GB, no PAE (the Kconfig default)"),
            new Symbol("HIGHMEM64G", Kind.BOOL, "highmem up to 64 GB with PAE (2 MB PMDs, 512 kmap slots); removed in 6.15"),
            new Symbol("HIGHMEM", Kind.BOOL, "shorthand: y = HIGHMEM4G (or HIGHMEM64G if set), n = NOHIGHMEM"),
            new Symbol("X86_PAE", Kind.BOOL, "PAE page tables (selected by HIGHMEM64G; NOHIGHMEM + X86_PAE is legal)"),
            // Kconfig: the user/kernel split
            new Symbol("VMSPLIT_3G", Kind.BOOL, "3G/1G split: PAGE_OFFSET 0xC0000000 (the default)"),
            new Symbol("VMSPLIT_3G_OPT", Kind.BOOL, "3G/1G split for full 1G low memory: PAGE_OFFSET 0xB0000000 (not with PAE)"),
            new Symbol("VMSPLIT_2G", Kind.BOOL, "2G/2G split: PAGE_OFFSET 0x80000000"),
            new Symbol("VMSPLIT_2G_OPT", Kind.BOOL, "2G/2G split for full 2G low memory: PAGE_OFFSET 0x78000000 (not with PAE)"),
            new Symbol("VMSPLIT_1G", Kind.BOOL, "1G/3G split: PAGE_OFFSET 0x40000000"),
            new Symbol("PAGE_OFFSET", Kind.VIRT, "start of the kernel's lowmem mapping (CONFIG_PAGE_OFFSET, from VMSPLIT_*)"),
            new Symbol("NR_CPUS", Kind.INT, "CONFIG_NR_CPUS: kmap slots in the fixmap and the cpu_entry_area size (default: a distribution kernel of the era: 8 to 5.4, Debian's 32 from 5.5)"),
            new Symbol("ZONE_DMA", Kind.BOOL, "CONFIG_ZONE_DMA: the 16 MB ISA DMA zone (Kconfig default y)"),
            // kernel constants of the top of the address space
            new Symbol("FIXADDR_TOP", Kind.VIRT, "top of the fixmap (__FIXADDR_TOP, 0xfffff000; reservetop= lowers it)"),
            new Symbol("FIXADDR_START", Kind.VIRT, "start of the permanent fixmap (the fixmap row; default from a typical config)"),
            new Symbol("FIXADDR_BOOT_START", Kind.VIRT, "start of the fixmap with its boot-time slots, before 4.15 (PKMAP_BASE is below it)"),
            new Symbol("FIXADDR_TOT_START", Kind.VIRT, "start of the fixmap with its boot-time slots, 4.15 on (CPU_ENTRY_AREA_BASE is below it from 4.17)"),
            new Symbol("CPU_ENTRY_AREA_BASE", Kind.VIRT, "start of the cpu_entry_area (4.15+)"),
            new Symbol("CPU_ENTRY_AREA_PAGES", Kind.INT, "pages reserved for it (NR_CPUS * 40; 43 from 5.5)"),
            new Symbol("CPU_ENTRY_AREA_MAP_SIZE", Kind.SIZE, "size of the cpu_entry row (1 page + NR_CPUS x sizeof(struct cpu_entry_area))"),
            new Symbol("LDT_BASE_ADDR", Kind.VIRT, "the LDT remap PMD below the cpu_entry_area (4.19+)"),
            new Symbol("PKMAP_BASE", Kind.VIRT, "start of the kmap area (CONFIG_HIGHMEM)"),
            new Symbol("VMALLOC_END", Kind.VIRT, "end of the vmalloc area (PKMAP_BASE - 8 kB with HIGHMEM)"),
            new Symbol("VMALLOC_RESERVE", Kind.SIZE, "__VMALLOC_RESERVE when vmalloc= is not given (128 MB)"),
            // the early reservations (src/docs/reservations.md)
            new Symbol("CMA", Kind.BOOL, "CONFIG_CMA: the contiguous memory allocator; DMA_CMA and cma= need it (not set in Debian's i386 kernels)"),
            new Symbol("DMA_CMA", Kind.BOOL, "CONFIG_DMA_CMA: a global CMA area below the end of lowmem (y when cma= is given)"),
            new Symbol("CMA_SIZE_MBYTES", Kind.INT, "CONFIG_CMA_SIZE_MBYTES: the CMA area without cma=, in MiB (default 16)"),
            new Symbol("CMA_SIZE_PERCENTAGE", Kind.INT, "CONFIG_CMA_SIZE_PERCENTAGE: the CMA area in % of RAM (default 10)"),
            new Symbol("CMA_SIZE_SEL_MBYTES", Kind.BOOL, "CONFIG_CMA_SIZE_SEL_MBYTES: size from CMA_SIZE_MBYTES (the default choice)"),
            new Symbol("CMA_SIZE_SEL_PERCENTAGE", Kind.BOOL, "CONFIG_CMA_SIZE_SEL_PERCENTAGE: size from CMA_SIZE_PERCENTAGE"),
            new Symbol("CMA_SIZE_SEL_MIN", Kind.BOOL, "CONFIG_CMA_SIZE_SEL_MIN: the smaller of the two"),
            new Symbol("CMA_SIZE_SEL_MAX", Kind.BOOL, "CONFIG_CMA_SIZE_SEL_MAX: the larger of the two"),
            new Symbol("KEXEC", Kind.BOOL, "CONFIG_KEXEC: reserve_crashkernel() is built (up to 6.8; y when crashkernel= is given)"),
            new Symbol("CRASH_RESERVE", Kind.BOOL, "CONFIG_CRASH_RESERVE: reserve_crashkernel() is built (6.9+; y when crashkernel= is given)"),
            new Symbol("PHYSICAL_START", Kind.SIZE, "CONFIG_PHYSICAL_START: where the kernel image sits without KASLR (0x1000000)"),
            new Symbol("KERNEL_SIZE", Kind.SIZE, "the kernel image's size in RAM (16 MB typical)"),
            new Symbol("MEMCG", Kind.BOOL, "CONFIG_MEMCG: struct page carries a memcg pointer (3.19+), 4 bytes more a page of mem_map"),
            new Symbol("HAVE_ALIGNED_STRUCT_PAGE", Kind.BOOL, "CONFIG_HAVE_ALIGNED_STRUCT_PAGE (x86 selects it with SLUB): struct page"
                    + " aligned to 8 bytes"),
            new Symbol("STRUCT_PAGE_SIZE", Kind.INT, "sizeof(struct page): the size of mem_map, taken from lowmem (32; 40 with"
                    + " MEMCG and HAVE_ALIGNED_STRUCT_PAGE)"),
            // kernel image symbols (System.map): print the section rows when given
            new Symbol("_text", Kind.VIRT, "start of .text (System.map)"),
            new Symbol("_etext", Kind.VIRT, "end of .text, start of the .data row"),
            new Symbol("_edata", Kind.VIRT, "end of .data"),
            new Symbol("__init_begin", Kind.VIRT, "start of .init"),
            new Symbol("__init_end", Kind.VIRT, "end of .init"),
            new Symbol("__bss_stop", Kind.VIRT, "end of .bss: with _text, the kernel image the early reservations avoid")));
}
