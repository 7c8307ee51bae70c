package vmlayout.engine;

import java.util.ArrayList;
import java.util.List;
import vmlayout.config.Fmt;
import vmlayout.config.Sizes;
import vmlayout.report.Message;

/**
 * The parts of a board's RAM that are not whole pages: a firmware range that starts or ends off a page
 * boundary (a real PC's "0x100000 - 0x3f7d1800 usable"). The kernel only ever has whole pages, so such a
 * fragment was never RAM to it: not dropped RAM (which would fail a CI check on a healthy machine), but a
 * note. vmlayout's accounting (the engines' RamFate), not a kernel step; the rule each engine follows is
 * cited by its caller.
 */
public final class PartialPages {

    /** The page size of every configuration vmlayout models (4 kB on ARM, x86 and 32-bit powerpc). */
    public static final long PAGE = 4096;

    private PartialPages() {
    }

    /** The pieces of {@code ram}'s ranges outside the whole pages each range holds. */
    public static RangeSet of(RangeSet ram) {
        RangeSet out = new RangeSet();
        for (RangeSet.Range r : ram.ranges()) {
            long up = (r.start() + PAGE - 1) & -PAGE;
            long down = r.end() & -PAGE;
            if (up >= down) {
                out.add(r.start(), r.end()); // less than one whole page
                continue;
            }
            if (up > r.start()) {
                out.add(r.start(), up);
            }
            if (down < r.end()) {
                out.add(down, r.end());
            }
        }
        return out;
    }

    /**
     * Takes the fragments of {@code board} out of {@code dropped} (they are no dropped RAM) and adds the
     * note for them to {@code messages}; returns them.
     *
     * @param rule how the architecture's kernel counts whole pages only (file and function)
     */
    public static RangeSet takeFrom(RangeSet dropped, RangeSet board, String rule, List<Message> messages) {
        RangeSet fragments = dropped.intersect(of(board));
        dropped.removeAll(fragments);
        Message n = note(fragments, rule);
        if (n != null) {
            messages.add(n);
        }
        return fragments;
    }

    /**
     * The note for the fragments of {@code fragments}, or null when there are none.
     *
     * @param rule how the architecture's kernel counts whole pages only (file and function)
     */
    public static Message note(RangeSet fragments, String rule) {
        if (fragments.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (RangeSet.Range r : fragments.ranges()) {
            parts.add(Fmt.hex8(r.start()) + "-" + Fmt.hex8(r.end()) + " (" + Sizes.human(r.size()) + ")");
        }
        return Message.note(String.join(", ", parts) + ": RAM off a page boundary, which the kernel never has (" + rule
                + "): not dropped RAM.");
    }
}
