package vmlayout.engine.reserve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vmlayout.config.Fmt;
import vmlayout.config.ReservedRegion;
import vmlayout.config.Sizes;
import vmlayout.engine.RangeSet;
import vmlayout.engine.Reservation;
import vmlayout.report.Message;
import vmlayout.report.Message.Level;

/**
 * early_init_fdt_scan_reserved_mem() and what follows from it (drivers/of/fdt.c,
 * drivers/of/of_reserved_mem.c, kernel/dma/contiguous.c rmem_cma_setup(), kernel/dma/coherent.c
 * rmem_dma_setup()), as each era orders and prints it:
 * <ul>
 *   <li>fdt_scan_reserved_mem(): each /reserved-memory child with "reg" is reserved at once
 *       (memblock_reserve(), or NOMAP for "no-map"); a child with only "size" is dynamic;</li>
 *   <li>before 6.12: /memreserve/ entries are reserved, then fdt_init_reserved_mem() sorts the saved
 *       regions (__rmem_cmp(): base, then size; from 6.5 the node's offset too, "of: reserved_mem: Use
 *       stable allocation order"), and in that order allocates each dynamic one
 *       (__reserved_mem_alloc_size()) and initialises it (__reserved_mem_init_node());</li>
 *   <li>6.12+ ("of: reserved_mem: Restructure how the reserved memory regions are processed"): the
 *       dynamic children are allocated and initialised in tree order inside fdt_scan_reserved_mem(),
 *       before /memreserve/; the static ones are initialised after paging_init() (unflatten_device_tree()),
 *       in tree order, or "No reserved-memory node in the DT" is said there.</li>
 * </ul>
 * A dynamic region: {@code align = alignment or SMP_CACHE_BYTES}, raised to the CMA alignment for a reusable
 * shared-dma-pool without no-map; top-down in each "alloc-ranges" entry in turn (6.5+: bottom-up when the
 * range starts at a region already saved and does not end at one), else anywhere
 * (MEMBLOCK_ALLOC_ANYWHERE: highmem too). Real boots: testdata/arm/realboot-6.1-1024-dt-* and -6.12-*.
 */
public final class OfReservedMem {

    private static final long SMP_CACHE_BYTES = 64;

    private OfReservedMem() {
    }

    /** What the scan is told of the kernel. */
    public record Config(long cmaAlignment, boolean cmaConfig, boolean dmaCma, boolean cmdlineCma, long highmemStart,
                         boolean wide, boolean arm) {
    }

    /** One saved region: reserved_mem[] entry. */
    private static final class Rmem {
        final ReservedRegion r;
        final int order;
        long base;
        long size;
        boolean nomap;
        /** How a dynamic region was placed, in words. */
        String how;

        Rmem(ReservedRegion r, int order) {
            this.r = r;
            this.order = order;
            this.base = r.dynamic() ? 0 : r.start();
            this.size = r.dynamic() ? 0 : r.size();
            this.nomap = r.noMap();
        }
    }

    /** What the early part leaves: its lines, the regions, the 6.12 static regions still to initialise. */
    public static final class Scan {
        public final List<Message> lines = new ArrayList<>();
        public final List<Reservation> reservations = new ArrayList<>();
        /** Dynamic no-map regions: memory the second adjust_lowmem_bounds() does not map. */
        public final RangeSet dynamicNoMap = new RangeSet();
        /** A linux,cma-default pool became the default CMA area: dma_contiguous_reserve() adds none. */
        public boolean defaultCmaArea;
        /** The dynamic regions the kernel placed and keeps, at their place (for the RAM accounting). */
        public final List<ReservedRegion> placedDynamic = new ArrayList<>();
        /** vmlayout's notes on what it does not model. */
        public final List<String> notes = new ArrayList<>();
        private final List<Rmem> late = new ArrayList<>();
        private boolean announceNone;
        private ReserveEra era;
        private Memblock mb;
        private Config cfg;

        private void unknownCompatible(ReservedRegion r) {
            notes.add(r.name() + " is compatible \"" + r.compatible() + "\": vmlayout models the shared-dma-pool handlers only;"
                    + " a kernel handler for this one may print its own lines or give the region back.");
        }
    }

