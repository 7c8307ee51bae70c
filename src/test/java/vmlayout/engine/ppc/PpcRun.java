package vmlayout.engine.ppc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import vmlayout.CliRunner;

/** Runs vmlayout --arch ppc through the CLI and reads its JSON: what the ppc tests look at. */
final class PpcRun {

    final CliRunner.Result result;
    final JsonNode json;

    private PpcRun(CliRunner.Result result, JsonNode json) {
        this.result = result;
        this.json = json;
    }

    /** Runs with --arch ppc --format json and the given arguments; fails on exit 2 or 3. */
    static PpcRun of(String... args) {
        List<String> all = new ArrayList<>(List.of("--arch=ppc", "--format=json"));
        all.addAll(List.of(args));
        CliRunner.Result r = CliRunner.run(all.toArray(new String[0]));
        if (r.status() > 1) {
            fail("vmlayout failed\n" + r);
        }
        try {
            return new PpcRun(r, new ObjectMapper().readTree(r.out()));
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON\n" + r, e);
        }
    }

    /** Runs with --arch ppc, expects exit 2 and returns the one line on stderr. */
    static String inputError(String... args) {
        List<String> all = new ArrayList<>(List.of("--arch=ppc"));
        all.addAll(List.of(args));
        CliRunner.Result r = CliRunner.run(all.toArray(new String[0]));
        assertEquals(2, r.status(), "exit status\n" + r);
        String err = r.err().strip();
        assertTrue(!err.isEmpty() && !err.contains("\n"), "one line on stderr\n" + r);
        assertTrue(!err.contains("Exception") && !err.contains("\tat "), "no stack trace\n" + r);
        return err;
    }

    int exit() {
        return result.status();
    }

    /** The kernel's lines, messages then listing. */
    List<String> kernelLines() {
        List<String> out = new ArrayList<>();
        json.get("kernelLines").forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The kernel's lines without paging_init()'s free_area_init() report (Zone ranges ... Initmem setup, 5.8+). */
    List<String> kernelLinesAfterZones() {
        List<String> out = new ArrayList<>();
        for (String l : kernelLines()) {
            if (!vmlayout.verify.LineShapes.isZoneLine(l.strip())) {
                out.add(l);
            }
        }
        return out;
    }

    /** The listing as vmlayout shows it: the kernel's when tablePrinted(), else vmlayout's computation. */
    List<String> table() {
        List<String> out = new ArrayList<>();
        json.get("table").forEach(n -> out.add(n.asText()));
        return out;
    }

    boolean tablePrinted() {
        return json.get("tablePrinted").asBoolean();
    }

    /** "0xSTART-0xEND" of the region with this id, or null. */
    String region(String id) {
        for (JsonNode r : json.get("regions")) {
            if (r.get("name").asText().equals(id)) {
                return r.get("startHex").asText() + "-" + r.get("endHex").asText();
            }
        }
        return null;
    }

    List<String> regionIds() {
        List<String> out = new ArrayList<>();
        json.get("regions").forEach(n -> out.add(n.get("name").asText()));
        return out;
    }

    /** Bytes of RAM with this use (lowmem, highmem, dropped, reserved). */
    long ram(String use) {
        return json.get("summary").get(use).asLong();
    }

    /** vmlayout's own messages (notes and warnings), with their level. */
    List<String> own() {
        List<String> out = new ArrayList<>();
        for (JsonNode m : json.get("messages")) {
            if (m.get("source").asText().equals("vmlayout")) {
                out.add(m.get("level").asText() + ": " + m.get("text").asText());
            }
        }
        return out;
    }

    boolean ownContains(String level, String part) {
        for (String s : own()) {
            if (s.startsWith(level + ": ") && s.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** The level of the kernel message with this text, or null. */
    String kernelLevel(String text) {
        for (JsonNode m : json.get("messages")) {
            if (m.get("source").asText().equals("kernel") && m.get("text").asText().equals(text)) {
                return m.get("level").asText();
            }
        }
        return null;
    }

    static final long MB = 1L << 20;

    @Override
    public String toString() {
        return result.toString();
    }
}
