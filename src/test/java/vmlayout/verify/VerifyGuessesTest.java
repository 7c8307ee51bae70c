package vmlayout.verify;

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
 * verify on real logs where an input is not known: a guess is named, not counted as a difference; one
 * boot at a time; /proc/meminfo compared.
 */
class VerifyGuessesTest {

    static final ObjectMapper M = new ObjectMapper();
    static final String DE0 = "testdata/arm/log06_socfpga_4.4.75_truncating.log";
    static final String TWICE = "testdata/arm/modern01_qemu_virt_6.1_1G_console_dmesg_meminfo.log";
    static final String MEM700 = "testdata/arm/modern03_qemu_virt_6.1_mem700M.log";
    static final String I386 = "testdata/verify/qemu_i386_6.1_2G_console_dmesg_meminfo.txt";

    @TempDir
    Path tmp;

    static JsonNode json(CliRunner.Result r) throws IOException {
        JsonNode j = M.readTree(r.out());
        assertEquals(r.status(), j.get("exitStatus").asInt(), r.toString());
        return j;
    }

    static List<JsonNode> at(JsonNode j, int logLine) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode l : j.get("lines")) {
            if (l.has("logLine") && l.get("logLine").asInt() == logLine) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * The Rascal (AT91SAM9G20) runs 2.6.36, where VMALLOC_END is the board's own (mach/vmalloc.h, per board until
     * 3.4): vmlayout's 0xff000000 predicts "vmalloc : 0xc4800000 - 0xff000000 ( 936 MB)" against the log's
     * "0xc4800000 - 0xfee00000 ( 934 MB)" (line 19). That row rests on the guess: it cannot be checked, the exit
     * status is 0, and the row's end, 0xfee00000, is the value that makes every compared line agree (mach-at91's
     * mach/vmalloc.h: VMALLOC_END (AT91_VIRT_BASE &amp; PGDIR_MASK), the at91-rascal profile's value), so verify
     * offers it.
     */
    @Test
    void aBoardsOwnVmallocEndIsPinnedByTheLogsVmallocRow() throws IOException {
        CliRunner.Result r = CliRunner.run("verify", "testdata/arm/log01_rascal_2.6.36_at91.log", "--format=json");
        assertEquals(0, r.status(), r.toString());
        JsonNode j = json(r);
        JsonNode vmalloc = at(j, 19).get(0);
        assertEquals("cannot-check", vmalloc.get("status").asText(), vmalloc.toString());
        assertEquals("VMALLOC_END", vmalloc.get("because").get("name").asText());
        assertEquals("0xff000000", vmalloc.get("because").get("guessed").asText());
        assertEquals("-D VMALLOC_END=0xfee00000", j.get("pin").get("options").asText(), j.get("pin").toString());
        assertEquals(0, j.get("summary").get("differ").asInt());

        CliRunner.Result pinned = CliRunner.run("verify", "testdata/arm/log01_rascal_2.6.36_at91.log", "-D", "VMALLOC_END=0xfee00000",
                "--format=json");
        assertEquals(0, json(pinned).get("summary").get("cannot-check").asInt());
        assertEquals(7, json(pinned).get("summary").get("agreeing").asInt());
    }

    /**
     * The DE0 log does not state the RAM (its "Truncating RAM" line is predicted, never read): vmlayout's
     * 512 MB guess predicts no truncation and vmalloc from 0xe0800000. Those lines cannot be checked; the
     * exit status is not 1; and 1 GB is the one RAM size that makes them agree (the kernel truncated
     * 0x00000000-0x40000000 to the 768 MB lowmem limit), so verify offers it.
     */
    @Test
    void aLogWhoseRamIsUnknownCannotBeChecked() throws IOException {
        CliRunner.Result r = CliRunner.run("verify", DE0, "--format=json");
        assertEquals(0, r.status(), r.toString());
        JsonNode j = json(r);
        for (int line : new int[]{8, 9, 21}) {
            JsonNode l = at(j, line).get(0);
            assertEquals("cannot-check", l.get("status").asText(), l.toString());
            assertEquals("--ram", l.get("because").get("option").asText());
            assertEquals("0x00000000:512M", l.get("because").get("guessed").asText());
        }
        assertEquals(3, j.get("summary").get("cannot-check").asInt());
        assertEquals(0, j.get("summary").get("differ").asInt() + j.get("summary").get("extra").asInt());
        assertEquals("--ram 0x00000000:1G", j.get("pin").get("options").asText());
        assertEquals("verdict: agrees on 3 facts; cannot check 3 facts without --ram, which the log does not show"
                + " (guessed 0x00000000:512M).", j.get("verdict").asText());
        // the text output says it in words on its last line, and offers the command
        CliRunner.Result t = CliRunner.run("verify", DE0);
        List<String> out = t.outLines();
        assertEquals("verdict: agrees on 3 facts; cannot check 3 facts without --ram, which the log does not show"
                + " (guessed 0x00000000:512M).", out.get(out.size() - 1));
        assertTrue(t.out().contains("  vmlayout verify " + DE0 + " --ram 0x00000000:1G\n"), t.out());
        // with the pinned value every line agrees
        CliRunner.Result pinned = CliRunner.run("verify", DE0, "--ram", "0x00000000:1G", "--format=json");
        assertEquals(0, json(pinned).get("summary").get("cannot-check").asInt());
        assertEquals(0, pinned.status());
    }

    /**
     * The 6.15-rc2 PAE kernel of testdata/x86/x86-14 has NR_CPUS=8 ("setup_percpu: NR_CPUS:8"); without its
     * NR_CPUS lines vmlayout guesses Debian's 32 (its 5.5+ distribution default). 32 CPUs: 71 + 16 x 32 = 583
     * permanent fixmap pages, + 512 boot slots (FIX_BTMAP_END 1024) + 1 = 1537: FIXADDR_TOT_START 0xff9fe000,
     * cpu_entry (0xff9fe000 - (32 x 43 + 1) pages) &amp; 2 MB = 0xff400000, LDT 0xff200000, PKMAP 0xff000000,
     * VMALLOC_END 0xfeffe000: 879 MB predicted against the log's "885MB LOWMEM available." (8 CPUs: x86-14.args
     * works 885). That line cannot be checked: it depends on NR_CPUS, and verify names it. With the lines the
     * Debian i386 log has, NR_CPUS is read (log line 77).
     */
    @Test
    void aGuessedNrCpusExplainsTheLowmemSize() throws IOException {
        List<String> all = Files.readAllLines(Path.of("testdata/x86/x86-14-6.15-rc2-pae-7G-highmem64g-removed.log"), StandardCharsets.UTF_8);
        List<String> without = new ArrayList<>();
        for (String l : all) {
            without.add(l.contains("NR_CPUS") ? "> [    0.000000] (line removed)" : l);
        }
        Path log = tmp.resolve("x86-14.log");
        Files.write(log, without, StandardCharsets.UTF_8);
        JsonNode j = json(CliRunner.run("verify", log.toString(), "-D", "HIGHMEM4G=y", "-D", "X86_PAE=y", "--format=json"));
        JsonNode lowmem = at(j, 47).get(0);
        assertEquals("885MB LOWMEM available.", lowmem.get("logText").asText());
        assertEquals("cannot-check", lowmem.get("status").asText(), lowmem.toString());
        assertEquals("NR_CPUS", lowmem.get("because").get("name").asText());
        assertEquals("32", lowmem.get("because").get("guessed").asText());
        assertTrue(j.get("verdict").asText().contains("without -D NR_CPUS, which the log does not show (guessed 32)"),
                j.get("verdict").asText());

        JsonNode read = json(CliRunner.run("verify", I386, "--format=json"));
        boolean nrCpus = false;
        for (JsonNode in : read.get("inputs")) {
            nrCpus |= in.get("value").asText().equals("NR_CPUS=32") && in.get("source").asText().equals("log line 77");
        }
        assertTrue(nrCpus, read.get("inputs").toString());
        assertEquals("agree", at(read, 46).get(0).get("status").asText());
    }

    /**
     * A /proc/meminfo dump after the boot: VmallocTotal = VMALLOC_END - VMALLOC_START = 0xff800000 -
     * 0xf0800000 = 240 MB = 245760 kB; HighTotal = the 256 MB from 0x70000000 to 0x80000000 = 262144 kB.
     * LowTotal is compared as a bound. A changed value is a difference; without the dump they are not compared at all.
     */
    @Test
    void aMeminfoDumpIsCompared() throws IOException {
        JsonNode j = json(CliRunner.run("verify", TWICE, "--format=json"));
        assertEquals("VmallocTotal:     245760 kB", at(j, 251).get(0).get("predicted").asText());
        assertEquals("agree", at(j, 251).get(0).get("status").asText());
        assertEquals("HighTotal:        262144 kB", at(j, 226).get(0).get("predicted").asText());
        assertEquals("agree", at(j, 226).get(0).get("status").asText());

        // LowTotal (totalram - totalhigh) depends on the image and every early allocation kept: only its bound is
        // predicted, the lowmem RAM 0x40000000-0x70000000 = 768 MB = 786432 kB; the log's 757844 kB is within it
        assertEquals("LowTotal: at most 786432 kB", at(j, 228).get(0).get("predicted").asText());
        assertEquals("agree", at(j, 228).get(0).get("status").asText());

        List<String> lines = Files.readAllLines(Path.of(TWICE), StandardCharsets.UTF_8);
        List<String> low = new ArrayList<>(lines);
        low.set(227, low.get(227).replace("757844", "786436")); // one page more than the lowmem RAM
        Path over = tmp.resolve("over.log");
        Files.write(over, low, StandardCharsets.UTF_8);
        CliRunner.Result o = CliRunner.run("verify", over.toString(), "--format=json");
        assertEquals(1, o.status(), o.toString());
        assertEquals("differ", at(json(o), 228).get(0).get("status").asText());

        lines.set(225, lines.get(225).replace("262144", "262140"));
        Path changed = tmp.resolve("changed.log");
        Files.write(changed, lines, StandardCharsets.UTF_8);
        CliRunner.Result r = CliRunner.run("verify", changed.toString(), "--format=json");
        assertEquals(1, r.status(), r.toString());
        assertEquals("differ", at(json(r), 226).get(0).get("status").asText());

        // the dmesg dump alone (lines 327-532): no meminfo, nothing of it predicted
        Path dmesg = tmp.resolve("dmesg.log");
        Files.write(dmesg, lines.subList(326, lines.size()), StandardCharsets.UTF_8);
        JsonNode d = json(CliRunner.run("verify", dmesg.toString(), "--format=json"));
        for (JsonNode l : d.get("lines")) {
            assertFalse(l.has("predicted") && l.get("predicted").asText().contains("Total:"), l.toString());
        }
    }

    @Test
    void aLogWithTwoBoots() throws IOException {
        List<String> both = new ArrayList<>(Files.readAllLines(Path.of(MEM700), StandardCharsets.UTF_8));
        int second = both.size() + 2; // after the second file's "# realboot" header line
        both.addAll(Files.readAllLines(Path.of(TWICE), StandardCharsets.UTF_8));
        Path log = tmp.resolve("two.log");
        Files.write(log, both, StandardCharsets.UTF_8);
        // the last complete boot (1 GB): 1048576K kept; boot 1 (mem=700M): 716800K
        JsonNode last = json(CliRunner.run("verify", log.toString(), "--format=json"));
        assertTrue(last.get("notes").get(0).asText().startsWith("the log holds 2 boots (1: lines 1-324, 2: lines " + second + "-"));
        assertEquals("Memory: ...K/1048576K available (...)", memoryTotal(last).get("predicted").asText());
        assertEquals(0, last.get("exitStatus").asInt());
        JsonNode first = json(CliRunner.run("verify", log.toString(), "--boot", "1", "--format=json"));
        assertEquals("Memory: ...K/716800K available (...)", memoryTotal(first).get("predicted").asText());
        assertTrue(memoryTotal(first).get("logLine").asInt() < second);
        CliRunner.Result bad = CliRunner.run("verify", log.toString(), "--boot", "3");
        assertEquals(2, bad.status());
        assertEquals("vmlayout: verify --boot 3: the log holds 2 boots: give a number from 1 to 2\n", bad.err());
    }

    private static JsonNode memoryTotal(JsonNode j) {
        for (JsonNode l : j.get("lines")) {
            if (l.has("predicted") && l.get("predicted").asText().endsWith("K available (...)")) {
                return l;
            }
        }
        throw new AssertionError(j.toString());
    }

    /** One boot printed twice (console, then a dmesg dump): no line of the dump counts as extra or missing. */
    @Test
    void aLogPrintedTwice() throws IOException {
        JsonNode j = json(CliRunner.run("verify", TWICE, "--format=json"));
        assertEquals(0, j.get("summary").get("extra").asInt() + j.get("summary").get("missing").asInt());
        assertTrue(j.get("notes").get(0).asText().startsWith("lines 327-532 repeat the boot of lines 1-326"));
        for (JsonNode l : j.get("lines")) {
            assertTrue(!l.has("logLine") || l.get("logLine").asInt() <= 326, l.toString());
        }
    }
}
