package vmlayout.engine.reserve;

import java.util.ArrayList;
import java.util.List;
import vmlayout.bootargs.MemParse;
import vmlayout.bootargs.Param;
import vmlayout.config.Sizes;
import vmlayout.engine.Reservation;

/**
 * The SWIOTLB bounce buffer (kernel/dma/swiotlb.c): IO_TLB_DEFAULT_SIZE 64 MB, or {@code swiotlb=N} slabs
 * of IO_TLB_SIZE (2 KB), rounded up to IO_TLB_SEGSIZE (128) slabs (setup_io_tlb_npages(): {@code
 * default_nslabs = ALIGN(simple_strtoul(str, &str, 0), IO_TLB_SEGSIZE)}, then ",force" / "noforce").
 * Allocated from lowmem (memblock_alloc_low()) after page tables, mem_map, per-cpu areas and the hash
 * tables: the real 3 GB LPAE 6.1 boot maps [mem 0x6a41e000-0x6e41e000] (64MB), and with swiotlb=8192
 * [mem 0x6d41e000-0x6e41e000] (16MB). vmlayout gives its size and zone, not the address.
 */
public final class Swiotlb {

    private static final long SLAB = 2048;
    private static final long SEGSIZE = 128;
    private static final long DEFAULT_SIZE = 64L << 20;

    private Swiotlb() {
    }

    /** Its size, whether forced, and notes on swiotlb= as the kernel read it. */
    public record Result(long size, boolean forced, String request, List<String> notes) {
        public Reservation reservation(String rule) {
            return new Reservation(Reservation.Kind.SWIOTLB, "swiotlb", -1, size, Reservation.Zone.LOWMEM, Reservation.Status.UNPLACED,
                    request, rule, "in lowmem below the kernel's other early allocations (page tables, mem_map, per-cpu areas):"
                    + " its address is not predicted");
        }
    }

    /**
     * @param needed true when the arch sets it up for this RAM (RAM above the DMA limit)
     * @return null when the kernel sets no buffer up
     */
    public static Result setup(List<Param> params, boolean needed, MemParse.Suffixes suffixes) {
        long size = DEFAULT_SIZE;
        boolean forced = false;
        boolean noforce = false;
        String request = "default (IO_TLB_DEFAULT_SIZE)";
        List<String> notes = new ArrayList<>();
        for (Param p : params) {
            if (!p.is("swiotlb") || p.value() == null) {
                continue;
            }
            String v = p.value();
            int i = 0;
            if (!v.isEmpty() && Character.isDigit(v.charAt(0))) {
                // simple_strtoul(str, &str, 0): base from the prefix, no size suffix
                int base = 10;
                if (v.startsWith("0x") || v.startsWith("0X")) {
                    base = 16;
                    i = 2;
                } else if (v.startsWith("0")) {
                    base = 8;
                }
                long n = 0;
                while (i < v.length() && Character.digit(v.charAt(i), base) >= 0) {
                    n = n * base + Character.digit(v.charAt(i), base);
                    i++;
                }
                long nslabs = (n + SEGSIZE - 1) / SEGSIZE * SEGSIZE;
                size = nslabs * SLAB;
                request = p.text();
            }
            if (i < v.length() && v.charAt(i) == ',') {
                i++;
            }
            String rest = v.substring(Math.min(i, v.length()));
            if (rest.equals("force")) {
                forced = true;
            } else if (rest.equals("noforce")) {
                noforce = true;
            }
            if (size == 0) {
                notes.add(p.text() + ": 0 slabs; the kernel then keeps its default size.");
                size = DEFAULT_SIZE;
            }
        }
        if (noforce || (!needed && !forced)) {
            return null;
        }
        notes.add("SWIOTLB " + Sizes.human(size) + " (" + request + ") in lowmem: the kernel prints \"software IO TLB: mapped [mem ...]\""
                + " with an address that depends on allocations vmlayout does not model.");
        return new Result(size, forced, request, notes);
    }
}