    /**
     * The early scan.
     *
     * @param regions the device tree's /memreserve/ entries and /reserved-memory children, in tree order
     * @param node    whether the tree has a /reserved-memory node the kernel reads
     */
    public static Scan scan(ReserveEra era, Memblock mb, List<ReservedRegion> regions, ReservedRegion.Node node, Config cfg) {
        Scan s = new Scan();
        s.era = era;
        s.mb = mb;
        s.cfg = cfg;
        List<Rmem> saved = new ArrayList<>();
        int order = 0;
        // fdt_scan_reserved_mem(): static regions reserved (every reg entry), all nodes saved in tree order
        for (ReservedRegion r : regions) {
            if (r.origin() != ReservedRegion.Origin.RESERVED_MEMORY || node != ReservedRegion.Node.PRESENT) {
                continue;
            }
            if (!r.dynamic()) {
                if (r.noMap()) {
                    mb.markNomap(r.start(), r.size());
                    mb.reserve(r.start(), r.size());
                } else {
                    mb.reserve(r.start(), r.size());
                }
                if (saved.stream().anyMatch(x -> x.r.name().equals(r.name()))) {
                    continue; // a further reg entry of the same node: reserved, not saved
                }
            }
            saved.add(new Rmem(r, order++));
        }
        boolean restructured = era.rmemRestructure.holds();
        if (restructured) {
            // 6.12+: dynamic nodes allocated and initialised now, in tree order; static ones after paging_init()
            List<Rmem> done = new ArrayList<>();
            for (Rmem x : saved) {
                if (x.r.dynamic()) {
                    if (allocSize(s, x, done)) {
                        done.add(x);
                        init(s, x);
                    }
                } else {
                    s.late.add(x);
                }
            }
            s.announceNone = node == ReservedRegion.Node.ABSENT;
        }
        // /memreserve/ entries of the blob's header
        for (ReservedRegion r : regions) {
            if (r.origin() == ReservedRegion.Origin.MEMRESERVE) {
                mb.reserve(r.start(), r.size());
                s.reservations.add(new Reservation(Reservation.Kind.MEMRESERVE, "/memreserve/", r.start(), r.size(),
                        Cma.zone(r.start(), r.size(), cfg.highmemStart()), Reservation.Status.PLACED, r.source(),
                        "drivers/of/fdt.c early_init_fdt_scan_reserved_mem()", "reserved where the device tree's header says"));
            }
        }
        if (!restructured) {
            // fdt_init_reserved_mem(): __rmem_check_for_overlap() sorts when there are two or more
            List<Rmem> sorted = saved;
            if (saved.size() >= 2) {
                Comparator<Rmem> cmp = Comparator.comparingLong((Rmem x) -> x.base).thenComparingLong(x -> x.size);
                if (era.rmemStableOrder) {
                    cmp = cmp.thenComparingInt(x -> x.order);
                }
                sorted = KernelSort.sort(saved, cmp);
            }
            for (Rmem x : sorted) {
                if (x.size == 0 && !allocSize(s, x, saved)) {
                    continue;
                }
                init(s, x);
            }
        }
        return s;
    }

    /** 6.12+: the static regions, initialised in unflatten_device_tree() after paging_init(); their lines. */
    public static List<Message> initLate(Scan s) {
        if (s == null || !s.era.rmemRestructure.holds()) {
            return List.of();
        }
        int before = s.lines.size();
        if (s.announceNone) {
            s.lines.add(info("OF: reserved mem: Reserved memory: No reserved-memory node in the DT"));
        }
        for (Rmem x : s.late) {
            init(s, x);
        }
        return new ArrayList<>(s.lines.subList(before, s.lines.size()));
    }

