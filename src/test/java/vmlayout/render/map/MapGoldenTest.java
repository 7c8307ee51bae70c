package vmlayout.render.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vmlayout.CliRunner;
import vmlayout.config.Arch;
import vmlayout.config.KernelVersion;
import vmlayout.engine.Layout;
import vmlayout.engine.RamRange;
import vmlayout.engine.RamUse;
import vmlayout.engine.Region;

/**
 * Golden tests of the text map, colour off. Each testdata/maps/NAME.argv holds vmlayout's arguments
 * (one per line, "#" comments), NAME.map the expected picture. The expected pictures are not vmlayout's
 * output pasted: each was worked out by hand from the region addresses of a kernel log (or the kernel's
 * arithmetic) and the drawing rules, and the .argv comments show that arithmetic (.argv, not .args:
 * GoldenLogTest pairs every .args under testdata/ with a kernel log). The rules, in short
 * (TextMap's javadoc and src/docs/map.md have them in full):
 * <ul>
 *   <li>1 row = U MB, U the smallest power of two with (larger size) / U &lt;= 32; the virtual size is
 *       4 GB minus the lowest region's start, the physical size all the RAM added up;</li>
 *   <li>a segment (region, gap, RAM range, hole) gets round(size / U) rows, halves up; none becomes one
 *       row marked "~"; user space is always one row, marked "~"; a hole at most 4 rows;</li>
 *   <li>each segment is a boundary line "+--------+ 0xTOP" and its rows "|FFFFFFFF|", the first with
 *       "%-10s %7s" name and size (kernel-table rounding: whole MB, else whole kB), " ~" if not to scale;
 *       a last boundary line gives the side's lowest address;</li>
 *   <li>the physical side starts 5 columns after the longest virtual line, moved down (or the virtual
 *       side) so that the boundaries above virtual lowmem and the highest lowmem RAM are level; the
 *       virtual lowmem label row has " <== " between the sides;</li>
 *   <li>title, empty line, picture, empty line, legend.</li>
 * </ul>
 */
class MapGoldenTest {

    static final Path MAPS = Paths.get("testdata", "maps");

    static List<String> args(Path argsFile) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(argsFile, StandardCharsets.UTF_8)) {
            if (!l.isBlank() && !l.startsWith("#")) {
                out.add(l.strip());
            }
        }
        return out;
    }

    static String expected(String name) throws IOException {
        return Files.readString(MAPS.resolve(name + ".map"), StandardCharsets.UTF_8);
    }

    @TestFactory
    List<DynamicTest> everyGoldenMap() throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(MAPS)) {
            cases = s.filter(p -> p.toString().endsWith(".argv")).sorted().collect(Collectors.toList());
        }
        assertTrue(cases.size() >= 3, "expected the three golden maps in " + MAPS);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path a : cases) {
            String name = a.getFileName().toString().replaceAll("\\.argv$", "");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                List<String> argv = new ArrayList<>(args(a));
                argv.add("--map");
                argv.add("--color=never");
                CliRunner.Result r = CliRunner.run(argv.toArray(new String[0]));
                assertTrue(r.status() == 0 || r.status() == 1, r.toString());
                assertEquals(expected(name), r.out(), name);
            }));
        }
        return tests;
    }

    /**
     * The x86 picture, drawn from the layout typed in from the kernel log x86-01 (the same values the
     * .argv comments list, with the 64 kB trim_bios_range() of 3.2 reserves, "e820 update range: 0000000000000000 -
     * 0000000000010000 (usable) ==> (reserved)" in a log of the same kernel, x86-13): the drawing alone, apart
     * from what the x86 engine computes.
     */
    @Test
    void x86FromTheLogsLayout() throws IOException {
        Layout l = new Layout(Arch.X86, KernelVersion.of(3, 2), List.of(),
                List.of(new Region("fixmap", 0xfff16000L, 0xfffff000L),
                        new Region("pkmap", 0xff800000L, 0xffc00000L),
                        new Region("vmalloc", 0xef7fe000L, 0xff7fe000L),
                        new Region("lowmem", 0xc0000000L, 0xeeffe000L)),
                List.of(new RamRange(0x0L, 0x10000L, RamUse.RESERVED, ""),
                        new RamRange(0x10000L, 0x9fc00L, RamUse.LOWMEM, ""),
                        new RamRange(0x100000L, 0x2effe000L, RamUse.LOWMEM, ""),
                        new RamRange(0x2effe000L, 0x7ffc0000L, RamUse.HIGHMEM, "")),
                List.of(), List.of(), true, List.of(), List.of());
        String drawn = String.join("\n", new TextMap(false).lines(l)) + "\n";
        assertEquals(expected("x86_ref01_3.2_vmalloc256M"), drawn);
    }

    @Test
    void goldenMapsHaveNoColourAndNoTrailingBlanks() throws IOException {
        try (Stream<Path> s = Files.list(MAPS)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".map")).collect(Collectors.toList())) {
                for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    assertFalse(line.contains("\u001b"), p + ": " + line);
                    assertFalse(line.endsWith(" "), p + ": trailing blank: '" + line + "'");
                }
            }
        }
    }
}
