package vmlayout.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmlayout.CliRunner;

/** diff and verify JSON validate against the schema shipped in the jar (JsonSchemaTest's validator). */
class DiffVerifyJsonSchemaTest {

    static void valid(String... args) throws IOException {
        CliRunner.Result r = CliRunner.run(args);
        JsonNode json = JsonSchemaTest.M.readTree(r.out());
        assertEquals(List.of(), SchemaCheck.shipped().validate(json), r.out());
        assertEquals(r.status(), json.get("exitStatus").asInt());
    }

    @Test
    void diffValidates() throws IOException {
        valid("diff", "--profile", "marvell-88pa6220-granite2", "--format", "json", "--", "vmalloc=300M");
        valid("diff", "--kernel", "4.4.75", "--ram", "0:1G", "--format", "json", "--", "", "-D HIGHMEM=y");
        valid("diff", "--arch", "x86", "--kernel", "3.2", "--ram", "2G", "--format", "json", "--", "vmalloc=256M", "vmalloc=256M");
    }

    @Test
    void verifyValidates() throws IOException {
        valid("verify", "testdata/arm/log06_socfpga_4.4.75_truncating.log", "--ram", "0:1G", "--format", "json");
        valid("verify", "testdata/x86/x86-01-ubuntu-3.2.0-29-vmalloc256M.log", "-D", "HIGHMEM4G=y", "--format", "json");
        valid("verify", "testdata/ppc/ppc32-01-6.x-g4-768M.log", "--arch", "ppc", "--kernel", "6.9.3", "--format", "json");
    }

    @Test
    void aVerifyResultIsNotALayout() throws IOException {
        JsonNode bad = JsonSchemaTest.M.readTree("{\"schemaVersion\":\"1.0\",\"command\":\"verify\",\"exitStatus\":0}");
        assertFalse(SchemaCheck.shipped().validate(bad).isEmpty());
    }
}
