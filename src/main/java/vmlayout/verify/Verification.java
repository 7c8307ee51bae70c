package vmlayout.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vmlayout.config.InputException;
import vmlayout.engine.Constants;
import vmlayout.engine.Layout;
import vmlayout.engine.mm.MemoryFacts;
import vmlayout.verify.Verdict.Entry;
import vmlayout.verify.Verdict.Status;

/**
 * Compares a prediction with one boot of a log, and tells guesses from disagreements: a line that differs
 * and depends on an input vmlayout guessed cannot be checked (it is counted apart and does not make the
 * exit status 1); when one value of a guessed input makes every compared line agree, that value is
 * offered as the option that pins it.
 */
public final class Verification {

    /** Predicts the boot again with one more option ("--ram" and its value, or "-D" and NAME=VALUE). */
    public interface Predictor {
        Layout predict(List<String[]> options);
    }

    /**
     * A value the log pins: with these options every compared line agrees.
     *
     * @param options the option and value pairs ({"--ram", "0x0:1G"}, {"-D", "NR_CPUS=32"})
     * @param guesses the guesses they settle
     */
    public record Pin(List<String[]> options, List<Guesses.Guess> guesses) {

        /** "--ram 0x0:1G -D NR_CPUS=32" (a kernel parameter as itself: "vmalloc=256M"). */
        public String text() {
            StringBuilder b = new StringBuilder();
            for (String[] o : options) {
                b.append(b.length() == 0 ? "" : " ").append(o[0].equals("PARAM") ? o[1] : o[0] + " " + o[1]);
            }
            return b.toString();
        }
    }

    /**
     * The outcome.
     *
     * @param verdict the comparison, lines that depend on a guess marked CANNOT_CHECK
     * @param guesses the guessed inputs of the prediction
     * @param pin     the value the log pins, or null
     */
    public record Result(Verdict verdict, List<Guesses.Guess> guesses, Pin pin) {
    }

    private Verification() {
    }

    /**
     * @param log        the boot to compare (with the /proc/meminfo lines of its copies)
     * @param base       the prediction from the inputs as given and read
     * @param inputLines log lines an input was read from
     * @param predictor  predicts again with other values of a guessed input
     */
    public static Result run(BootLog log, Layout base, Set<Integer> inputLines, boolean cmdlineKnown, boolean deviceTreeKnown,
                             Predictor predictor) {
        Verdict v0 = deviceTree(reservations(log, base, compare(log, base, inputLines)), deviceTreeKnown);
        List<Guesses.Guess> guesses = Guesses.of(base, cmdlineKnown, log);
        if (v0.disagreeing() == 0 || guesses.isEmpty()) {
            return new Result(v0, guesses, null);
        }
        Tries tries = new Tries(log, base, predictor, inputLines, guesses);
        Index index = new Index(v0);
        List<Entry> marked = new ArrayList<>();
        for (Entry e : v0.lines()) {
            Guesses.Guess because = null;
            if (differs(e)) {
                for (int k : tries.order) {
                    if (explains(index, e, v0, tries.of(k), tries.open(k, index, v0))) {
                        because = guesses.get(k);
                        break;
                    }
                }
            }
            marked.add(because == null ? e : e.cannotCheck(because));
        }
        Verdict verdict = new Verdict(marked);
        return new Result(verdict, guesses, pin(tries, verdict));
    }

    /**
     * The verdicts with each candidate of each guess, predicted when first needed: a differing line asks the
     * guesses in turn until one explains it, so that a line one guess explains costs that guess's predictions
     * only (each is a run of the engine and a comparison: most of verify's time). The guesses whose values the
     * log shows come first (a board's own VMALLOC_END, one value, before PHYS_OFFSET's nine usual ones), the
     * others in their order (NR_CPUS before the fixmap it sizes).
     */
    private static final class Tries {
        private final BootLog log;
        private final Layout base;
        private final Predictor predictor;
        private final Set<Integer> inputLines;
        private final List<Guesses.Guess> guesses;
        private final List<List<Verdict>> tried = new ArrayList<>();
        private final Boolean[] open;
        /** The guesses' indexes: those whose values the log shows first, then the others, each in their order. */
        final List<Integer> order = new ArrayList<>();

        Tries(BootLog log, Layout base, Predictor predictor, Set<Integer> inputLines, List<Guesses.Guess> guesses) {
            this.log = log;
            this.base = base;
            this.predictor = predictor;
            this.inputLines = inputLines;
            this.guesses = guesses;
            this.open = new Boolean[guesses.size()];
            for (int k = 0; k < guesses.size(); k++) {
                tried.add(null);
                if (guesses.get(k).logShows()) {
                    order.add(k);
                }
            }
            for (int k = 0; k < guesses.size(); k++) {
                if (!guesses.get(k).logShows()) {
                    order.add(k);
                }
            }
        }

