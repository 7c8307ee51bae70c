package vmlayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import vmlayout.CliRunner;
import vmlayout.config.Arch;
import vmlayout.config.Machine;

/**
 * The completion scripts against the picocli model they come from (that the committed ones are current is
 * DocsInSyncTest; that Tab works in real shells is CompletionIT).
 */
class CompletionsTest {

    @Test
    void everyScriptKnowsEveryCommandAndOption() {
        CommandLine root = Docs.model();
        for (Completions.Shell shell : Completions.Shell.values()) {
            String script = Completions.script(shell);
            for (CommandLine sub : root.getSubcommands().values()) {
                assertTrue(script.contains(sub.getCommandName()), shell + ": " + sub.getCommandName());
                for (OptionSpec o : sub.getCommandSpec().options()) {
                    String name = o.longestName();
                    String asWritten = shell == Completions.Shell.fish ? " -l " + name.substring(2) : name;
                    assertTrue(script.contains(asWritten), shell + ": " + sub.getCommandName() + " " + name);
                }
            }
        }
    }

    @Test
    void defineNamesAreWhatNamesLists() {
        for (Arch a : Arch.values()) {
            CliRunner.Result names = CliRunner.run("names", "--arch", a.id());
            List<String> listed = names.out().lines().map(l -> l.split("\\s+")[0] + "=").toList();
            assertEquals(listed, Completions.defines(a), a.id());
            String bash = Completions.script(Completions.Shell.bash);
            assertTrue(bash.contains("_vmlayout_defines_" + a.id() + "='" + String.join(" ", listed) + "'"), a.id());
        }
    }

    @Test
    void archSpellingsAreWhatArchParseAccepts() {
        Completions.archSpellings().forEach((spelling, arch) -> assertEquals(arch, Arch.parse(spelling), spelling));
        assertEquals(List.of("arm", "x86", "ppc"), Completions.arches());
    }

    @Test
    void releasesIncludeTheDefaultAndEveryEraBoundaryInOrder() {
        List<String> r = Completions.releases();
        assertTrue(r.contains(Machine.DEFAULT_KERNEL.toString()), r.toString());
        // ARM HIGHMEM_START_GE (2.6.38), x86 E820_UNIFIED (2.6.27), PowerPC OLDEST_MODELLED (2.6.17)
        assertTrue(r.containsAll(List.of("2.6.17", "2.6.27", "2.6.38")), r.toString());
        assertEquals("2.6.17", r.get(0));
    }

    @Test
    void valuesComeFromTheModel() {
        String bash = Completions.script(Completions.Shell.bash);
        assertTrue(bash.contains("\"check --format\") _vmlayout_values 'text github json'"), "check's own --format enum");
        assertTrue(bash.contains("*\" --color\") _vmlayout_values 'auto always never'"), "--color on every command");
        assertTrue(bash.contains("*\" --config\") _vmlayout_values @files"), "a file option completes paths");
        assertTrue(bash.contains("_vmlayout_params='mem= memmap= vmalloc="), "bare kernel parameters");
    }

    @Test
    void generateCompletionTakesBashZshOrFishOnly() {
        for (Completions.Shell s : Completions.Shell.values()) {
            CliRunner.Result r = CliRunner.run("generate-completion", s.name());
            assertEquals(0, r.status(), r.toString());
            assertEquals(Completions.script(s), r.out());
        }
        CliRunner.Result tcsh = CliRunner.run("generate-completion", "tcsh");
        assertEquals(2, tcsh.status(), tcsh.toString());
        assertEquals(1, tcsh.err().lines().count(), tcsh.err());
        assertTrue(tcsh.err().contains("tcsh") && tcsh.err().contains("bash, zsh, fish"), tcsh.err());
        assertEquals(2, CliRunner.run("generate-completion").status(), "the shell must be named");
    }
}