    /** __reserved_mem_alloc_size(): places a dynamic region, or says it failed. */
    private static boolean allocSize(Scan s, Rmem x, List<Rmem> saved) {
        ReservedRegion r = x.r;
        long size = r.size();
        long align = r.alignment();
        if (s.cfg.cmaConfig() && r.sharedDmaPool() && r.reusable() && !r.noMap()) {
            align = Math.max(align, s.cfg.cmaAlignment());
        }
        long a = align == 0 ? SMP_CACHE_BYTES : align;
        long base = 0;
        String how = null;
        if (!r.allocRanges().isEmpty()) {
            for (ReservedRegion.Span span : r.allocRanges()) {
                boolean bottomUp = false;
                if (s.era.rmemContiguous) {
                    // __reserved_mem_alloc_in_range(): next to a region already saved
                    boolean up = false;
                    boolean down = false;
                    for (Rmem o : saved) {
                        if (o == x || o.size == 0) {
                            continue;
                        }
                        up |= span.start() >= o.base && span.start() <= o.base + o.size;
                        down |= span.end() >= o.base && span.end() <= o.base + o.size;
                    }
                    bottomUp = up && !down;
                }
                base = s.mb.find(size, a, span.start(), span.end(), bottomUp);
                if (base != 0) {
                    how = (bottomUp ? "bottom-up" : "top-down") + " in alloc-ranges " + Fmt.hex8(span.start()) + "-"
                            + Fmt.hex8(span.end()) + ", aligned to " + Sizes.human(a);
                    break;
                }
            }
        } else {
            base = s.mb.find(size, a, 0, Long.MAX_VALUE, false);
            how = "top-down anywhere in RAM (MEMBLOCK_ALLOC_ANYWHERE), aligned to " + Sizes.human(a);
        }
        if (base == 0) {
            if (lines(s)) {
                s.lines.add(err("OF: reserved mem: failed to allocate memory for node '" + r.nodeName() + "'"
                        + (s.era.rmemFailSize ? ": size " + (size >> 20) + " MiB" : "")));
            }
            s.reservations.add(new Reservation(kind(r, s.cfg), r.nodeName(), -1, size, Reservation.Zone.NONE, Reservation.Status.FAILED,
                    r.name() + " (" + r.source() + ")", "drivers/of/of_reserved_mem.c __reserved_mem_alloc_size()",
                    "no free " + Sizes.human(size) + " aligned to " + Sizes.human(a) + (r.allocRanges().isEmpty() ? " in RAM"
                    : " in its alloc-ranges")));
            return false;
        }
        s.mb.reserve(base, size);
        if (r.noMap()) {
            s.mb.markNomap(base, size);
            s.dynamicNoMap.add(base, base + size);
        }
        x.base = base;
        x.size = size;
        x.how = how;
        return true;
    }

