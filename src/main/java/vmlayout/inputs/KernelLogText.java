package vmlayout.inputs;

import java.nio.charset.StandardCharsets;
import vmlayout.config.InputException;
import vmlayout.config.Rx;

/**
 * The kernel's own text in a log as a user has it: dmesg output, a serial console capture, syslog, a
 * mail quoting one. {@link #kernelText} removes the decoration: mail quoting ("> ", ">", "> > "),
 * indentation and tabs, ANSI colours, syslog and journal prefixes ("Nov 25 04:07:01 host kernel: ",
 * "2014-11-25T04:07:01+00:00 host kernel: "), dmesg -x facility and level ("kern  :info  : "), the
 * console's log level ("<6>"), timestamps ("[    0.000000] ", dmesg -T "[Tue Nov 25 04:07:01 2014] ")
 * and the printk caller id of CONFIG_PRINTK_CALLER ("[    T0] ", "[    C1] "). Leading and trailing
 * white space is not kept: indentation is the part of a log that copying mangles most.
 */
public final class KernelLogText {

    private static final Rx TIMESTAMP = Rx.lazy("^\\[\\s*\\d+\\.\\d+\\]\\s?");
    private static final Rx CALLER = Rx.lazy("^\\[\\s*[TC]\\d{1,7}\\]\\s?");
    private static final Rx CTIME = Rx.lazy("^\\[[A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}\\]\\s?");
    private static final Rx LEVEL = Rx.lazy("^<\\d>");
    private static final Rx FACILITY = Rx.lazy("^[a-z]{3,6}\\s*:[a-z]{3,6}\\s*: ");
    private static final Rx SYSLOG = Rx.lazy(
            "^(?:[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d|\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d)?)"
                    + " \\S+ kernel: ");
    private static final Rx ANSI = Rx.lazy("\u001b\\[[0-9;]*[A-Za-z]");

    /** The decorations, in the order they are removed. */
    static final Rx[] DECORATIONS = {SYSLOG, FACILITY, LEVEL, TIMESTAMP, CTIME, CALLER};

    private KernelLogText() {
    }

    /**
     * The bytes of a log as text: UTF-8, malformed sequences replaced. A serial capture may carry a stray
     * NUL or line noise; a binary file has many control bytes, and is refused with one line naming
     * {@code label} and what was expected.
     */
    public static String decode(String label, byte[] bytes) {
        int sample = Math.min(bytes.length, 64 * 1024);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x1b && b != '\f') {
                control++;
            }
        }
        if (control > 8 && control * 100 > sample) {
            throw new InputException(label + ": binary data (" + control + " control bytes in the first "
                    + sample + "): expected a kernel log (dmesg, a serial console capture, syslog)");
        }
        return new String(bytes, StandardCharsets.UTF_8);
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
        // a decoration is tried only where its first character is: most lines have one or none, and a cold
        // run interprets a matcher's making and region for every line and decoration
        Rx.Matcher[] matchers = new Rx.Matcher[DECORATIONS.length];
        while (true) {
            int before = at;
            while (at < end && (isBlank(s.charAt(at)) || s.charAt(at) == '>')) {
                at++; // mail quoting, any depth, and the blanks around it
            }
            for (int k = 0; k < DECORATIONS.length; k++) {
                if (at < end && canStart(k, s.charAt(at))) {
                    Rx.Matcher m = matchers[k];
                    if (m == null) {
                        m = DECORATIONS[k].matcher(s);
                        matchers[k] = m;
                    }
                    m.region(at, end);
                    if (m.lookingAt()) {
                        at = m.end();
                    }
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

    /**
     * Decoration k can start with c: the first characters of its pattern (a month or a year, a facility,
     * '<', '['). KernelLogTextTest checks them against each parsed pattern (Rx.canStartWith).
     */
    static boolean canStart(int k, char c) {
        switch (k) {
            case 0:
                return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            case 1:
                return c >= 'a' && c <= 'z';
            case 2:
                return c == '<';
            default:
                return c == '[';
        }
    }

    /** String.strip()'s white space, as the kernel text is compared without it. */
    private static boolean isBlank(char c) {
        return Character.isWhitespace(c);
    }

    /** No-break spaces as spaces, colour codes and other control characters removed. */
    private static String clean(String raw) {
        String s = raw.indexOf('\u001b') >= 0 ? ANSI.replaceAll(raw, "") : raw;
        // over a char array, changed in place, the line itself when nothing changes (most lines): a cold run
        // interprets this for every line of a log
        char[] cs = s.toCharArray();
        int k = 0;
        boolean changed = false;
        for (char c : cs) {
            if (c == '\u00a0' || c == '\t') {
                cs[k++] = ' ';
                changed = true;
            } else if (c >= 0x20 && c != 0x7f && c != '\ufeff') {
                cs[k++] = c;
            } else {
                changed = true;
            }
        }
        return changed ? new String(cs, 0, k) : s;
    }
}
