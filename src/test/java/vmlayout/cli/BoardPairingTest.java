package vmlayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vmlayout.CliRunner;

/**
 * Issue 13 item 10: check pairs each board with its own bootargs (--board PROFILE:BOOTARGS) instead of
 * checking every profile with every bootargs file, and --format github reports input errors as
 * annotations too (the other boards are still checked).
 */
class BoardPairingTest {

    private static final String A = "socfpga-de0";
    private static final String B = "marvell-88pa6220-granite2";

    @TempDir
    Path dir;
    String fa;
    String fb;

    @BeforeEach
    void bootargs() throws Exception {
        fa = Files.writeString(dir.resolve("a.txt"), "console=ttyS0 vmalloc=300M\n").toString();
        fb = Files.writeString(dir.resolve("b.txt"), "console=ttyS0 mem=512M\n").toString();
    }

    @Test
    void eachBoardIsCheckedWithItsOwnBootargs() {
        CliRunner.Result pairs = CliRunner.run("check", "--board", A + ":" + fa, "--board", B + ":" + fb);
        CliRunner.Result alone = CliRunner.run("check", "--profile", A, "--cmdline-file", fa);
        CliRunner.Result other = CliRunner.run("check", "--profile", B, "--cmdline-file", fb);
        assertEquals(alone.out() + other.out(), pairs.out(), pairs.toString());
        assertEquals(Math.max(alone.status(), other.status()), pairs.status());
        assertTrue(pairs.out().lines().allMatch(l -> l.startsWith(A + " + " + fa + ": ") || l.startsWith(B + " + " + fb + ": ")),
                pairs.out());
    }

    @Test
    void everyProfileWithEveryFileIsRefused() {
        CliRunner.Result r = CliRunner.run("check", "--profile", A, "--profile", B, "--cmdline-file", fa, "--cmdline-file", fb);
        assertEquals(2, r.status(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().contains("--board PROFILE:BOOTARGS") && r.err().indexOf('\n') == r.err().length() - 1, r.err());
        // one profile with several bootargs files (versions of one board's bootargs) stays
        assertEquals(1, CliRunner.run("check", "--profile", A, "--cmdline-file", fa, "--cmdline-file", fb).status());
    }

    @Test
    void githubAnnotatesABoardThatCannotBeReadAndChecksTheOthers() {
        String missing = dir.resolve("missing.txt").toString();
        CliRunner.Result r = CliRunner.run("check", "--format", "github", "--board", A + ":" + missing, "--board", B + ":" + fb);
        assertEquals(2, r.status(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("::error file=" + missing.replace(":", "%3A") + ",title=vmlayout input error ("
                + A + " + " + missing.replace(":", "%3A") + ")::" + A + " + " + missing + ": "), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("::notice title=vmlayout::" + B + " + " + fb + ": ok")), r.out());
        assertTrue(r.err().startsWith("vmlayout: ") && r.err().indexOf('\n') == r.err().length() - 1, r.err());
    }

    @Test
    void githubAnnotatesABadOption() {
        CliRunner.Result r = CliRunner.run("check", "--format", "github", "--board", A, "--require", "vmalloc>=lots");
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.out().startsWith("::error title=vmlayout input error::--require"), r.out());
    }
}
