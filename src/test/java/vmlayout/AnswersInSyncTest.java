package vmlayout;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The console examples of src/docs/answers.md (the seed questions answered with explain and suggest)
 * run as written and print what the file shows, as ReadmeInSyncTest does for the README. A
 * documentation check: the layouts are tested against boot logs (GoldenLogTest), the derivations by
 * DerivationTest and the suggestions by SuggestRerunTest. After a change to the output, run
 * python3 src/docs/refresh-console.py src/docs/answers.md.
 */
class AnswersInSyncTest {

    @TestFactory
    List<DynamicTest> answersRunAsWritten() throws IOException {
        return ReadmeInSyncTest.runAsWritten(ReadmeInSyncTest.examples(Paths.get("src", "docs", "answers.md")),
                "src/docs/answers.md");
    }
}
