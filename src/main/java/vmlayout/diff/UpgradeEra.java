package vmlayout.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vmlayout.config.Boundary;
import vmlayout.config.KernelVersion;

/**
 * Which release boundaries lie between two releases, in the order an upgrade (or a downgrade) crosses
 * them, and the release just before each: the release arithmetic of {@code vmlayout diff --kernel A..B}.
 * Here an -rc is ordered before its release (6.15-rc2 &lt; 6.15-rc7 &lt; 6.15 &lt; 6.15.3); a boundary at a
 * release takes effect from its -rc1 (its merge window), one at an -rcN from that rc.
 */
final class UpgradeEra {

    /** One release crossed: the boundaries at it, evaluated from {@code from} to {@code to}. */
    record Step(KernelVersion from, KernelVersion to, List<Boundary> boundaries) {
    }

    private UpgradeEra() {
    }

    /** Ordering key: (major, minor, patch, sub, rc) with a release after all its rcs. */
    static long[] key(KernelVersion v) {
        return new long[]{v.major(), v.minor(), v.patch(), v.sub(), v.rc() == 0 ? Long.MAX_VALUE : v.rc()};
    }

    /** Where a boundary starts to hold: a release boundary from its -rc1, an -rcN one from that rc. */
    static long[] startKey(KernelVersion boundary) {
        long[] k = key(boundary);
        if (boundary.rc() == 0 && boundary.patch() == 0 && boundary.sub() == 0 && boundary.major() > 2) {
            k[4] = 1;
        }
        return k;
    }

    static int compare(long[] x, long[] y) {
        for (int i = 0; i < x.length; i++) {
            int c = Long.compare(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The release just before {@code v}: 6.15 -> 6.14, 7.0 -> 6.19, 6.15-rc7 -> 6.15-rc6, 4.19.78 -> 4.19.77, 2.6.29 -> 2.6.28. */
    static KernelVersion previous(KernelVersion v) {
        if (v.rc() > 1) {
            return new KernelVersion(v.major(), v.minor(), v.patch(), v.sub(), v.rc() - 1);
        }
        if (v.sub() > 0) {
            return new KernelVersion(v.major(), v.minor(), v.patch(), v.sub() - 1);
        }
        if (v.major() == 2) {
            return KernelVersion.of(2, 6, Math.max(0, v.patch() - 1));
        }
        if (v.patch() > 0 && v.rc() == 0) {
            return KernelVersion.of(v.major(), v.minor(), v.patch() - 1);
        }
        if (v.minor() > 0) {
            return KernelVersion.of(v.major(), v.minor() - 1);
        }
        return switch (v.major()) {
            case 3 -> KernelVersion.of(2, 6, 39);
            case 4 -> KernelVersion.of(3, 19);
            case 5 -> KernelVersion.of(4, 20);
            case 6 -> KernelVersion.of(5, 19);
            default -> KernelVersion.of(v.major() - 1, 19);
        };
    }

    /**
     * The boundaries crossed going from {@code a} to {@code b}, grouped by release, in crossing order.
     * Each step goes from the release just before the boundary (or {@code a}, if later) to the boundary's
     * release; a downgrade walks them backwards. A boundary that {@code a} and {@code b} both have, or both
     * lack, is not crossed.
     */
    static List<Step> steps(List<Boundary> boundaries, KernelVersion a, KernelVersion b) {
        boolean up = compare(key(a), key(b)) <= 0;
        KernelVersion lo = up ? a : b;
        KernelVersion hi = up ? b : a;
        List<Boundary> crossed = new ArrayList<>();
        for (Boundary x : boundaries) {
            long[] s = startKey(x.release());
            // lo lacks it (lo < start) and hi has it (hi >= start)
            if (compare(key(lo), s) < 0 && compare(key(hi), s) >= 0) {
                crossed.add(x);
            }
        }
        crossed.sort(Comparator.comparing((Boundary x) -> startKey(x.release()), UpgradeEra::compare));
        List<Step> out = new ArrayList<>();
        for (Boundary x : crossed) {
            if (!out.isEmpty() && compare(startKey(out.get(out.size() - 1).to()), startKey(x.release())) == 0) {
                out.get(out.size() - 1).boundaries().add(x);
                continue;
            }
            KernelVersion before = previous(x.release());
            if (compare(key(before), key(lo)) < 0) {
                before = lo;
            }
            List<Boundary> at = new ArrayList<>();
            at.add(x);
            out.add(new Step(before, x.release(), at));
        }
        if (!up) {
            List<Step> down = new ArrayList<>();
            for (int i = out.size() - 1; i >= 0; i--) {
                Step s = out.get(i);
                down.add(new Step(s.to(), s.from(), s.boundaries()));
            }
            return down;
        }
        return out;
    }

    /** True when {@code v} is newer than {@code newest} (a later major.minor). */
    static boolean past(KernelVersion v, KernelVersion newest) {
        return v.major() != newest.major() ? v.major() > newest.major() : v.minor() > newest.minor();
    }
}
