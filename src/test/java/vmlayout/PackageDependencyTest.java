package vmlayout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages import only those below them, as src/docs/design.md's table says: data flows from the
 * readers to the engines to the renderers, and {@code cli} is on top.
 */
class PackageDependencyTest {

    /** Each package (engine.arm counts as engine) and the vmlayout packages it may import. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("report", Set.of()),
            Map.entry("bootargs", Set.of()),
            Map.entry("config", Set.of("report", "bootargs")),
            Map.entry("inputs", Set.of("config", "bootargs", "report")),
            Map.entry("engine", Set.of("config", "bootargs", "report")),
            Map.entry("check", Set.of("engine", "config", "bootargs", "report")),
            Map.entry("diff", Set.of("engine", "config", "bootargs", "report")),
            Map.entry("verify", Set.of("engine", "config", "bootargs", "report", "inputs")),
            Map.entry("suggest", Set.of("engine", "config", "bootargs", "report", "check")),
            Map.entry("render", Set.of("engine", "config", "bootargs", "report", "check", "diff", "verify", "suggest", "inputs")),
            Map.entry("cli", Set.of("engine", "config", "bootargs", "report", "check", "diff", "verify", "suggest", "inputs",
                    "render")));

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?vmlayout\\.([a-z0-9]+)\\.");

    @Test
    void everyImportPointsDown() throws IOException {
        Path root = Paths.get("src", "main", "java", "vmlayout");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        assertTrue(files.size() > 100, "expected the sources under " + root);
        List<String> wrong = new ArrayList<>();
        for (Path f : files) {
            Path rel = root.relativize(f);
            if (rel.getNameCount() < 2) {
                continue; // vmlayout.Main
            }
            String pkg = rel.getName(0).toString();
            Set<String> allowed = ALLOWED.get(pkg);
            if (allowed == null) {
                wrong.add(f + ": package " + pkg + " is not in design.md's table");
                continue;
            }
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                Matcher m = IMPORT.matcher(line);
                if (m.find() && !m.group(1).equals(pkg) && !allowed.contains(m.group(1))) {
                    wrong.add(f + ": " + line);
                }
            }
        }
        assertEquals(List.of(), wrong, "an import that runs up (see src/docs/design.md)");
    }
}
