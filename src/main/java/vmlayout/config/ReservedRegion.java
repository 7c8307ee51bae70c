package vmlayout.config;

/**
 * A region of RAM the firmware keeps from the kernel: a /reserved-memory child node or a /memreserve/
 * entry of the device tree.
 *
 * @param name     the node's path or "/memreserve/", for messages
 * @param start    first byte, or -1 for a dynamic region (only a size: the kernel picks the place)
 * @param size     bytes
 * @param noMap    "no-map": taken out of the kernel's memory (not mapped, not in lowmem)
 * @param reusable "reusable": a CMA pool; the kernel may lend it to movable pages
 * @param source   the file it came from, e.g. "--dtb board.dtb"
 */
public record ReservedRegion(String name, long start, long size, boolean noMap, boolean reusable, String source) {

    /**
     * Most reserved regions read for one machine: memblock.reserved starts with INIT_MEMBLOCK_REGIONS =
     * 128 slots (mm/memblock.c memblock_reserved_init_regions), all the early reservations a 32-bit
     * board's tree can make before the kernel can grow the array.
     */
    public static final int MAX_REGIONS = 128;
    /** Why {@link #MAX_REGIONS}, for the error line. */
    public static final String MAX_REASON = "memblock keeps INIT_MEMBLOCK_REGIONS = 128 early reservations";

    public boolean dynamic() {
        return start < 0;
    }

    public long end() {
        return start + size;
    }
}
