package vmlayout.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vmlayout.CliRunner;

/** vmlayout explain --format json validates against the schema for every golden case, and carries the derivation. */
class ExplainJsonSchemaTest {

    @TestFactory
    List<DynamicTest> explainOfGoldenCasesValidates() throws IOException {
        SchemaCheck schema = SchemaCheck.shipped();
        List<DynamicTest> tests = new ArrayList<>();
        for (List<String> args : JsonSchemaTest.goldenArgs()) {
            tests.add(DynamicTest.dynamicTest("explain " + String.join(" ", args), () -> {
                List<String> a = new ArrayList<>();
                a.add("explain");
                a.addAll(args);
                a.add("--format=json");
                CliRunner.Result r = CliRunner.run(a.toArray(new String[0]));
                assertTrue(r.status() <= 1, r.toString());
                JsonNode json = JsonSchemaTest.M.readTree(r.out());
                assertEquals(List.of(), schema.validate(json), r.out());
                assertTrue(json.get("derivation").size() > 0, r.out());
                assertEquals(r.status(), json.get("exitStatus").asInt());
            }));
        }
        assertFalse(tests.isEmpty());
        return tests;
    }

    @Test
    void theMainCommandLeavesTheDerivationOut() throws IOException {
        CliRunner.Result r = CliRunner.run("--kernel", "3.18", "--ram", "0:1G", "--format", "json");
        assertFalse(JsonSchemaTest.M.readTree(r.out()).has("derivation"));
    }

    @Test
    void explainTextListsTheStepsThenTheLayout() {
        CliRunner.Result r = CliRunner.run("explain", "--profile", "embeddedbits-arm-512M");
        assertEquals(1, r.status(), r.toString()); // the kernel truncates RAM: a finding, as for the main command
        String out = r.out();
        assertTrue(out.startsWith("How Linux 2.6.37 (arm) sets up this layout"), out);
        int step = out.indexOf("VMALLOC_MIN = VMALLOC_END 0xe0000000 - vmalloc_reserve 128 MB = 0xd8000000");
        int rule = out.indexOf("[arch/arm/mm/mmu.c VMALLOC_MIN, up to 3.3]");
        int table = out.indexOf("Virtual kernel memory layout:");
        assertTrue(step > 0 && rule > step && table > rule, out);
        for (String line : r.outLines()) {
            assertTrue(line.length() <= Wrap.WIDTH || line.startsWith("  ") && !line.startsWith("   "), "too long: " + line);
        }
    }
}
