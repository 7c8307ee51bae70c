package vmlayout.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import vmlayout.CliRunner;

/**
 * The lines verify predicts are never its inputs: in every golden log, changing one predicted line that
 * agreed (one digit of what is predicted, or a '!' where it has none) turns that line to "differs" (exit
 * status 1), or, when the line rests on a guessed input that no other line of the log confirms, to "cannot
 * check" naming that input (and the exit status stays 0), and leaves the inputs as they were; changing any
 * line that is neither predicted nor read as an input changes nothing at all.
 */
class PredictedLinesAreNotInputsTest {

    static final ObjectMapper M = new ObjectMapper();

    @TempDir
    Path tmp;

    @TestFactory
    List<DynamicTest> everyGoldenLog() {
        List<DynamicTest> out = new ArrayList<>();
        for (GoldenVerifyCases.Case c : GoldenVerifyCases.all()) {
            out.add(DynamicTest.dynamicTest(c.name(), () -> check(c)));
        }
        return out;
    }

    void check(GoldenVerifyCases.Case c) throws IOException {
        List<String> raw = Files.readAllLines(c.log(), StandardCharsets.UTF_8);
        JsonNode before = run(c, raw);
        Set<Integer> predicted = new HashSet<>();
        Set<Integer> inputs = new HashSet<>();
        for (JsonNode l : before.get("lines")) {
            if (l.has("logLine")) {
                (l.get("status").asText().equals("input") ? inputs : predicted).add(l.get("logLine").asInt());
            }
        }
        for (JsonNode in : before.get("inputs")) {
            String src = in.get("source").asText();
            if (src.startsWith("log line ")) {
                inputs.add(Integer.parseInt(src.substring("log line ".length())));
            }
        }
        int changedPredicted = 0;
        for (JsonNode l : before.get("lines")) {
            String st = l.get("status").asText();
            if (!(st.equals("agree") || st.equals("agree-spacing"))) {
                continue;
            }
            int n = l.get("logLine").asInt();
            List<String> edited = new ArrayList<>(raw);
            edited.set(n - 1, mutate(raw.get(n - 1)));
            JsonNode after = run(c, edited);
            boolean differs = false;
            boolean guessed = false;
            for (JsonNode a : after.get("lines")) {
                if (a.has("logLine") && a.get("logLine").asInt() == n) {
                    String st2 = a.get("status").asText();
                    differs |= Set.of("differ", "missing", "extra").contains(st2);
                    guessed |= st2.equals("cannot-check") && a.has("because");
                }
            }
            assertTrue(differs || guessed, c.name() + ": changing line " + n + " must give 'differs' or 'cannot check'\n" + after);
            assertEquals(differs ? 1 : before.get("exitStatus").asInt(), after.get("exitStatus").asInt(), c.name() + ": changing line " + n);
            assertEquals(before.get("inputs"), after.get("inputs"), c.name() + ": line " + n + " is not an input");
            changedPredicted++;
        }
        assertTrue(changedPredicted > 0, c.name());
        List<String> edited = new ArrayList<>(raw);
        int others = 0;
        for (int i = 0; i < raw.size(); i++) {
            String t = BootLog.kernelText(raw.get(i));
            if (!predicted.contains(i + 1) && !inputs.contains(i + 1) && !t.isEmpty() && !LineShapes.isPredicted(t)
                    && !raw.get(i).startsWith("# ")) {
                edited.set(i, raw.get(i) + " [edited]");
                others++;
            }
        }
        if (others > 0) {
            JsonNode after = run(c, edited);
            assertEquals(before.get("lines"), after.get("lines"), c.name());
            assertEquals(before.get("inputs"), after.get("inputs"), c.name());
            assertEquals(before.get("exitStatus"), after.get("exitStatus"), c.name());
        }
    }

    /**
     * In the kernel's text of the line (not its timestamp): the last digit plus one (mod 10), or a '!' appended;
     * in a "Memory:" line, whose predicted value is the RAM total, that number's last digit; LowTotal, compared as a
     * bound ("at most" the lowmem RAM), gets a leading 9, which takes it over the bound.
     */
    static String mutate(String line) {
        int low = line.indexOf("LowTotal:");
        if (low >= 0 && BootLog.kernelText(line).startsWith("LowTotal:")) {
            int d = low + "LowTotal:".length();
            while (d < line.length() && line.charAt(d) == ' ') {
                d++;
            }
            return line.substring(0, d) + "9" + line.substring(d);
        }
        int k = line.indexOf("K available (");
        if (LineShapes.isMemoryLine(BootLog.kernelText(line)) && k > 0) {
            char ch = line.charAt(k - 1);
            return line.substring(0, k - 1) + (char) ('0' + (ch - '0' + 1) % 10) + line.substring(k);
        }
        String text = BootLog.kernelText(line);
        int from = line.lastIndexOf(text.split("\\s")[0]);
        assertTrue(from >= 0, line);
        for (int i = line.length() - 1; i >= from; i--) {
            char ch = line.charAt(i);
            if (ch >= '0' && ch <= '9') {
                String out = line.substring(0, i) + (char) ('0' + (ch - '0' + 1) % 10) + line.substring(i + 1);
                assertNotEquals(line, out);
                return out;
            }
        }
        return line.stripTrailing() + "!";
    }

    JsonNode run(GoldenVerifyCases.Case c, List<String> lines) throws IOException {
        Path log = tmp.resolve(c.log().getFileName());
        Files.write(log, lines, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(c.args());
        args.set(args.indexOf(c.log().toString()), log.toString());
        CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
        assertTrue(r.status() <= 1, r.toString());
        JsonNode j = M.readTree(r.out());
        assertEquals(r.status(), j.get("exitStatus").asInt());
        return j;
    }
}
