package vmlayout.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged jar, run as a user runs it: a separate JVM, real exit status, real terminal handling. */
class JarIT {

    static final Path JAR = Paths.get("target/vmlayout.jar");

    record Run(int status, String out, String err) {
    }

    static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return exec(cmd, env);
    }

    static Run exec(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        for (String v : List.of("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE")) {
            pb.environment().remove(v);
        }
        pb.environment().put("TERM", "xterm");
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path out = Files.createTempFile("vmlayout", ".out");
        Path err = Files.createTempFile("vmlayout", ".err");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        int status = pb.start().waitFor();
        return new Run(status, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void failingRequirementExitsOneWithItsMessage() throws Exception {
        Run r = run(Map.of(), "check", "--profile", "socfpga-de0", "--require", "vmalloc>=256M");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.out().contains("socfpga-de0: vmalloc>=256M: the vmalloc area is 240 MB (251658240 bytes), required >= 256 MB"), r.out());
    }

    @Test
    void githubAnnotations() throws Exception {
        Run r = run(Map.of(), "check", "--profile", "socfpga-de0", "--format", "github");
        assertEquals(1, r.status(), r.toString());
        // a built-in profile is no file in the repository: named in the title, never as file= (issue 19)
        assertTrue(r.out().lines().anyMatch(l -> l.equals("::error title=vmlayout dropped==0 (socfpga-de0)::socfpga-de0: "
                + "RAM dropped is 256 MB (268435456 bytes), required == 0")), r.out());
        assertFalse(r.out().contains("file="), r.out());
        assertTrue(r.out().lines().allMatch(l -> l.startsWith("::error ") || l.startsWith("::notice ")), r.out());
    }

    @Test
    void noColourWhenNotATerminalOrWithNoColor() throws Exception {
        Run plain = run(Map.of(), "--kernel", "4.4", "--ram", "0:1G");
        assertFalse(plain.out().contains("\u001b["), "stdout is a file: no colour");
        Run pty = inPty(Map.of("NO_COLOR", "1"));
        assertFalse(pty.out().contains("\u001b["), "NO_COLOR wins over a terminal: " + pty.out());
    }

    @Test
    void colourOnAPseudoTerminal() throws Exception {
        Run pty = inPty(Map.of());
        assertTrue(pty.out().contains("\u001b["), "a terminal gets colour: " + pty.out());
        assertTrue(pty.out().contains("Truncating RAM at 0x00000000-0x40000000 to -0x30000000"), pty.out());
    }

    @Test
    void terminalIsStandardOutputNotStandardInput() throws Exception {
        Run pty = inPty(Map.of(), " < /dev/null");
        assertTrue(pty.out().contains("\u001b["), "stdout a terminal, stdin not: colour: " + pty.out());
        Run forced = run(Map.of("FORCE_COLOR", "1"), "--kernel", "4.4", "--ram", "0:1G");
        assertTrue(forced.out().contains("\u001b["), "FORCE_COLOR colours a file: " + forced.out());
        Run cliForce = run(Map.of("CLICOLOR_FORCE", "1"), "--kernel", "4.4", "--ram", "0:1G");
        assertTrue(cliForce.out().contains("\u001b["), "CLICOLOR_FORCE colours a file: " + cliForce.out());
    }

    @Test
    void emptyNoColorAndDumbTerminal() throws Exception {
        assertTrue(inPty(Map.of("NO_COLOR", "")).out().contains("\u001b["), "an empty NO_COLOR does not count");
        assertFalse(inPty(Map.of("TERM", "dumb")).out().contains("\u001b["), "TERM=dumb: no colour");
    }

    @Test
    void helpFollowsTheSamePolicy() throws Exception {
        assertTrue(inPtyArgs(Map.of(), "check --help").out().contains("\u001b["), "help on a terminal is coloured");
        assertFalse(inPtyArgs(Map.of("NO_COLOR", "1"), "check --help").out().contains("\u001b["), "NO_COLOR: plain help");
        assertFalse(inPtyArgs(Map.of(), "--help --color never").out().contains("\u001b["), "--color never: plain help");
        assertTrue(run(Map.of(), "--help", "--color=always").out().contains("\u001b["), "--color always: coloured help");
    }

    @Test
    void everySubcommandTakesColor() throws Exception {
        for (String sub : List.of("check", "explain", "suggest", "diff", "verify", "batch", "profiles", "names")) {
            Run r = run(Map.of(), sub, "--color", "never", "--help");
            assertEquals(0, r.status(), sub + ": " + r);
            assertTrue(r.out().contains("--color=WHEN"), sub + " lists --color: " + r.out());
        }
    }

    /** Runs the jar under util-linux script(1), which gives it a pseudo-terminal as stdin and stdout. */
    static Run inPty(Map<String, String> env) throws Exception {
        return inPty(env, "");
    }

    static Run inPty(Map<String, String> env, String redirect) throws Exception {
        return inPtyArgs(env, "--kernel 4.4 --ram 0:1G" + redirect);
    }

    static Run inPtyArgs(Map<String, String> env, String args) throws Exception {
        String inner = "java -jar " + JAR + " " + args;
        return exec(List.of("script", "-qec", inner, "/dev/null"), env);
    }

    @Test
    void committedCompletionIsWhatTheJarGenerates() throws Exception {
        Run r = run(Map.of(), "generate-completion", "bash");
        assertEquals(0, r.status(), r.toString());
        assertEquals(Files.readString(Paths.get("completions/vmlayout.bash"), StandardCharsets.UTF_8), r.out(),
                "completions/vmlayout.bash is stale: run `mvn -q -DskipTests package` and commit it");
    }

    @Test
    void profilePlusOverridingOptions() throws Exception {
        // the profile says 3.18, HIGHMEM and 1 GB; the options make it 4.4 with vmalloc=300M:
        // 4.4 VMALLOC_END 0xff800000 - 300M = 0xecc00000 (lowmem end); VS = 0xed000000 -> 296 MB
        Run r = run(Map.of(), "--profile", "marvell-88pa6220-granite2", "--kernel", "4.4", "vmalloc=300M", "--kernel-only");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("    vmalloc : 0xed000000 - 0xff800000   ( 296 MB)"), r.out());
        assertTrue(r.out().contains("    lowmem  : 0xc0000000 - 0xecc00000   ( 716 MB)"), r.out());
        assertTrue(r.out().contains("    pkmap   : 0xbfe00000 - 0xc0000000   (   2 MB)"), "HIGHMEM from the profile: " + r.out());
    }

    /**
     * The build tree's launcher (target/bin/vmlayout, linked to the unpacked release tree) runs with the
     * class-data-sharing archives the build made: with -Xshare:on the JVM refuses to start on a stale or
     * missing archive, and vmlayout's classes come from it. mem=512M of the default 512 MB at 0 on 4.19:
     * lowmem 0xc0000000-0xe0000000, VMALLOC_START = 0xe0000000 + 8 MB, VMALLOC_END 0xff800000 (4.4+).
     * Installed copies: InstallIT.
     */
    @Test
    void launcherAndItsArchive() throws Exception {
        Path log = Files.createTempFile("vmlayout", ".classes");
        Map<String, String> on = Map.of("VMLAYOUT_OPTS", "-Xshare:on -Xlog:class+load=info:file=" + log);
        Run viaLauncher = exec(List.of("target/bin/vmlayout", "--kernel=4.19", "--mem=512M", "--kernel-only"), on);
        assertEquals(0, viaLauncher.status(), viaLauncher.toString());
        assertTrue(viaLauncher.out().contains("    vmalloc : 0xe0800000 - 0xff800000   ( 496 MB)\n"), viaLauncher.out());
        assertTrue(Files.readString(log).contains(" vmlayout.Main source: shared objects file"), "main archive used");
        // the subcommands' archive: socfpga-de0 (4.4.75, 1 GB at 0, no HIGHMEM) drops RAM: exit 1
        Run check = exec(List.of("target/bin/vmlayout", "check", "--profile", "socfpga-de0"), on);
        assertEquals(1, check.status(), check.toString());
        assertTrue(Files.readString(log).contains(" vmlayout.cli.CheckCommand source: shared objects file"), "commands archive used");
        Files.delete(log);
    }

    /** Issue 13 item 8: stdout on a full disk is exit 74 and one line on stderr, not exit 0 with nothing written. */
    @Test
    void outputToAFullDisk() throws Exception {
        java.io.File full = new java.io.File("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(full.exists(), "needs /dev/full (Linux)");
        Path lines = Files.createTempFile("vmlayout", ".txt");
        Files.writeString(lines, "mem=512M\nvmalloc=300M\n");
        for (List<String> args : List.of(List.of("--mem=512M", "--vmalloc=300M"), List.of("check", "--profile", "socfpga-de0"),
                List.of("batch", "--kernel", "3.18", "--ram", "0:1G", lines.toString()))) {
            List<String> cmd = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
            cmd.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(full);
            Path err = Files.createTempFile("vmlayout", ".err");
            pb.redirectError(err.toFile());
            int status = pb.start().waitFor();
            String e = Files.readString(err, StandardCharsets.UTF_8);
            assertEquals(74, status, args + ": " + e);
            assertTrue(e.startsWith("vmlayout: the output could not be written") && e.indexOf('\n') == e.length() - 1, e);
        }
    }

    /**
     * A reader that closes the pipe early ({@code vmlayout ... | head -1}) is the user's choice, not a
     * failure to report: no message (as a Unix tool that SIGPIPE ends says nothing), but the status is
     * still 74, so that {@code set -o pipefail} sees the output is incomplete. batch stops reading its
     * input soon after (it does not compute the rest of a fleet nobody reads). The file is 200,000 lines:
     * its results are far more than a pipe's buffer, so the writes after head has gone fail (EPIPE).
     */
    @Test
    void aReaderThatClosesThePipeEarlyGetsNoMessage() throws Exception {
        Path lines = Files.createTempFile("vmlayout", ".txt");
        Files.writeString(lines, "mem=512M\n".repeat(200_000));
        Path err = Files.createTempFile("vmlayout", ".err");
        String cmd = "set -o pipefail; java -jar '" + JAR + "' batch --kernel 3.18 --ram 0:1G '" + lines + "' 2>'" + err
                + "' | head -n 1";
        Process p = new ProcessBuilder("bash", "-c", cmd).redirectErrorStream(true).start();
        String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        assertTrue(first.startsWith("{\"schemaVersion\":\"2.0\",\"line\":1,") && first.indexOf('\n') == first.length() - 1, first);
        assertEquals("", Files.readString(err, StandardCharsets.UTF_8), "no message for a reader that left");
        assertEquals(74, status, "pipefail: the output is incomplete");
        Files.delete(lines);
        Files.delete(err);
    }
}
