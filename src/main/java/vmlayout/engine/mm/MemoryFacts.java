package vmlayout.engine.mm;

import java.util.ArrayList;
import java.util.List;
import vmlayout.engine.Layout;
import vmlayout.engine.RamRange;
import vmlayout.engine.RamUse;
import vmlayout.engine.Reservation;
import vmlayout.engine.Region;

/**
 * Values the kernel prints about memory that are not whole lines vmlayout can print: fields of the
 * "Memory:" line (mem_init_print_info()) whose other fields depend on the image, and /proc/meminfo
 * (meminfo_proc_show()). Each is computed from what the engine decided (the RAM by use, the vmalloc
 * area); values that depend on the kernel image (code size, early allocations) are not predicted:
 * MemTotal and the first figure of the "Memory:" line. LowTotal depends on the image too, but cannot
 * exceed the lowmem RAM: that bound is predicted ({@link Value#atMost}).
 */
public final class MemoryFacts {

    /**
     * One predicted value.
     *
     * @param id     stable name: "memory-total", "memory-highmem", "meminfo-VmallocTotal", "meminfo-HighTotal"
     * @param label  how the log shows it ("Memory: .../NK available", "VmallocTotal:")
     * @param kb     the value in kB (the kernel's K: 1024 bytes)
     * @param source release range, file and function
     * @param atMost the kernel's value is at most {@code kb} (a bound, not the value): LowTotal
     */
    public record Value(String id, String label, long kb, String source, boolean atMost) {

        public Value(String id, String label, long kb, String source) {
            this(id, label, kb, source, false);
        }
    }

    private MemoryFacts() {
    }

    /** The values this layout predicts, for its release. */
    public static List<Value> of(Layout l) {
        List<Value> out = new ArrayList<>();
        boolean highmem = l.region("pkmap") != null || l.ramBytes(RamUse.HIGHMEM) > 0;
        if (MmEra.of(l.kernel()).memoryFigures) {
            out.add(new Value("memory-total", "Memory: .../NK available", physpagesKb(l),
                    "5.8+ mm/page_alloc.c (6.4+ mm/mm_init.c) mem_init_print_info(): physpages = get_num_physpages(),"
                            + " the present pages of the RAM the kernel keeps"));
            if (highmem) {
                out.add(new Value("memory-highmem", "Memory: ..., NK highmem)", highmemKb(l) - reservedInHighmemKb(l, true),
                        "5.8+ mem_init_print_info(): totalhigh_pages() when mem_init() has freed highmem (arch/arm/mm/init.c"
                                + " free_highpages(), arch/x86/mm/highmem_32.c set_highmem_pages_init(): the free memblock"
                                + " ranges only), so the early reservations placed in highmem (CMA areas, reserved-memory) are"
                                + " not in it"));
            }
        }
        Region v = l.region("vmalloc");
        if (v != null) {
            out.add(new Value("meminfo-VmallocTotal", "VmallocTotal:", v.size() >> 10,
                    "fs/proc/meminfo.c meminfo_proc_show(): (VMALLOC_END - VMALLOC_START) >> 10, all releases"));
        }
        if (highmem) {
            out.add(new Value("meminfo-HighTotal", "HighTotal:", highmemKb(l) - reservedInHighmemKb(l, false),
                    "fs/proc/meminfo.c meminfo_proc_show() (CONFIG_HIGHMEM): totalhigh_pages(), the highmem pages the"
                            + " buddy allocator manages after boot (CMA areas released to it by then, mm/cma.c"
                            + " cma_init_reserved_areas(); other reservations in highmem still out)"));
            out.add(new Value("meminfo-LowTotal", "LowTotal:", lowmemKb(l),
                    "fs/proc/meminfo.c meminfo_proc_show() (CONFIG_HIGHMEM): totalram_pages() - totalhigh_pages(), the"
                            + " lowmem pages the buddy allocator manages: at most the lowmem RAM (the image, memmap, page"
                            + " tables and early allocations kept are not in it), all releases", true));
        }
        return out;
    }

