package vmlayout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The console examples of src/docs/map.md run as written, as ReadmeInSyncTest does for the README, and
 * its SVG image is what vmlayout draws today (documentation checks; the map's rules are tested by
 * vmlayout.render.map.MapGoldenTest and SvgMapTest). After a change to the picture, run
 * src/docs/render-images.sh.
 */
class MapDocInSyncTest {

    @TestFactory
    List<DynamicTest> mapDocExamplesRunAsWritten() throws IOException {
        return ReadmeInSyncTest.runAsWritten(ReadmeInSyncTest.examples(Paths.get("src", "docs", "map.md")),
                "src/docs/map.md");
    }

    @Test
    void svgImageIsTodaysOutput() throws IOException {
        CliRunner.Result r = CliRunner.run("--arch", "arm", "--kernel", "3.18", "--ram", "0:1G", "-D", "HIGHMEM=y",
                "vmalloc=300M", "--format", "svg");
        String committed = Files.readString(Paths.get("src", "docs", "img", "map-seed002-vmalloc300M.svg"),
                StandardCharsets.UTF_8);
        assertEquals(committed, r.out(), "src/docs/img is stale: run bash src/docs/render-images.sh");
    }
}
