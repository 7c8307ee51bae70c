package vmlayout.render;

import java.util.Map;

/**
 * Whether output gets colour, decided as users of command-line tools expect. In order:
 * <ol>
 *   <li>{@code --color always} or {@code never}: as said;</li>
 *   <li>{@code NO_COLOR} set to a non-empty value: no colour (an empty value does not count,
 *       per no-color.org);</li>
 *   <li>{@code FORCE_COLOR} non-empty (any value, per force-color.org) or {@code CLICOLOR_FORCE} set
 *       and not {@code 0} (per bixense.com/clicolors): colour, even into a pipe;</li>
 *   <li>{@code TERM=dumb}: no colour;</li>
 *   <li>otherwise colour exactly when standard output is a terminal (not standard input: a pipe
 *       into vmlayout does not change what its output is).</li>
 * </ol>
 * NO_COLOR is checked before FORCE_COLOR: when both are set, the one that keeps escape codes out of a
 * log wins; {@code --color always} overrides both.
 */
public final class ColourPolicy {

    /** The values of --color. */
    public enum When { auto, always, never }

    private ColourPolicy() {
    }

    public static boolean colour(When when, Map<String, String> env, boolean stdoutIsTerminal) {
        if (when == When.always) {
            return true;
        }
        if (when == When.never) {
            return false;
        }
        if (nonEmpty(env.get("NO_COLOR"))) {
            return false;
        }
        String force = env.get("CLICOLOR_FORCE");
        if (nonEmpty(env.get("FORCE_COLOR")) || (nonEmpty(force) && !force.equals("0"))) {
            return true;
        }
        if ("dumb".equals(env.get("TERM"))) {
            return false;
        }
        return stdoutIsTerminal;
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
