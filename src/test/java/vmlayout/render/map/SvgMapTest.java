package vmlayout.render.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vmlayout.CliRunner;
import vmlayout.cli.LayoutOf;
import vmlayout.config.Arch;
import vmlayout.config.KernelVersion;
import vmlayout.engine.Layout;
import vmlayout.engine.RamRange;
import vmlayout.engine.RamUse;
import vmlayout.engine.Region;

/**
 * The SVG, read back as XML with the JDK's parser. For every region of the layout there must be a
 * rectangle whose place and height follow from the scale the SVG declares (data-px-per-mb P,
 * data-min-px, data-user-px on the root; data-top-y on each side), within a pixel: the test walks the
 * layout's regions itself (highest first, gaps between them, user space below) and adds up
 * S·P px per segment (the minimum for those under it); and the region's name, size and both bounds must
 * be written in the picture. The same for every RAM range on the physical side.
 */
class SvgMapTest {

    static final long TOP = 1L << 32;

    static final String SEED001 = "--arch arm --kernel 2.6.37 --ram 0x40000000:512M -D VMALLOC_END=0xe0000000"
            + " -D CONSISTENT_DMA_SIZE=32M --cmdline=console=ttySC0,115200_mem=512M";
    static final String SEED002 = "--arch arm --kernel 3.18 --ram 0:1G -D HIGHMEM=y vmalloc=300M";
    static final String VMSPLIT1G = "--arch arm --kernel 3.17 --ram 0:512M -D VMSPLIT_1G=y -D HIGHMEM=y";
    static final String SECTIONS = "--arch arm --kernel 3.18 --ram 0:1G -D HIGHMEM=y vmalloc=300M"
            + " -D _text=0xc0008000 -D _etext=0xc05cde68 -D __init_begin=0xc05ce000 -D __init_end=0xc0602000"
            + " -D _sdata=0xc0602000 -D _edata=0xc0638728 -D __bss_start=0xc0638728 -D __bss_stop=0xc06a8af4";
    static final String TWO_BANKS = "--arch arm --kernel 4.4 --ram 0x80000000:256M --ram 0xa0000000:512M";
    /** LPAE, 2 GB at 0x80000000 and 2 GB at 0x880000000: a 30 GB hole, cut. */
    static final String LPAE_HOLE = "--arch arm --kernel 4.4 -D ARM_LPAE=y -D HIGHMEM=y --ram 0x80000000:2G"
            + " --ram 0x880000000:2G";

    /** Runs the CLI with --format svg and returns the layout (from the engine) and the parsed SVG. */
    static Document svg(String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of(args));
        a.add("--format");
        a.add("svg");
        CliRunner.Result r = CliRunner.run(a.toArray(new String[0]));
        assertTrue(r.status() == 0 || r.status() == 1, r.toString());
        assertTrue(r.out().startsWith("<?xml"), r.out());
        return parse(r.out());
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static Layout layout(String line) {
        return LayoutOf.args(cliArgs(line));
    }

    static String[] cliArgs(String line) {
        String[] a = line.split(" ");
        for (int i = 0; i < a.length; i++) {
            if (a[i].startsWith("--cmdline=")) {
                a[i] = a[i].replace('_', ' ');
            }
        }
        return a;
    }

