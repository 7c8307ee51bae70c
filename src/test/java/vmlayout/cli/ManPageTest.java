package vmlayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vmlayout.Tools;

/** vmlayout(1) as issue 18 asks for it, and mandoc -Tlint with nothing to say about it. */
class ManPageTest {

    static final String PAGE = Docs.man();

    @Test
    void mandocLintIsClean(@TempDir Path tmp) throws Exception {
        Tools.require("mandoc");
        Path page = tmp.resolve("vmlayout.1");
        Files.writeString(page, PAGE, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("mandoc", "-Tlint", "-W", "all", page.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals("", out);
    }

    @Test
    void dateAndVersionInTheTitle() {
        assertTrue(PAGE.contains("\n.TH VMLAYOUT 1 " + System.getProperty("vmlayout.date") + " \"vmlayout "
                + System.getProperty("vmlayout.version") + "\" \"User Commands\"\n"), PAGE.lines().limit(3).toList().toString());
    }

    @Test
    void everyCommandHasItsSynopsisWithOperandsAndItsExitStatus() {
        String synopsis = section("SYNOPSIS");
        for (String line : List.of(".B vmlayout\n[\\fIOPTIONS\\fR] [\\fIPARAM\\fR=\\fIVALUE\\fR ...]",
                ".B vmlayout verify\n[\\fIOPTIONS\\fR] \\fILOG\\fR [\\fIPARAM\\fR=\\fIVALUE\\fR ...]",
                ".B vmlayout batch\n[\\fIOPTIONS\\fR] [\\fIFILE\\fR|\\fI\\-\\fR]",
                ".B vmlayout diff\n[\\fIOPTIONS\\fR] [\\fISIDE\\fR [\\fISIDE\\fR]]",
                ".B vmlayout profiles\n[\\fIOPTIONS\\fR] [\\fINAME\\fR]",
                ".B vmlayout generate-completion\n[\\fIOPTIONS\\fR] \\fISHELL\\fR")) {
            assertTrue(synopsis.contains(line), line + " in\n" + synopsis);
        }
        String exit = section("EXIT STATUS");
        for (CommandLine sub : Docs.model().getSubcommands().values()) {
            String name = sub.getCommandName();
            if (!sub.getCommandSpec().usageMessage().hidden() && !name.equals("help")) {
                assertTrue(synopsis.contains(".B vmlayout " + name + "\n"), name);
                assertTrue(exit.contains(".SS " + name + "\n"), "EXIT STATUS of " + name);
            }
        }
    }

    /**
     * An example longer than a source line is continued as in a shell (a shown backslash), never by roff's
     * escaped newline (which would join it into one long line); sentences after the examples are filled.
     */
    @Test
    void examplesAreShownAsTyped() {
        String ex = section("EXAMPLES");
        String block = ex.substring(ex.indexOf(".nf\n"), ex.indexOf(".fi\n"));
        for (String line : block.lines().toList()) {
            assertTrue(!line.endsWith("\\") || line.endsWith("\\e"), "roff continuation in an example: " + line);
        }
        assertTrue(block.contains("HIGHMEM=y \\e\n      \\-\\-lowmem\\-size 0x20000000\n"), block);
        assertTrue(ex.substring(ex.indexOf(".fi\n")).contains("Kernel rules checked to"), "the sentence after the examples is text");
    }

    @Test
    void sharedOptionsAreDescribedOnce() {
        for (String option : List.of(".B \\-\\-profile", ".B \\-\\-cmdline\\-file", ".B \\-D, \\-\\-define", ".B \\-\\-color")) {
            int first = PAGE.indexOf(option);
            assertTrue(first > 0, option);
            assertEquals(-1, PAGE.indexOf(option, first + 1), option + " is described twice");
        }
    }

    @Test
    void environmentFilesAndSeeAlso() {
        String env = section("ENVIRONMENT");
        for (String v : List.of("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "TERM", "JAVA_HOME", "JAVA_OPTS",
                "VMLAYOUT_OPTS", "VMLAYOUT_CDS", "XDG_CACHE_HOME", "VMLAYOUT_DEBUG")) {
            assertTrue(env.contains(".B " + v + "\n"), v);
        }
        assertTrue(section("FILES").contains("lib/vmlayout.jar"));
        assertTrue(section("SEE ALSO").contains(".BR bootparam (7),"));
        assertTrue(!PAGE.contains("src/docs"), "no pointers into the sources an installed user does not have");
    }

    private static String section(String name) {
        int start = PAGE.indexOf("\n.SH " + name + "\n");
        assertTrue(start >= 0, name);
        int end = PAGE.indexOf("\n.SH ", start + 1);
        return PAGE.substring(start, end < 0 ? PAGE.length() : end);
    }
}
