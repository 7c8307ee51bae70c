package vmlayout.engine;

/**
 * A range of kernel virtual addresses the kernel reserves for one purpose.
 *
 * @param name  stable lower-case id: vector, fixmap, dma, vmalloc, lowmem, pkmap, modules, cpu_entry,
 *              early_ioremap, consistent, kasan, dtcm, itcm, text, init, data, bss
 * @param start first address
 * @param end   first address past the region (exclusive; may be 2^32 for a region reaching the top)
 */
public record Region(String name, long start, long end) {
    public long size() {
        return end - start;
    }
}
