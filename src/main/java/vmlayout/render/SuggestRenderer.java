package vmlayout.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import vmlayout.check.Checker;
import vmlayout.check.Requirement;
import vmlayout.config.Sizes;
import vmlayout.engine.Derivation;
import vmlayout.engine.Layout;
import vmlayout.report.Message;
import vmlayout.suggest.Change;
import vmlayout.suggest.Cost;
import vmlayout.suggest.Metrics;
import vmlayout.suggest.Suggester;

/**
 * Text output of {@code vmlayout suggest}: the goals, the board now, then each change that reaches the
 * goals with its cost, its measured result and a command that shows it; or why nothing does.
 */
public final class SuggestRenderer {

    /** At most this many suggestions are printed. */
    public static final int MAX_SHOWN = 10;

    private SuggestRenderer() {
    }

    /**
     * @param tryIt the vmlayout command that shows a suggestion (its changes applied to the user's options)
     */
    public static void render(Suggester.Report r, Function<List<Change>, String> tryIt, PrintWriter raw) {
        PrintWriter out = TerminalSafe.strict(raw); // control characters from inputs shown escaped
        String where = r.base().arch().id() + " " + r.base().kernel();
        wrap(out, r.goals().describe(), "Goals: ", "    ");
        wrap(out, r.baseMetrics().words(), "Now (" + where + "): ", "    ");
        if (r.alreadyHolds()) {
            out.println("Every goal holds already: nothing to change.");
            out.flush();
            return;
        }
        for (String f : r.baseFailures()) {
            wrap(out, f, "  ", "    ");
        }
        out.println();
        List<Suggester.Suggestion> s = r.suggestions();
        if (s.isEmpty()) {
            impossible(r, out);
            out.flush();
            return;
        }
        out.println(s.size() + (s.size() == 1 ? " change reaches" : " changes reach") + " every goal (each measured by running"
                + " the engine with it), cheapest first:");
        int n = 0;
        for (Suggester.Suggestion x : s) {
            if (++n > MAX_SHOWN) {
                out.println("(" + (s.size() - MAX_SHOWN) + " more not shown)");
                break;
            }
            Suggester.Attempt a = x.attempt();
            out.println();
            out.println((n < 10 ? " " : "") + n + ". " + a.label());
            wrap(out, costWords(a) + lowmemDelta(r.baseMetrics(), a.metrics()), "    cost:   ", "            ");
            if (!x.how().isEmpty()) {
                wrap(out, x.how(), "    chosen: ", "            ");
            }
            wrap(out, delta(r.baseMetrics(), a.metrics()), "    result: ", "            ");
            List<String> warnings = kernelWarnings(a.layout());
            if (!warnings.isEmpty()) {
                wrap(out, "still prints \"" + warnings.get(0) + "\"" + (warnings.size() > 1 ? " and "
                        + (warnings.size() - 1) + " more warning" + (warnings.size() > 2 ? "s" : "") : ""), "    kernel: ", "            ");
            }
            out.println("    try:    " + tryIt.apply(a.parts()));
        }
        out.flush();
    }

    /** Each cost class once, with the notes of its changes: "boot parameter: no rebuild (note; note)". */
    static String costWords(Suggester.Attempt a) {
        Map<Cost, Set<String>> notes = new TreeMap<>();
        for (Change c : a.parts()) {
            Set<String> n = notes.get(c.cost());
            if (n == null) { // no lambda: see cli.FastPath
                n = new LinkedHashSet<>();
                notes.put(c.cost(), n);
            }
            if (!c.note().isEmpty()) {
                n.add(c.note());
            }
        }
        List<String> words = new ArrayList<>();
        for (Map.Entry<Cost, Set<String>> e : notes.entrySet()) {
            words.add(e.getKey().words + (e.getValue().isEmpty() ? "" : " (" + String.join("; ", e.getValue()) + ")"));
        }
        return String.join("; ", words);
    }

    private static String lowmemDelta(Metrics was, Metrics now) {
        long d = now.lowmem() - was.lowmem();
        return d == 0 ? "; lowmem unchanged" : d > 0 ? "; lowmem +" + Sizes.human(d) : "; lowmem -" + Sizes.human(-d);
    }

