package vmlayout.render.map;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jline.jansi.Ansi;
import vmlayout.config.Fmt;
import vmlayout.config.Sizes;
import vmlayout.engine.Layout;
import vmlayout.engine.Region;
import vmlayout.render.Style;

/**
 * The terminal picture ({@code --map}): the virtual space as a vertical bar on the left, the physical
 * RAM as a second bar on the right. The rules, which src/docs/map.md also gives, are simple enough to
 * draw the expected picture by hand from the region addresses:
 * <ol>
 *   <li><b>Unit.</b> One row stands for U MB, U the smallest power of two (1, 2, 4 ...) for which the
 *       larger of the two sizes fits in 32 rows: size / U &lt;= 32. The virtual size runs from the
 *       lowest kernel region to 4 GB; the physical size is the RAM, all ranges added up.</li>
 *   <li><b>Segments.</b> Each side is cut into segments as {@link AddressMap} says (regions, gaps,
 *       user space; RAM ranges and "no RAM" holes), top to bottom, high addresses first.</li>
 *   <li><b>Rows.</b> A segment of S bytes gets round(S / U) rows, halves rounded up. A segment that
 *       would get no row gets one and is marked {@code ~} (not to scale); so does a region that needs
 *       more rows for the regions nested in it (one row for its own label plus one per nested region).
 *       User space always gets one row and the mark: it is collapsed. A "no RAM" hole gets at most
 *       {@value #MAX_HOLE_ROWS} rows, marked when cut.</li>
 *   <li><b>Drawing.</b> Each segment is a boundary line {@code +--------+ ADDRESS} (its upper bound,
 *       {@code 0x%08x}), then its rows {@code |FFFFFFFF|}, F its kind's fill character (blank for gaps
 *       and holes). The first row carries the label: the name left-aligned in 10 columns, a space, the
 *       size right-aligned in 7 ({@code 384 MB}: whole MB from 1 MB, whole kB from 1 kB, as the
 *       kernel's table rounds), then {@code " ~"} when not to scale. Nested regions follow, one a row:
 *       two spaces, name, bounds, size. A last boundary line closes the side with its lowest address.
 *       Each side starts with a heading line ({@code virtual addresses}, {@code physical RAM}).</li>
 *   <li><b>Side by side.</b> The physical side is moved down (or the virtual side, when the physical
 *       side has more lines above it) so that the boundary line above the highest lowmem RAM range is
 *       level with the boundary line above the virtual lowmem region. The physical side starts 5
 *       columns after the longest virtual line; on the virtual lowmem label row those 5 columns read
 *       {@code " <== "} (this RAM is mapped there). Lines end without trailing blanks.</li>
 *   <li><b>Frame.</b> A title line ({@code vmlayout map: ARCH RELEASE, 1 row = U MB (not kernel
 *       output)}) and an empty line come first; after the picture an empty line and the legend: the
 *       kinds drawn on the virtual side (fill character and name, in the order of {@link MapKind},
 *       gaps left out, joined by two spaces), then those drawn only on the physical side, then the
 *       {@code ~} line when a segment is not to scale and the {@code <==} line when it is drawn.</li>
 * </ol>
 * With colour, the fill characters and the arrow are painted through jansi; the characters stay the same.
 */
public final class TextMap {

    /** The most rows the larger span may take at the chosen unit. */
    public static final int MAX_ROWS = 32;
    /** The most rows a hole between RAM ranges takes. */
    public static final int MAX_HOLE_ROWS = 4;
    /** Width of a label's name column. */
    static final int NAME_WIDTH = 10;
    /** Width of a label's size column. */
    static final int SIZE_WIDTH = 7;
    static final String EDGE = "+--------+";
    static final int FILL_WIDTH = EDGE.length() - 2;
    static final String ARROW = " <== ";
    static final String NO_ARROW = "     ";

    private final boolean colour;

    public TextMap(boolean colour) {
        this.colour = colour;
        if (colour) {
            Style.colourWritten(); // the terminal guard lets these colour sequences through
        }
    }

    /** MB per row for this map. */
    public static long unitMb(AddressMap m) {
        long span = Math.max(m.kernelSpan(), m.ramTotal());
        long u = 1;
        while (span > MAX_ROWS * (u << 20)) {
            u *= 2;
        }
        return u;
    }

    /** Rows for a segment and whether they are to scale. */
    record Rows(int count, boolean toScale) {
    }

    static Rows rows(AddressMap.Segment s, long unitBytes) {
        if (s.kind() == MapKind.USER) {
            return new Rows(1, false);
        }
        long r = (s.size() + unitBytes / 2) / unitBytes;
        boolean toScale = true;
        if (r < 1) {
            r = 1;
            toScale = false;
        }
        if (s.kind() == MapKind.HOLE && r > MAX_HOLE_ROWS) {
            r = MAX_HOLE_ROWS;
            toScale = false;
        }
        if (r < 1 + s.nested().size()) {
            r = 1 + s.nested().size();
            toScale = false;
        }
        return new Rows((int) r, toScale);
    }

    /** A line kept twice: plain, to measure and compare, and painted. */
    final class Line {
        final StringBuilder plain = new StringBuilder();
        final StringBuilder painted = new StringBuilder();

        Line add(String s) {
            plain.append(s);
            painted.append(s);
            return this;
        }

        Line add(String s, MapKind k) {
            plain.append(s);
            painted.append(colour ? k.paint(s) : s);
            return this;
        }

        Line addArrow() {
            plain.append(ARROW);
            painted.append(colour ? Ansi.ansi().fg(Ansi.Color.GREEN).bold().a(ARROW).reset().toString() : ARROW);
            return this;
        }

        int width() {
            return plain.length();
        }
    }

