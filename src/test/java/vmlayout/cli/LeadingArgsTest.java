package vmlayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vmlayout.CliRunner;

/**
 * Issue 13 item 1: options and parameters given before a subcommand apply to it (the run equals the one
 * with them after the subcommand's name, and differs from the one without them), or are refused with one
 * line and exit 2; never dropped. {@code help CMD} shows CMD's help; check without a board is refused.
 */
class LeadingArgsTest {

    private static final String B = "socfpga-de0";

    @Test
    void aKernelParameterBeforeCheckIsChecked() {
        same(CliRunner.run("vmalloc=2G", "check", "--profile", B), CliRunner.run("check", "--profile", B, "vmalloc=2G"),
                CliRunner.run("check", "--profile", B));
    }

    @Test
    void aDefineBeforeCheckIsChecked() {
        same(CliRunner.run("-D", "HIGHMEM=y", "check", "--profile", B), CliRunner.run("check", "--profile", B, "-D", "HIGHMEM=y"),
                CliRunner.run("check", "--profile", B));
    }

    @Test
    void theFormatBeforeCheckIsCheck() {
        same(CliRunner.run("--format", "json", "check", "--profile", B), CliRunner.run("check", "--profile", B, "--format", "json"),
                CliRunner.run("check", "--profile", B));
    }

    @Test
    void theProfileBeforeCheckIsTheBoard() {
        CliRunner.Result before = CliRunner.run("--profile", B, "check");
        assertEquals(CliRunner.run("check", "--profile", B).toString(), before.toString());
        assertTrue(before.out().startsWith(B + ": "), before.toString());
    }

    @Test
    void theArchBeforeNamesIsNames() {
        same(CliRunner.run("--arch", "x86", "names"), CliRunner.run("names", "--arch", "x86"), CliRunner.run("names"));
    }

    @Test
    void listOptionsGetTheLeadingValuesFirst() {
        same(CliRunner.run("-D", "HIGHMEM=y", "explain", "--kernel", "3.18", "--ram", "0:1G", "-D", "VMSPLIT_2G=y"),
                CliRunner.run("explain", "--kernel", "3.18", "--ram", "0:1G", "-D", "HIGHMEM=y", "-D", "VMSPLIT_2G=y"),
                CliRunner.run("explain", "--kernel", "3.18", "--ram", "0:1G", "-D", "VMSPLIT_2G=y"));
    }

    @Test
    void helpCommandShowsTheCommandsHelp() {
        CliRunner.Result help = CliRunner.run("help", "check");
        assertEquals(0, help.status(), help.toString());
        assertEquals(CliRunner.run("check", "--help").out(), help.out());
        assertTrue(help.out().startsWith("Usage: vmlayout check"), help.out());
        assertEquals(help.out(), CliRunner.run("--help", "check").out());
    }

    @Test
    void checkWithoutABoardIsAUsageError() {
        refused(CliRunner.run("check"), "no board");
        refused(CliRunner.run("check", "--require", "vmalloc>=128M"), "no board");
        refused(CliRunner.run("check", "--kernel", "4.19", "vmalloc=300M"), "no board");
    }

    @Test
    void whatTheCommandDoesNotTakeIsRefused() {
        refused(CliRunner.run("--map", "check", "--profile", B), "'--map'");
        refused(CliRunner.run("--kernel-only", "explain", "--profile", B), "'--kernel-only'");
        refused(CliRunner.run("--format", "svg", "check", "--profile", B), "svg");
        refused(CliRunner.run("vmalloc=1G", "diff", "--profile", B, "--", "mem=512M"), "'vmalloc=1G'");
        refused(CliRunner.run("vmalloc=1G", "profiles"), "'vmalloc=1G'");
        refused(CliRunner.run("--ram", "1G", "names"), "'--ram'");
        refused(CliRunner.run("--kernel", "3.18", "check", "--kernel", "3.16", "--profile", B), "'--kernel'");
    }

    /** {@code moved} equals {@code after} and differs from {@code without}: the leading words were used. */
    private static void same(CliRunner.Result moved, CliRunner.Result after, CliRunner.Result without) {
        assertEquals(after.toString(), moved.toString());
        assertNotEquals(without.out(), moved.out(), "the leading words change the result");
    }

    private static void refused(CliRunner.Result r, String token) {
        assertEquals(2, r.status(), r.toString());
        assertEquals("", r.out(), r.toString());
        assertTrue(r.err().startsWith("vmlayout: ") && r.err().indexOf('\n') == r.err().length() - 1, r.err());
        assertTrue(r.err().contains(token), r.err());
    }
}
