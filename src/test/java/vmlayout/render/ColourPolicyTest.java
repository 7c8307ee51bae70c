package vmlayout.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vmlayout.render.ColourPolicy.When;

/** The colour rules of no-color.org, force-color.org and bixense.com/clicolors, and --color over them. */
class ColourPolicyTest {

    private static final Map<String, String> NONE = Map.of();

    @Test
    void autoFollowsStandardOutput() {
        assertTrue(ColourPolicy.colour(When.auto, NONE, true));
        assertFalse(ColourPolicy.colour(When.auto, NONE, false));
    }

    @Test
    void noColorNeedsAValue() {
        assertFalse(ColourPolicy.colour(When.auto, Map.of("NO_COLOR", "1"), true));
        assertFalse(ColourPolicy.colour(When.auto, Map.of("NO_COLOR", "0"), true), "any non-empty value, even 0");
        assertTrue(ColourPolicy.colour(When.auto, Map.of("NO_COLOR", ""), true), "an empty NO_COLOR does not count");
    }

    @Test
    void dumbTerminalGetsNone() {
        assertFalse(ColourPolicy.colour(When.auto, Map.of("TERM", "dumb"), true));
        assertTrue(ColourPolicy.colour(When.auto, Map.of("TERM", "xterm-256color"), true));
    }

    @Test
    void forcedIntoAPipe() {
        assertTrue(ColourPolicy.colour(When.auto, Map.of("FORCE_COLOR", "1"), false));
        assertTrue(ColourPolicy.colour(When.auto, Map.of("FORCE_COLOR", "0"), false), "force-color.org: any non-empty value");
        assertFalse(ColourPolicy.colour(When.auto, Map.of("FORCE_COLOR", ""), false));
        assertTrue(ColourPolicy.colour(When.auto, Map.of("CLICOLOR_FORCE", "1"), false));
        assertFalse(ColourPolicy.colour(When.auto, Map.of("CLICOLOR_FORCE", "0"), false), "clicolors: 0 does not force");
        assertTrue(ColourPolicy.colour(When.auto, Map.of("FORCE_COLOR", "1", "TERM", "dumb"), false), "forced beats dumb");
    }

    @Test
    void noColorBeatsForce() {
        assertFalse(ColourPolicy.colour(When.auto, Map.of("NO_COLOR", "1", "FORCE_COLOR", "1"), true));
    }

    @Test
    void theOptionBeatsTheEnvironment() {
        assertTrue(ColourPolicy.colour(When.always, Map.of("NO_COLOR", "1", "TERM", "dumb"), false));
        assertFalse(ColourPolicy.colour(When.never, Map.of("FORCE_COLOR", "1"), true));
    }
}