    /** One side: its lines and the index of the boundary line above its lowmem (or -1). */
    private record Column(List<Line> lines, int lowmemBoundary, boolean anyNotToScale, Set<MapKind> kinds) {
    }

    private Column column(String heading, List<AddressMap.Segment> segs, int lowmemIndex, long unitBytes) {
        List<Line> lines = new ArrayList<>();
        if (!segs.isEmpty()) {
            lines.add(new Line().add(heading));
        }
        int lowmemBoundary = -1;
        boolean notToScale = false;
        Set<MapKind> kinds = EnumSet.noneOf(MapKind.class);
        for (int i = 0; i < segs.size(); i++) {
            AddressMap.Segment s = segs.get(i);
            if (i == lowmemIndex) {
                lowmemBoundary = lines.size();
            }
            lines.add(new Line().add(EDGE + " " + Fmt.hex8(s.end())));
            Rows rows = rows(s, unitBytes);
            notToScale |= !rows.toScale();
            if (!s.kind().blank()) {
                kinds.add(s.kind());
            }
            String fill = String.valueOf(s.kind().fill).repeat(FILL_WIDTH);
            for (int r = 0; r < rows.count(); r++) {
                Line l = new Line().add("|").add(fill, s.kind()).add("|");
                if (r == 0) {
                    l.add(" " + label(s, rows.toScale()));
                } else if (r <= s.nested().size()) {
                    Region n = s.nested().get(r - 1);
                    l.add("   " + n.name() + " " + Fmt.hex8(n.start()) + "-" + Fmt.hex8(n.end()) + " "
                            + Sizes.truncated(n.size()));
                }
                lines.add(l);
            }
        }
        if (!segs.isEmpty()) {
            lines.add(new Line().add(EDGE + " " + Fmt.hex8(segs.get(segs.size() - 1).start())));
        }
        return new Column(lines, lowmemBoundary, notToScale, kinds);
    }

    static String label(AddressMap.Segment s, boolean toScale) {
        long size = s.region() != null ? s.region().size() : s.ram() != null ? s.ram().size() : s.size();
        String l = String.format("%-" + NAME_WIDTH + "s %" + SIZE_WIDTH + "s", s.name(), Sizes.truncated(size));
        if (!toScale) {
            l += " ~";
        }
        if (s.clipped()) {
            l += " (overlaps the segment above)";
        }
        return l;
    }

    /** The picture, one string per line, painted when colour is on. */
    public List<String> lines(Layout layout) {
        AddressMap m = AddressMap.of(layout);
        long unitMb = unitMb(m);
        long unit = unitMb << 20;
        Column v = column("virtual addresses", m.virtual(), m.virtualLowmem(), unit);
        Column p = column("physical RAM", m.physical(), m.physicalLowmemTop(), unit);
        int shiftV = 0;
        int shiftP = 0;
        if (v.lowmemBoundary() >= 0 && p.lowmemBoundary() >= 0) {
            shiftV = Math.max(0, p.lowmemBoundary() - v.lowmemBoundary());
            shiftP = Math.max(0, v.lowmemBoundary() - p.lowmemBoundary());
        }
        int arrowLine = v.lowmemBoundary() >= 0 && p.lowmemBoundary() >= 0 ? shiftV + v.lowmemBoundary() + 1 : -1;
        int width = 0;
        for (Line l : v.lines()) {
            width = Math.max(width, l.width());
        }
        List<String> out = new ArrayList<>();
        out.add("vmlayout map: " + layout.arch().id() + " " + layout.kernel() + ", 1 row = " + unitMb
                + " MB (not kernel output)");
        out.add("");
        int n = Math.max(shiftV + v.lines().size(), shiftP + p.lines().size());
        for (int i = 0; i < n; i++) {
            int vi = i - shiftV;
            int pi = i - shiftP;
            Line l = new Line();
            if (vi >= 0 && vi < v.lines().size()) {
                Line src = v.lines().get(vi);
                l.plain.append(src.plain);
                l.painted.append(src.painted);
            }
            if (pi >= 0 && pi < p.lines().size()) {
                l.add(" ".repeat(width - l.width()));
                if (i == arrowLine) {
                    l.addArrow();
                } else {
                    l.add(NO_ARROW);
                }
                Line src = p.lines().get(pi);
                l.plain.append(src.plain);
                l.painted.append(src.painted);
            }
            out.add(colour ? l.painted.toString() : l.plain.toString());
        }
        out.add("");
        out.addAll(legend(v, p, arrowLine >= 0));
        return out;
    }

    private List<String> legend(Column v, Column p, boolean arrow) {
        List<String> out = new ArrayList<>();
        out.add(legendLine(v.kinds()));
        Set<MapKind> physOnly = EnumSet.noneOf(MapKind.class);
        physOnly.addAll(p.kinds());
        physOnly.removeAll(v.kinds());
        if (!physOnly.isEmpty()) {
            out.add(legendLine(physOnly));
        }
        if (v.anyNotToScale() || p.anyNotToScale()) {
            out.add("~ not to scale: one row for what is too small to see, user space collapsed");
        }
        if (arrow) {
            out.add((colour ? Ansi.ansi().fg(Ansi.Color.GREEN).bold().a("<==").reset().toString() : "<==")
                    + " lowmem: the kernel maps this RAM there, 1:1");
        }
        return out;
    }

    private String legendLine(Set<MapKind> kinds) {
        List<String> parts = new ArrayList<>();
        for (MapKind k : kinds) {
            String f = String.valueOf(k.fill);
            parts.add((colour ? k.paint(f) : f) + " " + k.label);
        }
        return String.join("  ", parts);
    }

    public void render(Layout layout, PrintWriter out) {
        for (String l : lines(layout)) {
            out.println(l);
        }
        out.flush();
    }
}
