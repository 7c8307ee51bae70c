package vmlayout.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * src/docs/eras.md lists every release boundary of every era class: each {@code static final KernelVersion
 * NAME = KernelVersion.of(...)} (and the rc boundary {@code new KernelVersion(X, Y, 0, 0, N)}) of an *Era.java has a
 * row "| `NAME` | ..." in its arch's section that names the same release, and each engine's
 * {@code Checked} newest release is the "checked to" of its row in "How far the facts reach".
 */
class ErasDocTest {

    static final Path DOC = Paths.get("src", "docs", "eras.md");

    /** An era class and the heading of its section in eras.md. */
    record EraFile(Path file, String section, String engine) {
    }

    static final List<EraFile> ERAS = List.of(
            new EraFile(Paths.get("src/main/java/vmlayout/engine/arm/ArmEra.java"), "## ARM", "arm"),
            new EraFile(Paths.get("src/main/java/vmlayout/engine/x86/X86Era.java"), "## x86", "x86"),
            new EraFile(Paths.get("src/main/java/vmlayout/engine/ppc/PpcEra.java"), "## PowerPC", "ppc"),
            new EraFile(Paths.get("src/main/java/vmlayout/inputs/CmdlineEra.java"), "## The command line", null),
            new EraFile(Paths.get("src/main/java/vmlayout/engine/mm/MmEra.java"), "## Every arch", null),
            new EraFile(Paths.get("src/main/java/vmlayout/engine/reserve/ReserveEra.java"), "## Early reservations", null));

    private static final Pattern BOUNDARY = Pattern.compile(
            "static final KernelVersion (\\w+) = KernelVersion\\.of\\(([0-9, ]+)\\);");
    private static final Pattern RC = Pattern.compile(
            "static final KernelVersion (\\w+) = new KernelVersion\\(([0-9]+), ([0-9]+), 0, 0, ([0-9]+)\\);");
    private static final Pattern CHECKED = Pattern.compile(
            "static final Checked CHECKED = new Checked\\(KernelVersion\\.of\\(([0-9, ]+)\\)");

    static String section(String doc, String heading) {
        int a = doc.indexOf("\n" + heading);
        assertTrue(a >= 0, "eras.md has no section " + heading);
        int b = doc.indexOf("\n## ", a + 1);
        return doc.substring(a, b < 0 ? doc.length() : b);
    }

    static String row(String section, String name) {
        for (String line : section.split("\n")) {
            if (line.startsWith("| `" + name + "` ") || line.startsWith("| `" + name + "`, ")
                    || line.matches("\\| `[^|]*`" + name + "`.*")) {
                return line;
            }
        }
        return null;
    }

    @Test
    void everyBoundaryHasItsRowWithItsRelease() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        int boundaries = 0;
        for (EraFile e : ERAS) {
            String src = Files.readString(e.file(), StandardCharsets.UTF_8);
            String sec = section(doc, e.section());
            Matcher m = BOUNDARY.matcher(src);
            while (m.find()) {
                boundaries++;
                String release = m.group(2).replaceAll("\\s*,\\s*", ".");
                String row = row(sec, m.group(1));
                if (row == null) {
                    problems.add(e.section() + ": no row for " + m.group(1) + " (" + release + ")");
                } else if (!row.matches(".*(^|[^0-9.])" + Pattern.quote(release) + "([^0-9]|\\.?[^0-9.]|$).*")) {
                    problems.add(e.section() + ": the row of " + m.group(1) + " does not name " + release + ": " + row);
                }
            }
            Matcher rc = RC.matcher(src);
            while (rc.find()) {
                String release = rc.group(2) + "." + rc.group(3) + "-rc" + rc.group(4);
                String row = row(sec, rc.group(1));
                if (row == null || !row.contains(release)) {
                    problems.add(e.section() + ": no row naming " + release + " for " + rc.group(1));
                }
            }
            if (e.engine() != null) {
                Matcher c = CHECKED.matcher(src);
                assertTrue(c.find(), e.file() + " has no CHECKED");
                String newest = c.group(1).replaceAll("\\s*,\\s*", ".");
                String how = section(doc, "## How far the facts reach");
                if (!how.contains("| " + e.engine() + " | " + newest + " |")) {
                    problems.add("How far the facts reach: no row \"| " + e.engine() + " | " + newest + " |\"");
                }
            }
        }
        assertTrue(boundaries > 80, "found only " + boundaries + " boundaries: is the pattern still right?");
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    @Test
    void theCheckCanFail() {
        String sec = "\n## x86\n| `A_B` | 6.15 | x |\n";
        assertFalse(row(sec, "A_B") == null);
        assertTrue(row(sec, "A_C") == null);
    }
}