    static List<Element> elements(Document d, String tag) {
        NodeList nl = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) {
            out.add((Element) nl.item(i));
        }
        return out;
    }

    static double num(Element e, String attr) {
        return Double.parseDouble(e.getAttribute(attr));
    }

    static String hex(long a) {
        return String.format(Locale.ROOT, "0x%08x", a);
    }

    /** The kernel table's size rounding: whole MB from 1 MB, else whole kB. */
    static String size(long b) {
        return b >= 1L << 20 ? (b >> 20) + " MB" : b >= 1024 ? (b >> 10) + " kB" : b + " B";
    }

    /** The SVG's side group (data-top-y) within the given panel. */
    static Element side(Document d, int panel, String name) {
        for (Element g : elements(d, "g")) {
            if (g.getAttribute("class").equals("side " + name)
                    && ((Element) g.getParentNode()).getAttribute("data-index").equals(String.valueOf(panel))) {
                return g;
            }
        }
        throw new AssertionError("no side " + name + " in panel " + panel);
    }

    static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nl = parent.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        for (int i = 0; i < nl.getLength(); i++) {
            out.add((Element) nl.item(i));
        }
        return out;
    }

    /** One expected segment: its bounds, whether it is user space, and its nested regions. */
    record Expect(String name, long start, long end, boolean user, List<Region> nested) {
    }

    /** The virtual side as the test reads the picture's rules: highest first, gaps, user space. */
    static List<Expect> expectedVirtual(Layout l) {
        List<Region> top = new ArrayList<>();
        for (Region r : l.regions()) {
            boolean inside = false;
            for (Region c : l.regions()) {
                if (c != r && c.start() <= r.start() && r.end() <= c.end() && c.size() > r.size()) {
                    inside = true;
                }
            }
            if (!inside) {
                top.add(r);
            }
        }
        top.sort(Comparator.comparingLong(Region::start).reversed());
        List<Expect> out = new ArrayList<>();
        long cursor = TOP;
        for (Region r : top) {
            if (r.end() < cursor) {
                out.add(new Expect("gap", r.end(), cursor, false, List.of()));
            }
            List<Region> nested = new ArrayList<>();
            for (Region n : l.regions()) {
                if (n != r && r.start() <= n.start() && n.end() <= r.end() && r.size() > n.size()) {
                    nested.add(n);
                }
            }
            out.add(new Expect(r.name(), r.start(), r.end(), false, nested));
            cursor = r.start();
        }
        if (cursor > 0) {
            out.add(new Expect("user space", 0, cursor, true, List.of()));
        }
        return out;
    }

    static List<Expect> expectedPhysical(Layout l) {
        List<RamRange> ram = new ArrayList<>(l.ram());
        ram.sort(Comparator.comparingLong(RamRange::start).reversed());
        List<Expect> out = new ArrayList<>();
        long cursor = ram.isEmpty() ? 0 : ram.get(0).end();
        for (RamRange r : ram) {
            if (r.end() < cursor) {
                out.add(new Expect("no RAM", r.end(), cursor, false, List.of()));
            }
            out.add(new Expect(r.use().id(), r.start(), r.end(), false, List.of()));
            cursor = r.start();
        }
        return out;
    }

    static double expectedHeight(Expect e, double ppm, double minPx, double userPx, double maxHolePx) {
        if (e.user()) {
            return userPx;
        }
        double h = (e.end() - e.start()) / 1048576.0 * ppm;
        if (e.name().equals("no RAM")) {
            h = Math.min(h, maxHolePx);
        }
        return Math.max(h, minPx * (1 + e.nested().size()));
    }

    /** Every segment of one side: a rect where the declared scale puts it, and its labels. */
    static void checkSide(Document d, int panel, String sideName, List<Expect> expect, Layout l) {
        Element root = d.getDocumentElement();
        double ppm = num(root, "data-px-per-mb");
        double minPx = num(root, "data-min-px");
        double userPx = num(root, "data-user-px");
        double maxHolePx = num(root, "data-max-hole-px");
        Element side = side(d, panel, sideName);
        double y = num(side, "data-top-y");
        List<Element> rects = children(side, "rect");
        List<String> texts = new ArrayList<>();
        for (Element t : children(side, "text")) {
            texts.add(t.getTextContent());
        }
        for (Expect e : expect) {
            Element rect = null;
            for (Element r : rects) {
                if (!r.getAttribute("class").contains("nested") && r.getAttribute("data-start").equals(hex(e.start()))
                        && r.getAttribute("data-end").equals(hex(e.end()))) {
                    rect = r;
                }
            }
            String what = sideName + " " + e.name() + " " + hex(e.start()) + "-" + hex(e.end());
            assertNotNull(rect, "no rectangle for " + what);
            assertEquals(e.name(), rect.getAttribute("data-name"), what);
            double h = expectedHeight(e, ppm, minPx, userPx, maxHolePx);
            double proportional = (e.end() - e.start()) / 1048576.0 * ppm;
            assertEquals(y, num(rect, "y"), 1.0, what + ": y");
            assertEquals(h, num(rect, "height"), 1.0, what + ": height");
            boolean toScale = !e.user() && proportional >= minPx * (1 + e.nested().size())
                    && !(e.name().equals("no RAM") && proportional > maxHolePx);
            assertEquals(!toScale, Boolean.parseBoolean(rect.getAttribute("data-break")), what + ": data-break");
            if (toScale) {
                assertEquals(proportional, num(rect, "height"), 1.0, what + ": proportional");
            }
            // labels: the name with its size, and both bounds as boundary labels
            long size = e.end() - e.start();
            for (Region r : l.regions()) {
                if (r.name().equals(e.name()) && r.start() == e.start()) {
                    size = r.size();
                }
            }
            String label = e.name() + "  " + size(size);
            assertTrue(texts.contains(label), what + ": no label '" + label + "' in " + texts);
            assertTrue(texts.contains(hex(e.start())), what + ": no bound " + hex(e.start()));
            assertTrue(texts.contains(hex(e.end())), what + ": no bound " + hex(e.end()));
            // nested regions: inside, at their place on the container's own scale
            for (Region n : e.nested()) {
                Element nr = null;
                for (Element r : rects) {
                    if (r.getAttribute("class").contains("nested") && r.getAttribute("data-region").equals(n.name())) {
                        nr = r;
                    }
                }
                assertNotNull(nr, what + ": no rectangle for nested " + n.name());
                double scale = h / size;
                assertEquals(y + (e.end() - n.end()) * scale, num(nr, "y"), 1.0, n.name() + ": y");
                assertEquals(Math.max(SvgMap.NESTED_MIN_PX, n.size() * scale), num(nr, "height"), 1.0, n.name());
                String nl = n.name() + " " + hex(n.start()) + "-" + hex(n.end()) + " " + size(n.size());
                assertTrue(texts.contains(nl), "no label '" + nl + "' in " + texts);
            }
            y += h;
        }
    }

    static void checkLayout(String line) throws Exception {
        Layout l = layout(line);
        Document d = svg(cliArgs(line));
        assertEquals("svg", d.getDocumentElement().getLocalName());
        checkSide(d, 0, "virtual", expectedVirtual(l), l);
        checkSide(d, 0, "physical", expectedPhysical(l), l);
        for (Region r : l.regions()) {
            boolean found = false;
            for (Element rect : elements(d, "rect")) {
                found |= r.name().equals(rect.getAttribute("data-region")) && rect.getAttribute("data-start").equals(hex(r.start()));
            }
            assertTrue(found, "region " + r.name() + " has no rectangle");
        }
        for (RamRange r : l.ram()) {
            boolean found = false;
            for (Element rect : elements(d, "rect")) {
                found |= r.use().id().equals(rect.getAttribute("data-use")) && rect.getAttribute("data-start").equals(hex(r.start()));
            }
            assertTrue(found, "RAM " + hex(r.start()) + " has no rectangle");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SEED001, SEED002, VMSPLIT1G, SECTIONS, TWO_BANKS, LPAE_HOLE})
    void everyRegionAndRamRangeIsWhereTheDeclaredScalePutsIt(String line) throws Exception {
        checkLayout(line);
    }

    @Test
    void scaleIsTheLargestPowerOfTwoThatFits() throws Exception {
        // seed-002: kernel span 4G - 0xbf000000 = 1040 MB, RAM 1024 MB; 1040 * 0.5 = 520 <= 640 < 1040 * 1
        Document d = svg(cliArgs(SEED002));
        assertEquals("0.5", d.getDocumentElement().getAttribute("data-px-per-mb"));
        // VMSPLIT_1G: 3088 MB; 3088 * 0.125 = 386 <= 640 < 3088 * 0.25 = 772
        d = svg(cliArgs(VMSPLIT1G));
        assertEquals("0.125", d.getDocumentElement().getAttribute("data-px-per-mb"));
    }

    @Test
    void lowmemMappingBandJoinsTheTwoLowmems() throws Exception {
        Document d = svg(cliArgs(SEED001));
        List<Element> bands = elements(d, "polygon");
        assertEquals(1, bands.size());
        String[] pts = bands.get(0).getAttribute("points").split(" ");
        Element vl = null;
        Element pl = null;
        for (Element r : elements(d, "rect")) {
            if ("lowmem".equals(r.getAttribute("data-region"))) {
                vl = r;
            }
            if ("lowmem".equals(r.getAttribute("data-use"))) {
                pl = r;
            }
        }
        assertNotNull(vl);
        assertNotNull(pl);
        // corners: virtual lowmem's right edge top and bottom, physical lowmem's left edge top and bottom
        assertEquals(num(vl, "x") + num(vl, "width"), Double.parseDouble(pts[0].split(",")[0]), 0.01);
        assertEquals(num(vl, "y"), Double.parseDouble(pts[0].split(",")[1]), 0.01);
        assertEquals(num(pl, "x"), Double.parseDouble(pts[1].split(",")[0]), 0.01);
        assertEquals(num(pl, "y"), Double.parseDouble(pts[1].split(",")[1]), 0.01);
        assertEquals(num(pl, "y") + num(pl, "height"), Double.parseDouble(pts[2].split(",")[1]), 0.01);
        assertEquals(num(vl, "y") + num(vl, "height"), Double.parseDouble(pts[3].split(",")[1]), 0.01);
        // the tops are level (the physical side is moved down to the virtual lowmem)
        assertEquals(num(vl, "y"), num(pl, "y"), 0.01);
    }

    @Test
    void legendNamesWhatIsDrawn() throws Exception {
        Document d = svg(cliArgs(SEED001));
        StringBuilder legend = new StringBuilder();
        for (Element g : elements(d, "g")) {
            if (g.getAttribute("class").equals("legend")) {
                legend.append(g.getTextContent());
            }
        }
        String s = legend.toString();
        for (MapKind k : List.of(MapKind.LOWMEM, MapKind.VMALLOC, MapKind.DMA, MapKind.FIXED, MapKind.IMAGE,
                MapKind.DROPPED, MapKind.USER, MapKind.GAP)) {
            assertTrue(s.contains(k.legend), "legend lacks " + k.legend + ": " + s);
        }
        assertFalse(s.contains(MapKind.HIGHMEM.legend), "no highmem in this layout: " + s);
        assertTrue(s.contains("0.5 px per MB"), s);
    }

    /** Two layouts side by side (what a diff will draw): one scale, two panels, each one checked. */
    @Test
    void twoLayoutsSideBySideShareOneScale() throws Exception {
        Layout a = layout("--arch arm --kernel 3.18 --ram 0:1G -D HIGHMEM=y");
        Layout b = layout(SEED002);
        Document d = parse(SvgMap.render(List.of(a, b)));
        List<Element> panels = new ArrayList<>();
        for (Element g : elements(d, "g")) {
            if (g.getAttribute("class").equals("panel")) {
                panels.add(g);
            }
        }
        assertEquals(2, panels.size());
        assertEquals("translate(16,48)", panels.get(0).getAttribute("transform"));
        assertEquals("translate(" + SvgMap.n(16 + SvgMap.PANEL_W + SvgMap.PANEL_GAP) + ",48)",
                panels.get(1).getAttribute("transform"));
        checkSide(d, 0, "virtual", expectedVirtual(a), a);
        checkSide(d, 0, "physical", expectedPhysical(a), a);
        checkSide(d, 1, "virtual", expectedVirtual(b), b);
        checkSide(d, 1, "physical", expectedPhysical(b), b);
    }

    @Test
    void layoutWithoutRamOrLowmemStillDraws() throws Exception {
        Layout l = new Layout(Arch.PPC, KernelVersion.of(4, 4), List.of(),
                List.of(new Region("vmalloc", 0xd1000000L, 0xf0000000L)), List.of(),
                List.of(), List.of(), true, List.of(), List.of());
        Document d = parse(SvgMap.render(l));
        checkSide(d, 0, "virtual", expectedVirtual(l), l);
        assertTrue(elements(d, "polygon").isEmpty());
    }

    @Test
    void textIsEscaped() throws Exception {
        Layout l = new Layout(Arch.ARM, KernelVersion.of(4, 4), List.of(new vmlayout.bootargs.Param("a", "<b>&\"", "cmdline")),
                List.of(new Region("lowmem", 0xc0000000L, 0xd0000000L)),
                List.of(new RamRange(0, 0x10000000L, RamUse.LOWMEM, "")), List.of(), List.of(), true, List.of(), List.of());
        Document d = parse(SvgMap.render(l));
        assertTrue(d.getDocumentElement().getTextContent().contains("a=<b>&\""));
    }
}
