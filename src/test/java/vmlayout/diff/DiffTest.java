package vmlayout.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vmlayout.CliRunner;
import vmlayout.config.Arch;
import vmlayout.config.KernelVersion;
import vmlayout.config.Machine;
import vmlayout.config.RamBank;
import vmlayout.engine.Engines;
import vmlayout.engine.Layout;
import vmlayout.render.map.SvgMap;

/**
 * vmlayout diff. The granite2 board's two boots are real logs (testdata/arm/seed002_*): with the default
 * 240 MB vmalloc the kernel printed "vmalloc : 0xf0000000 - 0xff000000" and "lowmem : 0xc0000000 -
 * 0xef800000"; with vmalloc=300M "vmalloc : 0xec800000 - 0xff000000" and "lowmem : 0xc0000000 -
 * 0xec400000". So vmalloc starts 0xf0000000 - 0xec800000 = 0x3800000 = 56 MB lower, lowmem ends
 * 0xef800000 - 0xec400000 = 0x3400000 = 52 MB lower, and of the 1 GB, 760 MB lowmem / 264 MB highmem
 * become 708 MB / 316 MB.
 */
class DiffTest {

    static final ObjectMapper M = new ObjectMapper();

    @TempDir
    Path tmp;

    static JsonNode json(String... args) throws IOException {
        List<String> a = new ArrayList<>(List.of(args));
        a.add(1, "--format=json"); // before any "--": what follows it are sides
        CliRunner.Result r = CliRunner.run(a.toArray(new String[0]));
        assertTrue(r.status() <= 1, r.toString());
        JsonNode j = M.readTree(r.out());
        assertEquals(r.status(), j.get("exitStatus").asInt());
        return j;
    }

    static JsonNode region(JsonNode d, String name) {
        for (JsonNode r : d.get("regions")) {
            if (r.get("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no region " + name);
    }

    static long ram(JsonNode d, String use, String side) {
        for (JsonNode r : d.get("ram")) {
            if (r.get("use").asText().equals(use)) {
                return r.get(side).asLong();
            }
        }
        throw new AssertionError(use);
    }

    @Test
    void theProfileThenTheProfilePlusAParameter() throws IOException {
        JsonNode d = json("diff", "--profile", "marvell-88pa6220-granite2", "--", "vmalloc=300M");
        assertEquals(1, d.get("exitStatus").asInt());
        JsonNode v = region(d, "vmalloc");
        assertEquals(0xf0000000L, v.get("a").get("start").asLong());
        assertEquals(0xec800000L, v.get("b").get("start").asLong());
        assertEquals(-(56L << 20), v.get("startDelta").asLong());
        assertEquals(0, v.get("endDelta").asLong());
        assertEquals(56L << 20, v.get("sizeDelta").asLong());
        JsonNode l = region(d, "lowmem");
        assertEquals(-(52L << 20), l.get("endDelta").asLong());
        assertEquals(760L << 20, ram(d, "lowmem", "a"));
        assertEquals(708L << 20, ram(d, "lowmem", "b"));
        assertEquals(264L << 20, ram(d, "highmem", "a"));
        assertEquals(316L << 20, ram(d, "highmem", "b"));
        assertTrue(!region(d, "pkmap").get("moved").asBoolean());
        assertEquals("--profile marvell-88pa6220-granite2", d.get("a").get("label").asText());
        assertEquals("--profile marvell-88pa6220-granite2 + 'vmalloc=300M'", d.get("b").get("label").asText());
    }

    @Test
    void textShowsTheMovesAndTheKernelLines() {
        CliRunner.Result r = CliRunner.run("diff", "--profile", "marvell-88pa6220-granite2", "--", "vmalloc=300M");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.out().contains("  vmalloc       0xf0000000-0xff000000 240 MB      -> 0xec800000-0xff000000 296 MB"
                + "      start -56 MB, size +56 MB\n"), r.out());
        assertTrue(r.out().contains("-     vmalloc : 0xf0000000 - 0xff000000   ( 240 MB)\n"), r.out());
        assertTrue(r.out().contains("+     vmalloc : 0xec800000 - 0xff000000   ( 296 MB)\n"), r.out());
    }

    @Test
    void messagesThatAppearOrVanish() throws IOException {
        // 1 GB at 0 on 4.4 without HIGHMEM: lowmem ends at 0x30000000 (VMALLOC_END 0xff800000 - 240 MB
        // - 8 MB gap = 0xf0000000, 768 MB above PAGE_OFFSET), the kernel truncates the bank (log06)
        JsonNode d = json("diff", "--kernel", "4.4.75", "--ram", "0:1G", "--", "", "-D HIGHMEM=y");
        assertEquals(List.of("Truncating RAM at 0x00000000-0x40000000 to -0x30000000", "Consider using a HIGHMEM enabled kernel."),
                List.of(d.get("messagesOnlyA").get(0).asText(), d.get("messagesOnlyA").get(1).asText()));
        assertEquals(0, d.get("messagesOnlyB").size());
        assertEquals(256L << 20, ram(d, "dropped", "a"));
        assertEquals(0, ram(d, "dropped", "b"));
        assertTrue(region(d, "pkmap").get("a").isNull());
    }

    @Test
    void sameKernelLinesExit0() {
        // memparse reads 240m as 240M: the same kernel output
        CliRunner.Result r = CliRunner.run("diff", "--kernel", "3.18", "--ram", "0:1G", "--", "vmalloc=240M", "vmalloc=240m");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("kernel lines: identical"), r.out());
    }

