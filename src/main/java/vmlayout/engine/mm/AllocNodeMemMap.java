package vmlayout.engine.mm;

import vmlayout.config.Fmt;
import vmlayout.config.KernelVersion;
import vmlayout.config.Sizes;
import vmlayout.engine.Constants;
import vmlayout.report.Message;
import vmlayout.report.Message.Level;

/**
 * mm/mm_init.c (mm/page_alloc.c before 6.4) alloc_node_mem_map(): the FLATMEM mem_map, one struct page per page
 * of the node, that paging_init() -> free_area_init() takes top-down from lowmem on 32-bit ARM and x86. The
 * engines place it in their memblock model; this says how big a struct page is and what the kernel does when
 * there is no room.
 */
public final class AllocNodeMemMap {

    /**
     * sizeof(struct page) and whether it rests on no guess (pinned with -D STRUCT_PAGE_SIZE, or CONFIG_MEMCG read).
     */
    public record StructPage(long bytes, boolean known) {
    }

    private AllocNodeMemMap() {
    }

    /**
     * sizeof(struct page) on 32-bit: flags, a five-word union, _mapcount and _refcount (32 bytes); with CONFIG_MEMCG
     * the memcg pointer (3.19+): 36; on x86, which selects HAVE_ALIGNED_STRUCT_PAGE with SLUB, rounded to 8 bytes:
     * 40. The real Debian 6.1 armmp-lpae (MEMCG=y) asked 28311552 bytes for 786432 pages, the 686-pae kernel
     * 178257920 for 4456448.
     *
     * @param archAligns the arch has CONFIG_HAVE_ALIGNED_STRUCT_PAGE (x86)
     */
    public static StructPage structPage(Constants c, KernelVersion k, boolean archAligns) {
        MmEra era = MmEra.of(k);
        boolean memcg = c.flag("MEMCG", false, "Kconfig default n");
        long derived = 32 + (memcg && era.memcgInStructPage ? 4 : 0);
        if (archAligns && c.flag("HAVE_ALIGNED_STRUCT_PAGE", false, "selected by arch/x86/Kconfig with SLUB")) {
            derived = (derived + 7) & ~7L;
        }
        boolean known = c.pinned("STRUCT_PAGE_SIZE") || c.pinned("MEMCG");
        long bytes = c.get("STRUCT_PAGE_SIZE", derived, known || !memcg ? "include/linux/mm_types.h struct page (32-bit"
                + (memcg ? ", CONFIG_MEMCG" : "") + ")" : "32 bytes assumed");
        return new StructPage(bytes, known);
    }

    /**
     * No room for mem_map below {@code lowmemEnd}: from 5.1 the kernel panics ("Failed to allocate %ld bytes for node
     * %d memory map"); before, the _nopanic allocation's NULL went unchecked. The kernel's line only when neither
     * input it rests on is a guess (a real 6.1 boot with mem=32M did not panic: its 22 MB image left the CMA area no
     * room instead, where the typical 16 MB image would have left mem_map none); else a warning naming the guesses.
     *
     * @param largestFree  the largest free range of lowmem, in bytes (0: none)
     * @param imageGuessed the kernel image's extent is vmlayout's typical one
     */
    public static Message noRoom(KernelVersion k, long pages, StructPage sp, long largestFree, long lowmemEnd,
                                 boolean imageGuessed) {
        boolean panicText = MmEra.of(k).memMapPanicText;
        long bytes = pages * sp.bytes();
        String text = "Kernel panic - not syncing: Failed to allocate " + bytes + " bytes for node 0 memory map";
        if (panicText && sp.known() && !imageGuessed) {
            return Message.kernel(Level.EMERG, text, true);
        }
        String room = largestFree == 0 ? "no free lowmem" : "the largest free range of lowmem is " + Sizes.human(largestFree);
        return Message.warn("mem_map does not fit in lowmem: " + pages + " struct pages of " + sp.bytes() + " bytes"
                + (sp.known() ? "" : " (assumed: pin -D STRUCT_PAGE_SIZE= or give --config with CONFIG_MEMCG)") + " = "
                + Sizes.human(bytes) + ", and " + room + " below " + Fmt.hex8(lowmemEnd)
                + (imageGuessed ? " with the typical kernel image assumed (give --system-map or -D KERNEL_SIZE=: a"
                        + " smaller image may leave it room, a larger one may fail an earlier reservation instead)" : "")
                + ": the kernel stops in paging_init()"
                + (panicText ? " (\"" + text + "\")" : ", before 5.1 without a message")
                + ". Give lowmem more room (a smaller vmalloc=) or the kernel less RAM (mem=).");
    }
}
