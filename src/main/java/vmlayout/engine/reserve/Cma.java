package vmlayout.engine.reserve;

import java.util.ArrayList;
import java.util.List;
import vmlayout.config.Fmt;
import vmlayout.config.Sizes;
import vmlayout.engine.RangeSet;
import vmlayout.engine.Reservation;
import vmlayout.report.Message.Level;
import vmlayout.report.Message;

/**
 * cma_declare_contiguous_nid() (mm/cma.c, cma_declare_contiguous() before 5.7; drivers/base/dma-contiguous.c
 * dma_contiguous_reserve_area() before 3.16), as each era places the global CMA area and says so:
 * <ol>
 *   <li>5.3+: a fixed base that is not aligned is refused ("Region at %pa must be aligned to %pa bytes");</li>
 *   <li>{@code base = ALIGN(base, alignment); size = ALIGN(size, alignment); limit &= ~(alignment - 1);}
 *       {@code if (!base) fixed = false;}</li>
 *   <li>3.18+: a fixed area across highmem_start (= __pa(high_memory - 1) + 1) is refused ("Region at %pa
 *       defined on low/high memory boundary (%pa)"); {@code if (limit == 0 || limit > memblock_end) limit =
 *       memblock_end;} 5.3+: "Size (%pa) of region at %pa exceeds limit (%pa)" when base + size > limit;</li>
 *   <li>fixed: the range must be free (memblock_is_region_reserved()), then memblock_reserve(); otherwise
 *       5.11+ with a 64-bit phys_addr_t and RAM reaching 4 GiB + size: bottom-up from 4 GiB; 3.18+ when
 *       [base, limit) spans highmem_start: top-down in [highmem_start, limit) first, then limit =
 *       highmem_start; top-down in [base, limit);</li>
 *   <li>"Reserved %ld MiB at %pa" or "Failed to reserve %ld MiB" with the aligned size (ReserveEra.CmaText).</li>
 * </ol>
 */
public final class Cma {

    private static final long SZ_4G = 1L << 32;

    private Cma() {
    }

    /**
     * What the caller asks for and what it knows of the machine.
     *
     * @param size         bytes asked for (unaligned)
     * @param base         0: anywhere
     * @param limit        0: none; exclusive end
     * @param fixed        place exactly at base
     * @param alignment    the minimum alignment of this era (PAGE_SIZE << the pageblock or MAX_ORDER - 1 order)
     * @param highmemStart __pa(high_memory - 1) + 1: the end of lowmem
     * @param lpae         64-bit phys_addr_t: %pa prints 16 digits
     * @param request      what asked for it, for the row ("cma=256M", "CONFIG_CMA_SIZE_MBYTES=16")
     */
    public record Request(long size, long base, long limit, boolean fixed, long alignment, long highmemStart, boolean lpae,
                          String request) {
    }

    /** The kernel's lines and the reservation. */
    public record Result(List<Message> lines, Reservation reservation, String how) {
    }

