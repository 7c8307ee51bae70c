package vmlayout.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vmlayout.check.Checker;
import vmlayout.check.Requirement;
import vmlayout.config.InputException;
import vmlayout.config.Machine;
import vmlayout.config.Sizes;
import vmlayout.engine.Engine;
import vmlayout.engine.Engines;
import vmlayout.engine.Layout;
import vmlayout.report.Message;

/**
 * Finds concrete changes that make a board reach its goals, each verified by running the engine with
 * the change applied. Tries the architecture's fixed changes alone and in pairs, each alone or with
 * one searched setting (the working value nearest to the one in use, to the setting's finest step: see
 * search); keeps only minimal combinations (none of whose parts can be left out)
 * and ranks them by cost. When nothing works it keeps the attempts that came closest, for the reason.
 */
public final class Suggester {

    /** The most fixed changes combined in one suggestion (a searched setting may come on top). */
    static final int MAX_FIXED = 2;
    /** About this many values of a setting are tried before a scan narrows to its finest step. */
    static final int COARSE_POINTS = 48;
    /** How far past the chosen value the search looks for a rounder one with the same effect. */
    static final int ROUNDER_STEPS = 48;

    /** One run of the engine with some changes. */
    public record Attempt(List<Change> parts, Layout layout, Metrics metrics, List<String> failures, String refused) {
        public boolean reaches() {
            return refused == null && failures.isEmpty();
        }

        public String label() {
            List<String> s = new ArrayList<>();
            for (Change c : parts) {
                s.add(c.label());
            }
            return String.join(" ", s);
        }

        public Cost cost() {
            Cost c = Cost.BOOT;
            for (Change p : parts) {
                if (p.cost().compareTo(c) > 0) {
                    c = p.cost();
                }
            }
            return c;
        }
    }

    /**
     * A change that reaches every goal, measured.
     *
     * @param how how its searched value was chosen (empty for fixed changes)
     */
    public record Suggestion(Attempt attempt, String how) {
    }

    /**
     * What suggest found.
     *
     * @param limits goals the architecture's changes cannot address, with the reason
     */
    public record Report(Machine machine, Goals goals, Cost maxCost, Layout base, Metrics baseMetrics,
                         List<String> baseFailures, List<Suggestion> suggestions, List<Attempt> closest, List<String> limits) {
        public boolean alreadyHolds() {
            return baseFailures.isEmpty();
        }
    }

    private final Machine machine;
    private final Goals goals;
    private final Engine engine;
    private final Layout base;
    private final Set<String> baseWarnings = new HashSet<>();
    private final Map<String, Attempt> closest = new LinkedHashMap<>();

    private Suggester(Machine machine, Goals goals) {
        this.machine = machine;
        this.goals = goals;
        this.engine = Engines.forArch(machine.arch());
        this.base = engine.compute(machine, Engine.Detail.SUMMARY); // its steps are never shown
        for (Message msg : base.messages()) {
            if (msg.source() == Message.Source.VMLAYOUT && msg.finding()) {
                baseWarnings.add(msg.text());
            }
        }
    }

    public static Report run(Machine m, Goals goals, Cost maxCost) {
        return new Suggester(m, goals).run(maxCost);
    }

    private Report run(Cost maxCost) {
        Metrics baseMetrics = baseMetrics();
        List<String> baseFailures = goals.failures(base);
        List<Suggestion> found = new ArrayList<>();
        if (baseFailures.isEmpty()) {
            return new Report(machine, goals, maxCost, base, baseMetrics, baseFailures, found, List.of(), List.of());
        }
        Candidates cands = Candidates.forArch(machine.arch());
        List<Change> fixed = new ArrayList<>();
        for (Change c : cands.fixed(machine, base, goals)) {
            if (c.cost().compareTo(maxCost) <= 0) {
                fixed.add(c);
            }
        }
        List<Set<String>> working = new ArrayList<>();
        for (List<Change> subset : subsets(fixed)) {
            if (covered(working, keys(subset, null))) {
                continue; // holds a working combination: not minimal, with or without a searched setting
            }
            Layout withFixed = base;
            Machine m = machine;
            if (!subset.isEmpty()) {
                Attempt a = attempt(subset);
                if (a.refused() != null) {
                    continue;
                }
                withFixed = a.layout();
                m = Change.apply(machine, subset);
                if (a.reaches()) {
                    found.add(new Suggestion(a, ""));
                    working.add(keys(subset, null));
                    continue;
                }
            }
            for (Knob k : cands.knobs(m, withFixed)) {
                if (k.at().apply(k.lo()).cost().compareTo(maxCost) > 0 || covered(working, keys(subset, k))) {
                    continue;
                }
                if (search(subset, k, found)) {
                    working.add(keys(subset, k));
                }
            }
        }
        found.sort(RANKING);
        dropDominatedCombinations(found);
        List<Attempt> closestShown = new ArrayList<>();
        if (found.isEmpty()) { // the closest tries are shown only then, with the steps that stop them
            for (Attempt a : closestAttempts()) {
                closestShown.add(withSteps(a));
            }
        }
        return new Report(machine, goals, maxCost, base, baseMetrics, baseFailures, found, closestShown,
                cands.limits(machine, base, goals));
    }

