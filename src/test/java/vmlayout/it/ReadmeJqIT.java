package vmlayout.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The README's jq one-liners run as written against the packaged jar (skipped where jq is missing). */
class ReadmeJqIT {

    static List<String> jqLines() throws IOException {
        List<String> out = new ArrayList<>();
        boolean inSh = false;
        for (String l : Files.readAllLines(Paths.get("README.md"), StandardCharsets.UTF_8)) {
            if (l.strip().equals("```sh")) {
                inSh = true;
            } else if (l.strip().equals("```")) {
                inSh = false;
            } else if (inSh && l.contains("| jq")) {
                out.add(l);
            }
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> jqOneLinersRun() throws Exception {
        vmlayout.Tools.require("jq"); // .ci/run installs it: there the examples must run, not skip
        List<String> lines = jqLines();
        assertFalse(lines.isEmpty(), "README has no jq one-liners");
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : lines) {
            tests.add(DynamicTest.dynamicTest(line, () -> {
                String script = "set -o pipefail; vmlayout() { java -jar " + JarIT.JAR + " \"$@\"; }; " + line;
                JarIT.Run r = JarIT.exec(List.of("bash", "-c", script), Map.of());
                // a vmlayout exit status of 1 (findings) passes through pipefail: accept 0 and 1, nothing else
                assertEquals(true, r.status() <= 1, r.toString());
                assertFalse(r.out().isBlank(), r.toString());
                assertEquals("", r.err(), r.toString());
            }));
        }
        return tests;
    }
}