        /** The verdict with each candidate of guess k (null for one the engine refuses). */
        List<Verdict> of(int k) {
            List<Verdict> vs = tried.get(k);
            if (vs == null) {
                vs = new ArrayList<>();
                Guesses.Guess g = guesses.get(k);
                for (String c : g.candidates()) {
                    Verdict v = predict(List.<String[]>of(new String[]{g.option(), c}));
                    vs.add(v == null ? null : reservations(log, base, v));
                }
                tried.set(k, vs);
            }
            return vs;
        }

        /** The verdict with these options (null when the engine refuses them). */
        Verdict predict(List<String[]> options) {
            return attempt(log, predictor, inputLines, options);
        }

        /** A groundless guess the log does not confirm: a line that changes with it rests on it. */
        boolean open(int k, Index index, Verdict v0) {
            if (open[k] == null) {
                open[k] = guesses.get(k).groundless() && !confirmed(index, v0, of(k));
            }
            return open[k];
        }
    }

    /**
     * Without the device tree (--dtb) vmlayout cannot know the /reserved-memory node, so a log line of
     * drivers/of/of_reserved_mem.c it did not predict ("OF: reserved mem: ...", "Reserved memory: ...", e.g.
     * 6.12's "Reserved memory: No reserved-memory node in the DT") depends on an input not given: not a
     * disagreement.
     */
    private static Verdict deviceTree(Verdict v, boolean deviceTreeKnown) {
        if (deviceTreeKnown) {
            return v;
        }
        List<Entry> out = new ArrayList<>();
        for (Entry e : v.lines()) {
            String t = e.logText() == null ? "" : e.logText().strip();
            boolean rmem = t.startsWith("OF: reserved mem: ") || t.startsWith("Reserved memory: ");
            out.add(rmem && e.status() == Status.EXTRA ? e.cannotCheck(Guesses.DEVICE_TREE) : e);
        }
        return new Verdict(out);
    }


    /** The highmem figure of "Memory:" when the boot reserves CMA or reserved-memory areas or has KASAN: not checked. */
    private static Verdict reservations(BootLog log, Layout layout, Verdict v) {
        boolean reserves = false;
        for (BootLog.Line l : log.lines()) {
            reserves |= l.text().startsWith("cma: Reserved ") || l.text().startsWith("Reserved memory: created ");
        }
        for (Constants.Value c : layout.constants()) {
            reserves |= c.name().equals("KASAN") && c.value() != 0;
        }
        if (!reserves) {
            return v;
        }
        List<Entry> out = new ArrayList<>();
        for (Entry e : v.lines()) {
            boolean highmem = e.predicted() != null && e.predicted().endsWith("K highmem)");
            out.add(highmem && differs(e) ? e.cannotCheck(Guesses.RESERVATIONS) : e);
        }
        return new Verdict(out);
    }

    static Verdict compare(BootLog log, Layout l, Set<Integer> inputLines) {
        return Verifier.compare(log, l, VerifyReport.echoStarts(l), MemoryFacts.of(l), inputLines);
    }

    /** A verdict with other options, or null when the engine refuses them (a value this board cannot have). */
    private static Verdict attempt(BootLog log, Predictor predictor, Set<Integer> inputLines, List<String[]> options) {
        try {
            return compare(log, predictor.predict(options), inputLines);
        } catch (InputException e) {
            if (System.getenv("VMLAYOUT_DEBUG") != null) {
                System.err.println("attempt " + options.get(0)[1] + ": " + e.getMessage());
            }
            return null;
        }
    }

    private static boolean differs(Entry e) {
        return e.status() == Status.DIFFER || e.status() == Status.MISSING || e.status() == Status.EXTRA;
    }

    /**
     * A guessed value the log confirms: every other value breaks a line that agrees with the guess. Then a
     * line that differs cannot be blamed on the guess.
     */
    private static boolean confirmed(Index index, Verdict v0, List<Verdict> tried) {
        boolean any = false;
        for (Verdict v : tried) {
            if (v == null || samePrediction(v0, v)) {
                continue; // a value the engine refuses, or one that predicts what the guess does (vmalloc=128M on x86)
            }
            any = true;
            if (!index.breaks(v)) {
                return false;
            }
        }
        return any;
    }

    /**
     * Each verdict's entries by log line, and whether it breaks a line of v0, made once per run: a log of
     * many lines the prediction lacks (each an entry) made the look-ups below, one per differing line,
     * quadratic (9,500 repeated lines took 30 s).
     */
    private static final class Index {
        private final Verdict v0;
        private final Map<Verdict, Map<Integer, List<Entry>>> byLine = new IdentityHashMap<>();
        private final Map<Verdict, Boolean> breaks = new IdentityHashMap<>();

        Index(Verdict v0) {
            this.v0 = v0;
        }