    /**
     * A closest try computed again with its derivation steps (the answer cites those that stop it). The
     * search computes each try without them: the steps' text is most of an engine run, and a search makes
     * dozens of runs of which few are shown.
     */
    private Attempt withSteps(Attempt a) {
        if (a.layout() == null) {
            return a;
        }
        Layout l = engine.compute(Change.apply(machine, a.parts()), Engine.Detail.DERIVATION);
        return new Attempt(a.parts(), l, a.metrics(), a.failures(), a.refused());
    }

    // ---- combinations ----

    /** The empty set, then each fixed change, then each pair whose groups differ. */
    private static List<List<Change>> subsets(List<Change> fixed) {
        List<List<Change>> out = new ArrayList<>();
        out.add(List.of());
        for (Change c : fixed) {
            out.add(List.of(c));
        }
        if (MAX_FIXED >= 2) {
            for (int i = 0; i < fixed.size(); i++) {
                for (int j = i + 1; j < fixed.size(); j++) {
                    String gi = fixed.get(i).group();
                    if (gi.isEmpty() || !gi.equals(fixed.get(j).group())) {
                        out.add(List.of(fixed.get(i), fixed.get(j)));
                    }
                }
            }
        }
        return out;
    }

    private static Set<String> keys(List<Change> subset, Knob k) {
        Set<String> s = new HashSet<>();
        for (Change c : subset) {
            s.add(c.label());
        }
        if (k != null) {
            s.add("knob " + k.name());
        }
        return s;
    }

    /** True when a working combination is contained in this one (so this one is not minimal). */
    private static boolean covered(List<Set<String>> working, Set<String> keys) {
        for (Set<String> w : working) {
            if (keys.containsAll(w)) {
                return true;
            }
        }
        return false;
    }

    // ---- one searched setting ----

    /**
     * Finds the working value of {@code k} nearest to the one in use, to the setting's finest step, and adds
     * it, and a rounder value with the same effect if there is one.
     *
     * <p>The metrics move monotonically with these settings (a larger vmalloc= never gives more lowmem, a
     * higher VMALLOC_END never less), so a want that fails at two values on the same side (below, above)
     * fails at every value between (Goals.unreachableBetween). The ends of the range are tried first: a
     * want failing at both ends so stops the search, and one failing at the value in use and at an end so
     * rules out that side. On a side left, the values at which a want still fails as at the value in use
     * come first and the others after, so a bisection finds the first of the others: the nearest working
     * value when it works. When it does not for another reason than a want overshot (a flag, !=, a
     * reserved range, a change the engine refuses), the side is scanned instead (nearest). The benchmarked
     * suggest tried 54 values of vmalloc= one by one before it knew none works, and 20 of VMALLOC_END.
     */
    private boolean search(List<Change> fixed, Knob k, List<Suggestion> found) {
        long cur = onGrid(k, k.current());
        Map<Long, Attempt> tried = new HashMap<>(); // one engine run per value
        Attempt atLo = attempt(fixed, k, k.lo(), tried);
        Attempt atHi = attempt(fixed, k, k.hi(), tried);
        if (!atLo.reaches() && !atHi.reaches() && goals.unreachableBetween(atLo.layout(), atHi.layout())) {
            return false;
        }
        Attempt atCur = attempt(fixed, k, cur, tried);
        long w = cur;
        if (!atCur.reaches()) {
            Long down = nearest(fixed, k, cur, k.lo(), tried);
            Long up = nearest(fixed, k, cur, k.hi(), tried);
            if (down == null && up == null) {
                return false;
            }
            w = down == null || up != null && up - cur < cur - down ? up : down; // a tie: the lower
        } else if (cur == k.current()) {
            return false; // the value in use: nothing to change
        }
        Attempt worked = tried.get(w);
        String how = "the working " + k.name() + " value nearest to the one in use (" + k.text(k.current()) + ")";
        found.add(new Suggestion(worked, how));
        // a rounder value with the same vmalloc area, ioremap and loss, further from the current one
        long dir = w >= cur ? 1 : -1;
        long best = w;
        Attempt bestAttempt = worked;
        // no value past the roundest of the window can be chosen: the engine runs up to it only (none when w is
        // the roundest, as 0xe8000000 is)
        int stop = 0;
        for (int i = 1, most = k.roundness(w); i <= ROUNDER_STEPS; i++) {
            long v = w + dir * i * k.step();
            if (v < k.lo() || v > k.hi()) {
                break;
            }
            if (k.roundness(v) > most) {
                most = k.roundness(v);
                stop = i;
            }
        }
        for (int i = 1; i <= stop; i++) {
            long v = w + dir * i * k.step();
            Attempt a = attempt(fixed, k, v, tried);
            if (!a.reaches() || !a.metrics().sameEffect(worked.metrics())) {
                break;
            }
            if (k.roundness(v) > k.roundness(best)) {
                best = v;
                bestAttempt = a;
            }
        }
        if (best != w) {
            found.add(new Suggestion(bestAttempt, "a rounder " + k.name() + " value with the same effect as " + k.text(w)));
        }
        return true;
    }

