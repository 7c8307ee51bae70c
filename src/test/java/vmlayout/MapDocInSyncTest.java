package vmlayout;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The console examples of src/docs/map.md run as written, as ReadmeInSyncTest does for the README (a
 * documentation check; the map's rules are tested by vmlayout.render.map.MapGoldenTest).
 */
class MapDocInSyncTest {

    @TestFactory
    List<DynamicTest> mapDocExamplesRunAsWritten() throws IOException {
        return ReadmeInSyncTest.runAsWritten(ReadmeInSyncTest.examples(Paths.get("src", "docs", "map.md")),
                "src/docs/map.md");
    }
}
