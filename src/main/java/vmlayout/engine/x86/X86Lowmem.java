package vmlayout.engine.x86;

import static vmlayout.engine.Ulong.M32;

import java.util.ArrayList;
import java.util.List;
import vmlayout.config.Sizes;
import vmlayout.engine.DerivationLog;
import vmlayout.report.Message.Level;
import vmlayout.report.Message;

/**
 * The split of RAM into lowmem and highmem and its messages, ported from find_max_low_pfn()
 * (arch/i386/kernel/setup.c, arch/x86/kernel/setup_32.c; up to 2.6.26), find_low_pfn_range()
 * (arch/x86/mm/init_32.c, 2.6.27-2.6.29) and lowmem_pfn_init() / highmem_pfn_init() (2.6.30 on),
 * then initmem_init()'s "HIGHMEM available" / "LOWMEM available" lines (setup_memory() before
 * 2.6.27). The texts are the kernel's, byte for byte; pfns are 32-bit unsigned longs and highmem_pages
 * an unsigned int, as in the kernel.
 */
final class X86Lowmem {

    /** MAX_NONPAE_PFN: 4 GB. */
    static final long MAX_NONPAE_PFN = 1L << 20;
    /** The least lowmem highmem= may leave ("results in <64MB lowmem"): 64 MB. */
    static final long MIN_LOWMEM = 64L << 20;
    private static final long MIN_LOWMEM_PAGES = MIN_LOWMEM >> 12;

    /**
     * What the split reads, as setup_arch() leaves the kernel's globals.
     *
     * @param maxPfn       max_pfn: the end of usable RAM in pages
     * @param highmemPages highmem_pages, M32 (-1) when highmem= was not given
     * @param maxmem       MAXMEM, for "Warning only %ldMB will be used." (MAXMEM >> 20)
     * @param highmem      CONFIG_HIGHMEM (HIGHMEM4G or HIGHMEM64G)
     * @param highmem64g   CONFIG_HIGHMEM64G
     * @param log          where the branch taken is recorded
     */
    record Input(X86Era era, long maxPfn, long highmemPages, long maxmem, boolean highmem, boolean highmem64g,
                 DerivationLog log) {

        /** PFN_DOWN(MAXMEM). */
        long maxmemPfn() {
            return maxmem >>> 12;
        }
    }

    /** What the split produced. */
    static final class Result {
        long maxLowPfn;
        long maxPfn;
        /** highstart_pfn: where highmem starts (max_low_pfn, or max_pfn when all RAM is low). */
        long highstartPfn;
        final List<Message> messages = new ArrayList<>();
        /** Why max_pfn went down, for the RAM accounting (null when it did not). */
        String trimmedBy;
    }

    private X86Lowmem() {
    }

    /** pages_to_mb(x): x >> (20 - PAGE_SHIFT). */
    static long mb(long pages) {
        return (pages & M32) >>> 8;
    }

    static Result split(Input in) {
        Result r = new Result();
        r.maxPfn = in.maxPfn();
        if (in.maxPfn() <= in.maxmemPfn()) {
            lowmemPfnInit(in, r);
        } else {
            highmemPfnInit(in, r);
        }
        initmemInit(in, r);
        step(in, r);
        return r;
    }

    /** The kernel function that makes the split in this release. */
    private static String source(Input in, boolean low) {
        X86Era.LowmemRule rule = in.era().lowmem;
        return rule.source(rule == X86Era.LowmemRule.PFN_INIT ? rule.where + (low ? " lowmem_pfn_init()" : " highmem_pfn_init()")
                : rule.where);
    }

    /** Which branch was taken, with the numbers: max_low_pfn and what became of the RAM above it. */
    private static void step(Input in, Result r) {
        if (!in.log().on()) {
            return; // the step's text only (explain, suggest)
        }
        boolean low = in.maxPfn() <= in.maxmemPfn();
        String cmp = "max_pfn " + hexPfn(in.maxPfn()) + " (" + Sizes.human(in.maxPfn() << 12) + ")" + (low ? " <= " : " > ")
                + "MAXMEM_PFN " + hexPfn(in.maxmemPfn()) + " (" + Sizes.human(in.maxmemPfn() << 12) + ")";
        String text;
        if (low) {
            text = cmp + ": all RAM fits in lowmem";
            if (r.maxLowPfn != r.maxPfn) {
                text += ", but highmem= asks for " + Sizes.human((r.maxPfn - r.maxLowPfn) << 12) + " of highmem: max_low_pfn = "
                        + hexPfn(r.maxLowPfn) + " (lowmem " + Sizes.human(r.maxLowPfn << 12) + ")";
            } else {
                text += ": max_low_pfn = max_pfn";
            }
        } else {
            text = cmp + ": lowmem stops at MAXMEM, max_low_pfn = " + hexPfn(r.maxLowPfn) + " (" + Sizes.human(r.maxLowPfn << 12) + ")";
            if (!in.highmem()) {
                text += "; CONFIG_HIGHMEM is off, so max_pfn = max_low_pfn and the "
                        + Sizes.human((in.maxPfn() - r.maxLowPfn) << 12) + " above are not used";
            } else {
                text += "; with CONFIG_HIGHMEM the " + Sizes.human((r.maxPfn - r.maxLowPfn) << 12) + " up to max_pfn "
                        + hexPfn(r.maxPfn) + " are highmem";
                if (r.maxPfn < in.maxPfn()) {
                    text += " (" + Sizes.human((in.maxPfn() - r.maxPfn) << 12) + " " + r.trimmedBy + " are not used)";
                }
            }
        }
        in.log().add("max_low_pfn", text + ".", source(in, low));
    }

    private static String hexPfn(long pfn) {
        return "0x" + Long.toHexString(pfn);
    }

