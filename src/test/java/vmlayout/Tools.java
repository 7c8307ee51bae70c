package vmlayout;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * Programs some tests need that a developer's machine may lack (zsh, fish, mandoc, man, bash-completion).
 * Missing, the test is skipped with a message; when VMLAYOUT_REQUIRE_TOOLS names its Debian package
 * (.ci/run sets it to the packages it installed) it fails instead.
 */
public final class Tools {

    private Tools() {
    }

    public static boolean installed(String program) {
        for (String d : System.getenv("PATH").split(File.pathSeparator)) {
            if (Files.isExecutable(Paths.get(d, program))) {
                return true;
            }
        }
        return false;
    }

    /** A program, from the Debian package of the same name (man is man-db's). */
    public static void require(String program) {
        requireThat(program.equals("man") ? "man-db" : program, installed(program), program + " is not installed");
    }

    public static void requireThat(String debianPackage, boolean ok, String why) {
        String required = System.getenv("VMLAYOUT_REQUIRE_TOOLS");
        if (required != null && java.util.List.of(required.split(" ")).contains(debianPackage)) {
            assertTrue(ok, why + " (VMLAYOUT_REQUIRE_TOOLS names " + debianPackage + ": .ci/run installed it)");
        }
        assumeTrue(ok, why + ": test skipped (.ci/run installs it)");
    }
}