    /** The working value nearest to {@code cur} (which fails) towards {@code end} (tried already), or null. */
    private Long nearest(List<Change> fixed, Knob k, long cur, long end, Map<Long, Attempt> tried) {
        Attempt atCur = tried.get(cur);
        Attempt atEnd = tried.get(end);
        if (end == cur || !atEnd.reaches() && goals.unreachableBetween(atCur.layout(), atEnd.layout())) {
            return null; // a want fails all the way to the end as it does here
        }
        long dir = end > cur ? 1 : -1;
        long step = k.step();
        long before = cur; // a want still fails here as at cur
        long after = end; // none does (the end: just checked)
        if (atCur.layout() == null || !goals.orderedWantFails(atCur.layout())) {
            return scan(fixed, k, cur, end, tried); // nothing orders the values (a flag or a reserved range fails)
        }
        // a secant first: the metrics move about linearly with these settings (lowmem 1 MB per MB of VMALLOC_END
        // until the RAM is all mapped), so the value in use and its neighbour tell where the failing wants would
        // be met; that value and the one before it usually close the search (3 runs where the bisection takes 9),
        // else the bisection goes on between them
        long next = cur + dir * step;
        if (Math.abs(after - before) > step) {
            Attempt n = attempt(fixed, k, next, tried);
            if (n.layout() == null) {
                return scan(fixed, k, cur, end, tried);
            }
            if (!goals.unreachableBetween(atCur.layout(), n.layout())) {
                after = next;
            } else {
                before = next;
                long steps = goals.stepsToMeet(atCur.layout(), n.layout());
                long guess = next + dir * steps * step;
                for (int i = 0; steps > 0 && i < 2 && Math.abs(after - before) > step && between(guess, before, after); i++) {
                    Attempt g = attempt(fixed, k, guess, tried);
                    if (g.layout() == null) {
                        return scan(fixed, k, cur, end, tried);
                    }
                    if (goals.unreachableBetween(atCur.layout(), g.layout())) {
                        before = guess;
                        guess += dir * step;
                    } else {
                        after = guess;
                        guess -= dir * step;
                    }
                }
            }
        }
        while (Math.abs(after - before) > step) {
            long mid = before + dir * Math.max(1, Math.abs(after - before) / step / 2) * step;
            Attempt a = attempt(fixed, k, mid, tried);
            if (a.layout() == null) {
                return scan(fixed, k, cur, end, tried); // refused by the engine: no metrics to go by
            }
            if (goals.unreachableBetween(atCur.layout(), a.layout())) {
                before = mid;
            } else {
                after = mid;
            }
        }
        Attempt a = tried.get(after);
        if (a.reaches()) {
            return after;
        }
        if (a.refused() == null && goals.onlyOvershot(a.layout())) {
            return null; // a want overshot, and further on it overshoots more
        }
        return scan(fixed, k, cur, end, tried);
    }

    /** True when {@code v} lies strictly between {@code a} and {@code b} (either way round). */
    private static boolean between(long v, long a, long b) {
        return v > Math.min(a, b) && v < Math.max(a, b);
    }

