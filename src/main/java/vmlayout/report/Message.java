package vmlayout.report;

import java.util.Locale;

/**
 * One line of output that is not part of the layout table: a kernel message exactly as the kernel
 * prints it (without the timestamp), or a note of vmlayout's own.
 *
 * @param source  who says it
 * @param level   the kernel's log level (for vmlayout's notes: warning or info)
 * @param text    the text, one line, no trailing newline
 * @param finding true when this line means the kernel warns, drops or truncates RAM, clamps or ignores
 *                a parameter, or vmlayout found a parameter without effect: it makes the exit status 1
 */
public record Message(Source source, Level level, String text, boolean finding) {

    public enum Source {
        KERNEL, VMLAYOUT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The kernel's printk levels, plus vmlayout's own. */
    public enum Level {
        EMERG, ALERT, CRIT, ERR, WARNING, NOTICE, INFO, DEBUG, DEFAULT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Message kernel(Level level, String text, boolean finding) {
        return new Message(Source.KERNEL, level, text, finding);
    }

    /** A vmlayout warning: something the user should act on; counts as a finding. */
    public static Message warn(String text) {
        return new Message(Source.VMLAYOUT, Level.WARNING, text, true);
    }

    /** A vmlayout note: information only. */
    public static Message note(String text) {
        return new Message(Source.VMLAYOUT, Level.INFO, text, false);
    }
}
