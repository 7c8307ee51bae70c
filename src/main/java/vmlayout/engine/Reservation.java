package vmlayout.engine;

import java.util.List;
import java.util.Locale;

/**
 * One early reservation the kernel makes, and where it landed: a CMA area, a device-tree
 * /reserved-memory region or pool, the crash kernel, the SWIOTLB buffer; and what the kernel already
 * held when they were placed (its image, the initrd, /memreserve/).
 *
 * @param kind    what it is
 * @param name    the kernel's name for it ("cma", the device-tree node name, "crashkernel", "swiotlb")
 * @param start   first byte (physical), or -1 when not placed or not known
 * @param size    bytes (as the kernel rounded them)
 * @param zone    where it lies: lowmem, highmem, both, or none
 * @param status  placed, failed, or placed at an address vmlayout does not predict
 * @param request what asked for it: the parameter ("cma=256M"), the Kconfig value, the device-tree node
 * @param rule    the kernel rule that placed it: file, function, releases
 * @param why     for a failure or an unplaced one, why; otherwise how it was placed, in words
 */
public record Reservation(Kind kind, String name, long start, long size, Zone zone, Status status, String request,
                          String rule, String why) {

    /** What a reservation is. */
    public enum Kind {
        /** The kernel image (KERNEL_START .. KERNEL_END). */
        KERNEL,
        INITRD,
        /** A /memreserve/ entry of the device tree. */
        MEMRESERVE,
        /** A /reserved-memory region without a pool (reserved or no-map). */
        RESERVED_MEMORY,
        /** A /reserved-memory "shared-dma-pool" made a CMA area (reusable). */
        CMA_POOL,
        /** A /reserved-memory "shared-dma-pool" made a coherent DMA pool (not reusable). */
        DMA_POOL,
        /** The global CMA area of dma_contiguous_reserve() (cma=, CONFIG_CMA_SIZE_*). */
        CMA,
        CRASHKERNEL,
        SWIOTLB;

        private final String id = name().toLowerCase(Locale.ROOT).replace('_', '-');

        /** "cma", "cma-pool", "crashkernel", ... (JSON and text). */
        public String id() {
            return id;
        }
    }

    /** Where a reservation lies. */
    public enum Zone {
        LOWMEM, HIGHMEM, BOTH, NONE;

        private final String id = name().toLowerCase(Locale.ROOT);

        public String id() {
            return id;
        }
    }

    /** What became of it. */
    public enum Status {
        PLACED, FAILED,
        /** Placed by the kernel at an address that depends on allocations vmlayout does not model. */
        UNPLACED;

        private final String id = name().toLowerCase(Locale.ROOT);

        public String id() {
            return id;
        }
    }

    public long end() {
        return start < 0 ? -1 : start + size;
    }

    public boolean placed() {
        return status == Status.PLACED;
    }

    /**
     * What the kernel already held when the reservations were made (its image and mem_map, the initrd,
     * /memreserve/): context for the placement, not a reservation anyone asked for.
     */
    public boolean context() {
        return kind == Kind.KERNEL || kind == Kind.INITRD || kind == Kind.MEMRESERVE;
    }

    /**
     * Whether an assumed kernel image (ending at {@code imageEnd}) may have decided where these reservations
     * went: one asked for failed, or one lies below the image's end plus its own size, where a top-down search
     * could have met the image.
     */
    public static boolean imageMayMatter(List<Reservation> all, long imageEnd) {
        for (Reservation r : all) {
            if (!r.context() && (r.status() == Status.FAILED || (r.placed() && r.start() < imageEnd + r.size()))) {
                return true;
            }
        }
        return false;
    }

    /** "the CMA area", "the CMA pool linux,cma", "the crash kernel": the reservation in words. */
    public String words() {
        return switch (kind) {
            case KERNEL -> "the kernel image";
            case INITRD -> "the initrd";
            case MEMRESERVE -> "the /memreserve/ entry";
            case RESERVED_MEMORY -> "the reserved region " + name;
            case CMA_POOL -> "the CMA pool " + name;
            case DMA_POOL -> "the DMA pool " + name;
            case CMA -> "the CMA area";
            case CRASHKERNEL -> "the crash kernel";
            case SWIOTLB -> "the SWIOTLB buffer";
        };
    }

    /** "cma", "cma-pool linux,cma", "crashkernel": the row's label. */
    public String label() {
        return kind.id().equals(name) ? name : kind.id() + " " + name;
    }
}
