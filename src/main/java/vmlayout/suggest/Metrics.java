package vmlayout.suggest;

import vmlayout.check.Checker;
import vmlayout.config.Sizes;
import vmlayout.engine.Layout;

/** The numbers a suggestion is judged by, measured on a computed layout. */
public record Metrics(long vmalloc, long lowmem, long highmem, long dropped, long reserved, long ioremap, long pageOffset) {

    public static Metrics of(Layout l) {
        return new Metrics(Checker.metric(l, "vmalloc"), Checker.metric(l, "lowmem"), Checker.metric(l, "highmem"),
                Checker.metric(l, "dropped"), Checker.metric(l, "reserved"), Checker.metric(l, "ioremap"),
                l.constant("PAGE_OFFSET", l.constant("KERNEL_START", 0xC0000000L)));
    }

    /** "vmalloc 120 MB, lowmem 384 MB, highmem 0, dropped 128 MB, ioremap 64 MB". */
    public String words() {
        return "vmalloc " + human(vmalloc) + ", lowmem " + Sizes.human(lowmem) + ", highmem " + Sizes.human(highmem)
                + ", dropped " + Sizes.human(dropped) + (reserved > 0 ? ", reserved " + Sizes.human(reserved) : "")
                + ", largest ioremap " + human(ioremap);
    }

    /** The effect that makes two values of a searched setting equivalent: the same vmalloc area, ioremap and loss. */
    boolean sameEffect(Metrics o) {
        return vmalloc == o.vmalloc && ioremap == o.ioremap && dropped == o.dropped && reserved == o.reserved;
    }

    /**
     * A virtual area's size as people read it: "120 MB", "0"; just under a whole MB (guard pages
     * short) as "112 MB - 4 kB"; otherwise "887.99 MB".
     */
    public static String human(long bytes) {
        long mb = 1L << 20;
        long up = (bytes + mb - 1) / mb * mb;
        if (bytes > mb && bytes % 4096 == 0 && up - bytes < mb && up != bytes && (up - bytes) % 1024 == 0) {
            return Sizes.human(up) + " - " + ((up - bytes) >> 10) + " kB";
        }
        return Sizes.human(bytes);
    }
}
