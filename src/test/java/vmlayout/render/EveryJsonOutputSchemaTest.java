package vmlayout.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import vmlayout.CliRunner;
import vmlayout.inputs.Profile;

/**
 * Issue 19 item 4: every JSON document of every command validates against the schema shipped in the jar
 * (`vmlayout schema` prints it): suggest and batch over every golden case, profiles (the list and each
 * profile, which --profile reads back to the same layout), batch error lines that name the field. The
 * main command, explain, check, diff and verify are held by JsonSchemaTest, ExplainJsonSchemaTest,
 * DiffVerifyJsonSchemaTest and CiReportsSchemaTest. Beyond the schema, a batch line carries the same
 * regions, summary and messages objects as --format json of the same board, and suggest's "now" the same
 * figures as the layout's summary.
 */
class EveryJsonOutputSchemaTest {

    static final ObjectMapper M = new ObjectMapper();

    @TempDir
    Path dir;

    /** A golden case's arguments split into options and bare kernel parameters (a -D's value is an option's). */
    static List<List<String>> split(List<String> args) {
        List<String> options = new ArrayList<>();
        List<String> params = new ArrayList<>();
        String previous = "";
        for (String a : args) {
            if (!a.startsWith("-") && a.indexOf('=') > 0 && !previous.equals("-D")) {
                params.add(a);
            } else {
                options.add(a);
            }
            previous = a;
        }
        return List.of(options, params);
    }

    @TestFactory
    List<DynamicTest> suggestOnEveryGoldenCaseValidates() throws Exception {
        SchemaCheck schema = SchemaCheck.shipped();
        List<DynamicTest> tests = new ArrayList<>();
        for (List<String> args : JsonSchemaTest.goldenArgs()) {
            tests.add(DynamicTest.dynamicTest(String.join(" ", args), () -> {
                List<String> a = new ArrayList<>(List.of("suggest"));
                a.addAll(args);
                a.addAll(List.of("--want", "vmalloc>=512M", "--format", "json"));
                CliRunner.Result r = CliRunner.run(a.toArray(new String[0]));
                assertTrue(r.status() <= 1, r.toString());
                JsonNode json = M.readTree(r.out());
                assertEquals(List.of(), schema.validate(json), r.out());
                assertEquals(r.status(), json.get("exitStatus").asInt());
                // exit 1 exactly when the goal fails now and no change reaches it, and then it says why
                boolean none = !json.get("alreadyHolds").asBoolean() && json.get("suggestions").isEmpty();
                assertEquals(none ? 1 : 0, r.status(), r.out());
                assertEquals(none, json.has("impossible"), r.out());
                // "now" is the board as given: the same figures as its layout's summary
                List<String> plain = new ArrayList<>(args);
                plain.add("--format=json");
                JsonNode summary = M.readTree(CliRunner.run(plain.toArray(new String[0])).out()).get("summary");
                for (String use : List.of("lowmem", "highmem", "dropped", "reserved")) {
                    assertEquals(summary.get(use).asLong(), json.get("now").get(use).asLong(), use + " " + r.out());
                }
            }));
        }
        assertFalse(tests.isEmpty());
        return tests;
    }

    @TestFactory
    List<DynamicTest> batchOnEveryGoldenCaseValidatesAndMatchesTheMainJson() throws Exception {
        SchemaCheck schema = SchemaCheck.shipped();
        List<DynamicTest> tests = new ArrayList<>();
        int n = 0;
        for (List<String> args : JsonSchemaTest.goldenArgs()) {
            Path input = dir.resolve("case" + (n++) + ".txt");
            tests.add(DynamicTest.dynamicTest(String.join(" ", args), () -> {
                List<List<String>> split = split(args);
                // the case's bare parameters as the batch's one line (loglevel=7, read by no memory rule, when it
                // has none: a blank line is skipped)
                String line = split.get(1).isEmpty() ? "loglevel=7" : String.join(" ", split.get(1));
                Files.writeString(input, line + "\n", StandardCharsets.UTF_8);
                List<String> a = new ArrayList<>(List.of("batch"));
                a.addAll(split.get(0));
                a.add(input.toString());
                CliRunner.Result r = CliRunner.run(a.toArray(new String[0]));
                assertTrue(r.status() <= 1, r.toString());
                JsonNode json = M.readTree(r.out());
                assertEquals(List.of(), schema.validate(json), r.out());
                assertEquals(1, json.get("line").asInt());
                // the same board through the main command, the line as its bootargs file (a batch's plain line
                // is the board's bootargs, as a --cmdline-file is): the same objects
                List<String> plain = new ArrayList<>(split.get(0));
                plain.addAll(List.of("--cmdline-file", input.toString(), "--format=json"));
                CliRunner.Result main = CliRunner.run(plain.toArray(new String[0]));
                JsonNode layout = M.readTree(main.out());
                assertEquals(layout.get("regions"), json.get("regions"), r.out());
                assertEquals(layout.get("summary"), json.get("summary"), r.out());
                assertEquals(layout.get("messages"), json.get("messages"), r.out());
                assertEquals(main.status(), json.get("exitStatus").asInt(), r.out());
            }));
        }
        assertFalse(tests.isEmpty());
        return tests;
    }