    /**
     * The working value nearest to {@code cur} towards {@code end} by trying values one by one: coarse
     * points first, then a binary search between the first working point and its failing neighbour.
     */
    private Long scan(List<Change> fixed, Knob k, long cur, long end, Map<Long, Attempt> tried) {
        long step = k.step();
        long dir = end > cur ? 1 : -1;
        long coarse = step * Math.max(1, ((k.hi() - k.lo()) / step) / COARSE_POINTS);
        Long w = null;
        for (long v = cur + dir * coarse; w == null && (dir > 0 ? v < end : v > end); v += dir * coarse) {
            if (attempt(fixed, k, v, tried).reaches()) {
                w = v;
            }
        }
        if (w == null) {
            return attempt(fixed, k, end, tried).reaches() ? end : null;
        }
        long q = w - dir * coarse; // fails (or is cur)
        // whole steps between the failing q and the working w
        for (long n = (w - q) / step; Math.abs(n) > 1; n = (w - q) / step) {
            long mid = q + (n / 2) * step;
            if (attempt(fixed, k, mid, tried).reaches()) {
                w = mid;
            } else {
                q = mid;
            }
        }
        return w;
    }

    private static long onGrid(Knob k, long v) {
        long c = Math.max(k.lo(), Math.min(k.hi(), v));
        return k.lo() + ((c - k.lo()) / k.step()) * k.step();
    }

    private static List<Change> with(List<Change> fixed, Change c) {
        List<Change> out = new ArrayList<>(fixed);
        out.add(c);
        return out;
    }

    // ---- running the engine ----

    /** The fixed changes with {@code k} at {@code v}, run once per value (the value in use is no change: not one of the closest tries). */
    private Attempt attempt(List<Change> fixed, Knob k, long v, Map<Long, Attempt> tried) {
        Attempt a = tried.get(v);
        if (a == null) {
            a = attempt(with(fixed, k.at().apply(v)), v != k.current());
            tried.put(v, a);
        }
        return a;
    }

    private Attempt attempt(List<Change> parts) {
        return attempt(parts, true);
    }

    private Attempt attempt(List<Change> parts, boolean rememberIfClose) {
        Attempt a;
        try {
            // the tables and steps only for the attempts shown (withSteps)
            Layout l = engine.compute(Change.apply(machine, parts), Engine.Detail.SUMMARY);
            String refused = null;
            for (Message msg : l.messages()) {
                if (msg.source() == Message.Source.VMLAYOUT && msg.finding() && !baseWarnings.contains(msg.text())) {
                    refused = msg.text();
                    break;
                }
            }
            List<String> failures = new ArrayList<>(goals.failures(l));
            Metrics metrics = Metrics.of(l); // once per attempt: measuring a layout costs as much as computing it
            if (!goals.reserves().isEmpty()) {
                long lost = usedOutsideReserves(baseMetrics(), base) - usedOutsideReserves(metrics, l);
                if (lost > 0) {
                    failures.add("the kernel would use " + Sizes.area(lost) + " less RAM outside the reserved ranges");
                }
            }
            a = new Attempt(parts, l, metrics, failures, refused);
        } catch (InputException e) {
            a = new Attempt(parts, null, null, List.of(), e.getMessage());
        }
        if (!a.reaches() && rememberIfClose) {
            remember(a);
        }
        return a;
    }

    /**
     * RAM the kernel uses (lowmem and highmem) outside the reserved ranges: a way to keep a range from
     * the kernel must not cost RAM elsewhere (making the kernel drop RAM is not reserving it).
     */
    private long usedOutsideReserves(Metrics m, Layout l) {
        long used = m.lowmem() + m.highmem();
        for (Reserve r : goals.reserves()) {
            used -= Goals.usedBytes(l, r);
        }
        return used;
    }

    private Metrics baseMetrics;

    private Metrics baseMetrics() {
        if (baseMetrics == null) {
            baseMetrics = Metrics.of(base);
        }
        return baseMetrics;
    }

    /** Keeps the closest failing attempt per combination of changes (by kind), for the impossible case. */
    private void remember(Attempt a) {
        List<String> kinds = new ArrayList<>();
        for (Change c : a.parts()) {
            kinds.add(c.group().isEmpty() ? c.label() : c.group() + (c.group().equals("split") ? " " + c.label() : ""));
        }
        String key = String.join("+", kinds);
        Attempt old = closest.get(key);
        if (old == null || shortfall(a) < shortfall(old)) {
            closest.put(key, a);
        }
    }

