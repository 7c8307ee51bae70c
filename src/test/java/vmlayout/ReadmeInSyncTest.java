package vmlayout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the README's examples in step with the code: every "$ vmlayout ..." line of a ```console block
 * must run as written and print what the README shows (and exit as a following "$ echo $?" shows).
 * This is a documentation check, not a correctness test: the correctness of the same cases is tested
 * against real kernel logs by GoldenLogTest (testdata/arm/seed001..., seed002..., log09...).
 */
class ReadmeInSyncTest {

    record Example(String command, List<String> output, int exit) {
    }

    static List<Example> examples() throws IOException {
        return examples(Paths.get("README.md"));
    }

    /** The console examples of a Markdown file (README.md, or a src/docs page merged into it). */
    static List<Example> examples(String file) throws IOException {
        return examples(Paths.get(file));
    }

    static List<Example> examples(java.nio.file.Path markdown) throws IOException {
        List<String> lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
        List<Example> out = new ArrayList<>();
        boolean inConsole = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.strip().equals("```console")) {
                inConsole = true;
                continue;
            }
            if (l.strip().equals("```")) {
                inConsole = false;
                continue;
            }
            if (!inConsole || !l.startsWith("$ vmlayout")) {
                continue;
            }
            StringBuilder cmd = new StringBuilder(l.substring(2));
            while (cmd.toString().endsWith("\\")) {
                cmd.setLength(cmd.length() - 1);
                cmd.append(' ').append(lines.get(++i).strip());
            }
            List<String> shown = new ArrayList<>();
            int exit = 0;
            while (i + 1 < lines.size() && !lines.get(i + 1).startsWith("$ ") && !lines.get(i + 1).strip().equals("```")) {
                shown.add(lines.get(++i));
            }
            if (i + 2 < lines.size() && lines.get(i + 1).equals("$ echo $?")) {
                exit = Integer.parseInt(lines.get(i + 2).strip());
                i += 2;
            }
            out.add(new Example(cmd.toString(), shown, exit));
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> readmeExamplesRunAsWritten() throws IOException {
        return runAsWritten(examples(), "README");
    }

    /** src/docs/artifacts.md (the artifact options) runs as written too. */
    @TestFactory
    List<DynamicTest> artifactsDocExamplesRunAsWritten() throws IOException {
        return runAsWritten(examples("src/docs/artifacts.md"), "src/docs/artifacts.md");
    }

    /** src/docs/reservations.md (the early reservations: five questions, each with its real output) runs as written too. */
    @TestFactory
    List<DynamicTest> reservationsDocExamplesRunAsWritten() throws IOException {
        return runAsWritten(examples("src/docs/reservations.md"), "src/docs/reservations.md");
    }

    static List<DynamicTest> runAsWritten(List<Example> examples, String where) {
        List<DynamicTest> tests = new ArrayList<>();
        assertFalse(examples.isEmpty(), where + " has no console examples");
        for (Example e : examples) {
            tests.add(DynamicTest.dynamicTest(e.command(), () -> {
                List<String> words = ShellWords.split(e.command());
                CliRunner.Result r = CliRunner.run(words.subList(1, words.size()).toArray(new String[0]));
                List<String> printed = new ArrayList<>(r.outLines());
                if (!r.err().isEmpty()) {
                    printed.addAll(List.of(r.err().split("\n")));
                }
                assertEquals(String.join("\n", e.output()), String.join("\n", printed), e.command());
                assertEquals(e.exit(), r.status(), e.command());
            }));
        }
        return tests;
    }
}
