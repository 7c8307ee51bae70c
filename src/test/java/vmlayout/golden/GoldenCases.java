package vmlayout.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The golden cases of testdata/ARCH/NAME.args, for the tests that run every golden board. */
public final class GoldenCases {

    private GoldenCases() {
    }

    /** Every .args file under testdata/, sorted. */
    public static List<Path> argsFiles() {
        try (Stream<Path> s = Files.walk(Paths.get("testdata"))) {
            return s.filter(p -> p.toString().endsWith(".args")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The arguments of one case: its lines without comments and #! directives. */
    public static List<String> args(Path file) {
        List<String> args = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    args.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return args;
    }
}