    /** All RAM fits below MAXMEM: only highmem= can make highmem (lowmem_pfn_init() and its ancestors). */
    private static void lowmemPfnInit(Input in, Result r) {
        boolean old = in.era().lowmem != X86Era.LowmemRule.PFN_INIT;
        r.maxLowPfn = r.maxPfn;
        long hp = in.highmemPages();
        if (hp == M32) {
            hp = 0;
        }
        if (in.highmem()) {
            if (hp >= r.maxPfn) {
                r.messages.add(err(old
                        ? "highmem size specified (" + mb(hp) + "MB) is bigger than pages available (" + mb(r.maxPfn) + "MB)!."
                        : "highmem size (" + mb(hp) + "MB) is bigger than pages available (" + mb(r.maxPfn) + "MB)!"));
                hp = 0;
            }
            if (hp != 0) {
                if (((r.maxLowPfn - hp) & M32) < MIN_LOWMEM_PAGES) {
                    r.messages.add(err(old
                            ? "highmem size " + mb(hp) + "MB results in smaller than 64MB lowmem, ignoring it."
                            : "highmem size (" + mb(hp) + "MB) results in <64MB lowmem, ignoring it!"));
                    hp = 0;
                }
                r.maxLowPfn = (r.maxLowPfn - hp) & M32;
            }
        } else if (hp != 0) {
            r.messages.add(err("ignoring highmem size on non-highmem kernel!"));
        }
    }

    /** RAM reaches above MAXMEM: lowmem stops at MAXMEM (highmem_pfn_init() and its ancestors). */
    private static void highmemPfnInit(Input in, Result r) {
        X86Era era = in.era();
        r.maxLowPfn = in.maxmemPfn();
        long hp = in.highmemPages();
        if (hp == M32) {
            hp = (r.maxPfn - in.maxmemPfn()) & M32;
        }
        if (((hp + in.maxmemPfn()) & M32) < r.maxPfn) {
            r.maxPfn = (in.maxmemPfn() + hp) & M32;
            r.trimmedBy = "above the highmem= size";
        }
        if (((hp + in.maxmemPfn()) & M32) > r.maxPfn) {
            long avail = mb(r.maxPfn - in.maxmemPfn());
            String text = "only " + avail + "MB highmem pages available, ignoring highmem size of " + mb(hp) + "MB";
            r.messages.add(switch (era.lowmem) {
                case FIND_MAX_LOW_PFN -> Message.kernel(Level.DEFAULT, text + ".", true);
                case FIND_LOW_PFN_RANGE -> warn(text + ".");
                case PFN_INIT -> warn(text + "!");
            });
        }
        if (!in.highmem()) {
            // "Maximum memory usable is what is directly addressable"
            r.messages.add(warn("Warning only " + ((in.maxmem() & M32) >>> 20) + "MB will be used."));
            if (r.maxPfn > MAX_NONPAE_PFN && era.highmem64gExists) {
                r.messages.add(warn(era.paeText ? "Use a PAE enabled kernel." : "Use a HIGHMEM64G enabled kernel."));
            } else {
                r.messages.add(warn("Use a HIGHMEM enabled kernel."));
            }
            r.maxPfn = in.maxmemPfn();
            r.trimmedBy = "above the lowmem limit, kernel without CONFIG_HIGHMEM";
        } else if (!in.highmem64g() && r.maxPfn > MAX_NONPAE_PFN) {
            r.maxPfn = MAX_NONPAE_PFN;
            r.trimmedBy = "above 4 GB, kernel without CONFIG_HIGHMEM64G";
            switch (era.lowmem) {
                case FIND_MAX_LOW_PFN -> {
                    r.messages.add(warn("Warning only 4GB will be used."));
                    r.messages.add(warn(era.paeText ? "Use a PAE enabled kernel." : "Use a HIGHMEM64G enabled kernel."));
                }
                // two string literals joined without a space: one line
                case FIND_LOW_PFN_RANGE -> r.messages.add(warn("Warning only 4GB will be used.Use a HIGHMEM64G enabled kernel."));
                case PFN_INIT -> r.messages.add(warn(era.highmem64gExists
                        ? "Warning: only 4GB will be used. Use a HIGHMEM64G enabled kernel!"
                        : era.trimmedTextForFor
                        ? "Warning: only 4GB will be used. Support for for CONFIG_HIGHMEM64G was removed!"
                        : "Warning: only 4GB will be used. Support for CONFIG_HIGHMEM64G was removed!"));
            }
        }
    }

    /**
     * initmem_init() (setup_memory() before 2.6.27): with CONFIG_HIGHMEM, highstart_pfn = max_low_pfn
     * if max_pfn > max_low_pfn else max_pfn, and "%ldMB HIGHMEM available." even for 0 MB; then
     * "%ldMB LOWMEM available.". Without CONFIG_HIGHMEM only the LOWMEM line.
     */
    private static void initmemInit(Input in, Result r) {
        if (in.highmem()) {
            long highend = r.maxPfn;
            long highstart = r.maxPfn > r.maxLowPfn ? r.maxLowPfn : r.maxPfn;
            r.highstartPfn = highstart;
            r.messages.add(Message.kernel(Level.NOTICE, mb(highend - highstart) + "MB HIGHMEM available.", false));
        } else {
            r.highstartPfn = r.maxLowPfn;
        }
        r.messages.add(Message.kernel(Level.NOTICE, mb(r.maxLowPfn) + "MB LOWMEM available.", false));
    }

    private static Message err(String text) {
        return Message.kernel(Level.ERR, text, true);
    }

    private static Message warn(String text) {
        return Message.kernel(Level.WARNING, text, true);
    }
}
