package vmlayout.inputs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The real artifacts in testdata/artifacts (testdata/artifacts/SOURCES.md says where each comes from). */
final class Artifacts {

    static final Path DIR = Paths.get("testdata", "artifacts");

    private Artifacts() {
    }

    static Path path(String name) {
        return DIR.resolve(name);
    }

    static InputFile file(String option, String name) {
        return InputFile.read(option, path(name).toString(), 64L << 20);
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
