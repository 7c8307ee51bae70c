package vmlayout.cli;

import java.util.List;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
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
final class GenerateCompletionCommand extends SubCommand {

    @Mixin
    transient ColorOption color;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish.")
    transient Completions.Shell shell;

    @Override
    boolean operands(List<String> words) {
        return false; // not on the fast path: printed once, at install time
    }

    @Override
    public Integer call() {
        PrintWriter out = out();
        out.print(Completions.script(shell));
        out.flush();
        return ExitCode.CLEAN.code;
    }
}
