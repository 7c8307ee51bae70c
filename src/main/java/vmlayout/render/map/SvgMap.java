package vmlayout.render.map;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vmlayout.bootargs.Param;
import vmlayout.config.Fmt;
import vmlayout.config.Sizes;
import vmlayout.engine.Layout;
import vmlayout.engine.Region;

/**
 * The picture as a standalone SVG ({@code --format svg}): the virtual space on the left, the physical
 * RAM on the right, the lowmem mapping drawn as a band between them, and a legend.
 *
 * <p>Scale: the root element declares {@code data-px-per-mb} (P), {@code data-min-px} and
 * {@code data-user-px}, {@code data-max-hole-px}. P is the largest power of two (… 0.25, 0.5, 1, 2 …)
 * at which the larger size (from the lowest kernel region to 4 GB, or all the RAM added up) is at most
 * {@value #MAX_PX} px. A segment of S MB is S·P px high; one under {@value #MIN_PX} px is drawn
 * {@value #MIN_PX} px high and marked ≈ ({@code data-break="true"}); user space is collapsed to
 * {@value #USER_PX} px, a hole between RAM ranges cut to at most {@value #MAX_HOLE_PX} px (marked).
 * Segments follow each other without a gap from the top of their side, whose
 * y is declared as {@code data-top-y} on the side's group; the physical side is moved down (or the
 * virtual one) so that the top of the highest lowmem RAM is level with the top of virtual lowmem.
 * Regions nested in another (kernel sections in lowmem) are drawn inside it at their place, on the
 * container's own scale (its drawn height over its size), at least {@value #NESTED_MIN_PX} px high.
 *
 * <p>Composition: {@link #panel} draws one layout as a {@code <g>} of known width and height at a
 * given scale, in its own coordinates; {@link #render(List)} places panels side by side at one shared
 * scale under one legend. A {@code diff} of two configurations is {@code render(List.of(a, b))}.
 */
public final class SvgMap {

    public static final double MAX_PX = 640;
    public static final double MIN_PX = 16;
    public static final double USER_PX = 24;
    public static final double NESTED_MIN_PX = 2;
    public static final double MAX_HOLE_PX = 64;

    static final double MARGIN = 16;
    static final double ADDR_W = 84;
    static final double BAR_W = 200;
    static final double BAND_W = 100;
    static final double PANEL_W = ADDR_W + BAR_W + BAND_W + BAR_W + ADDR_W;
    static final double PANEL_GAP = 40;
    static final double HEADER_H = 32;
    /** Where the sides start inside a panel (below its title and headings). */
    static final double CONTENT_Y = 62;
    static final double V_BAR_X = ADDR_W;
    static final double P_BAR_X = ADDR_W + BAR_W + BAND_W;
    static final String FONT = "DejaVu Sans Mono, Menlo, Consolas, monospace";

    private SvgMap() {
    }

    /** One layout drawn as a group in its own coordinates (0,0 at its top left). */
    public record Panel(String svg, double width, double height, Set<MapKind> kinds, boolean anyBreak) {
    }

    /** The scale for these maps: the largest power of two px per MB that fits the larger span. */
    public static double pxPerMb(List<AddressMap> maps) {
        double span = 0;
        for (AddressMap m : maps) {
            span = Math.max(span, Math.max(m.kernelSpan(), m.ramTotal()) / 1048576.0);
        }
        double p = 1;
        if (span <= 0) {
            return p;
        }
        while (span * p > MAX_PX) {
            p /= 2;
        }
        while (span * p * 2 <= MAX_PX) {
            p *= 2;
        }
        return p;
    }

    /** The drawn height of a segment and whether it is to scale. */
    record Height(double px, boolean toScale) {
    }

    static Height height(AddressMap.Segment s, double pxPerMb) {
        if (s.kind() == MapKind.USER) {
            return new Height(USER_PX, false);
        }
        double h = s.size() / 1048576.0 * pxPerMb;
        double least = MIN_PX * (1 + s.nested().size());
        if (h < least) {
            return new Height(least, false);
        }
        if (s.kind() == MapKind.HOLE && h > MAX_HOLE_PX) {
            return new Height(MAX_HOLE_PX, false);
        }
        return new Height(h, true);
    }

    public static String render(Layout layout) {
        return render(List.of(layout));
    }

