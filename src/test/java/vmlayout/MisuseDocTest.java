package vmlayout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * src/docs/misuse.md runs as written: every table row's example gives its exit status and shows its
 * words (on stdout or stderr). A row whose example redirects the output is run by OutputErrorTest and
 * JarIT instead. This keeps the page of misuse classes the page of what vmlayout says today.
 */
class MisuseDocTest {

    record Row(String example, int exit, String says) {
    }

    static List<Row> rows() throws IOException {
        List<Row> out = new ArrayList<>();
        for (String line : Files.readAllLines(Paths.get("src/docs/misuse.md"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("| ") || !line.contains("| `vmlayout ")) {
                continue;
            }
            String[] cells = line.substring(1, line.length() - 1).split(" \\| ");
            assertEquals(4, cells.length, line);
            out.add(new Row(code(cells[1]), Integer.parseInt(cells[2].strip()), code(cells[3])));
        }
        return out;
    }

    private static String code(String cell) {
        String t = cell.strip();
        assertTrue(t.startsWith("`") && t.endsWith("`"), t);
        return t.substring(1, t.length() - 1);
    }

    @TestFactory
    List<DynamicTest> everyRowRunsAsWritten() throws IOException {
        List<Row> rows = rows();
        assertTrue(rows.size() >= 30, "the page lists every class: " + rows.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (Row r : rows) {
            if (r.example().contains(">")) {
                continue; // redirections: OutputErrorTest, JarIT
            }
            tests.add(DynamicTest.dynamicTest(r.example(), () -> {
                List<String> words = ShellWords.split(r.example());
                CliRunner.Result res = CliRunner.run(words.subList(1, words.size()).toArray(new String[0]));
                assertEquals(r.exit(), res.status(), res.toString());
                assertTrue((res.out() + res.err()).contains(r.says()), r.says() + "\n" + res);
                if (r.exit() == 2) {
                    assertFalse(res.err().isEmpty(), res.toString());
                    assertEquals(res.err().length() - 1, res.err().indexOf('\n'), "one line: " + res.err());
                }
            }));
        }
        return tests;
    }
}
