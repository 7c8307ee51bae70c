package vmlayout.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vmlayout.bootargs.Param;
import vmlayout.check.CheckResult;
import vmlayout.check.Checker;
import vmlayout.check.Requirement;
import vmlayout.config.InputException;
import vmlayout.config.Machine;
import vmlayout.config.Profile;
import vmlayout.inputs.CmdlineFiles;
import vmlayout.engine.Engines;
import vmlayout.engine.Layout;
import vmlayout.render.CheckRenderer;
import vmlayout.report.ExitCode;

/** Checks boards' configurations against requirements, for CI. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Check one or more board configurations against requirements and report",
            "what fails, one finding per line. Each --profile is checked with each",
            "--cmdline-file (or alone); each finding names its file. Without",
            "--require: the kernel must not warn, drop RAM or ignore a parameter",
            "(no-kernel-warning, dropped==0, params-effective). A board must be",
            "given (--profile, --ram, --e820, --dtb or bootargs): check alone is a",
            "usage error, not a check of vmlayout's default board.",
            "",
            "Requirements: METRIC OP SIZE with METRIC vmalloc, lowmem, highmem,",
            "dropped, reserved or ioremap (the largest single ioremap() that fits the",
            "vmalloc area, guard page and alignment included) and OP one of",
            ">= <= == != > <; or no-kernel-warning; or params-effective. SIZE is",
            "in bytes without a unit: a threshold below 1 MiB other than 0",
            "(vmalloc>=128) is refused as a missing unit (write vmalloc>=128M)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  vmlayout check --profile boards/myboard.json --cmdline-file bootargs.txt \\\\",
            "      --require 'vmalloc>=256M' --require dropped==0",
            "  vmlayout check --profile socfpga-de0 --format github"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every configuration meets every requirement",
            "1:a requirement fails (each finding is one line)",
            "2:bad input or usage (one line on stderr names the token)",
            "3:internal error (a bug in vmlayout: please report it)",
            "74:the output could not be written (disk full, closed pipe)"})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ColorOption color;

    @Mixin
    MachineOptions machine;

    @Parameters(paramLabel = LeadingArgs.PARAM_LABEL, arity = "0..*", description = "Kernel parameters added to every configuration.")
    List<String> params = new ArrayList<>();

    @Option(names = "--require", paramLabel = "EXPR", description = "A requirement; repeatable (quote it: the shell reads > and <).")
    List<String> requires = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, github (workflow annotations) or json (default: text).")
    CheckRenderer.Format format = CheckRenderer.Format.text;

    @Override
    public Integer call() {
        machine.params = params;
        if (!machine.describesABoard()) {
            throw new InputException("check: no board given (--profile, --ram, --e820, --dtb, --cmdline-file, --cmdline"
                    + " or --uboot-env): vmlayout does not check its default board (an empty board list in a script"
                    + " must not pass)");
        }
        List<Requirement> reqs = new ArrayList<>();
        for (String r : requires.isEmpty() ? Checker.DEFAULT : requires) {
            reqs.add(Requirement.parse(r));
        }
        List<String> profiles = machine.profile.isEmpty() ? Collections.singletonList(null) : machine.profile;
        List<String> files = machine.cmdlineFile.isEmpty() ? Collections.singletonList(null) : machine.cmdlineFile;
        List<CheckResult> results = new ArrayList<>();
        for (String prof : profiles) {
            Profile p = prof == null ? null : Profile.load(prof);
            for (String file : files) {
                List<Param> extra = file == null ? List.of() : CmdlineFiles.read(file);
                Machine m = machine.inputs().machine(p, extra, file);
                Layout l = Engines.forArch(m.arch()).compute(m);
                String origin = origin(prof, file);
                results.add(new CheckResult(origin, l, reqs, Checker.check(l, reqs, origin)));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        int status = ExitCode.of(results.stream().anyMatch(r -> !r.findings().isEmpty())).code;
        new CheckRenderer(Version.get()).render(format, results, status, out);
        return status;
    }

    private static String origin(String profile, String file) {
        if (profile == null && file == null) {
            return "-";
        }
        if (profile == null) {
            return file;
        }
        return file == null ? profile : profile + " + " + file;
    }
}
