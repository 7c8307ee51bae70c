package vmlayout.suggest;

import vmlayout.check.Checker;
import vmlayout.config.Sizes;
import vmlayout.engine.Layout;

/** The numbers a suggestion is judged by, measured on a computed layout. */
public record Metrics(long vmalloc, long lowmem, long highmem, long dropped, long reserved, long ioremap, long pageOffset,
                      long cma) {

    public static Metrics of(Layout l) {
        return new Metrics(Checker.metric(l, "vmalloc"), Checker.metric(l, "lowmem"), Checker.metric(l, "highmem"),
                Checker.metric(l, "dropped"), Checker.metric(l, "reserved"), Checker.metric(l, "ioremap"),
                l.constant("PAGE_OFFSET", l.constant("KERNEL_START", 0xC0000000L)), Checker.metric(l, "cma"));
    }

    /** "vmalloc 120 MB, lowmem 384 MB, highmem 0, dropped 128 MB, ioremap 64 MB". */
    public String words() {
        return "vmalloc " + Sizes.area(vmalloc) + ", lowmem " + Sizes.human(lowmem) + ", highmem " + Sizes.human(highmem)
                + ", dropped " + Sizes.human(dropped) + (reserved > 0 ? ", reserved " + Sizes.human(reserved) : "")
                + ", largest ioremap " + Sizes.area(ioremap) + (cma > 0 ? ", CMA " + Sizes.human(cma) : "");
    }

    /** The effect that makes two values of a searched setting equivalent: the same vmalloc area, ioremap and loss. */
    boolean sameEffect(Metrics o) {
        return vmalloc == o.vmalloc && ioremap == o.ioremap && dropped == o.dropped && reserved == o.reserved && cma == o.cma;
    }

}
