package vmlayout.cli;

/** vmlayout's exit statuses, the one place they are defined. */
public enum ExitCode {
    /** The kernel would boot this layout without a memory warning. */
    CLEAN(0),
    /** The kernel would warn, drop or truncate RAM, clamp or ignore a parameter (or a parameter has no effect). */
    FINDINGS(1),
    /** Bad input or usage. */
    USAGE(2),
    /** A bug in vmlayout. */
    INTERNAL(3);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
