package vmlayout.report;

/**
 * vmlayout's exit statuses, the one place they are defined. Commands return {@link #code}; renderers
 * that print an exit status in JSON take it from here too.
 */
public enum ExitCode {
    /** The kernel would boot this layout without a memory warning. */
    CLEAN(0),
    /** The kernel would warn, drop or truncate RAM, clamp or ignore a parameter (or a parameter has no effect). */
    FINDINGS(1),
    /** Bad input or usage. */
    USAGE(2),
    /** A bug in vmlayout. */
    INTERNAL(3),
    /**
     * The output could not be written (a full disk, a closed pipe or descriptor): not bad input and not a
     * bug, so neither 2 nor 3. 74 is EX_IOERR of BSD's sysexits.h, "an error occurred while doing I/O".
     */
    OUTPUT(74);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** FINDINGS when there is something to act on, else CLEAN: the one mapping from findings to a status. */
    public static ExitCode of(boolean findings) {
        return findings ? FINDINGS : CLEAN;
    }
}