        /** The entries of v at this log line (> 0). */
        List<Entry> at(Verdict v, int logLine) {
            Map<Integer, List<Entry>> m = byLine.get(v);
            if (m == null) {
                m = new HashMap<>();
                for (Entry x : v.lines()) {
                    if (x.logLine() > 0) {
                        List<Entry> here = m.get(x.logLine());
                        if (here == null) {
                            here = new ArrayList<>(1);
                            m.put(x.logLine(), here);
                        }
                        here.add(x);
                    }
                }
                byLine.put(v, m);
            }
            List<Entry> here = m.get(logLine);
            return here == null ? List.of() : here;
        }

        /** Some line that agrees in v0 does not agree in v. */
        boolean breaks(Verdict v) {
            Boolean b = breaks.get(v);
            if (b == null) {
                b = false;
                for (Entry e : v0.lines()) {
                    if (e.status().agrees() && e.logLine() > 0 && !resolved(this, e, v)) {
                        b = true;
                        break;
                    }
                }
                breaks.put(v, b);
            }
            return b;
        }
    }

    private static boolean samePrediction(Verdict a, Verdict b) {
        if (a.lines().size() != b.lines().size()) {
            return false;
        }
        for (int i = 0; i < a.lines().size(); i++) {
            if (!Objects.equals(a.lines().get(i).predicted(), b.lines().get(i).predicted())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A differing line is explained by a guess when another value of it makes the line agree, or, for a
     * groundless guess the log does not confirm, when the line changes with the guessed value (the
     * prediction rests on the guess).
     */
    private static boolean explains(Index index, Entry e, Verdict v0, List<Verdict> tried, boolean groundless) {
        Set<String> forms = new HashSet<>();
        forms.add(String.valueOf(predictedFor(index, e, v0)));
        for (Verdict v : tried) {
            if (v == null) {
                continue;
            }
            if (resolved(index, e, v) && !index.breaks(v)) {
                return true; // another value makes the line agree and keeps every agreeing line
            }
            forms.add(String.valueOf(predictedFor(index, e, v)));
        }
        return groundless && forms.size() > 1;
    }

    /** The line predicted where e is (same log line, or the same kind when the log lacks it). */
    private static String predictedFor(Index index, Entry e, Verdict v) {
        for (Entry x : e.logLine() > 0 ? index.at(v, e.logLine()) : v.lines()) {
            if (e.logLine() > 0 ? same(x, e) : sameKind(x, e)) {
                return x.predicted();
            }
        }
        return null;
    }

    /** The same place: the same log line, and (one log line may hold two compared values) the same kind. */
    private static boolean same(Entry x, Entry e) {
        return x.logLine() == e.logLine() && (e.predicted() == null || x.predicted() == null || sameKind(x, e));
    }

    private static boolean resolved(Index index, Entry e, Verdict v) {
        if (e.logLine() > 0) {
            for (Entry x : index.at(v, e.logLine())) {
                if (same(x, e) && x.status().agrees()) {
                    return true;
                }
            }
            return false;
        }
        for (Entry x : v.lines()) {
            if (x.status() == Status.MISSING && sameKind(x, e)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameKind(Entry a, Entry b) {
        return a.predicted() != null && b.predicted() != null
                && LineShapes.kind(a.predicted().strip()).equals(LineShapes.kind(b.predicted().strip()));
    }

    /** The value (or pair of values) of the guesses that alone makes every compared line agree. */
    private static Pin pin(Tries tries, Verdict marked) {
        if (marked.count(Status.CANNOT_CHECK) == 0) {
            return null;
        }
        List<Guesses.Guess> guesses = tries.guesses;
        for (int k : tries.order) {
            Guesses.Guess g = guesses.get(k);
            String only = null;
            int n = 0;
            for (int i = 0; i < g.candidates().size(); i++) {
                Verdict v = tries.of(k).get(i);
                if (v != null && v.disagreeing() == 0 && v.agreeing() > 0) {
                    n++;
                    only = g.candidates().get(i);
                }
            }
            if (n == 1) {
                return new Pin(List.<String[]>of(new String[]{g.option(), only}), List.of(g));
            }
        }
        // two guesses together (the RAM size and NR_CPUS, say)
        for (int a = 0; a < guesses.size(); a++) {
            for (int b = a + 1; b < guesses.size(); b++) {
                Guesses.Guess ga = guesses.get(a);
                Guesses.Guess gb = guesses.get(b);
                if (ga.candidates().isEmpty() || gb.candidates().isEmpty()
                        || ga.candidates().size() * gb.candidates().size() > 200) {
                    continue;
                }
                List<String[]> only = null;
                int n = 0;
                for (String ca : ga.candidates()) {
                    for (String cb : gb.candidates()) {
                        List<String[]> opts = List.of(new String[]{ga.option(), ca}, new String[]{gb.option(), cb});
                        Verdict v = tries.predict(opts);
                        if (v != null && v.disagreeing() == 0 && v.agreeing() > 0) {
                            n++;
                            only = opts;
                        }
                    }
                }
                if (n == 1) {
                    return new Pin(only, List.of(ga, gb));
                }
            }
        }
        return null;
    }
}
