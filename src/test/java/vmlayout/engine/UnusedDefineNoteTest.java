package vmlayout.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vmlayout.CliRunner;

/**
 * The unused-define note ({@link Boot#noteUnusedDefines()}), the same step for every engine, through the
 * CLI: a name the user set that no step of this arch and release reads is named as the user gave it; a
 * value read from a file is named by the file and line, and only when it is set.
 */
class UnusedDefineNoteTest {

    @TempDir
    Path tmp;

    private static List<String> noEffect(CliRunner.Result r) {
        return r.outLines().stream().filter(l -> l.contains("has no effect")).collect(Collectors.toList());
    }

    @Test
    void aConfigFilesUnsetChoiceMembersAreNotReportedAsUserSettings() {
        // Debian's 686 .config sets VMSPLIT_3G=y and VMSPLIT_3G_OPT, 2G, 2G_OPT, 1G to n ("is not set"):
        // the x86 engine reads only the chosen member, so the four others are unused, but the user set none
        // of them: nothing is said (vmlayout said "-D VMSPLIT_2G has no effect here" for each of the four).
        CliRunner.Result r = CliRunner.run("--arch", "x86", "--config", "testdata/artifacts/config-6.1.0-50-686",
                "--ram", "2G");
        assertEquals(List.of(), noEffect(r), r.toString());
        assertFalse(r.out().contains("-D VMSPLIT"), r.toString());
        assertEquals(0, r.status(), r.toString());
    }

    @Test
    void aDefineWithoutEffectIsNamedAsTheUserGaveIt() {
        CliRunner.Result r = CliRunner.run("--arch", "x86", "--kernel", "6.1", "--ram", "2G", "-D", "VMSPLIT_2G=n");
        assertEquals(List.of("  note: -D VMSPLIT_2G has no effect on x86 6.1."), noEffect(r), r.toString());
    }

    @Test
    void aSetFileValueWithoutEffectIsNamedByItsFileAndLine() throws IOException {
        // PPC_MERGE (arch/powerpc rather than arch/ppc) only matters while arch/ppc exists (before 2.6.27)
        Path config = tmp.resolve("config");
        Files.writeString(config, "# a powerpc .config\nCONFIG_PPC32=y\nCONFIG_PPC_MERGE=y\n");
        CliRunner.Result r = CliRunner.run("--arch", "ppc", "--kernel", "2.6.27", "--config", config.toString());
        assertEquals(List.of("  note: --config " + config + " line 3 CONFIG_PPC_MERGE has no effect on powerpc 2.6.27."),
                noEffect(r), r.toString());
        assertTrue(r.status() == 0 || r.status() == 1, r.toString());
    }
}
