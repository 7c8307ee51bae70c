package vmlayout.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vmlayout.CliRunner;

/** Every JSON output of the golden cases validates against the schema shipped in the jar. */
class JsonSchemaTest {

    static final ObjectMapper M = new ObjectMapper();

    /** The arguments of every golden case (testdata/ARCH/NAME.args without its directives). */
    static List<List<String>> goldenArgs() {
        List<List<String>> out = new ArrayList<>();
        for (Path p : vmlayout.golden.GoldenCases.argsFiles()) {
            out.add(vmlayout.golden.GoldenCases.args(p));
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> goldenCasesAsJsonValidate() throws IOException {
        SchemaCheck schema = SchemaCheck.shipped();
        List<DynamicTest> tests = new ArrayList<>();
        for (List<String> args : goldenArgs()) {
            tests.add(DynamicTest.dynamicTest(String.join(" ", args), () -> {
                List<String> a = new ArrayList<>(args);
                a.add("--format=json");
                CliRunner.Result r = CliRunner.run(a.toArray(new String[0]));
                assertTrue(r.status() <= 1, r.toString());
                JsonNode json = M.readTree(r.out());
                assertEquals(List.of(), schema.validate(json), r.out());
                assertEquals(r.status(), json.get("exitStatus").asInt());
            }));
        }
        assertFalse(tests.isEmpty());
        return tests;
    }

    @Test
    void checkOutputValidates() throws IOException {
        CliRunner.Result r = CliRunner.run("check", "--profile", "socfpga-de0", "--profile", "marvell-88pa6220-granite2",
                "--require", "vmalloc>=256M", "--format", "json");
        assertEquals(1, r.status(), r.toString());
        assertEquals(List.of(), SchemaCheck.shipped().validate(M.readTree(r.out())), r.out());
    }

    @Test
    void theValidatorRejects() throws IOException {
        JsonNode bad = M.readTree("{\"schemaVersion\":\"2.0\",\"arch\":\"sparc\"}");
        assertFalse(SchemaCheck.shipped().validate(bad).isEmpty());
    }
}
