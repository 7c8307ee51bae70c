package vmlayout.engine.ppc;

import java.util.List;
import vmlayout.config.Arch;
import vmlayout.config.Symbol;
import vmlayout.config.Symbol.Kind;
import vmlayout.config.SymbolCatalog;

/** The Kconfig symbols and kernel constants the 32-bit PowerPC engine reads, each settable with -D. */
final class PpcSymbols {

    private PpcSymbols() {
    }

    static final SymbolCatalog CATALOG = new SymbolCatalog(Arch.PPC, List.of(
            // the platform (one of them; book3s/32 when none is given)
            new Symbol("PPC_BOOK3S_32", Kind.BOOL, "6xx/7xx/74xx/e300 with a hash MMU (the default platform; CONFIG_6xx in 2.6.x)"),
            new Symbol("PPC_83XX", Kind.BOOL, "MPC83xx (a book3s/32 part): IMMR in a 2M fixmap area from 5.8"),
            new Symbol("PPC_8XX", Kind.BOOL, "MPC8xx: IMMR fixmap, modules area, not cache coherent (CONFIG_8xx in 2.6.x)"),
            new Symbol("40X", Kind.BOOL, "PowerPC 40x: not cache coherent"),
            new Symbol("44X", Kind.BOOL, "PowerPC 44x: PPC_PIN_SIZE 256M rounds VMALLOC_START, 64-bit PTEs, not cache coherent"),
            new Symbol("PPC_85XX", Kind.BOOL, "e500 (FSL_BOOKE): lowmem mapped by CAM entries (adjust_total_lowmem, not modelled)"),
            new Symbol("PPC_MERGE", Kind.BOOL, "n: a board still built from arch/ppc (before 2.6.27): its own mem= parser, no memory-region check"),
            // Kconfig: the address space
            new Symbol("KERNEL_START", Kind.VIRT, "CONFIG_KERNEL_START (KERNEL_START_BOOL): virtual address of the kernel base (0xc0000000)"),
            new Symbol("PAGE_OFFSET", Kind.VIRT, "CONFIG_PAGE_OFFSET (PAGE_OFFSET_BOOL, 2.6.27+): start of lowmem; KERNEL_START before"),
            new Symbol("LOWMEM_SIZE", Kind.SIZE, "CONFIG_LOWMEM_SIZE (LOWMEM_SIZE_BOOL): maximum low memory (0x30000000)"),
            new Symbol("TASK_SIZE", Kind.VIRT, "CONFIG_TASK_SIZE: top of user space (0xc0000000; 0x80000000 8xx; 0xb0000000 book3s/32 5.9-6.19; 7.0+ clamps it to USER_TOP)"),
            new Symbol("HIGHMEM", Kind.BOOL, "CONFIG_HIGHMEM: RAM above LOWMEM_SIZE becomes highmem instead of being dropped (default n)"),
            new Symbol("ZONE_DMA", Kind.BOOL, "CONFIG_ZONE_DMA: a 30-bit DMA zone (selected by PPC_PMAC on 32-bit from 5.3; default n)"),
            new Symbol("HIGHMEM_START", Kind.VIRT, "CONFIG_HIGHMEM_START: the kmap pool before 2.6.26 (0xfe000000)"),
            new Symbol("NR_CPUS", Kind.INT, "CONFIG_NR_CPUS: kmap fixmap slots per CPU (1, a kernel without SMP)"),
            new Symbol("PPC_16K_PAGES", Kind.BOOL, "16K pages (8xx, 44x)"),
            new Symbol("PPC_64K_PAGES", Kind.BOOL, "64K pages (44x)"),
            new Symbol("PTE_64BIT", Kind.BOOL, "64-bit PTEs (44x, PHYS_64BIT): 512 kmap slots and 2M page-table blocks with 4K pages"),
            new Symbol("NOT_COHERENT_CACHE", Kind.BOOL, "non-coherent DMA: the consistent area before 5.4 (default y on 8xx, 40x, 44x)"),
            new Symbol("CONSISTENT_SIZE", Kind.SIZE, "CONFIG_CONSISTENT_SIZE: size of the consistent area (0x00200000), before 5.4"),
            new Symbol("CONSISTENT_START", Kind.VIRT, "CONFIG_CONSISTENT_START: base of the consistent area before 2.6.29 (0xff100000; 8xx 0xfd000000)"),
            new Symbol("STRICT_KERNEL_RWX", Kind.BOOL, "CONFIG_STRICT_KERNEL_RWX: book3s/32 256M VMALLOC_START alignment (5.1-5.8), modules segment (5.9-5.12)"),
            new Symbol("MODULES", Kind.BOOL, "CONFIG_MODULES (default y)"),
            new Symbol("MODULES_SIZE", Kind.INT, "CONFIG_MODULES_SIZE in MB (6.12+: 64 book3s/32, 32 8xx)"),
            new Symbol("KASAN", Kind.BOOL, "CONFIG_KASAN (5.2+): the kasan shadow row, FIXADDR_TOP below the shadow"),
            new Symbol("KASAN_VMALLOC", Kind.BOOL, "CONFIG_KASAN_VMALLOC: VMALLOC_END aligned down to 8 pages (selected by KASAN && MODULES from 5.14)"),
            new Symbol("KASAN_SHADOW_OFFSET", Kind.VIRT, "CONFIG_KASAN_SHADOW_OFFSET (0xe0000000)"),
            // kernel constants vmlayout otherwise derives
            new Symbol("FIXADDR_TOP", Kind.VIRT, "top of the fixmap (0xfffff000 with 4K pages)"),
            new Symbol("FIXADDR_START", Kind.VIRT, "start of the fixmap (its size depends on the configuration: pin it from a boot log)"),
            new Symbol("KM_TYPE_NR", Kind.INT, "kmap_atomic slots per CPU (15 before 2.6.37, 16 after)"),
            new Symbol("PKMAP_BASE", Kind.VIRT, "start of the kmap area (highmem PTEs row)"),
            new Symbol("IOREMAP_TOP", Kind.VIRT, "top of the early ioremap area, where ioremap_bot starts (ioremap_base before 2.6.29)"),
            new Symbol("IOREMAP_BOT", Kind.VIRT, "ioremap_bot after the early ioremaps (the start of a boot log's early ioremap row); VMALLOC_END"),
            new Symbol("VMALLOC_END", Kind.VIRT, "same as IOREMAP_BOT: on powerpc VMALLOC_END is ioremap_bot"),
            // reserve_crashkernel() (src/docs/reservations.md)
            new Symbol("KEXEC", Kind.BOOL, "CONFIG_KEXEC: reserve_crashkernel() is built (up to 6.8; y when crashkernel= is given)"),
            new Symbol("CRASH_RESERVE", Kind.BOOL, "CONFIG_CRASH_RESERVE: reserve_crashkernel() is built (6.9+; y when crashkernel= is given)"),
            new Symbol("RELOCATABLE", Kind.BOOL, "CONFIG_RELOCATABLE (NONSTATIC_KERNEL, 44x/85xx): crashkernel=SIZE@OFFSET is honoured; else the crash kernel is at 32 MB"),
            new Symbol("DYNAMIC_MEMSTART", Kind.BOOL, "CONFIG_DYNAMIC_MEMSTART (NONSTATIC_KERNEL): as RELOCATABLE for the crash kernel's place"),
            new Symbol("KERNEL_SIZE", Kind.SIZE, "the kernel image's size in RAM from physical 0 (16 MB typical): the crash kernel may not overlap it"),
            new Symbol("_text", Kind.VIRT, "start of the kernel image (System.map)"),
            new Symbol("__bss_stop", Kind.VIRT, "end of .bss: with _text, the kernel image the crash kernel may not overlap")));
}
