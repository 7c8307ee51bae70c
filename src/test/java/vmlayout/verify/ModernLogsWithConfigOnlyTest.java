package vmlayout.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vmlayout.CliRunner;

/**
 * Issue 16's evidence: real 5.x/6.x boots (ARM and LPAE, x86 686 and 686-pae) verified with nothing but the log and the .config of the kernel
 * that booted (the log lacks the Kconfig choices: HIGHMEM, LPAE, CMA). Each case lists the facts whose log
 * lines must be compared and agree: the expected values are the log's own lines (selected by the prefixes
 * below, which name the facts), never vmlayout's output. Exit status 0, nothing differs, nothing missing.
 */
class ModernLogsWithConfigOnlyTest {

    static final ObjectMapper M = new ObjectMapper();

    /** The facts of free_area_init() (5.8+), checked in every case. */
    static final List<String> ZONES = List.of("Zone ranges:", "Normal", "Movable zone start for each node",
            "Early memory node ranges", "Initmem setup node 0");

    record Case(String log, String config, List<String> facts) {
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        String a = "testdata/artifacts/";
        // ARM non-LPAE, Debian 6.1 armmp, 1 GB: the zones, the CMA default area, /proc/meminfo's figures
        c.add(new Case("testdata/arm/modern01_qemu_virt_6.1_1G_console_dmesg_meminfo.log", a + "config-6.1.0-50-armmp",
                facts("DMA ", "HighMem ", "cma: Reserved 16 MiB at ", "Memory: ", "VmallocTotal:", "HighTotal:", "LowTotal:")));
        // ARM LPAE, Debian 6.1 armmp-lpae, 3 GB
        c.add(new Case("testdata/arm/modern02_qemu_virt_6.1_lpae_3G.log", a + "config-6.1.0-57-armmp-lpae",
                facts("DMA ", "HighMem ", "cma: Reserved 16 MiB at ")));
        // ARM non-LPAE, mem=700M on 1 GB: the RAM the kernel kept
        c.add(new Case("testdata/arm/modern03_qemu_virt_6.1_mem700M.log", a + "config-6.1.0-50-armmp",
                facts("DMA ", "cma: Reserved 16 MiB at ")));
        // ARM non-LPAE, Debian 6.12 armmp, 2 GB: highmem from 0x70000000
        c.add(new Case("testdata/arm/log16_qemu_virt_6.12_2G_highmem.log", a + "config-6.12.118+deb12-armmp",
                facts("DMA ", "HighMem ", "cma: Reserved 16 MiB at ", "Memory: ", "VmallocTotal:", "HighTotal:")));
        // ARM LPAE, Debian 6.12 armmp-lpae, 3 GB, vmalloc=400M
        c.add(new Case("testdata/arm/log17_qemu_virt_6.12_lpae_3G_vmalloc400M.log", a + "config-6.12.118+deb12-armmp-lpae",
                facts("DMA ", "HighMem ", "cma: Reserved 16 MiB at ")));
        // ARM LPAE 6.12 with vmalloc=8M: the kernel's own warning
        c.add(new Case("testdata/arm/log14_qemu_virt_6.12_lpae_3G_vmalloc8M_too_small.log", a + "config-6.12.118+deb12-armmp-lpae",
                facts("vmalloc area is too small, limiting to 16MiB", "DMA ", "HighMem ")));
        // x86 non-PAE, Debian 6.1 686, 1 GB, crashkernel=64M: e820 trim, HIGHMEM/LOWMEM lines, crashkernel
        c.add(new Case("testdata/x86/realboot-6.1-i386-1024-crashkernel64.log", a + "config-6.1.0-50-686",
                List.of("LOWMEM available.", "Reserving 64MB of memory at ")));
        c.add(new Case("testdata/x86/realboot-6.1-i386-2048-crashkernel256-fixed.log", a + "config-6.1.0-50-686",
                List.of("HIGHMEM available.", "LOWMEM available.", "Reserving 256MB of memory at ")));
        // x86 PAE, Debian 6.1 686-pae, 6 GB: RAM above 4 GB in the node ranges and the highmem figure
        c.add(new Case("testdata/x86/realboot-6.1-i386pae-6144-above-4G.log", a + "config-6.1.0-50-686-pae",
                List.of("e820: update [mem 0x00000000-0x00000fff]", "HIGHMEM available.", "LOWMEM available.", "Zone ranges:",
                        "DMA ", "Normal", "HighMem ", "node   0: [mem 0x0000000100000000-", "Initmem setup node 0", "Memory: ")));
        // x86 PAE, 3 GB, cma=512M on a kernel without CONFIG_CMA (the kernel passes it to init) and crashkernel=128M
        c.add(new Case("testdata/x86/realboot-6.1-i386pae-3072-cma512M-no-CONFIG_CMA-crashkernel128M.log",
                a + "config-6.1.0-50-686-pae", List.of("HIGHMEM available.", "LOWMEM available.",
                        "Reserving 128MB of memory at 384MB for crashkernel", "Zone ranges:", "HighMem ", "Memory: ")));
        return c;
    }

    static List<String> facts(String... more) {
        List<String> f = new ArrayList<>(ZONES);
        f.addAll(List.of(more));
        return f;
    }

    @TestFactory
    List<DynamicTest> eachModernLogAgreesWithOnlyItsConfig() {
        List<DynamicTest> out = new ArrayList<>();
        for (Case c : cases()) {
            out.add(DynamicTest.dynamicTest(c.log(), () -> {
                CliRunner.Result r = CliRunner.run("verify", c.log(), "--config", c.config(), "--format", "json");
                JsonNode j = M.readTree(r.out());
                JsonNode s = j.get("summary");
                assertEquals(0, s.get("differ").asInt(), c.log() + "\n" + r.out());
                assertEquals(0, s.get("missing").asInt(), c.log() + "\n" + r.out());
                assertEquals(0, s.get("extra").asInt(), c.log() + "\n" + r.out());
                assertEquals(0, r.status(), c.log() + "\n" + r.out());
                Set<Integer> agreed = new LinkedHashSet<>();
                for (JsonNode l : j.get("lines")) {
                    String st = l.get("status").asText();
                    if ((st.equals("agree") || st.equals("agree-spacing")) && l.has("logLine")) {
                        agreed.add(l.get("logLine").asInt());
                    }
                }
                List<String> log = Files.readAllLines(Paths.get(c.log()), StandardCharsets.UTF_8);
                for (String fact : c.facts()) {
                    int n = firstLine(log, fact);
                    assertTrue(n > 0, c.log() + ": the log has no line of the fact '" + fact + "'");
                    assertTrue(agreed.contains(n), c.log() + ": log line " + n + " (" + log.get(n - 1).strip()
                            + ") was not compared and found agreeing");
                }
            }));
        }
        return out;
    }

    /** The 1-based number of the first log line whose message (after the timestamp) starts with the fact's prefix. */
    static int firstLine(List<String> log, String prefix) throws IOException {
        for (int i = 0; i < log.size(); i++) {
            String t = log.get(i);
            int ts = t.startsWith("[") ? t.indexOf("] ") : -1;
            String msg = (ts > 0 ? t.substring(ts + 2) : t).strip();
            if (msg.startsWith(prefix) || prefix.endsWith("available.") && msg.endsWith(prefix)) {
                return i + 1;
            }
        }
        return -1;
    }
}
