package vmlayout.suggest;

import java.util.ArrayList;
import java.util.Comparator;
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
 * one searched setting (the working value nearest to the one in use, found on a coarse grid and then
 * to the setting's finest step); keeps only minimal combinations (none of whose parts can be left out)
 * and ranks them by cost. When nothing works it keeps the attempts that came closest, for the reason.
 */
public final class Suggester {

    /** The most fixed changes combined in one suggestion (a searched setting may come on top). */
    static final int MAX_FIXED = 2;
    /** About this many values of a setting are tried before the search narrows to its finest step. */
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
        this.base = engine.compute(machine, Engine.Detail.DERIVATION);
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
            Layout withFixed = base;
            Machine m = machine;
            if (!subset.isEmpty()) {
                Attempt a = attempt(subset);
                if (a.refused() != null) {
                    continue;
                }
                withFixed = a.layout();
                m = Change.apply(machine, subset);
                if (!covered(working, keys(subset, null)) && a.reaches()) {
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
        List<Suggestion> shown = new ArrayList<>();
        for (Suggestion sg : found) {
            shown.add(new Suggestion(withSteps(sg.attempt()), sg.how()));
        }
        List<Attempt> closestShown = new ArrayList<>();
        for (Attempt a : closestAttempts()) {
            closestShown.add(withSteps(a));
        }
        return new Report(machine, goals, maxCost, base, baseMetrics, baseFailures, shown, closestShown,
                cands.limits(machine, base, goals));
    }

    /**
     * A shown attempt computed again with its derivation steps (the answer cites them). The search
     * computes each try without them: the steps' text is most of an engine run, and a search makes
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
     * Finds the working value of {@code k} nearest to the one in use: coarse points first, nearest to
     * the current value first, then a binary search between the first working point and its failing
     * neighbour towards the current value (the metrics move monotonically with these settings between
     * neighbouring points). Adds it, and a rounder value with the same effect if there is one.
     */
    private boolean search(List<Change> fixed, Knob k, List<Suggestion> found) {
        long step = k.step();
        long cur = onGrid(k, k.current());
        long coarse = step * Math.max(1, ((k.hi() - k.lo()) / step) / COARSE_POINTS);
        List<Long> points = new ArrayList<>();
        points.add(cur);
        points.add(k.lo());
        points.add(k.hi());
        for (long v = cur + coarse; v <= k.hi(); v += coarse) {
            points.add(v);
        }
        for (long v = cur - coarse; v >= k.lo(); v -= coarse) {
            points.add(v);
        }
        points.sort(new Comparator<Long>() { // nearest to the value in use first (no lambdas: see FastPath)
            @Override
            public int compare(Long a, Long b) {
                int byDistance = Long.compare(Math.abs(a - cur), Math.abs(b - cur));
                return byDistance != 0 ? byDistance : Long.compare(a, b);
            }
        });
        Long works = null;
        Attempt worked = null;
        Set<Long> seen = new HashSet<>();
        for (long p : points) {
            if (!seen.add(p)) {
                continue;
            }
            // the value in use is no change: it is not one of the closest tries
            Attempt a = attempt(with(fixed, k.at().apply(p)), p != k.current());
            if (a.reaches()) {
                works = p;
                worked = a;
                break;
            }
        }
        if (works == null) {
            return false;
        }
        long w = works;
        if (w == cur && cur == k.current()) {
            return false; // the value in use: nothing to change
        }
        if (w != cur) {
            long q = w > cur ? Math.max(cur, w - coarse) : Math.min(cur, w + coarse);
            // whole steps between the failing q and the working w (hi may be off the grid: stop short of it)
            for (long n = (w - q) / step; Math.abs(n) > 1; n = (w - q) / step) {
                long mid = q + (n / 2) * step;
                Attempt a = attempt(with(fixed, k.at().apply(mid)));
                if (a.reaches()) {
                    w = mid;
                    worked = a;
                } else {
                    q = mid;
                }
            }
        }
        String how = "the working " + k.name() + " value nearest to the one in use (" + k.text(k.current()) + ")";
        found.add(new Suggestion(worked, how));
        // a rounder value with the same vmalloc area, ioremap and loss, further from the current one
        long dir = w >= cur ? 1 : -1;
        long best = w;
        Attempt bestAttempt = worked;
        for (int i = 1; i <= ROUNDER_STEPS; i++) {
            long v = w + dir * i * step;
            if (v < k.lo() || v > k.hi()) {
                break;
            }
            Attempt a = attempt(with(fixed, k.at().apply(v)));
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
