package vmlayout.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every golden log says where it comes from in its first line: "# source: " and where it was published
 * (a mail with its Message-ID, a thread, a post, a repository), or "# realboot: " and the kernel package a
 * boot made for vmlayout ran. No file of the repository cites a path outside it (the team's shared
 * folders and notes are not part of a clone).
 */
class TestdataSourcesTest {

    /** A path outside the repository: ../shared/..., /work/shared/..., /work/notes/... */
    static final Pattern OUTSIDE = Pattern.compile("(\\.\\./|/work/)(shared|notes)/");

    private static List<Path> files(String root, String... ends) throws IOException {
        try (Stream<Path> s = Files.walk(Paths.get(root))) {
            return s.filter(Files::isRegularFile).filter(p -> {
                for (String e : ends) {
                    if (p.toString().endsWith(e)) {
                        return true;
                    }
                }
                return ends.length == 0;
            }).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void everyGoldenLogNamesItsSource() throws IOException {
        List<Path> logs = new ArrayList<>(files("testdata", ".log"));
        logs.addAll(files(Paths.get("testdata", "verify").toString(), ".txt"));
        assertTrue(logs.size() > 30, "expected the golden logs under testdata/");
        List<String> wrong = new ArrayList<>();
        for (Path p : logs) {
            String first = Files.readAllLines(p, StandardCharsets.UTF_8).get(0);
            if (!(first.startsWith("# source: ") || first.startsWith("# realboot: ")) || first.length() < 40) {
                wrong.add(p + ": " + first);
            }
        }
        assertEquals(List.of(), wrong, "the first line of a golden log names where it was published (# source:) or"
                + " the kernel a boot made for vmlayout ran (# realboot:)");
    }

    @Test
    void noFileCitesAPathOutsideTheRepository() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String root : List.of("src", "testdata", "completions", ".ci")) {
            all.addAll(files(root));
        }
        all.add(Paths.get("README.md"));
        List<String> wrong = new ArrayList<>();
        for (Path p : all) {
            if (p.endsWith("TestdataSourcesTest.java")) {
                continue;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            } catch (MalformedInputException e) {
                continue; // a binary fixture (.dtb, .gz, .png)
            }
            for (int i = 0; i < lines.size(); i++) {
                if (OUTSIDE.matcher(lines.get(i)).find()) {
                    wrong.add(p + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), wrong, "cite the original public source instead (see src/docs/design.md)");
    }
}
