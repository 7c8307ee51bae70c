package vmlayout.render;

import org.jline.jansi.Ansi;
import vmlayout.config.Escapes;

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

    private static volatile boolean colourInUse;

    /** True once this run writes colour: {@link TerminalSafe} then lets SGR colour sequences through. */
    static boolean colourInUse() {
        return colourInUse;
    }

    static void colourReset() {
        colourInUse = false;
    }

    /** Colour written by something other than a Style (picocli's help on a terminal, the text map). */
    public static void colourWritten() {
        colourInUse = true;
    }

    /**
     * ANSI colours: warnings bold yellow, the table header bold, vmlayout's lines faint cyan. The text
     * is escaped first ({@link Escapes}): colour applies to vmlayout's sequences, never to an input's.
     */
    public static Style ansi() {
        colourInUse = true;
        return new Style() {
            @Override
            public String warning(String s) {
                return Ansi.ansi().bold().fgYellow().a(Escapes.text(s)).reset().toString();
            }

            @Override
            public String table(String s) {
                return s.startsWith(" ") ? Escapes.text(s) : Ansi.ansi().bold().a(Escapes.text(s)).reset().toString();
            }

            @Override
            public String own(String s) {
                return Ansi.ansi().fgCyan().a(Escapes.text(s)).reset().toString();
            }
        };
    }
}
