package vmlayout.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vmlayout.inputs.Profile;
import vmlayout.report.ExitCode;

/** Lists the built-in board profiles, or shows one. */
@Command(name = "profiles", mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "2:bad input or usage (one line on stderr names the token)",
            "74:the output could not be written (disk full, closed pipe)"},
        description = {"List the board profiles built into vmlayout, or show one as JSON-ready settings.",
            "Use one with --profile NAME; a profile of your own is a JSON file: --profile boards/myboard.json."})
final class ProfilesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ColorOption color;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Show this profile's settings.")
    String name;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
            for (String n : Profile.builtInNames()) {
                Profile p = Profile.load(n);
                out.printf("%-34s %-4s %-8s %s%n", n, p.arch, p.kernel, p.description);
            }
        } else {
            Profile p = Profile.load(name);
            out.println("name:        " + p.name);
            out.println("description: " + p.description);
            out.println("source:      " + p.source);
            out.println("arch:        " + p.arch);
            out.println("kernel:      " + p.kernel);
            out.println("ram:         " + String.join(" ", p.ram));
            if (!p.e820.isEmpty()) {
                out.println("e820:        " + String.join(" ", p.e820));
            }
            p.defines.forEach((k, v) -> out.println("-D           " + k + "=" + v));
            if (p.bootargs != null) {
                out.println("bootargs:    " + p.bootargs);
            }
        }
        out.flush();
        return ExitCode.CLEAN.code;
    }
}
