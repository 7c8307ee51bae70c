package vmlayout;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The Java sources of src/main, for the tests that scan the code's shape (EraScanTest, InlineNamesScanTest). */
public final class SourceScan {

    private SourceScan() {
    }

    /** Every .java file under src/main/java, sorted. */
    public static List<Path> mainSources() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Paths.get("src", "main", "java"))) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        assertTrue(files.size() > 100, "expected the sources under src/main/java");
        return files;
    }
}
