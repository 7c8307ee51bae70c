package vmlayout.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vmlayout.config.InputException;
import vmlayout.inputs.InputFile;

/**
 * A kernel log as a user has it: dmesg output, a serial console capture, syslog, a mail quoting one.
 * Each line keeps its number and raw text, and gets the kernel's own text with the decoration removed:
 * mail quoting ("> ", ">", "> > "), indentation and tabs, ANSI colours, syslog and journal prefixes
 * ("Nov 25 04:07:01 host kernel: ", "2014-11-25T04:07:01+00:00 host kernel: "), dmesg -x facility and
 * level ("kern  :info  : "), the console's log level ("<6>") and timestamps ("[    0.000000] ",
 * dmesg -T "[Tue Nov 25 04:07:01 2014] "). Continuation lines that util-linux dmesg indents without
 * a timestamp lose their indentation like any other line. Leading and trailing white space is not
 * kept: indentation is the part of a log that copying mangles most.
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

    private static final Pattern TIMESTAMP = Pattern.compile("^\\[\\s*\\d+\\.\\d+\\]\\s?");
    private static final Pattern CTIME = Pattern.compile("^\\[[A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}\\]\\s?");
    private static final Pattern LEVEL = Pattern.compile("^<\\d>");
    private static final Pattern FACILITY = Pattern.compile("^[a-z]{3,6}\\s*:[a-z]{3,6}\\s*: ");
    private static final Pattern SYSLOG = Pattern.compile(
            "^(?:[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d|\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d)?)"
                    + " \\S+ kernel: ");
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*[A-Za-z]");

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
        int sample = Math.min(bytes.length, 64 * 1024);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x1b && b != '\f') {
                control++;
            }
        }
        // a serial capture may carry a stray NUL or line noise; a binary file has many
        if (control > 8 && control * 100 > sample) {
            throw new InputException("verify " + name + ": binary data (" + control + " control bytes in the first "
                    + sample + "): expected a kernel log (dmesg, a serial console capture, syslog)");
        }
        return parseText(name, new String(bytes, StandardCharsets.UTF_8));
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

    /**
     * The kernel's text of one line: decoration removed, repeatedly (a quoted syslog line has two
     * layers). The layers are found by moving a start offset over the cleaned line, never by copying it,
     * so a line of 300,000 '>' costs one pass, not 300,000.
     */
    public static String kernelText(String raw) {
        String s = clean(raw);
        int end = s.length();
        while (end > 0 && isBlank(s.charAt(end - 1))) {
            end--;
        }
        int at = 0;
        Matcher[] decorations = {SYSLOG.matcher(s), FACILITY.matcher(s), LEVEL.matcher(s), TIMESTAMP.matcher(s),
            CTIME.matcher(s)};
        while (true) {
            int before = at;
            while (at < end && (isBlank(s.charAt(at)) || s.charAt(at) == '>')) {
                at++; // mail quoting, any depth, and the blanks around it
            }
            for (Matcher m : decorations) {
                m.region(at, end);
                if (m.lookingAt()) {
                    at = m.end();
                }
                while (at < end && isBlank(s.charAt(at))) {
                    at++;
                }
            }
            if (at == before) {
                return s.substring(at, end);
            }
        }
    }

    /** String.strip()'s white space, as the kernel text is compared without it. */
    private static boolean isBlank(char c) {
        return Character.isWhitespace(c);
    }

    /** No-break spaces as spaces, colour codes and other control characters removed. */
    private static String clean(String raw) {
        String s = raw.indexOf('\u001b') >= 0 ? ANSI.matcher(raw).replaceAll("") : raw;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u00a0' || c == '\t') {
                b.append(' ');
            } else if (c >= 0x20 && c != 0x7f && c != '\ufeff') {
                b.append(c);
            }
        }
        return b.toString();
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
