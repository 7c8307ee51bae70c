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
        assertTrue(bash.contains("\"check --format\") _vmlayout_values 'text github json junit sarif'"), "check's own --format enum");
        assertTrue(bash.contains("*\" --color\") _vmlayout_values 'auto always never'"), "--color on every command");
        assertTrue(bash.contains("*\" --config\") _vmlayout_values @files"), "a file option completes paths");
        assertTrue(bash.contains("_vmlayout_params='mem= memmap= vmalloc="), "bare kernel parameters");
        assertTrue(bash.contains("*\" --e820-file\") _vmlayout_values @files"), "FILE|DIR completes paths");
        assertTrue(bash.contains("*\" --board\") _vmlayout_values 'embeddedbits-arm-512M "), "--board: profile names");
        assertTrue(bash.contains("socfpga-de0 ") && bash.matches("(?s).*\" --board\"\\) _vmlayout_values '[^']*' @files;.*"),
                "--board: and profile files");
    }

    /** A path by a word of its own in the label; PROFILE is not FILE. */
    @Test
    void pathLabels() {
        for (String label : List.of("FILE", "FILE|-", "FILE|DIR", "LOG", "DIR", "PATH")) {
            assertTrue(Completions.namesAFile(label), label);
        }
        for (String label : List.of("PROFILE[:BOOTARGS]", "NAME", "SIDE", "START:SIZE", "FILENAME")) {
            assertTrue(!Completions.namesAFile(label), label);
        }
    }

    /** Every option of every command whose label names a path completes paths (options added later too). */
    @Test
    void everyPathOptionCompletesPaths() {
        int paths = 0;
        for (Completions.Cmd c : Completions.commands(Docs.model())) {
            for (Completions.Opt o : c.opts()) {
                OptionSpec spec = (c.name().isEmpty() ? Docs.model() : Docs.model().getSubcommands().get(c.name()))
                        .getCommandSpec().findOption(o.names().get(0));
                if (Completions.namesAFile(spec.paramLabel())) {
                    assertTrue(o.values().files(), c.name() + " " + o.names());
                    paths++;
                }
            }
        }
        assertTrue(paths >= 7, "--cmdline-file, --e820-file, --config, --system-map, --dtb, --uboot-env, --profile ...: " + paths);
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
