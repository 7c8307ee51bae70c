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

    public boolean dynamic() {
        return start < 0;
    }

    public long end() {
        return start + size;
    }
}
