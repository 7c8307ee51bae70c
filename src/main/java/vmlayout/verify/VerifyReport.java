package vmlayout.verify;

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
public record VerifyReport(String log, List<Input> inputs, List<String> notes, Layout layout, Verdict verdict) {

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

    /** Exit status: clean when every compared line agrees, findings when some differ. */
    public int exitStatus() {
        return ExitCode.of(!verdict.allAgree()).code;
    }
}
