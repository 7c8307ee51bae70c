package vmlayout.engine;

/**
 * The largest single ioremap() that fits in an empty vmalloc area. mm/vmalloc.c __get_vm_area_node()
 * aligns a VM_IOREMAP area to 1 << clamp(fls(size), PAGE_SHIFT, IOREMAP_MAX_ORDER) and adds one guard
 * page after it (no VM_NO_GUARD). IOREMAP_MAX_ORDER is 7 + PAGE_SHIFT (19, 512 kB) in
 * include/linux/vmalloc.h unless the architecture defines it: 32-bit ARM allows 24 (16 MB) in
 * arch/arm/include/asm/memory.h (from 3.10 only without SMP and LPAE). The area is never empty at boot
 * (early ioremaps, modules on some arches, vmalloc users), so this is an upper bound.
 */
public final class Ioremap {

    public static final long PAGE_SIZE = 4096;
    /** include/linux/vmalloc.h: IOREMAP_MAX_ORDER (7 + PAGE_SHIFT). */
    public static final int GENERIC_MAX_ORDER = 19;

    private Ioremap() {
    }

    /** The IOREMAP_MAX_ORDER the engine recorded, or the generic one. */
    public static int maxOrder(Layout l) {
        for (Constants.Value v : l.constants()) {
            if (v.name().equals("IOREMAP_MAX_ORDER")) {
                return (int) v.value();
            }
        }
        return GENERIC_MAX_ORDER;
    }

    /** Largest ioremap size in the layout's vmalloc area (0 when there is none). */
    public static long largest(Layout l) {
        Region v = l.region("vmalloc");
        return v == null ? 0 : largest(v.start(), v.end(), maxOrder(l));
    }

    /**
     * Largest page-multiple size s such that align(s) = 1 << clamp(fls(s), 12, maxOrder) and
     * alignUp(start, align) + s + PAGE_SIZE <= end.
     */
    public static long largest(long start, long end, int maxOrder) {
        long best = 0;
        for (int order = 12; order <= maxOrder; order++) {
            long align = 1L << order;
            long at = (start + align - 1) & -align;
            long room = end - PAGE_SIZE - at;
            if (room <= 0) {
                continue;
            }
            // sizes whose fls() is `order` lie in [2^(order-1), 2^order - 1]; at maxOrder, anything above
            long lo = 1L << (order - 1);
            long hi = order == maxOrder ? Long.MAX_VALUE : (1L << order) - 1;
            long s = Math.min(room, hi) & -PAGE_SIZE;
            if (s >= lo && s > best) {
                best = s;
            }
        }
        return best;
    }
}