    /** __reserved_mem_init_node() and what fdt_init_reserved_mem() says of it. */
    private static void init(Scan s, Rmem x) {
        ReservedRegion r = x.r;
        Config cfg = s.cfg;
        String name = r.nodeName();
        List<Message> out = s.lines;
        boolean print = lines(s);
        int err = -2; // -ENOENT: no handler for the compatible
        Reservation.Kind kind = Reservation.Kind.RESERVED_MEMORY;
        String why = null;
        if (r.sharedDmaPool()) {
            // rmem_cma_setup() (kernel/dma/contiguous.c, CONFIG_DMA_CMA)
            if (cfg.dmaCma()) {
                if (s.era.cmaCmdlineBypass && cfg.cmdlineCma() && r.cmaDefault()) {
                    if (print) {
                        out.add(info("Reserved memory: bypass " + name + " node, using cmdline CMA params instead"));
                    }
                    err = -16;
                    why = "cma= on the command line wins over the linux,cma-default pool (rmem_cma_setup())";
                } else if (r.reusable() && !r.noMap()) {
                    if (((x.base | x.size) & (cfg.cmaAlignment() - 1)) != 0) {
                        if (print) {
                            out.add(err("Reserved memory: incorrect alignment of CMA region"));
                        }
                        err = -22;
                        why = "not aligned to the CMA alignment " + Sizes.human(cfg.cmaAlignment());
                    } else {
                        if (print) {
                            out.add(info("Reserved memory: created CMA memory pool at " + Cma.pa(cfg.wide(), x.base) + ", size "
                                    + (x.size >> 20) + " MiB"));
                        }
                        err = 0;
                        kind = Reservation.Kind.CMA_POOL;
                        s.defaultCmaArea |= r.cmaDefault();
                    }
                } else {
                    err = -22;
                }
            }
            // rmem_dma_setup() (kernel/dma/coherent.c)
            if (err != 0) {
                if (r.reusable()) {
                    err = -22;
                } else if (cfg.arm() && !r.noMap()) {
                    if (print) {
                        out.add(err("Reserved memory: regions without no-map are not yet supported"));
                    }
                    err = -22;
                    why = "a shared-dma-pool without no-map or reusable (rmem_dma_setup() on ARM)";
                } else {
                    if (print) {
                        out.add(info("Reserved memory: created DMA memory pool at " + Cma.pa(cfg.wide(), x.base) + ", size "
                                + (x.size >> 20) + " MiB"));
                    }
                    err = 0;
                    kind = Reservation.Kind.DMA_POOL;
                }
            }
            if (err == 0 && print) {
                out.add(info("OF: reserved mem: initialized node " + name + ", compatible id shared-dma-pool"));
            }
        } else if (r.compatible() != null) {
            s.unknownCompatible(r);
        }
        String rule = "drivers/of/of_reserved_mem.c fdt_init_reserved_mem(), " + s.era.rmemRestructure.releases();
        Reservation.Zone zone = Cma.zone(x.base, x.size, cfg.highmemStart());
        if (err != 0 && err != -2) {
            if (print) {
                out.add(Message.kernel(Level.INFO, "OF: reserved mem: node " + name + " compatible matching fail", err != -16));
            }
            if (x.nomap) {
                s.mb.clearNomap(x.base, x.size); // still reserved: memblock_clear_nomap() frees nothing
                s.dynamicNoMap.remove(x.base, x.base + x.size); // mapped again: not a region of its own for free_area_init()
                keep(s, x);
                s.reservations.add(new Reservation(kind, name, x.base, x.size, zone, Reservation.Status.PLACED, r.name(), rule,
                        (why == null ? "no handler accepted it" : why) + "; a no-map region stays reserved, unused"));
            } else {
                s.mb.free(x.base, x.size);
                s.reservations.add(new Reservation(kind(r, cfg), name, -1, x.size, Reservation.Zone.NONE, Reservation.Status.FAILED,
                        r.name(), rule, (why == null ? "no handler accepted it" : why) + "; its memory is given back"));
            }
            return;
        }
        if (print && s.era.rmemKibLine) {
            out.add(info("OF: reserved mem: " + Cma.pa(cfg.wide(), x.base) + ".." + Cma.pa(cfg.wide(), x.base + x.size - 1) + " ("
                    + (x.size >> 10) + " KiB) " + (x.nomap ? "nomap" : "map") + " " + (r.reusable() ? "reusable" : "non-reusable") + " "
                    + name));
        }
        s.reservations.add(new Reservation(kind, name, x.base, x.size, zone, Reservation.Status.PLACED, r.name(), rule,
                r.dynamic() ? x.how : "at its reg"));
        keep(s, x);
    }

    private static void keep(Scan s, Rmem x) {
        ReservedRegion r = x.r;
        if (r.dynamic()) {
            s.placedDynamic.add(new ReservedRegion(r.name(), x.base, x.size, r.noMap(), r.reusable(), r.source(), r.origin(),
                    r.compatible(), r.allocRanges(), r.alignment(), r.cmaDefault()));
        }
    }

    private static Reservation.Kind kind(ReservedRegion r, Config cfg) {
        if (!r.sharedDmaPool()) {
            return Reservation.Kind.RESERVED_MEMORY;
        }
        return r.reusable() ? Reservation.Kind.CMA_POOL : Reservation.Kind.DMA_POOL;
    }

    private static boolean lines(Scan s) {
        return s.era.rmemLines;
    }

    static Message info(String text) {
        return Message.kernel(Level.INFO, text, false);
    }

    static Message err(String text) {
        return Message.kernel(Level.ERR, text, true);
    }
}
