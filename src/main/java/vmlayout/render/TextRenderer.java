package vmlayout.render;

import java.io.PrintWriter;
import vmlayout.config.Escapes;
import vmlayout.engine.Layout;
import vmlayout.report.Message;

/**
 * Text output: the kernel's lines exactly as that kernel prints them (messages in boot-log order, then
 * the layout table), then a block of vmlayout's own lines, headed so that nobody takes them for the
 * kernel's. A table the release does not print (ARM before 2.6.33 and from 5.1, x86 from 5.7, powerpc
 * before 2.6.29 and from 6.15) is vmlayout's: it gets a heading line of its own, its lines stay as the
 * kernel last (or first) printed them, and --kernel-only leaves it out.
 */
public final class TextRenderer {

    public static final String OWN_HEADER = "vmlayout (not kernel output):";

    private final Style style;
    private final boolean kernelOnly;

    public TextRenderer(Style style, boolean kernelOnly) {
        this.style = style;
        this.kernelOnly = kernelOnly;
    }

    /** The heading above a table this release does not print (the note below says which form and why). */
    public static String notPrintedHeading(Layout l) {
        return "vmlayout (not kernel output): the table Linux " + l.kernel() + " does not print, with its values:";
    }

    public void render(Layout l, PrintWriter out) {
        for (Message m : l.messages()) {
            if (m.source() == Message.Source.KERNEL) {
                // a kernel line may quote a parameter as typed: control characters in it are shown escaped
                out.println(m.finding() ? style.warning(m.text()) : Escapes.text(m.text()));
            }
        }
        if (!l.tablePrinted() && !l.table().isEmpty() && !kernelOnly) {
            out.println(style.own(notPrintedHeading(l)));
        }
        if (l.tablePrinted() || !kernelOnly) {
            for (String line : l.table()) {
                out.println(style.table(line));
            }
        }
        if (kernelOnly) {
            out.flush();
            return;
        }
        out.println();
        out.println(style.own(OWN_HEADER));
        for (String s : Summary.lines(l)) {
            out.println("  " + Escapes.text(s));
        }
        for (Message m : l.messages()) {
            if (m.source() == Message.Source.VMLAYOUT) {
                String text = (m.finding() ? "warning: " : "note: ") + m.text();
                out.println("  " + (m.finding() ? style.warning(text) : style.own(text)));
            }
        }
        if (!l.defaults().isEmpty()) {
            out.println("  " + style.own("defaults used: " + String.join(", ", l.defaults())));
        }
        out.flush();
    }
}
