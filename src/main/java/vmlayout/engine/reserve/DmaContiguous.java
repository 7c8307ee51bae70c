package vmlayout.engine.reserve;

import java.util.List;
import vmlayout.bootargs.CmaParam;
import vmlayout.engine.Constants;
import vmlayout.engine.Reservation;
import vmlayout.report.Message;

/**
 * dma_contiguous_reserve() (kernel/dma/contiguous.c; drivers/base/dma-contiguous.c before 4.16), read in
 * the 3.15 and 5.10 files: the size is cma= when given ({@code size_cmdline != -1}), else the Kconfig choice
 * CMA_SIZE_SEL_MBYTES (CMA_SIZE_MBYTES MiB, the default), _PERCENTAGE (CMA_SIZE_PERCENTAGE % of memblock's
 * memory), _MIN or _MAX of the two; {@code selected_limit = min_not_zero(limit_cmdline, limit)};
 * {@code fixed} when base + size == limit (cma=SIZE@BASE); a size of 0 reserves nothing and says nothing.
 */
public final class DmaContiguous {

    private DmaContiguous() {
    }

    /** The lines, and the reservation (null when nothing was asked for). */
    public record Result(List<Message> lines, Reservation reservation) {
    }

    /**
     * A kernel built without what reads cma=: the parameter is {@code early_param("cma", early_cma)} of
     * kernel/dma/contiguous.c (drivers/base/dma-contiguous.c before 4.16), compiled only with CONFIG_DMA_CMA, which
     * depends on CONFIG_CMA. Such a kernel knows no cma=: init/main.c hands it to user space as an unknown
     * parameter (recent releases list it in "Unknown kernel command line parameters "...", will be passed to user
     * space."; real Debian 6.1 686 boot with cma=800M) and reserves no CMA area. A warning: the board asked for CMA.
     *
     * @param missing the symbol that is not set: "CONFIG_CMA" or "CONFIG_DMA_CMA"
     */
    public static Message notBuilt(CmaParam p, String missing) {
        return Message.warn(p.text() + " is not a parameter of this kernel: " + missing + " is not set"
                + (missing.equals("CONFIG_CMA") ? " (CONFIG_DMA_CMA depends on it)" : "") + ", so kernel/dma/contiguous.c, which"
                + " reads cma=, is not built; Linux passes " + p.text() + " to user space as an unknown parameter and reserves no"
                + " CMA area.");
    }

    /**
     * @param limit         what the arch passes (ARM: arm_dma_limit; x86: max_pfn_mapped << PAGE_SHIFT)
     * @param alignment     the CMA alignment of this release and config
     * @param highmemStart  the end of lowmem
     * @param wide          64-bit phys_addr_t
     * @param archRule      the arch's call, for the reservation's rule
     */
    public static Result reserve(ReserveEra era, Memblock mb, Constants c, CmaParam p, long limit, long alignment, long highmemStart,
                                 boolean wide, String archRule) {
        long size;
        String request;
        long base = 0;
        long selLimit = limit;
        boolean fixed = false;
        if (p.given()) {
            size = p.size();
            request = p.text();
            base = p.base();
            selLimit = minNotZero(p.limit(), limit);
            fixed = p.fixed();
        } else {
            long mbytes = c.get("CMA_SIZE_MBYTES", 16, "Kconfig default 16 (kernel/dma/Kconfig CMA_SIZE_MBYTES)");
            String sel = c.choice("CMA_SIZE_SEL_MBYTES", "CMA_SIZE_SEL_PERCENTAGE", "CMA_SIZE_SEL_MIN", "CMA_SIZE_SEL_MAX");
            long bytes = mbytes << 20;
            if (sel == null || sel.equals("CMA_SIZE_SEL_MBYTES")) {
                size = bytes;
                request = "CONFIG_CMA_SIZE_MBYTES=" + mbytes;
            } else {
                long pct = c.get("CMA_SIZE_PERCENTAGE", 10, "Kconfig default 10 (CMA_SIZE_PERCENTAGE)");
                // cma_early_percent_memory(): (total_pages * CONFIG_CMA_SIZE_PERCENTAGE / 100) << PAGE_SHIFT
                long percent = ((mb.physMemSize() >> 12) * pct / 100) << 12;
                switch (sel) {
                    case "CMA_SIZE_SEL_PERCENTAGE" -> {
                        size = percent;
                        request = "CONFIG_CMA_SIZE_PERCENTAGE=" + pct;
                    }
                    case "CMA_SIZE_SEL_MIN" -> {
                        size = Math.min(bytes, percent);
                        request = "CONFIG_CMA_SIZE_SEL_MIN (" + mbytes + " MiB, " + pct + "%)";
                    }
                    default -> {
                        size = Math.max(bytes, percent);
                        request = "CONFIG_CMA_SIZE_SEL_MAX (" + mbytes + " MiB, " + pct + "%)";
                    }
                }
            }
        }
        if (size == 0) {
            return new Result(List.of(), null);
        }
        Cma.Result r = Cma.declareContiguous(era, mb, new Cma.Request(size, base, selLimit, fixed, alignment, highmemStart, wide,
                request));
        Reservation x = r.reservation();
        Reservation withRule = new Reservation(x.kind(), x.name(), x.start(), x.size(), x.zone(), x.status(), x.request(),
                x.rule() + "; " + archRule, x.why());
        return new Result(r.lines(), withRule);
    }

    private static long minNotZero(long a, long b) {
        if (a == 0) {
            return b;
        }
        if (b == 0) {
            return a;
        }
        return Long.compareUnsigned(a, b) < 0 ? a : b;
    }
}
