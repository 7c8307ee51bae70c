package vmlayout.render;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import vmlayout.config.Escapes;

/**
 * The last guard between inputs and a terminal: a writer for vmlayout's standard output and error
 * that shows every control character {@link Escapes} names as JSON would (\\u001b, \\r, \\u2028 ...),
 * except the line ends and tabs vmlayout writes and, while colour is on ({@link Style#ansi()} in use),
 * the SGR colour sequences ("ESC [ digits m") its styles write. An input that carries a terminal escape
 * (a title change, a cursor move, a hyperlink) therefore never reaches the terminal raw, whichever
 * message or renderer quotes it. The renderers escape input text themselves where they can (so that
 * colour never applies to an input's own SGR sequence); this writer catches the rest. JSON output
 * passes unchanged: Jackson already escaped every control character in it.
 */
public final class TerminalSafe extends FilterWriter {

    /** True for a renderer's own writer: no SGR passes, since that renderer writes no colour. */
    private final boolean strict;
    private final char[] buffer = new char[256];

    private TerminalSafe(Writer out, boolean strict) {
        super(out);
        this.strict = strict;
    }

    /**
     * {@code w} wrapped (or {@code w} itself when it already is), for a run that starts: no colour is in
     * use until a style or picocli's help writes some.
     */
    public static PrintWriter wrap(PrintWriter w) {
        Style.colourReset();
        if (w instanceof Guarded) {
            return w;
        }
        return new Guarded(new TerminalSafe(w, false));
    }

    /**
     * For a renderer that writes no colour: every control character but line ends and tabs is escaped,
     * SGR sequences included. Writes go straight through (nothing to flush).
     */
    public static PrintWriter strict(PrintWriter w) {
        // over the guarded writer's own target: what this one lets through, that one would too
        Writer target = w instanceof Guarded g ? g.target() : w;
        return new PrintWriter(new TerminalSafe(target, true), false);
    }

    /**
     * The PrintWriter over a TerminalSafe, recognisable so that it is never wrapped twice. Not flushed per
     * line: a flush of every println went down four writers to a write(2) each, ~7 ms of a suggest run;
     * Main flushes at the end, batch after each line it answers, Cli before it writes an error.
     */
    private static final class Guarded extends PrintWriter {
        Guarded(TerminalSafe w) {
            super(w, false);
        }

        /** What the TerminalSafe under this writer writes to. */
        Writer target() {
            return ((TerminalSafe) out).out;
        }
    }

    @Override
    public void write(int c) throws IOException {
        char ch = (char) c;
        if (passes(ch)) {
            out.write(c);
        } else {
            out.write(escape(ch));
        }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        int end = off + len;
        int plain = off;
        // the characters copied at once: a cold run interprets this loop, and charAt() is three calls a character
        char[] chars = len <= buffer.length ? buffer : new char[len];
        s.getChars(off, end, chars, 0);
        for (int i = off; i < end; i++) {
            char c = chars[i - off];
            if (c >= 0x20 && c < 0x7f || passes(c)) { // printable ASCII first: no call for most characters
                continue;
            }
            int sgr = c == 0x1b && !strict && Style.colourInUse() ? sgrEnd(s, i, end) : -1;
            if (sgr > 0) {
                i = sgr - 1;
                continue;
            }
            out.write(s, plain, i - plain);
            out.write(escape(c));
            plain = i + 1;
        }
        out.write(s, plain, end - plain);
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        write(new String(cbuf, off, len), 0, len);
    }

    private static boolean passes(char c) {
        return c == '\n' || c == '\t' || !Escapes.needsEscape(c);
    }

    private static String escape(char c) {
        StringBuilder b = new StringBuilder(6);
        Escapes.append(b, c);
        return b.toString();
    }

    /** The end of an SGR sequence "ESC [ (digits|;)* m" starting at {@code i}, or -1. */
    private static int sgrEnd(String s, int i, int end) {
        if (i + 2 >= end || s.charAt(i + 1) != '[') {
            return -1;
        }
        for (int j = i + 2; j < end && j < i + 24; j++) {
            char c = s.charAt(j);
            if (c == 'm') {
                return j + 1;
            }
            if ((c < '0' || c > '9') && c != ';') {
                return -1;
            }
        }
        return -1;
    }
}
