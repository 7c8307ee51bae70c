package vmlayout.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vmlayout.CliRunner;

/**
 * Golden logs whose .args carry {@code #! zone-ranges}: the kernel's own "Zone ranges:" block says where
 * it ended lowmem, and vmlayout must end it at the same address. Since 5.1 (ARM) and 5.7 (x86) no table
 * is printed, so for today's kernels this is the line that shows the lowmem/highmem split: the HighMem
 * zone starts where lowmem ends (free_area_init() gets max_low_pfn as the end of ZONE_NORMAL, or of
 * ZONE_DMA on boards whose DMA zone covers all lowmem), and an empty or absent HighMem zone means all
 * RAM is lowmem.
 */
class ZoneRangesGoldenTest {

    private static final Pattern HIGHMEM = Pattern.compile("^\\s*HighMem\\s+(?:\\[mem 0x([0-9a-f]+)-0x[0-9a-f]+\\]|(empty))\\s*$");

    @TestFactory
    List<DynamicTest> zoneRanges() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : GoldenCases.argsFiles()) {
            GoldenLogTest.Case c = new GoldenLogTest.Case(p);
            if (c.zoneRanges) {
                tests.add(DynamicTest.dynamicTest(c.name, () -> check(c)));
            }
        }
        assertFalse(tests.isEmpty(), "no golden case has #! zone-ranges");
        return tests;
    }

    static void check(GoldenLogTest.Case c) throws Exception {
        Long highmemStart = null;
        boolean found = false;
        for (String line : c.logLines()) {
            Matcher m = HIGHMEM.matcher(line);
            if (m.matches()) {
                found = true;
                highmemStart = m.group(2) != null ? null : Long.parseUnsignedLong(m.group(1), 16);
                break; // the first Zone ranges block (the log may repeat it from a dmesg dump)
            }
        }
        if (!found) {
            fail(c.name + ": #! zone-ranges, but the log has no \"HighMem  [mem ...]\" line");
        }
        List<String> args = new ArrayList<>(c.args);
        args.add("--format=json");
        CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
        JsonNode ram = new ObjectMapper().readTree(r.out()).get("ram");
        long lowmemEnd = -1;
        boolean anyHighmem = false;
        for (JsonNode bank : ram) {
            String use = bank.get("use").asText();
            if (use.equals("lowmem")) {
                lowmemEnd = Math.max(lowmemEnd, bank.get("end").asLong());
            } else if (use.equals("highmem")) {
                anyHighmem = true;
            }
        }
        if (highmemStart == null) {
            assertFalse(anyHighmem, c.name + ": the log's HighMem zone is empty, vmlayout has highmem\n" + r);
        } else {
            assertEquals("0x" + Long.toHexString(highmemStart), "0x" + Long.toHexString(lowmemEnd),
                    c.name + ": lowmem end (the log's HighMem zone start)\n" + r);
        }
    }
}
