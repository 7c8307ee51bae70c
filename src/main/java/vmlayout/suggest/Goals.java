package vmlayout.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vmlayout.check.Checker;
import vmlayout.check.Finding;
import vmlayout.check.Requirement;
import vmlayout.config.InputException;
import vmlayout.config.Sizes;
import vmlayout.engine.Layout;
import vmlayout.engine.RamRange;
import vmlayout.engine.RamUse;

/**
 * What suggest must reach: requirements on the layout's metrics (--want, read as vmlayout check reads
 * --require, plus the METRIC=SIZE shorthand) and physical ranges the kernel must never use (--reserve).
 */
public record Goals(List<Requirement> wants, List<Reserve> reserves) {

    public Goals {
        wants = List.copyOf(wants);
        reserves = List.copyOf(reserves);
    }

    /**
     * One --want: METRIC OP SIZE as for --require ({@code vmalloc>=512M}, {@code dropped==0}), or
     * METRIC=SIZE, short for METRIC>=SIZE ({@code ioremap=1G}: an ioremap() of 1 GB must fit) and for
     * dropped short for &lt;=; {@code cma=256M}: 256 MB of CMA must be placed). Also no-kernel-warning,
     * params-effective and reservations-placed.
     */
    public static Requirement parseWant(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        String text = t;
        int eq = t.indexOf('=');
        if (eq > 0 && "<>=!".indexOf(t.charAt(eq - 1)) < 0 && (eq + 1 >= t.length() || t.charAt(eq + 1) != '=')) {
            String metric = t.substring(0, eq).strip();
            String op = metric.equals("dropped") ? "<=" : ">=";
            text = metric + op + t.substring(eq + 1).strip();
        }
        try {
            Requirement r = Requirement.parse(text);
            return new Requirement(s.strip(), r.metric(), r.op(), r.value());
        } catch (InputException e) {
            String sizeProblem = "--require " + text + ": ";
            if (e instanceof Requirement.BadSize && e.getMessage().startsWith(sizeProblem)) {
                // the shape was right, the SIZE more than a 32-bit kernel has of the metric or less than 1 MiB
                throw new InputException("--want " + s.strip() + ": " + e.getMessage().substring(sizeProblem.length()));
            }
            throw new InputException("--want: cannot read '" + s + "': expected METRIC OP SIZE or METRIC=SIZE with METRIC one of"
                    + " vmalloc, lowmem, highmem, dropped, reserved, ioremap, cma and OP one of >= <= == != > < (e.g. vmalloc>=512M,"
                    + " ioremap=1G, cma=256M, dropped==0)");
        }
    }

    /** True when every want holds and every reserved range is kept from the kernel. */
    public boolean hold(Layout l) {
        return failures(l).isEmpty();
    }

    /** One line per goal that fails, with the numbers. */
    public List<String> failures(Layout l) {
        List<String> out = new ArrayList<>();
        for (Finding f : Checker.check(l, wants, "-")) {
            out.add(f.requirement() + " fails (" + f.message() + ")");
        }
        for (Reserve r : reserves) {
            long used = usedBytes(l, r);
            if (used > 0) {
                out.add(r + " fails (" + Sizes.human(used) + " of it is lowmem or highmem)");
            }
        }
        return out;
    }

    /**
     * True when a want fails at both layouts on the same side (below, above, at the excluded value): with a
     * metric that moves monotonically between the two settings that made them, no setting between meets it.
     * A layout the engine refused (null) proves nothing.
     */
    public boolean unreachableBetween(Layout a, Layout b) {
        if (a == null || b == null) {
            return false;
        }
        for (Requirement r : wants) {
            if (!r.isFlag()) {
                int s = r.side(Checker.metric(a, r.metric()));
                if (s != 0 && s == r.side(Checker.metric(b, r.metric()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when a want of a metric past a bound ({@code <}, {@code <=}, {@code ==}, {@code >=}, {@code >}) fails in {@code l}. */
    public boolean orderedWantFails(Layout l) {
        for (Requirement r : wants) {
            if (r.ordered() && r.side(Checker.metric(l, r.metric())) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many more steps past {@code b} every want failing at {@code a} and {@code b} alike (one step apart)
     * needs to be met if its metric goes on changing as it did from {@code a} to {@code b}; 0 when one of them
     * did not move towards its bound (no estimate).
     */
    public long stepsToMeet(Layout a, Layout b) {
        long most = 0;
        for (Requirement r : wants) {
            if (!r.ordered()) {
                continue;
            }
            long fa = Checker.metric(a, r.metric());
            long fb = Checker.metric(b, r.metric());
            int side = r.side(fb);
            if (side == 0 || side != r.side(fa)) {
                continue;
            }
            long moved = side < 0 ? fb - fa : fa - fb; // towards the bound
            if (moved <= 0) {
                return 0;
            }
            long missing = side < 0 ? r.bound(side) - fb : fb - r.bound(side);
            most = Math.max(most, (missing + moved - 1) / moved);
        }
        return most;
    }

    /**
     * True when what fails in {@code l} is only wants of a metric past their bound ({@code <}, {@code <=},
     * {@code ==}, {@code >=}, {@code >}): no flag, no {@code !=}, no reserved range, which a monotonic metric
     * does not order.
     */
    public boolean onlyOvershot(Layout l) {
        if (!reserves.isEmpty()) {
            return false;
        }
        for (Requirement r : wants) {
            if (!r.ordered() && !Checker.check(l, List.of(r), "-").isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Bytes of the range the kernel uses as lowmem or highmem. */
    static long usedBytes(Layout l, Reserve r) {
        long used = 0;
        for (RamRange x : l.ram()) {
            if (x.use() == RamUse.LOWMEM || x.use() == RamUse.HIGHMEM) {
                long s = Math.max(x.start(), r.start());
                long e = Math.min(x.end(), r.end());
                used += Math.max(0, e - s);
            }
        }
        return used;
    }

    /** The goals as written: "dropped==0, reserve 0x...". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (Requirement r : wants) {
            parts.add(r.text());
        }
        for (Reserve r : reserves) {
            parts.add(r.toString());
        }
        return String.join(", ", parts);
    }
}
