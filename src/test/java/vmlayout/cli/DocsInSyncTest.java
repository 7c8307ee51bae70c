package vmlayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * The committed completions and man page must be what the current options generate. When this fails,
 * run `mvn -q -DskipTests package` (it regenerates them) and commit the result.
 */
class DocsInSyncTest {

    @Test
    void completionsAndManPageAreNotStale() throws IOException {
        for (String[] f : Docs.generated()) {
            String committed = Files.readString(Paths.get(f[0]), StandardCharsets.UTF_8);
            assertEquals(f[1], committed, f[0] + " is stale: run `mvn -q -DskipTests package` and commit it");
        }
    }

    @Test
    void completionKnowsEveryCommandAndOption() {
        String bash = Docs.bash();
        for (String word : new String[]{"check", "profiles", "names", "--kernel", "--ram", "--require", "--cmdline-file", "--format"}) {
            assertTrue(bash.contains(word), word);
        }
    }
}
