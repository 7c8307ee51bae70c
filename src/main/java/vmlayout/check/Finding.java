package vmlayout.check;

/**
 * One result of a check that needs attention.
 *
 * @param origin      the file (profile or bootargs file) the checked configuration came from, or "-"
 * @param requirement the requirement that failed, or "kernel"/"vmlayout" for a message that is a finding
 * @param message     one line a person can act on
 */
public record Finding(String origin, String requirement, String message) {
}