    /** Layouts side by side at one scale, under one legend: a standalone SVG document. */
    public static String render(List<Layout> layouts) {
        List<AddressMap> maps = new ArrayList<>();
        for (Layout l : layouts) {
            maps.add(AddressMap.of(l));
        }
        double ppm = pxPerMb(maps);
        List<Panel> panels = new ArrayList<>();
        double panelsH = 0;
        Set<MapKind> kinds = EnumSet.noneOf(MapKind.class);
        boolean anyBreak = false;
        boolean band = false;
        for (AddressMap m : maps) {
            Panel p = panel(m, ppm);
            panels.add(p);
            panelsH = Math.max(panelsH, p.height());
            kinds.addAll(p.kinds());
            anyBreak |= p.anyBreak();
            band |= m.virtualLowmem() >= 0 && m.physicalLowmemTop() >= 0;
        }
        List<String> legend = new ArrayList<>();
        double legendY = MARGIN + HEADER_H + panelsH + 16;
        double legendH = legend(legend, kinds, anyBreak, band, ppm, legendY);
        double width = MARGIN * 2 + panels.size() * PANEL_W + (panels.size() - 1) * PANEL_GAP;
        double height = legendY + legendH + MARGIN;
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(n(width)).append("\" height=\"")
                .append(n(height)).append("\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height))
                .append("\" font-family=\"").append(FONT).append("\" font-size=\"11\"")
                .append(" data-px-per-mb=\"").append(num(ppm)).append("\" data-min-px=\"").append(n(MIN_PX))
                .append("\" data-user-px=\"").append(n(USER_PX)).append("\" data-max-hole-px=\"")
                .append(n(MAX_HOLE_PX)).append("\">\n");
        b.append("<title>vmlayout map: kernel virtual address space and physical RAM</title>\n");
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        b.append(text(MARGIN, MARGIN + 14, "vmlayout map (not kernel output), high addresses at the top",
                "font-size=\"13\" font-weight=\"bold\""));
        for (int i = 0; i < panels.size(); i++) {
            double x = MARGIN + i * (PANEL_W + PANEL_GAP);
            b.append("<g class=\"panel\" data-index=\"").append(i).append("\" transform=\"translate(")
                    .append(n(x)).append(',').append(n(MARGIN + HEADER_H)).append(")\">\n");
            b.append(panels.get(i).svg());
            b.append("</g>\n");
        }
        b.append("<g class=\"legend\">\n");
        for (String s : legend) {
            b.append(s);
        }
        b.append("</g>\n</svg>\n");
        return b.toString();
    }

    private static double legend(List<String> out, Set<MapKind> kinds, boolean anyBreak, boolean band, double ppm,
                                 double y0) {
        double y = y0;
        out.add(text(MARGIN, y + 11, "scale: " + num(ppm) + " px per MB (1 px = " + num(1 / ppm) + " MB)", ""));
        y += 18;
        for (MapKind k : kinds) {
            out.add(swatch(MARGIN, y, k.svgColour, k.blank()));
            out.add(text(MARGIN + 22, y + 11, k.legend, ""));
            y += 18;
        }
        if (band) {
            out.add("<rect x=\"" + n(MARGIN) + "\" y=\"" + n(y) + "\" width=\"16\" height=\"12\" fill=\""
                    + MapKind.LOWMEM.svgColour + "\" fill-opacity=\"0.35\"/>\n");
            out.add(text(MARGIN + 22, y + 11, "the lowmem mapping: this RAM is mapped 1:1 at the virtual lowmem"
                    + " addresses", ""));
            y += 18;
        }
        if (anyBreak) {
            out.add(text(MARGIN + 8, y + 11, "\u2248", "text-anchor=\"middle\" font-size=\"14\""));
            out.add(text(MARGIN + 22, y + 11, "not to scale: too small to see, drawn " + n(MIN_PX) + " px;"
                    + " user space " + n(USER_PX) + " px; holes at most " + n(MAX_HOLE_PX) + " px", ""));
            y += 18;
        }
        return y - y0;
    }

    private static String swatch(double x, double y, String colour, boolean blank) {
        return "<rect x=\"" + n(x) + "\" y=\"" + n(y) + "\" width=\"16\" height=\"12\" fill=\"" + colour
                + "\" stroke=\"#555555\"" + (blank ? " stroke-dasharray=\"3,2\"" : "") + "/>\n";
    }

    /** One layout's picture at this scale. */
    public static Panel panel(Layout layout, double pxPerMb) {
        return panel(AddressMap.of(layout), pxPerMb);
    }

    static Panel panel(AddressMap m, double ppm) {
        List<AddressMap.Segment> v = m.virtual();
        List<AddressMap.Segment> p = m.physical();
        double[] vy = offsets(v, ppm);
        double[] py = offsets(p, ppm);
        double vTop = CONTENT_Y;
        double pTop = CONTENT_Y;
        int vl = m.virtualLowmem();
        int pl = m.physicalLowmemTop();
        if (vl >= 0 && pl >= 0) {
            vTop += Math.max(0, py[pl] - vy[vl]);
            pTop += Math.max(0, vy[vl] - py[pl]);
        }
        Set<MapKind> kinds = EnumSet.noneOf(MapKind.class);
        boolean[] anyBreak = {false};
        StringBuilder b = new StringBuilder();
        Layout l = m.layout();
        b.append(text(0, 14, l.arch().id() + " " + l.kernel(), "font-size=\"13\" font-weight=\"bold\""));
        List<String> params = new ArrayList<>();
        for (Param prm : l.params()) {
            params.add(prm.text());
        }
        String cmd = String.join(" ", params);
        if (cmd.length() > 100) {
            cmd = cmd.substring(0, 99) + "\u2026";
        }
        if (!cmd.isEmpty()) {
            b.append(text(0, 30, "cmdline: " + cmd, "font-size=\"10\" fill=\"#555555\""));
        }
        b.append(text(V_BAR_X, CONTENT_Y - 8, "virtual addresses", "font-weight=\"bold\""));
        b.append(text(P_BAR_X, CONTENT_Y - 8, "physical RAM", "font-weight=\"bold\""));
        if (vl >= 0 && pl >= 0) {
            int pb = m.physicalLowmemBottom();
            double x1 = V_BAR_X + BAR_W;
            double x2 = P_BAR_X;
            double vy1 = vTop + vy[vl];
            double vy2 = vTop + vy[vl + 1];
            double py1 = pTop + py[pl];
            double py2 = pTop + py[pb + 1];
            b.append("<polygon class=\"lowmem-mapping\" points=\"").append(n(x1)).append(',').append(n(vy1)).append(' ')
                    .append(n(x2)).append(',').append(n(py1)).append(' ').append(n(x2)).append(',').append(n(py2))
                    .append(' ').append(n(x1)).append(',').append(n(vy2)).append("\" fill=\"")
                    .append(MapKind.LOWMEM.svgColour).append("\" fill-opacity=\"0.35\" stroke=\"none\"/>\n");
            b.append(text((x1 + x2) / 2, (vy1 + vy2 + py1 + py2) / 4 + 4, "1:1",
                    "class=\"mapping-label\" text-anchor=\"middle\" fill=\"#2e7d32\""));
        }
        b.append(side("virtual", v, vy, vTop, ppm, V_BAR_X, V_BAR_X - 6, "end", kinds, anyBreak));
        b.append(side("physical", p, py, pTop, ppm, P_BAR_X, P_BAR_X + BAR_W + 6, "start", kinds, anyBreak));
        double height = Math.max(vTop + vy[vy.length - 1], pTop + py[py.length - 1]) + 8;
        return new Panel(b.toString(), PANEL_W, height, kinds, anyBreak[0]);
    }

    /** y of each segment's top from the side's top; the last entry is the side's height. */
    static double[] offsets(List<AddressMap.Segment> segs, double ppm) {
        double[] y = new double[segs.size() + 1];
        for (int i = 0; i < segs.size(); i++) {
            y[i + 1] = y[i] + height(segs.get(i), ppm).px();
        }
        return y;
    }

    private static String side(String name, List<AddressMap.Segment> segs, double[] offs, double top, double ppm,
                               double barX, double addrX, String anchor, Set<MapKind> kinds, boolean[] anyBreak) {
        StringBuilder b = new StringBuilder();
        b.append("<g class=\"side ").append(name).append("\" data-top-y=\"").append(n(top)).append("\">\n");
        for (int i = 0; i < segs.size(); i++) {
            AddressMap.Segment s = segs.get(i);
            Height h = height(s, ppm);
            double y = top + offs[i];
            kinds.add(s.kind());
            anyBreak[0] |= !h.toScale();
            String full = s.name() + " " + Fmt.hex8(s.start()) + "-" + Fmt.hex8(s.end()) + " "
                    + Sizes.truncated(s.size());
            if (s.ram() != null && !s.ram().why().isEmpty()) {
                full += ": " + s.ram().why();
            }
            b.append("<rect class=\"segment ").append(s.kind().id()).append("\" data-side=\"").append(name)
                    .append("\" data-name=\"").append(esc(s.name())).append('"');
            if (s.region() != null) {
                b.append(" data-region=\"").append(s.region().name()).append('"');
            }
            if (s.ram() != null) {
                b.append(" data-use=\"").append(s.ram().use().id()).append('"');
            }
            b.append(" data-start=\"").append(Fmt.hex8(s.start())).append("\" data-end=\"")
                    .append(Fmt.hex8(s.end())).append("\" data-break=\"").append(!h.toScale()).append('"')
                    .append(" x=\"").append(n(barX)).append("\" y=\"").append(n(y)).append("\" width=\"")
                    .append(n(BAR_W)).append("\" height=\"").append(n(h.px())).append("\" fill=\"")
                    .append(s.kind().svgColour).append("\" stroke=\"#555555\" stroke-width=\"0.75\"")
                    .append(s.kind().blank() ? " stroke-dasharray=\"4,3\"" : "").append("><title>").append(esc(full))
                    .append("</title></rect>\n");
            b.append(text(addrX, y + 4, Fmt.hex8(s.end()), "class=\"bound\" text-anchor=\"" + anchor + "\""));
            String label = s.name() + "  " + Sizes.truncated(s.region() != null ? s.region().size() : s.size());
            String style = s.kind().blank() || s.kind() == MapKind.USER ? "fill=\"#666666\" font-style=\"italic\"" : "";
            double ly = s.nested().isEmpty() ? y + h.px() / 2 + 4 : y + 12;
            b.append(text(barX + 6, ly, label, "class=\"label\"" + (style.isEmpty() ? "" : " " + style)));
            if (!h.toScale()) {
                b.append(text(barX + BAR_W - 6, y + h.px() / 2 + 5, "\u2248",
                        "class=\"break\" text-anchor=\"end\" font-size=\"14\""));
            }
            for (int k = 0; k < s.nested().size(); k++) {
                Region r = s.nested().get(k);
                double scale = h.px() / s.size();
                double ry = y + (s.end() - Math.min(r.end(), s.end())) * scale;
                double rh = Math.max(NESTED_MIN_PX, r.size() * scale);
                b.append("<rect class=\"segment nested ").append(MapKind.ofRegion(r.name()).id())
                        .append("\" data-side=\"").append(name).append("\" data-region=\"").append(esc(r.name()))
                        .append("\" data-start=\"").append(Fmt.hex8(r.start())).append("\" data-end=\"")
                        .append(Fmt.hex8(r.end())).append("\" x=\"").append(n(barX + BAR_W - 24))
                        .append("\" y=\"").append(n(ry)).append("\" width=\"18\" height=\"").append(n(rh))
                        .append("\" fill=\"").append(MapKind.ofRegion(r.name()).svgColour)
                        .append("\" stroke=\"#555555\" stroke-width=\"0.5\"/>\n");
                b.append(text(barX + 12, y + 12 + 12 * (k + 1), r.name() + " " + Fmt.hex8(r.start()) + "-"
                        + Fmt.hex8(r.end()) + " " + Sizes.truncated(r.size()), "class=\"label\" font-size=\"9\""));
            }
        }
        if (!segs.isEmpty()) {
            b.append(text(addrX, top + offs[segs.size()] + 4, Fmt.hex8(segs.get(segs.size() - 1).start()),
                    "class=\"bound\" text-anchor=\"" + anchor + "\""));
        }
        b.append("</g>\n");
        return b.toString();
    }

    private static String text(double x, double y, String s, String attrs) {
        return "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\"" + (attrs.isEmpty() ? "" : " " + attrs) + ">" + esc(s)
                + "</text>\n";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A coordinate: two decimals at most. */
    static String n(double d) {
        String s = String.format(Locale.ROOT, "%.2f", d);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** A scale factor, exact (powers of two have short decimal forms). */
    static String num(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