    /** The metrics after the change, "was -> now" where they moved. */
    private static String delta(Metrics was, Metrics now) {
        List<String> parts = new ArrayList<>();
        part(parts, "vmalloc", was.vmalloc(), now.vmalloc());
        part(parts, "lowmem", was.lowmem(), now.lowmem());
        part(parts, "highmem", was.highmem(), now.highmem());
        part(parts, "dropped", was.dropped(), now.dropped());
        if (was.reserved() != 0 || now.reserved() != 0) {
            part(parts, "reserved", was.reserved(), now.reserved());
        }
        part(parts, "largest ioremap", was.ioremap(), now.ioremap());
        if (was.cma() != 0 || now.cma() != 0) {
            part(parts, "CMA", was.cma(), now.cma());
        }
        return String.join(", ", parts);
    }

    /** "name now" or "name was -> now"; vmalloc and ioremap sizes as "N MB - 4 kB" where guard pages make them odd. */
    private static void part(List<String> parts, String name, long was, long now) {
        boolean area = name.equals("vmalloc") || name.equals("largest ioremap");
        String w = area ? Sizes.area(was) : Sizes.human(was);
        String n = area ? Sizes.area(now) : Sizes.human(now);
        parts.add(name + " " + (was == now ? n : w + " -> " + n));
    }

    static List<String> kernelWarnings(Layout l) {
        List<String> out = new ArrayList<>();
        for (Message m : l.messages()) {
            if (m.source() == Message.Source.KERNEL && m.finding()) {
                out.add(m.text());
            }
        }
        return out;
    }

    /** No change reaches the goals: say so, and show the closest tries with the rule that stopped each. */
    private static void impossible(Suggester.Report r, PrintWriter out) {
        String limit = r.maxCost() == Cost.BOARD ? "" : " " + r.maxCost().limitWords;
        String where = "impossible on " + r.base().arch().id() + " " + r.base().kernel() + limit + " because ";
        if (!r.limits().isEmpty()) {
            // a goal this architecture has no change for: the reason is the rule itself, not a try
            for (String l : r.limits()) {
                wrap(out, where + l, "", "  ");
                where = "and ";
            }
            return;
        }
        wrap(out, where + "none of the changes vmlayout can make here reaches every goal" + (r.closest().isEmpty() ? "."
                : "; the closest tries and the kernel rule that stops each:"), "", "  ");
        for (Suggester.Attempt a : r.closest()) {
            out.println();
            out.println(" - " + a.label());
            wrap(out, a.metrics().words(), "   result: ", "           ");
            for (String f : a.failures()) {
                wrap(out, f, "   ", "     ");
            }
            for (Derivation d : why(r, a)) {
                wrap(out, d.text() + " [" + d.source() + "]", "   why: ", "        ");
            }
        }
    }

    /** The derivation steps that set what the failing goals measure (at most three). */
    static List<Derivation> why(Suggester.Report r, Suggester.Attempt a) {
        Set<String> subjects = new LinkedHashSet<>();
        for (Requirement q : r.goals().wants()) {
            if (!Checker.check(a.layout(), List.of(q), "-").isEmpty()) {
                switch (q.metric()) {
                    case "vmalloc":
                    case "ioremap":
                        subjects.addAll(List.of("vmalloc size", "MAXMEM", "LOWMEM_SIZE", "ioremap_bot", "VMALLOC_START"));
                        break;
                    case "cma":
                        subjects.addAll(List.of("cma", "lowmem", "highmem"));
                        break;
                    default:
                        subjects.addAll(List.of("vmalloc size", "vmalloc_min", "max_low_pfn", "lowmem", "highmem", "RAM ", "high_memory"));
                        break;
                }
            }
        }
        if (!r.goals().reserves().isEmpty()) {
            subjects.addAll(List.of("mem=", "memmap=", "e820", "RAM "));
        }
        List<Derivation> out = new ArrayList<>();
        for (Derivation d : a.layout().derivation()) {
            for (String s : subjects) {
                boolean prefix = s.endsWith(" ") || s.endsWith("=");
                if (prefix ? d.subject().startsWith(s) : d.subject().equals(s)) {
                    out.add(d);
                    break;
                }
            }
            if (out.size() == 3) {
                break;
            }
        }
        return out;
    }

    private static void wrap(PrintWriter out, String text, String first, String rest) {
        for (String s : Wrap.lines(text, first, rest, Wrap.WIDTH)) {
            out.println(s);
        }
    }
}
