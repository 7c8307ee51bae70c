package vmlayout.check;

/**
 * One result of a check that needs attention.
 *
 * @param origin      the board it is about, as the text output names it ("-" for the options alone)
 * @param requirement the requirement that failed
 * @param message     one line a person can act on
 * @param at          the line of the board's files to change (a parameter's line in a bootargs file, a
 *                    profile key's line), or the board's file, or {@link Location#NONE}
 */
public record Finding(String origin, String requirement, String message, Location at) {

    public Finding(String origin, String requirement, String message) {
        this(origin, requirement, message, Location.NONE);
    }
}
