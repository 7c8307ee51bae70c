package vmlayout.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vmlayout.config.Fmt;
import vmlayout.inputs.Profile;
import vmlayout.render.ProfileJson;
import vmlayout.report.ExitCode;

/** Lists the built-in board profiles, or shows one. */
@Command(name = "profiles", mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "2:bad input or usage (one line on stderr names the token)",
            "74:the output could not be written (disk full, closed pipe)"},
        description = {"List the board profiles built into vmlayout, or show one as JSON-ready settings.",
            "Use one with --profile NAME; a profile of your own is a JSON file: --profile boards/myboard.json.",
            "profiles NAME --format json prints the profile as such a file, to save and edit."},
        footerHeading = "%nExamples:%n",
        footer = {"  vmlayout profiles socfpga-de0 --format json > boards/myboard.json",
            "  vmlayout profiles --format json | jq -r '.profiles[] | select(.arch == \"x86\") | .name'"})
final class ProfilesCommand extends SubCommand {

    @Mixin
    transient ColorOption color;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Show this profile's settings.")
    transient String name;

    /** The output formats of profiles. */
    enum Format { text, json }

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text or json (the list as a JSON document; one profile as a profile file --profile reads).")
    Format format = Format.text;

    @Override
    boolean operands(List<String> words) {
        if (words.size() > 1) {
            return false;
        }
        name = words.isEmpty() ? null : words.get(0);
        return true;
    }

    @Override
    public Integer call() {
        PrintWriter out = out();
        if (format == Format.json) {
            if (name == null) {
                List<Profile> all = new ArrayList<>();
                for (String n : Profile.builtInNames()) {
                    all.add(Profile.load(n));
                }
                ProfileJson.list(all, Version.get(), out);
            } else {
                ProfileJson.profile(Profile.load(name), out);
            }
            out.flush();
            return ExitCode.CLEAN.code;
        }
        if (name == null) {
            for (String n : Profile.builtInNames()) {
                Profile p = Profile.load(n);
                // no printf: java.util.Formatter's regular expressions cost a cold run ~10 ms
                out.println(Fmt.pad(n, 34, true) + " " + Fmt.pad(String.valueOf(p.arch), 4, true) + " "
                        + Fmt.pad(String.valueOf(p.kernel), 8, true) + " " + p.description);
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
            for (Map.Entry<String, String> d : p.defines.entrySet()) {
                out.println("-D           " + d.getKey() + "=" + d.getValue());
            }
            if (p.bootargs != null) {
                out.println("bootargs:    " + p.bootargs);
            }
        }
        out.flush();
        return ExitCode.CLEAN.code;
    }
}
