package vmlayout;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The console examples of src/docs/verify.md (diff and verify) run as written and print what the doc
 * shows, as ReadmeInSyncTest does for the README (a documentation check; verify's agreement over the
 * golden logs is tested by vmlayout.verify.VerifyGoldenTest, diff's arithmetic by vmlayout.diff.DiffTest).
 */
class VerifyDocInSyncTest {

    @TestFactory
    List<DynamicTest> verifyDocExamplesRunAsWritten() throws IOException {
        return ReadmeInSyncTest.runAsWritten(ReadmeInSyncTest.examples(Paths.get("src", "docs", "verify.md")),
                "src/docs/verify.md");
    }
}