    @Test
    void aSidesParameterReplacesTheCommonOne() throws IOException {
        // two sides over common options whose --cmdline has vmalloc=240M: each side's vmalloc= replaces it
        JsonNode d = json("diff", "--kernel", "3.18", "--ram", "0:1G", "--cmdline", "console=ttyS0 vmalloc=240M",
                "vmalloc=200M", "vmalloc=300M");
        assertEquals("console=ttyS0 vmalloc=200M", d.get("a").get("layout").get("input").get("cmdline").asText());
        assertEquals("console=ttyS0 vmalloc=300M", d.get("b").get("layout").get("input").get("cmdline").asText());
    }

    @Test
    void bootargsFilesAndProfilesAsSides() throws IOException {
        Path old = tmp.resolve("old.txt");
        Path neu = tmp.resolve("new.txt");
        Files.writeString(old, "console=ttyS0 root=/dev/mmcblk0p2\n");
        Files.writeString(neu, "console=ttyS0 root=/dev/mmcblk0p2 vmalloc=300M\n");
        JsonNode d = json("diff", "--profile", "marvell-88pa6220-granite2", old.toString(), neu.toString());
        assertEquals("--profile marvell-88pa6220-granite2 + bootargs file " + neu, d.get("b").get("label").asText());
        assertEquals(-(56L << 20), region(d, "vmalloc").get("startDelta").asLong());
        JsonNode p = json("diff", "socfpga-de0", "marvell-88pa6220-granite2");
        assertEquals("profile socfpga-de0", p.get("a").get("label").asText());
        assertEquals("4.4.75", p.get("a").get("layout").get("kernel").asText());
        assertEquals("3.18", p.get("b").get("layout").get("kernel").asText());
    }

    @Test
    void badSidesAreOneLine() {
        for (String[] args : new String[][]{{"diff", "no-such-board"}, {"diff", "--", "--bogus"}, {"diff", "--", "'open"},
                {"diff", "--", "--kernel 9.x"}, {"diff", "a", "b", "c"}, {"diff"}}) {
            CliRunner.Result r = CliRunner.run(args);
            assertEquals(2, r.status(), String.join(" ", args) + "\n" + r);
            assertEquals(1, r.err().split("\n").length, r.err());
            assertTrue(r.err().startsWith("vmlayout: "), r.err());
        }
    }

    @Test
    void svgIsTheTwoMapsSideBySide() {
        CliRunner.Result r = CliRunner.run("diff", "--format", "svg", "--kernel", "3.18", "--ram", "0:1G", "-D", "HIGHMEM=y",
                "--", "vmalloc=300M");
        Machine.Builder a = new Machine.Builder().arch(Arch.ARM).kernel(KernelVersion.of(3, 18)).ram(RamBank.parse("0:1G"));
        a.defines().add("HIGHMEM=y");
        Machine ma = a.build();
        Machine.Builder b = new Machine.Builder().arch(Arch.ARM).kernel(KernelVersion.of(3, 18)).ram(RamBank.parse("0:1G"))
                .params(vmlayout.bootargs.KernelCmdline.parse("vmalloc=300M", "t").params());
        b.defines().add("HIGHMEM=y");
        Machine mb = b.build();
        Layout la = Engines.forArch(Arch.ARM).compute(ma);
        Layout lb = Engines.forArch(Arch.ARM).compute(mb);
        assertEquals(SvgMap.render(List.of(la, lb)), r.out());
    }

    @Test
    void lineDiffKeepsOrder() {
        List<LayoutDiff.Line> d = LayoutDiff.diff(List.of("h", "a", "b", "c"), List.of("h", "a", "x", "c", "y"));
        assertEquals("  h,  a,- b,+ x,  c,+ y", String.join(",", d.stream().map(l -> l.op().mark + " " + l.text()).toList()));
    }
}
