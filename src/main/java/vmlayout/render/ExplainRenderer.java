package vmlayout.render;

import java.io.PrintWriter;
import vmlayout.engine.Derivation;
import vmlayout.engine.Layout;

/**
 * Text output of {@code vmlayout explain}: the engine's derivation, one numbered step per decision with
 * the kernel rule that made it, then the layout as the main command prints it (kernel lines, then
 * vmlayout's own block).
 */
public final class ExplainRenderer {

    private ExplainRenderer() {
    }

    public static void render(Layout l, PrintWriter raw) {
        PrintWriter out = TerminalSafe.strict(raw); // control characters from inputs shown escaped
        for (String s : Wrap.lines("How Linux " + l.kernel() + " (" + l.arch().id() + ") sets up this layout, step by step,"
                + " with the kernel rule behind each step:", "", "", Wrap.WIDTH)) {
            out.println(s);
        }
        int n = 1;
        for (Derivation d : l.derivation()) {
            String num = (n < 10 ? " " : "") + n + ". ";
            for (String s : Wrap.lines(d.text(), " " + num, "     ", Wrap.WIDTH)) {
                out.println(s);
            }
            for (String s : Wrap.lines("[" + d.source() + "]", "     ", "      ", Wrap.WIDTH)) {
                out.println(s);
            }
            n++;
        }
        out.println();
        out.println("The result:");
        new TextRenderer(Style.PLAIN, false).render(l, out);
    }
}
