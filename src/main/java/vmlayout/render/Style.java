package vmlayout.render;

import org.jline.jansi.Ansi;

/**
 * Colour for text output, through jansi's Ansi builder. {@link #PLAIN} adds nothing; the command line
 * decides which to use (--color, NO_COLOR, whether stdout is a terminal).
 */
public class Style {

    public static final Style PLAIN = new Style();

    public String warning(String s) {
        return s;
    }

    public String table(String s) {
        return s;
    }

    public String own(String s) {
        return s;
    }

    /** ANSI colours: warnings bold yellow, the table header bold, vmlayout's lines faint cyan. */
    public static Style ansi() {
        return new Style() {
            @Override
            public String warning(String s) {
                return Ansi.ansi().bold().fgYellow().a(s).reset().toString();
            }

            @Override
            public String table(String s) {
                return s.startsWith(" ") ? s : Ansi.ansi().bold().a(s).reset().toString();
            }

            @Override
            public String own(String s) {
                return Ansi.ansi().fgCyan().a(s).reset().toString();
            }
        };
    }
}
