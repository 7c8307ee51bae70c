package vmlayout.diff;

import java.util.ArrayList;
import java.util.List;
import vmlayout.config.Sizes;
import vmlayout.engine.Layout;
import vmlayout.engine.RamUse;
import vmlayout.engine.Region;
import vmlayout.engine.Reservation;
import vmlayout.report.Message;

/**
 * Two layouts compared: which regions moved and by how much, RAM by use before and after, which kernel
 * messages appear or vanish, and the kernel lines that differ (a line diff of what each kernel prints).
 *
 * @param a       the first configuration's layout
 * @param b       the second's
 * @param regions every region of either, in A's table order, then B's regions that A lacks
 * @param ram     bytes of RAM by use, A and B
 * @param onlyA   kernel messages A prints and B does not
 * @param onlyB   kernel messages B prints and A does not
 * @param lines   the kernel lines as a diff: each line kept, removed (only in A) or added (only in B)
 * @param reservations the early reservations asked for (CMA, pools, crash kernel, SWIOTLB; not the kernel image
 *                and what it already held), matched by label, that A or B has
 */
public record LayoutDiff(Layout a, Layout b, List<RegionChange> regions, List<RamChange> ram, List<String> onlyA,
                         List<String> onlyB, List<Line> lines, List<ReservationChange> reservations) {

    /**
     * One early reservation in A and B, matched by its label ("cma", "crashkernel", "cma-pool linux,cma").
     *
     * @param label the reservation's label
     * @param a     in A, or null
     * @param b     in B, or null
     */
    public record ReservationChange(String label, Reservation a, Reservation b) {
        /** Asked for on one side only, placed elsewhere, resized, or placed on one side and failed on the other. */
        public boolean changed() {
            return a == null || b == null || a.start() != b.start() || a.size() != b.size() || a.status() != b.status();
        }
    }

    /**
     * One region in A and B.
     *
     * @param name region id
     * @param a    the region in A, or null
     * @param b    the region in B, or null
     */
    public record RegionChange(String name, Region a, Region b) {
        public boolean moved() {
            return a == null || b == null || a.start() != b.start() || a.end() != b.end();
        }

        public long startDelta() {
            return a != null && b != null ? b.start() - a.start() : 0;
        }

        public long endDelta() {
            return a != null && b != null ? b.end() - a.end() : 0;
        }

        public long sizeDelta() {
            return (b == null ? 0 : b.size()) - (a == null ? 0 : a.size());
        }

        /** "start +8 MB", "end -2 MB", "size +6 MB": what changed, in that order (none for an unchanged edge). */
        public List<String> deltas() {
            List<String> ch = new ArrayList<>();
            if (startDelta() != 0) {
                ch.add("start " + Sizes.signed(startDelta()));
            }
            if (endDelta() != 0) {
                ch.add("end " + Sizes.signed(endDelta()));
            }
            if (sizeDelta() != 0) {
                ch.add("size " + Sizes.signed(sizeDelta()));
            }
            return ch;
        }
    }

    /** Bytes of RAM with one use in A and in B. */
    public record RamChange(RamUse use, long a, long b) {
        public long delta() {
            return b - a;
        }
    }

    /** One line of the kernel-line diff. */
    public record Line(Op op, String text) {
    }

    /** Kept in both, only in A (removed), only in B (added). */
    public enum Op {
        SAME(" "), ONLY_A("-"), ONLY_B("+");

        public final String mark;

        Op(String mark) {
            this.mark = mark;
        }
    }

    public LayoutDiff {
        regions = List.copyOf(regions);
        ram = List.copyOf(ram);
        onlyA = List.copyOf(onlyA);
        onlyB = List.copyOf(onlyB);
        lines = List.copyOf(lines);
        reservations = List.copyOf(reservations);
    }

    public static LayoutDiff of(Layout a, Layout b) {
        List<RegionChange> regions = new ArrayList<>();
        for (Region r : a.regions()) {
            regions.add(new RegionChange(r.name(), r, b.region(r.name())));
        }
        for (Region r : b.regions()) {
            if (a.region(r.name()) == null) {
                regions.add(new RegionChange(r.name(), null, r));
            }
        }
        List<RamChange> ram = new ArrayList<>();
        for (RamUse u : RamUse.values()) {
            ram.add(new RamChange(u, a.ramBytes(u), b.ramBytes(u)));
        }
        List<String> ma = kernelMessages(a);
        List<String> mb = kernelMessages(b);
        return new LayoutDiff(a, b, regions, ram, minus(ma, mb), minus(mb, ma), diff(a.kernelLines(), b.kernelLines()),
                reservations(a, b));
    }

    /** The reservations asked for, A's in order, then those only B has. */
    private static List<ReservationChange> reservations(Layout a, Layout b) {
        List<ReservationChange> out = new ArrayList<>();
        List<Reservation> rb = new ArrayList<>(asked(b));
        for (Reservation r : asked(a)) {
            Reservation match = null;
            for (Reservation x : rb) {
                if (x.label().equals(r.label())) {
                    match = x;
                    break;
                }
            }
            rb.remove(match);
            out.add(new ReservationChange(r.label(), r, match));
        }
        for (Reservation x : rb) {
            out.add(new ReservationChange(x.label(), null, x));
        }
        return out;
    }

    private static List<Reservation> asked(Layout l) {
        List<Reservation> out = new ArrayList<>();
        for (Reservation r : l.reservations()) {
            if (!r.context()) {
                out.add(r);
            }
        }
        return out;
    }

    /** True when both kernels print the same lines. */
    public boolean sameKernelLines() {
        return a.kernelLines().equals(b.kernelLines());
    }

    private static List<String> kernelMessages(Layout l) {
        List<String> out = new ArrayList<>();
        for (Message m : l.messages()) {
            if (m.source() == Message.Source.KERNEL) {
                out.add(m.text());
            }
        }
        return out;
    }

    /** The lines of x that y does not have (as many times as x has them more). */
    private static List<String> minus(List<String> x, List<String> y) {
        List<String> rest = new ArrayList<>(y);
        List<String> out = new ArrayList<>();
        for (String s : x) {
            if (!rest.remove(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** A line diff by longest common subsequence (kernel outputs are a few dozen lines). */
    static List<Line> diff(List<String> x, List<String> y) {
        int n = x.size();
        int m = y.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = x.get(i).equals(y.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && x.get(i).equals(y.get(j))) {
                out.add(new Line(Op.SAME, x.get(i++)));
                j++;
            } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(new Line(Op.ONLY_A, x.get(i++)));
            } else {
                out.add(new Line(Op.ONLY_B, y.get(j++)));
            }
        }
        return out;
    }
}