    /** How far an attempt is from the goals: the relative shortfall of each failing want, summed. */
    private double shortfall(Attempt a) {
        if (a.refused() != null) {
            return Double.MAX_VALUE;
        }
        double s = 0;
        for (Requirement r : goals.wants()) {
            if (r.isFlag()) {
                s += Checker.check(a.layout(), List.of(r), "-").size();
                continue;
            }
            long actual = Checker.metric(a.layout(), r.metric());
            if (!r.holds(actual)) {
                double scale = Math.max(r.value(), 1L << 20);
                s += Math.abs((double) r.value() - actual) / scale + 0.001;
            }
        }
        for (Reserve r : goals.reserves()) {
            s += (double) Goals.usedBytes(a.layout(), r) / r.size();
        }
        if (!goals.reserves().isEmpty()) {
            s += (double) Math.max(0, usedOutsideReserves(baseMetrics(), base) - usedOutsideReserves(a.metrics(), a.layout()))
                    / (1L << 30);
        }
        return s;
    }

    private List<Attempt> closestAttempts() {
        List<Attempt> all = new ArrayList<>(closest.values());
        for (Iterator<Attempt> it = all.iterator(); it.hasNext(); ) {
            Attempt a = it.next();
            if (a.parts().isEmpty() || a.refused() != null) {
                it.remove();
            }
        }
        all.sort(new Comparator<Attempt>() { // the smallest shortfall, then cost, then label
            @Override
            public int compare(Attempt a, Attempt b) {
                int c = Double.compare(shortfall(a), shortfall(b));
                c = c != 0 ? c : a.cost().compareTo(b.cost());
                return c != 0 ? c : a.label().compareTo(b.label());
            }
        });
        return all.size() > 3 ? all.subList(0, 3) : all;
    }

    // ---- ranking ----

    /**
     * Removes a combination of two or more changes when another suggestion costs no more, has no more
     * parts and is at least as good in every number (user space, lowmem, RAM used, dropped, vmalloc,
     * ioremap) and better in one: e.g. a split with mem= when the same split with memmap= keeps the RAM.
     */
    static void dropDominatedCombinations(List<Suggestion> found) {
        List<Suggestion> keep = new ArrayList<>();
        for (Suggestion b : found) {
            boolean dominated = false;
            if (b.attempt().parts().size() >= 2) {
                for (Suggestion a : found) {
                    if (a != b && dominates(a.attempt(), b.attempt())) {
                        dominated = true;
                        break;
                    }
                }
            }
            if (!dominated) {
                keep.add(b);
            }
        }
        found.clear();
        found.addAll(keep);
    }

    private static boolean dominates(Attempt a, Attempt b) {
        Metrics x = a.metrics();
        Metrics y = b.metrics();
        boolean noWorse = a.cost().compareTo(b.cost()) <= 0 && a.parts().size() <= b.parts().size()
                && x.pageOffset() >= y.pageOffset() && x.lowmem() >= y.lowmem()
                && x.lowmem() + x.highmem() >= y.lowmem() + y.highmem() && x.dropped() <= y.dropped()
                && x.vmalloc() >= y.vmalloc() && x.ioremap() >= y.ioremap();
        boolean better = a.cost().compareTo(b.cost()) < 0 || a.parts().size() < b.parts().size()
                || x.pageOffset() > y.pageOffset() || x.lowmem() > y.lowmem() || x.dropped() < y.dropped()
                || x.vmalloc() > y.vmalloc() || x.ioremap() > y.ioremap()
                || x.lowmem() + x.highmem() > y.lowmem() + y.highmem();
        return noWorse && better;
    }

    /**
     * Cheapest first: the cost class, then fewer changes, then less user address space given up, less
     * lowmem lost, less RAM dropped, more vmalloc, then the label.
     */
    static final Comparator<Suggestion> RANKING = new Comparator<Suggestion>() { // a class, not lambdas: see FastPath
        @Override
        public int compare(Suggestion x, Suggestion y) {
            Attempt a = x.attempt();
            Attempt b = y.attempt();
            int c = a.cost().compareTo(b.cost());
            c = c != 0 ? c : Integer.compare(a.parts().size(), b.parts().size());
            c = c != 0 ? c : Long.compare(-a.metrics().pageOffset(), -b.metrics().pageOffset());
            c = c != 0 ? c : Long.compare(-a.metrics().lowmem(), -b.metrics().lowmem());
            c = c != 0 ? c : Long.compare(a.metrics().dropped(), b.metrics().dropped());
            c = c != 0 ? c : Long.compare(-a.metrics().vmalloc(), -b.metrics().vmalloc());
            return c != 0 ? c : a.label().compareTo(b.label());
        }
    };
}