    public static Result declareContiguous(ReserveEra era, Memblock mb, Request r) {
        List<Message> lines = new ArrayList<>();
        ReserveEra.CmaText text = era.cmaText;
        long align = r.alignment;
        long base = r.base;
        boolean fixed = r.fixed;
        if (era.cmaFixedChecks && fixed && (base & (align - 1)) != 0) {
            lines.add(err("cma: Region at " + pa(r.lpae, base) + " must be aligned to " + pa(r.lpae, align) + " bytes"));
            // "goto err" before size = ALIGN(size, alignment): the line gives the size as asked
            return failed(era, r, lines, r.size, "the fixed base " + Fmt.hex8(base)
                    + " is not a multiple of the CMA alignment " + Sizes.human(align));
        }
        base = Memblock.roundUp(base, align);
        long size = Memblock.roundUp(r.size, align);
        long limit = r.limit & ~(align - 1);
        if (base == 0) {
            fixed = false;
        }
        long memblockEnd = mb.endOfDram();
        long highmemStart = r.highmemStart;
        if (era.cmaHighmemFirst.holds()) {
            if (fixed && base < highmemStart && base + size > highmemStart) {
                lines.add(err("cma: Region at " + pa(r.lpae, base) + " defined on low/high memory boundary ("
                        + pa(r.lpae, highmemStart) + ")"));
                return failed(era, r, lines, size, Fmt.hex8(base) + "-" + Fmt.hex8(base + size)
                        + " crosses the lowmem/highmem boundary " + Fmt.hex8(highmemStart) + " (an area must lie in one zone)");
            }
            if (limit == 0 || Long.compareUnsigned(limit, memblockEnd) > 0) {
                limit = memblockEnd;
            }
            if (era.cmaFixedChecks && base + size > limit) {
                lines.add(err("cma: Size (" + pa(r.lpae, size) + ") of region at " + pa(r.lpae, base) + " exceeds limit ("
                        + pa(r.lpae, limit) + ")"));
                return failed(era, r, lines, size, Fmt.hex8(base) + " + " + Sizes.human(size) + " goes past the limit "
                        + Fmt.hex8(limit));
            }
        } else if (limit == 0) {
            limit = memblockEnd;
        }
        String how;
        long fullLimit = limit;
        if (fixed) {
            if (mb.isRegionReserved(base, size) || !mb.isMemory(base, size)) {
                return failed(era, r, lines, size, Fmt.hex8(base) + "-" + Fmt.hex8(base + size)
                        + (mb.isMemory(base, size) ? " is already reserved" : " is not all RAM"));
            }
            mb.reserve(base, size);
            how = "at the fixed base " + Fmt.hex8(base);
        } else {
            long addr = 0;
            how = null;
            if (era.cmaBottomUp && r.lpae && memblockEnd >= SZ_4G + size) {
                addr = mb.alloc(size, align, SZ_4G, limit, true);
                how = "bottom-up from 4 GiB (RAM reaches 4 GiB + the area's size)";
            }
            if (addr == 0 && era.cmaHighmemFirst.holds() && base < highmemStart && Long.compareUnsigned(limit, highmemStart) > 0) {
                addr = mb.alloc(size, align, highmemStart, limit, false);
                how = "top-down in highmem " + Fmt.hex8(highmemStart) + "-" + Fmt.hex8(limit) + ", tried first";
                limit = highmemStart;
            }
            if (addr == 0) {
                addr = mb.alloc(size, align, base, limit, false);
                how = "top-down below " + Fmt.hex8(limit) + (how != null && how.contains("highmem") ? " (highmem had no room)" : "");
            }
            if (addr == 0) {
                boolean both = era.cmaHighmemFirst.holds() && base < highmemStart && r.highmemStart < memblockEnd;
                String room = both ? "; the largest free range in highmem: " + freeWords(mb, highmemStart, fullLimit)
                        + ", in lowmem: " + freeWords(mb, base, limit)
                        : "; the largest free range there: " + freeWords(mb, base, limit);
                return failed(era, r, lines, size, "no free " + Sizes.human(size) + " (aligned to " + Sizes.human(align) + ") "
                        + (both ? "in highmem nor in lowmem" : "below " + Fmt.hex8(limit)) + room);
            }
            base = addr;
        }
        String at = text.pa ? pa(r.lpae, base) : Fmt.hex(base & 0xffffffffL, 8);
        lines.add(info(String.format(text.reserved, size >> 20, at)));
        Reservation.Zone zone = zone(base, size, highmemStart);
        return new Result(lines, new Reservation(Reservation.Kind.CMA, "cma", base, size, zone, Reservation.Status.PLACED,
                r.request, "mm/cma.c cma_declare_contiguous_nid(), " + era.cmaHighmemFirst.releases(), how), how);
    }

    private static Result failed(ReserveEra era, Request r, List<Message> lines, long size, String why) {
        lines.add(err(String.format(era.cmaText.failed, size >> 20)));
        return new Result(lines, new Reservation(Reservation.Kind.CMA, "cma", -1, size, Reservation.Zone.NONE,
                Reservation.Status.FAILED, r.request, "mm/cma.c cma_declare_contiguous_nid(), " + era.cmaHighmemFirst.releases(), why),
                why);
    }

    /** "0x41000000-0x70000000 (752 MB)" or "none". */
    public static String freeWords(Memblock mb, long start, long end) {
        RangeSet.Range f = mb.largestFree(start, end);
        return f == null ? "none" : Fmt.hex8(f.start()) + "-" + Fmt.hex8(f.end()) + " (" + Sizes.human(f.size()) + ")";
    }

    /** lowmem, highmem or both for [start, start + size) with lowmem ending at highmemStart. */
    public static Reservation.Zone zone(long start, long size, long highmemStart) {
        if (start + size <= highmemStart) {
            return Reservation.Zone.LOWMEM;
        }
        return start >= highmemStart ? Reservation.Zone.HIGHMEM : Reservation.Zone.BOTH;
    }

    /** "%pa": 0x and 8 digits, or 16 with a 64-bit phys_addr_t. */
    public static String pa(boolean wide, long v) {
        return wide ? "0x" + Fmt.hex(v, 16) : Fmt.hex8(v & 0xffffffffL);
    }

    static Message info(String text) {
        return Message.kernel(Level.INFO, text, false);
    }

    static Message err(String text) {
        return Message.kernel(Level.ERR, text, true);
    }
}
