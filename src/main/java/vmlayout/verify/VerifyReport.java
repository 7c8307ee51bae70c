package vmlayout.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vmlayout.engine.Constants;
import vmlayout.engine.Layout;
import vmlayout.report.ExitCode;

/**
 * The result of verifying a boot log: the inputs used and where each came from, the prediction, and
 * the line-by-line comparison.
 *
 * @param log     the log's name as given
 * @param inputs  every input, in the order arch, kernel, RAM, command line, -D
 * @param notes   how the log was read (several command lines, RAM as the kernel kept it ...)
 * @param layout  the prediction
 * @param verdict the comparison
 */
public record VerifyReport(String log, List<Input> inputs, List<String> notes, Layout layout, Verdict verdict,
                           List<Guesses.Guess> guesses, Verification.Pin pin, String command) {

    /**
     * One input.
     *
     * @param option the vmlayout option it stands for (--arch, --kernel, --ram, --e820, --cmdline, -D)
     * @param value  its value
     * @param source "log line N", "option" or "profile NAME"
     * @param text   the log line it was read from (null for options)
     */
    public record Input(String option, String value, String source, String text) {
    }

    public VerifyReport {
        inputs = List.copyOf(inputs);
        notes = List.copyOf(notes);
        guesses = List.copyOf(guesses);
    }

    public VerifyReport(String log, List<Input> inputs, List<String> notes, Layout layout, Verdict verdict) {
        this(log, inputs, notes, layout, verdict, List.of(), null, null);
    }

    /** Names whose -D value fixes where a table row starts: a row starting there echoes the input. */
    public static boolean echoName(String name) {
        return name.startsWith("_") || name.equals("FIXADDR_START") || name.equals("IOREMAP_BOT");
    }

    /** The addresses given with -D at which a row that echoes an input starts. */
    public static Set<Long> echoStarts(Layout layout) {
        Set<Long> out = new HashSet<>();
        for (Constants.Value v : layout.constants()) {
            if (v.pinned() && !v.bool() && echoName(v.name())) {
                out.add(v.value());
            }
        }
        return out;
    }

    /** Exit status: clean when every compared line agrees (lines that cannot be checked aside), findings when some differ. */
    public int exitStatus() {
        return ExitCode.of(!verdict.allAgree()).code;
    }

    /** The distinct guesses that lines which cannot be checked depend on, in the order of the lines. */
    public List<Guesses.Guess> unchecked() {
        List<Guesses.Guess> out = new ArrayList<>();
        for (Verdict.Entry e : verdict.lines()) {
            if (e.because() != null && !out.contains(e.because())) {
                out.add(e.because());
            }
        }
        return out;
    }

    /**
     * The verdict in words: "agrees on 7 facts", "disagrees on 2 facts (5 agree)", each followed, when lines
     * depend on guesses, by "; cannot check 3 facts without --ram, which the log does not show (guessed ...)".
     */
    public String verdictLine() {
        int agree = verdict.agreeing();
        int differ = verdict.disagreeing();
        int cannot = verdict.count(Verdict.Status.CANNOT_CHECK);
        StringBuilder b = new StringBuilder("verdict: ");
        if (differ > 0) {
            b.append("disagrees on ").append(facts(differ)).append(" (").append(agree).append(agree == 1 ? " agrees)" : " agree)");
        } else {
            b.append("agrees on ").append(facts(agree));
        }
        if (cannot > 0) {
            b.append("; cannot check ").append(facts(cannot)).append(" without ");
            List<Guesses.Guess> u = unchecked();
            for (int i = 0; i < u.size(); i++) {
                b.append(i == 0 ? "" : i == u.size() - 1 ? " and " : ", ").append(u.get(i).because());
            }
        }
        return b.append('.').toString();
    }

    private static String facts(int n) {
        return n + (n == 1 ? " fact" : " facts");
    }
}
