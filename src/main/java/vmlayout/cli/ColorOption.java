package vmlayout.cli;

import picocli.CommandLine.Option;
import vmlayout.render.ColourPolicy;
import vmlayout.render.Style;
import vmlayout.render.Terminal;

/** --color, which every command takes (its help follows it too; see {@link Cli#helpColour}). */
public class ColorOption {

    @Option(names = "--color", paramLabel = "WHEN",
            description = "Colour: ${COMPLETION-CANDIDATES} (default: auto = when standard output is a terminal,"
                    + " TERM is not dumb and NO_COLOR is empty or unset; FORCE_COLOR or CLICOLOR_FORCE force it).")
    ColourPolicy.When color = ColourPolicy.When.auto;

    boolean colour() {
        return colour(color);
    }

    static boolean colour(ColourPolicy.When when) {
        return ColourPolicy.colour(when, System.getenv(), when == ColourPolicy.When.auto && Terminal.stdoutIsTerminal());
    }

    Style style() {
        return colour() ? Style.ansi() : Style.PLAIN;
    }
}
