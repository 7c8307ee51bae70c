package vmlayout.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vmlayout.config.Arch;
import vmlayout.config.Symbol;
import vmlayout.engine.Engines;
import vmlayout.report.ExitCode;

/** Lists the names -D accepts for an architecture, with what each means. */
@Command(name = "names", mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "2:bad input or usage (one line on stderr names the token)",
            "74:the output could not be written (disk full, closed pipe)"},
        description = "List the Kconfig symbols and kernel constants -D can set for an architecture.")
final class NamesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ColorOption color;

    @Option(names = "--arch", paramLabel = "ARCH", description = "arm, x86 or ppc (default: arm).")
    String arch = "arm";

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Symbol s : Engines.forArch(Arch.parse(arch)).symbols().symbols()) {
            out.printf("%-24s %-5s %s%n", s.name(), s.kind().name().toLowerCase(Locale.ROOT), s.meaning());
        }
        out.flush();
        return ExitCode.CLEAN.code;
    }
}
