package vmlayout.cli;

import java.util.List;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vmlayout.config.Arch;
import vmlayout.config.Fmt;
import vmlayout.config.Symbol;
import vmlayout.engine.Engines;
import vmlayout.report.ExitCode;

/** Lists the names -D accepts for an architecture, with what each means. */
@Command(name = "names", mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "2:bad input or usage (one line on stderr names the token)",
            "74:the output could not be written (disk full, closed pipe)"},
        description = "List the Kconfig symbols and kernel constants -D can set for an architecture.")
final class NamesCommand extends SubCommand {

    @Mixin
    transient ColorOption color;

    @Option(names = "--arch", paramLabel = "ARCH", description = "arm, x86 or ppc (default: arm).")
    String arch = "arm";

    @Override
    boolean operands(List<String> words) {
        return words.isEmpty();
    }

    @Override
    public Integer call() {
        PrintWriter out = out();
        for (Symbol s : Engines.forArch(Arch.parse(arch)).symbols().symbols()) {
            // no printf: java.util.Formatter's regular expressions cost a cold run ~10 ms
            out.println(Fmt.pad(s.name(), 24, true) + " " + Fmt.pad(s.kind().name().toLowerCase(Locale.ROOT), 5, true)
                    + " " + s.meaning());
        }
        out.flush();
        return ExitCode.CLEAN.code;
    }
}
