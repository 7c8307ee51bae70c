package vmlayout.verify;

import java.util.List;
import java.util.Locale;

/**
 * How a log compares with a prediction, line by line.
 *
 * @param lines the predicted lines in the kernel's order, then the log's lines of a predicted shape that
 *              vmlayout did not predict
 */
public record Verdict(List<Entry> lines) {

    public Verdict {
        lines = List.copyOf(lines);
    }

    /** What became of one line. */
    public enum Status {
        /** The log has the predicted line, character for character (indentation aside). */
        AGREE("="),
        /** The log has the predicted line with other white space (a copy collapsed or widened it). */
        AGREE_SPACING("~"),
        /** The log has a line of the same kind (same table row, same message) with other numbers or words. */
        DIFFER("!"),
        /** The log covers the place where the kernel prints this line, but does not have it. */
        MISSING("-"),
        /** The log has a line of a shape vmlayout predicts that vmlayout did not predict. */
        EXTRA("+"),
        /** An input, not a prediction: the x86 BIOS map, or a row that starts at an address given with -D. */
        INPUT("i"),
        /** The log ends in the middle of this line. */
        CUT("/"),
        /**
         * The log's excerpt does not reach where the kernel prints this line, or it is a KERN_DEBUG line and the
         * log shows none of those vmlayout predicts (its boot's loglevel hides them).
         */
        OUTSIDE("."),
        /** A section row of the log that vmlayout cannot predict without the image's System.map symbols. */
        UNKNOWN("?"),
        /**
         * The log differs from the prediction on a line that depends on an input vmlayout guessed (the RAM size,
         * NR_CPUS, a Kconfig default ...): it cannot be checked without that input. Counted apart.
         */
        CANNOT_CHECK("*");

        public final String mark;

        Status(String mark) {
            this.mark = mark;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** True for the statuses that count in the agreement figure. */
        public boolean compared() {
            return this == AGREE || this == AGREE_SPACING || this == DIFFER || this == MISSING || this == EXTRA;
        }

        public boolean agrees() {
            return this == AGREE || this == AGREE_SPACING;
        }
    }

    /**
     * One line of the comparison.
     *
     * @param status    what became of it
     * @param predicted the line vmlayout predicts (null for EXTRA and UNKNOWN, and for CANNOT_CHECK of a log line
     *                  vmlayout did not predict)
     * @param logLine   the log's line number (0 when the log has none)
     * @param logText   the log's kernel text (null when the log has none)
     * @param because   for CANNOT_CHECK: the guessed input it depends on (null otherwise)
     */
    public record Entry(Status status, String predicted, int logLine, String logText, Guesses.Guess because) {

        public Entry(Status status, String predicted, int logLine, String logText) {
            this(status, predicted, logLine, logText, null);
        }

        /** The same line, marked as depending on a guessed input. */
        public Entry cannotCheck(Guesses.Guess g) {
            return new Entry(Status.CANNOT_CHECK, predicted, logLine, logText, g);
        }
    }

    public int count(Status s) {
        int n = 0;
        for (Entry e : lines) {
            if (e.status() == s) {
                n++;
            }
        }
        return n;
    }

    /** Lines that count: predicted lines the log shows or should show, and unpredicted lines of predicted shapes. */
    public int compared() {
        int n = 0;
        for (Entry e : lines) {
            if (e.status().compared()) {
                n++;
            }
        }
        return n;
    }

    public int agreeing() {
        return count(Status.AGREE) + count(Status.AGREE_SPACING);
    }

    /** True when every compared line agrees (lines that cannot be checked aside). */
    public boolean allAgree() {
        return agreeing() == compared();
    }

    /** Lines that differ, are missing or are extra. */
    public int disagreeing() {
        return compared() - agreeing();
    }
}
