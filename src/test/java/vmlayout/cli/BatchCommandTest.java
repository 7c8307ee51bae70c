package vmlayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vmlayout.CliRunner;

/**
 * vmlayout batch: one result per configuration line, in order, with the numbers each line gives alone.
 * ARM 3.18 (VMALLOC_END 0xff000000 before 4.4, PAGE_OFFSET 0xc0000000, VMALLOC_OFFSET 8 MB), 1 GB at 0.
 */
class BatchCommandTest {

    static final ObjectMapper M = new ObjectMapper();

    @TempDir
    Path dir;

    private List<JsonNode> run(int expectedStatus, String input, String... options) throws IOException {
        Path f = dir.resolve("in.txt");
        Files.writeString(f, input, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("batch"));
        args.addAll(List.of(options));
        args.add(f.toString());
        CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
        assertEquals(expectedStatus, r.status(), r.toString());
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.outLines()) {
            out.add(M.readTree(line));
        }
        return out;
    }

    private static JsonNode region(JsonNode result, String name) {
        for (JsonNode r : result.get("regions")) {
            if (r.get("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no " + name + " in " + result);
    }

    @Test
    void plainLinesAreTheBoardsBootargsOneResultEachInOrder() throws IOException {
        List<JsonNode> out = run(1, "mem=512M\n\n# a comment\nvmalloc=300M\nvmalloc=2G\n",
                "--kernel", "3.18", "--ram", "0:1G", "-D", "HIGHMEM=y");
        assertEquals(3, out.size());
        assertEquals(List.of(1L, 4L, 5L), List.of(out.get(0).get("line").asLong(), out.get(1).get("line").asLong(),
                out.get(2).get("line").asLong()), "blank and # lines are skipped but counted");

        // mem=512M: lowmem 0xc0000000-0xe0000000; VMALLOC_START = 0xe0000000 + 8 MB = 0xe0800000;
        // vmalloc 0xff000000 - 0xe0800000 = 0x1e800000; the other 512 MB is left out by mem=
        JsonNode mem = out.get(0);
        assertEquals(0xe0800000L, region(mem, "vmalloc").get("start").asLong());
        assertEquals(0x1e800000L, region(mem, "vmalloc").get("size").asLong());
        assertEquals(512L << 20, mem.get("summary").get("lowmem").asLong());
        assertEquals(512L << 20, mem.get("summary").get("reserved").asLong());
        assertEquals(0, mem.get("exitStatus").asInt());

        // vmalloc=300M: vmalloc_min = 0xff000000 - 0x12c00000 = 0xec400000, lowmem ends at physical
        // 0x2c400000 (708 MB), the rest is highmem (316 MB); VMALLOC_START = (0xec400000 + 8 MB) & ~(8 MB - 1) = 0xec800000
        JsonNode v300 = out.get(1);
        assertEquals(0xec800000L, region(v300, "vmalloc").get("start").asLong());
        assertEquals(0xff000000L - 0xec800000L, region(v300, "vmalloc").get("size").asLong());
        assertEquals(708L << 20, v300.get("summary").get("lowmem").asLong());
        assertEquals(316L << 20, v300.get("summary").get("highmem").asLong());

        // vmalloc=2G: above VMALLOC_END - (PAGE_OFFSET + 32 MB) = 0x3d000000 = 976 MB, so early_vmalloc()
        // clamps and warns; lowmem is 32 MB, VMALLOC_START 0xc2800000
        JsonNode v2g = out.get(2);
        assertEquals(0xc2800000L, region(v2g, "vmalloc").get("start").asLong());
        assertEquals(32L << 20, v2g.get("summary").get("lowmem").asLong());
        assertEquals("vmalloc area is too big, limiting to 976MB", v2g.get("messages").get(0).get("text").asText());
        assertEquals("kernel", v2g.get("messages").get(0).get("source").asText());
        assertEquals(1, v2g.get("exitStatus").asInt());
    }

    @Test
    void aLineLongerThanTheKernelsBufferIsCutAndSaysSo() throws IOException {
        // ARM COMMAND_LINE_SIZE is 1024: "mem=512M " (9 bytes) + 1100 x's passes 1023 bytes, so the
        // vmalloc=300M after them never reaches the kernel: the default 240 MB applies (VMALLOC_START
        // 0xe0800000 with mem=512M)
        String line = "mem=512M " + "x".repeat(1100) + " vmalloc=300M\n";
        JsonNode r = run(1, line, "--kernel", "3.18", "--ram", "0:1G").get(0);
        assertEquals(0xe0800000L, region(r, "vmalloc").get("start").asLong());
        boolean cut = false;
        for (JsonNode m : r.get("messages")) {
            cut |= m.get("text").asText().startsWith("the command line is longer than COMMAND_LINE_SIZE - 1 = 1023 bytes");
        }
        assertTrue(cut, r.toString());
    }

    @Test
    void jsonLinesAreProfilesAndABadLineDoesNotStopTheBatch() throws IOException {
        List<JsonNode> out = run(2, "{\"arch\": 1}\n"
                + "{\"arch\": \"arm\", \"kernel\": \"3.18\", \"ram\": [\"0:512M\"], \"bootargs\": \"mem=256M\"}\n");
        assertEquals(2, out.size());
        assertEquals(1, out.get(0).get("line").asInt());
        assertEquals("line 1: arch: must be a string", out.get(0).get("error").asText());
        assertEquals(2, out.get(0).get("exitStatus").asInt());
        // mem=256M: lowmem 0xc0000000-0xd0000000, VMALLOC_START 0xd0800000
        JsonNode ok = out.get(1);
        assertFalse(ok.has("error"));
        assertEquals("arm", ok.get("arch").asText());
        assertEquals("3.18", ok.get("kernel").asText());
        assertEquals(0xd0800000L, region(ok, "vmalloc").get("start").asLong());
        assertEquals(256L << 20, ok.get("summary").get("lowmem").asLong());
    }

    @Test
    void fullAddsTheWholeLayout() throws IOException {
        JsonNode r = run(0, "mem=512M\n", "--kernel", "3.18", "--ram", "0:1G", "--full").get(0);
        assertEquals(r.get("regions"), r.get("layout").get("regions"));
    }
}
