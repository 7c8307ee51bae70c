package vmlayout.render.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vmlayout.CliRunner;

/** --map and --format svg on the command line: exit status, colour, bad combinations. */
class MapCliTest {

    static final String[] SEED001 = {"--arch", "arm", "--kernel", "2.6.37", "--ram", "0x40000000:512M", "-D",
        "VMALLOC_END=0xe0000000", "-D", "CONSISTENT_DMA_SIZE=32M", "--cmdline", "console=ttySC0,115200 mem=512M"};

    static String[] with(String[] a, String... more) {
        String[] out = new String[a.length + more.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }

    @Test
    void mapKeepsTheExitStatusOfTheLayout() {
        // seed 001 drops 128 MB: exit 1 with or without the picture
        assertEquals(1, CliRunner.run(with(SEED001, "--map")).status());
        assertEquals(1, CliRunner.run(with(SEED001, "--format", "svg")).status());
        assertEquals(0, CliRunner.run("--arch", "arm", "--kernel", "3.18", "--ram", "0:1G", "-D", "HIGHMEM=y",
                "vmalloc=300M", "--map").status());
    }

    @Test
    void colourAlwaysPaintsTheSamePicture() {
        CliRunner.Result plain = CliRunner.run(with(SEED001, "--map", "--color=never"));
        CliRunner.Result painted = CliRunner.run(with(SEED001, "--map", "--color=always"));
        assertTrue(painted.out().contains("\u001b["), painted.out());
        assertTrue(!plain.out().contains("\u001b"), plain.out());
        assertEquals(plain.out(), painted.out().replaceAll("\u001b\\[[0-9;]*m", ""));
    }

    @Test
    void mapWithAnotherFormatIsAUsageError() {
        for (String[] extra : new String[][]{{"--format", "json"}, {"--format", "svg"}, {"--kernel-only"}}) {
            CliRunner.Result r = CliRunner.run(with(with(SEED001, "--map"), extra));
            assertEquals(2, r.status(), r.toString());
            assertEquals("", r.out());
            assertEquals(1, r.err().strip().split("\n").length, r.err());
            assertTrue(r.err().startsWith("vmlayout: --map "), r.err());
        }
    }

    @Test
    void svgIsAStandaloneDocument() {
        CliRunner.Result r = CliRunner.run(with(SEED001, "--format", "svg"));
        assertTrue(r.out().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""),
                r.out());
        assertTrue(r.out().endsWith("</svg>\n"), r.out());
        assertEquals("", r.err());
    }
}