    /**
     * The /proc/meminfo line of a meminfo value: "%-16s%8lu kB" (fs/proc/meminfo.c show_val_kb()); a bound
     * reads "LowTotal: at most N kB".
     */
    public static String meminfoLine(Value v) {
        if (v.atMost()) {
            return v.label() + " at most " + v.kb() + " kB";
        }
        StringBuilder b = new StringBuilder(v.label());
        while (b.length() < 16) {
            b.append(' ');
        }
        String n = Long.toString(v.kb());
        for (int i = n.length(); i < 8; i++) {
            b.append(' ');
        }
        return b.append(n).append(" kB").toString();
    }

    /** How a "Memory:" field shows in the kernel line, the image's fields elided; null for other values. */
    public static String memoryField(Value v) {
        switch (v.id()) {
            case "memory-total":
                return "Memory: ...K/" + v.kb() + "K available (...)";
            case "memory-highmem":
                return "Memory: ...K/...K available (..., " + v.kb() + "K highmem)";
            default:
                return null;
        }
    }

    /**
     * Present pages: the kernel's RAM (lowmem, highmem, and what is reserved or NOMAP in it), each range rounded
     * in to whole pages.
     */
    static long physpagesKb(Layout l) {
        long pages = 0;
        for (long[] r : pfnRanges(l, null)) {
            pages += r[1] - r[0];
        }
        return pages * 4;
    }

    static long highmemKb(Layout l) {
        long pages = 0;
        for (long[] r : pfnRanges(l, RamUse.HIGHMEM)) {
            pages += r[1] - r[0];
        }
        return pages * 4;
    }

    /**
     * The placed early reservations' pages in highmem RAM (each rounded out to whole pages), in kB; with
     * {@code cma} false the reusable CMA areas (the global one and shared-dma-pool CMA pools) are left out,
     * as they are back in the buddy allocator after boot.
     */
    static long reservedInHighmemKb(Layout l, boolean cma) {
        List<long[]> high = pfnRanges(l, RamUse.HIGHMEM);
        long pages = 0;
        for (Reservation r : l.reservations()) {
            if (r.status() != Reservation.Status.PLACED || r.size() <= 0
                    || !cma && (r.kind() == Reservation.Kind.CMA || r.kind() == Reservation.Kind.CMA_POOL)) {
                continue;
            }
            long s = r.start() >>> 12;
            long e = (r.start() + r.size() + 4095) >>> 12;
            for (long[] h : high) {
                pages += Math.max(0, Math.min(e, h[1]) - Math.max(s, h[0]));
            }
        }
        return pages * 4;
    }

    static long lowmemKb(Layout l) {
        long pages = 0;
        for (long[] r : pfnRanges(l, RamUse.LOWMEM)) {
            pages += r[1] - r[0];
        }
        return pages * 4;
    }

    /** memblock.memory as pfn ranges [start, end): adjacent ranges merged, then PFN_UP(start), PFN_DOWN(end). */
    static List<long[]> pfnRanges(Layout l, RamUse only) {
        List<long[]> bytes = new ArrayList<>();
        for (RamRange r : l.ram()) {
            boolean kept = only == null ? r.present() : r.use() == only;
            if (!kept) {
                continue;
            }
            if (!bytes.isEmpty() && bytes.get(bytes.size() - 1)[1] == r.start()) {
                bytes.get(bytes.size() - 1)[1] = r.end();
            } else {
                bytes.add(new long[]{r.start(), r.end()});
            }
        }
        List<long[]> out = new ArrayList<>();
        for (long[] b : bytes) {
            long s = (b[0] + 4095) >>> 12;
            long e = b[1] >>> 12;
            if (e > s) {
                out.add(new long[]{s, e});
            }
        }
        return out;
    }
}
