package vmlayout.verify;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import vmlayout.config.InputException;
import vmlayout.inputs.InputFile;
import vmlayout.inputs.KernelLogText;

/**
 * A kernel log as a user has it: dmesg output, a serial console capture, syslog, a mail quoting one.
 * Each line keeps its number and raw text, and gets the kernel's own text with the decoration removed
 * ({@link KernelLogText}). Continuation lines that util-linux dmesg indents without a timestamp lose
 * their indentation like any other line.
 */
public final class BootLog {

    /** Largest log read: the kernel's ring buffer is at most 32 MB (CONFIG_LOG_BUF_SHIFT 25). */
    public static final int MAX_BYTES = 32 << 20;

    /**
     * One line of the log.
     *
     * @param number 1-based line number in the file
     * @param raw    the line as the file has it (without its line end)
     * @param text   the kernel's text: decoration removed, no leading or trailing white space
     */
    public record Line(int number, String raw, String text) {
    }

    private final String name;
    private final List<Line> lines;

    private BootLog(String name, List<Line> lines) {
        this.name = name;
        this.lines = List.copyOf(lines);
    }

    public String name() {
        return name;
    }

    public List<Line> lines() {
        return lines;
    }

    private String[] squeezed;
    private String[] kinds;

    /**
     * Each line without white space (LineShapes.squeeze), null for an empty one: computed once per log,
     * since verify compares the log with the prediction of every inputs it tries. Read only.
     */
    String[] squeezed() {
        keys();
        return squeezed;
    }

    /** Each predicted-looking line's kind (LineShapes.kind), else null; once per log, as {@link #squeezed}. */
    String[] kinds() {
        keys();
        return kinds;
    }

    private void keys() {
        if (squeezed != null) {
            return;
        }
        String[] sq = new String[lines.size()];
        String[] k = new String[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).text();
            if (!t.isEmpty()) {
                sq[i] = LineShapes.squeeze(t);
                k[i] = LineShapes.isPredicted(t) || LineShapes.isBiosMap(t) ? LineShapes.kind(t) : null;
            }
        }
        kinds = k;
        squeezed = sq;
    }

    private LogShapes shapes;

    /** What Verifier asks about the lines (LineShapes), once per log, as {@link #squeezed}. */
    LogShapes shapes() {
        if (shapes == null) {
            shapes = new LogShapes(lines);
        }
        return shapes;
    }

    /** A log of these lines (numbers as they are). */
    static BootLog of(String name, List<Line> lines) {
        return new BootLog(name, lines);
    }

    /** The lines numbered {@code from} to {@code to} (1-based, inclusive), keeping their numbers. */
    public BootLog slice(int from, int to) {
        List<Line> out = new ArrayList<>();
        for (Line l : lines) {
            if (l.number() >= from && l.number() <= to) {
                out.add(l);
            }
        }
        return new BootLog(name, out);
    }

    /** Reads a log file ("-" is standard input), with a one-line error for what is not a readable text log. */
    public static BootLog read(String file) {
        byte[] bytes;
        try (InputStream in = InputFile.open("verify", file, System.in)) {
            bytes = bounded(in, file);
        } catch (IOException e) {
            throw new InputException("verify " + file + ": cannot read it: " + InputFile.reason(e));
        }
        return parse(file, bytes);
    }

    /** Reads a log from its bytes; rejects binary data and empty logs. */
    public static BootLog parse(String name, byte[] bytes) {
        return parseText(name, KernelLogText.decode("verify " + name, bytes));
    }

    /** Reads a log from text. */
    public static BootLog parseText(String name, String text) {
        List<Line> out = new ArrayList<>();
        int n = 0;
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String raw = text.substring(start, end);
            if (raw.endsWith("\r")) {
                raw = raw.substring(0, raw.length() - 1);
            }
            n++;
            out.add(new Line(n, raw, kernelText(raw)));
            start = end + 1;
        }
        boolean any = false;
        for (Line l : out) {
            if (!l.text().isEmpty()) {
                any = true;
                break;
            }
        }
        if (!any) {
            throw new InputException("verify " + name + ": empty: expected a kernel log (dmesg, a serial console capture, syslog)");
        }
        return new BootLog(name, out);
    }

    /** The kernel's text of one line ({@link KernelLogText#kernelText}). */
    public static String kernelText(String raw) {
        return KernelLogText.kernelText(raw);
    }

    private static byte[] bounded(InputStream in, String name) throws IOException {
        byte[] b = in.readNBytes(MAX_BYTES + 1);
        if (b.length > MAX_BYTES) {
            throw new InputException("verify " + name + ": larger than " + (MAX_BYTES >> 20)
                    + " MB: expected a kernel log (the kernel's ring buffer holds at most 32 MB)");
        }
        return b;
    }
}
