package vmlayout.render.map;

import java.util.Locale;
import org.jline.jansi.Ansi;
import vmlayout.engine.RamUse;

/**
 * What a segment of the map is, and how both pictures draw it: the fill character of the text map
 * (the same with and without colour), its terminal colour and its SVG colour.
 */
public enum MapKind {
    // virtual side
    LOWMEM('#', Ansi.Color.GREEN, false, "#66bb6a", "lowmem", "lowmem (RAM mapped 1:1)"),
    VMALLOC(':', Ansi.Color.BLUE, false, "#7fa7f5", "vmalloc", "vmalloc / ioremap"),
    IMAGE('=', Ansi.Color.MAGENTA, false, "#ce93d8", "modules, image", "modules, kernel image"),
    FIXED('*', Ansi.Color.YELLOW, false, "#ffd54f", "fixed mappings", "fixed mappings"),
    DMA('@', Ansi.Color.CYAN, false, "#4dd0e1", "DMA", "DMA consistent"),
    KASAN('&', Ansi.Color.MAGENTA, true, "#f48fb1", "KASAN", "KASAN shadow"),
    OTHER('?', Ansi.Color.WHITE, false, "#b0bec5", "other", "other"),
    GAP(' ', null, false, "#ffffff", "gap", "gap"),
    USER('.', Ansi.Color.BLACK, true, "#eeeeee", "user space", "user space (collapsed)"),
    // physical side
    HIGHMEM('%', Ansi.Color.CYAN, true, "#80deea", "highmem", "highmem (RAM reached through kmap)"),
    DROPPED('x', Ansi.Color.RED, false, "#ef5350", "dropped", "dropped (RAM the kernel does not use)"),
    RESERVED('/', Ansi.Color.YELLOW, true, "#bdbdbd", "reserved", "reserved"),
    HOLE(' ', null, false, "#ffffff", "no RAM", "no RAM");

    /** The character that fills this kind's rows in the text map. */
    public final char fill;
    private final Ansi.Color colour;
    private final boolean bright;
    /** The SVG fill colour. */
    public final String svgColour;
    /** The short name the text map's legend uses. */
    public final String label;
    /** What the SVG legend says. */
    public final String legend;

    MapKind(char fill, Ansi.Color colour, boolean bright, String svgColour, String label, String legend) {
        this.fill = fill;
        this.colour = colour;
        this.bright = bright;
        this.svgColour = svgColour;
        this.label = label;
        this.legend = legend;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the kinds that stand for nothing (gaps, holes): drawn blank. */
    public boolean blank() {
        return this == GAP || this == HOLE;
    }

    /** The text in this kind's terminal colour (unchanged for the blank kinds). */
    String paint(String s) {
        if (colour == null) {
            return s;
        }
        Ansi a = Ansi.ansi();
        a = bright ? a.fgBright(colour) : a.fg(colour);
        return a.a(s).reset().toString();
    }

    /** The kind of a kernel region, by its Layout id. */
    public static MapKind ofRegion(String id) {
        switch (id) {
            case "lowmem":
                return LOWMEM;
            case "vmalloc":
                return VMALLOC;
            case "modules":
            case "text":
            case "init":
            case "data":
            case "bss":
                return IMAGE;
            case "vector":
            case "fixmap":
            case "pkmap":
            case "cpu_entry":
            case "early_ioremap":
            case "dtcm":
            case "itcm":
                return FIXED;
            case "dma":
            case "consistent":
                return DMA;
            case "kasan":
                return KASAN;
            default:
                return OTHER;
        }
    }

    /** The kind of a range of physical RAM. */
    public static MapKind ofRam(RamUse use) {
        switch (use) {
            case LOWMEM:
                return LOWMEM;
            case HIGHMEM:
                return HIGHMEM;
            case DROPPED:
                return DROPPED;
            default:
                return RESERVED;
        }
    }
}
