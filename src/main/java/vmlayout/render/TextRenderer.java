package vmlayout.render;

import java.io.PrintWriter;
import vmlayout.config.Escapes;
import vmlayout.engine.Layout;
import vmlayout.report.Message;

/**
 * Text output: the kernel's lines exactly as that kernel prints them (messages in boot-log order, then
 * the layout table), then a block of vmlayout's own lines, headed so that nobody takes them for the
 * kernel's.
 */
public final class TextRenderer {

    public static final String OWN_HEADER = "vmlayout (not kernel output):";

    private final Style style;
    private final boolean kernelOnly;

    public TextRenderer(Style style, boolean kernelOnly) {
        this.style = style;
        this.kernelOnly = kernelOnly;
    }

    public void render(Layout l, PrintWriter out) {
        for (Message m : l.messages()) {
            if (m.source() == Message.Source.KERNEL) {
                // a kernel line may quote a parameter as typed: control characters in it are shown escaped
                out.println(m.finding() ? style.warning(m.text()) : Escapes.text(m.text()));
            }
        }
        for (String line : l.table()) {
            out.println(style.table(line));
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
