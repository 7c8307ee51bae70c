package vmlayout.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vmlayout.report.ExitCode;

/** Prints the completion script of a shell (the release archive installs all three). */
@Command(name = "generate-completion", mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "2:bad input or usage (one line on stderr names the token)",
            "74:the output could not be written (disk full, closed pipe)"},
        description = {"Print the completion script for bash, zsh or fish.",
            "The release archive installs them already (share/bash-completion, share/zsh/site-functions,",
            "share/fish/vendor_completions.d); this is for a vmlayout run from elsewhere."},
        footerHeading = "%nExamples:%n",
        footer = {"  source <(vmlayout generate-completion bash)",
            "  vmlayout generate-completion zsh > ~/.zsh/completions/_vmlayout",
            "  vmlayout generate-completion fish > ~/.config/fish/completions/vmlayout.fish"})
final class GenerateCompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ColorOption color;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish.")
    Completions.Shell shell;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(Completions.script(shell));
        out.flush();
        return ExitCode.CLEAN.code;
    }
}
