package vmlayout.config;

import java.util.List;

/**
 * A region of RAM the firmware or the boot loader keeps from the kernel: a /reserved-memory child node,
 * a /memreserve/ entry of the device tree, or the initrd.
 *
 * @param name        the node's path, "/memreserve/" or "initrd", for messages
 * @param start       first byte, or -1 for a dynamic region (only a size: the kernel picks the place)
 * @param size        bytes
 * @param noMap       "no-map": taken out of the kernel's memory (not mapped, not in lowmem)
 * @param reusable    "reusable": a CMA pool; the kernel may lend it to movable pages
 * @param source      the file it came from, e.g. "--dtb board.dtb"
 * @param origin      what kind of entry it is
 * @param compatible  the node's first "compatible" string ("shared-dma-pool"), or null
 * @param allocRanges a dynamic region's "alloc-ranges" (tried in order), empty when it has none
 * @param alignment   a dynamic region's "alignment", 0 when it has none
 * @param cmaDefault  "linux,cma-default": the pool becomes the kernel's default CMA area
 */
public record ReservedRegion(String name, long start, long size, boolean noMap, boolean reusable, String source,
                             Origin origin, String compatible, List<Span> allocRanges, long alignment, boolean cmaDefault) {

    /**
     * Most reserved regions read for one machine: memblock.reserved starts with INIT_MEMBLOCK_REGIONS =
     * 128 slots (mm/memblock.c memblock_reserved_init_regions), all the early reservations a 32-bit
     * board's tree can make before the kernel can grow the array.
     */
    public static final int MAX_REGIONS = 128;
    /** Why {@link #MAX_REGIONS}, for the error line. */
    public static final String MAX_REASON = "memblock keeps INIT_MEMBLOCK_REGIONS = 128 early reservations";

    /** Where a region comes from. */
    public enum Origin {
        /** A /memreserve/ entry of the blob's header. */
        MEMRESERVE,
        /** A child of /reserved-memory. */
        RESERVED_MEMORY,
        /** The initrd (/chosen linux,initrd-start/-end or --initrd). */
        INITRD
    }

    /** What the device tree holds under /reserved-memory, as the kernel's 6.12+ lines tell it. */
    public enum Node {
        /** No device tree was given (ATAGs, or not known). */
        NO_DEVICE_TREE,
        /** A device tree without /reserved-memory. */
        ABSENT,
        /** A /reserved-memory the kernel ignores (cells or ranges not as __reserved_mem_check_root() wants). */
        UNSUPPORTED,
        /** A /reserved-memory the kernel reads. */
        PRESENT
    }

    /** One (address, size) entry of "alloc-ranges". */
    public record Span(long start, long size) {
        public long end() {
            return start + size;
        }
    }

    public ReservedRegion {
        allocRanges = List.copyOf(allocRanges);
    }

    /** A /reserved-memory region or /memreserve/ entry with no pool properties. */
    public ReservedRegion(String name, long start, long size, boolean noMap, boolean reusable, String source) {
        this(name, start, size, noMap, reusable, source, name.equals("/memreserve/") ? Origin.MEMRESERVE : Origin.RESERVED_MEMORY,
                null, List.of(), 0, false);
    }

    public boolean dynamic() {
        return start < 0;
    }

    public long end() {
        return start + size;
    }

    /** The node's name as the kernel prints it (fdt_get_name(): "linux,cma", "pool@60000000"). */
    public String nodeName() {
        int slash = name.lastIndexOf('/');
        return slash < 0 || slash == name.length() - 1 ? name : name.substring(slash + 1);
    }

    /** A "shared-dma-pool" node. */
    public boolean sharedDmaPool() {
        return "shared-dma-pool".equals(compatible);
    }
}