    @Test
    void batchErrorLinesValidateAndNameTheField() throws Exception {
        Path input = dir.resolve("lines.jsonl");
        Files.writeString(input, String.join("\n",
                "{\"arch\": 5}",
                "{\"arch\": \"arm\", \"ram\": [\"0:1G\", \"banana\"]}",
                "{\"arch\": \"arm\", \"ram\": [\"0:1G\"], \"defines\": {\"HIGHMEM\": \"maybe\"}}",
                "{\"arch\": \"arm\", \"ram\": [\"0:1G\"], \"defines\": {\"HIGHMEM\": false}}",
                "{\"arch\": \"arm\",",
                "") + "\n", StandardCharsets.UTF_8);
        CliRunner.Result r = CliRunner.run("batch", input.toString());
        assertEquals(2, r.status(), r.toString());
        List<JsonNode> lines = new ArrayList<>();
        for (String l : r.out().split("\n")) {
            JsonNode j = M.readTree(l);
            assertEquals(List.of(), SchemaCheck.shipped().validate(j), l);
            lines.add(j);
        }
        assertEquals(5, lines.size(), r.out());
        assertEquals("arch", lines.get(0).get("field").asText());
        assertEquals("line 1: arch: must be a string", lines.get(0).get("error").asText());
        assertEquals("ram[1]", lines.get(1).get("field").asText());
        assertEquals("defines.HIGHMEM", lines.get(2).get("field").asText());
        assertFalse(lines.get(2).get("error").asText().contains("profile null"), lines.get(2).toString());
        // HIGHMEM false is read: 1 GB at 0 without HIGHMEM on 6.12 is a result (RAM above lowmem dropped), not an error
        assertFalse(lines.get(3).has("error"), lines.get(3).toString());
        assertTrue(lines.get(3).get("summary").get("dropped").asLong() > 0, lines.get(3).toString());
        assertFalse(lines.get(4).has("field"), "not valid JSON names no field: " + lines.get(4));
        assertTrue(lines.get(4).get("error").asText().startsWith("line 5: not valid JSON"), lines.get(4).toString());
    }

    @Test
    void profilesListValidates() throws Exception {
        CliRunner.Result r = CliRunner.run("profiles", "--format", "json");
        assertEquals(0, r.status(), r.toString());
        JsonNode json = M.readTree(r.out());
        assertEquals(List.of(), SchemaCheck.shipped().validate(json), r.out());
        assertEquals(Profile.builtInNames().size(), json.get("profiles").size());
    }

    /** Each built-in profile printed as a file validates, and --profile FILE gives the layout --profile NAME gives. */
    @TestFactory
    List<DynamicTest> everyProfileAsAFileValidatesAndReadsBack() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : Profile.builtInNames()) {
            tests.add(DynamicTest.dynamicTest(name, () -> {
                CliRunner.Result r = CliRunner.run("profiles", name, "--format", "json");
                assertEquals(0, r.status(), r.toString());
                assertEquals(List.of(), SchemaCheck.shipped().validate(M.readTree(r.out())), r.out());
                Path file = dir.resolve(name + ".json");
                Files.writeString(file, r.out(), StandardCharsets.UTF_8);
                CliRunner.Result fromName = CliRunner.run("--profile", name, "--format=json");
                CliRunner.Result fromFile = CliRunner.run("--profile", file.toString(), "--format=json");
                assertEquals(fromName.status(), fromFile.status(), fromFile.toString());
                JsonNode a = M.readTree(fromName.out());
                JsonNode b = M.readTree(fromFile.out());
                for (String field : List.of("arch", "kernel", "regions", "ram", "summary", "reservations", "kernelLines")) {
                    assertEquals(a.get(field), b.get(field), field);
                }
                // the same messages, vmlayout's own naming the profile as where it was read ("profile NAME: ..."
                // becomes "--profile FILE: line N: ...")
                assertEquals(a.get("messages").size(), b.get("messages").size(), b.get("messages").toString());
                for (int i = 0; i < a.get("messages").size(); i++) {
                    JsonNode x = a.get("messages").get(i);
                    JsonNode y = b.get("messages").get(i);
                    assertEquals(x.get("level"), y.get("level"));
                    assertEquals(x.get("finding"), y.get("finding"));
                    if (x.get("source").asText().equals("kernel")) {
                        assertEquals(x, y);
                    }
                }
                // the same command line and constants (the defaults name where the profile came from)
                assertEquals(a.get("input").get("cmdline"), b.get("input").get("cmdline"));
                assertEquals(a.get("input").get("constants"), b.get("input").get("constants"));
            }));
        }
        return tests;
    }

    @Test
    void schemaCommandPrintsTheShippedSchema() throws Exception {
        CliRunner.Result r = CliRunner.run("schema");
        assertEquals(0, r.status(), r.toString());
        try (InputStream in = getClass().getResourceAsStream("/vmlayout/vmlayout.schema.json")) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), r.out());
        }
        JsonNode defs = M.readTree(r.out()).get("$defs");
        for (String d : List.of("layout", "check", "diff", "verify", "suggest", "batchLine", "profiles", "profile", "project")) {
            assertTrue(defs.has(d), d);
        }
    }
}
