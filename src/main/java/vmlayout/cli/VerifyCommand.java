package vmlayout.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vmlayout.bootargs.KernelCmdline;
import vmlayout.bootargs.Param;
import vmlayout.config.Arch;
import vmlayout.config.InputException;
import vmlayout.config.Machine;
import vmlayout.config.ReservedRegion;
import vmlayout.engine.Engines;
import vmlayout.engine.Layout;
import vmlayout.inputs.CmdlineFiles;
import vmlayout.inputs.MachineInputs;
import vmlayout.inputs.Profile;
import vmlayout.render.VerifyRenderer;
import vmlayout.verify.BootLog;
import vmlayout.verify.Boots;
import vmlayout.verify.LogInputs;
import vmlayout.verify.Verification;
import vmlayout.verify.LogFacts;
import vmlayout.verify.Verdict;
import vmlayout.verify.VerifyReport;

/** Checks a prediction against a real boot log. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Check vmlayout's prediction against a real boot log, line by line.",
            "",
            "Reads a boot log (dmesg, a serial console capture, syslog, a mail",
            "quoting one) and takes from it what was known before booting: the",
            "release (\"Linux version\"), the architecture, the command line",
            "(\"Kernel command line:\") and the RAM where the log states it. The",
            "lines vmlayout predicts (the layout table and the memory messages) are",
            "compared, never read as inputs. Options given here override what is",
            "read from the log (a profile counts as options); give what the log",
            "cannot tell with them (-D VMALLOC_END=, -D HIGHMEM=y, System.map",
            "section symbols, the board's --ram or its device tree, --dtb).",
            "",
            "Marks: = agrees, ~ agrees apart from white space, ! differs, - missing",
            "from the log, + in the log but not predicted, * cannot be checked: it",
            "depends on an input vmlayout guessed (named; not a difference), i an",
            "input (BIOS map; a row starting at a -D address), / the log ends inside",
            "the line, . outside the log's excerpt, ? a section row that needs",
            "System.map.",
            "",
            "A file holding several boots, or one boot printed twice (console, then",
            "a dmesg dump), is split at each boot; the last complete boot is",
            "compared (--boot N picks another). A /proc/meminfo dump pasted after",
            "the log is compared too (VmallocTotal, HighTotal)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dmesg | vmlayout verify -",
            "  vmlayout verify boot.log -D VMALLOC_END=0xe0000000 -D HIGHMEM=y",
            "  vmlayout verify --arch arm --kernel 3.18 --ram 0:1G serial.txt",
            "",
            "The last line is the verdict in words: agrees on N facts, disagrees",
            "on N facts, cannot check M facts without X (and the value the log pins,",
            "when one value of X makes every line agree)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every compared line agrees (lines that cannot be checked aside)",
            "1:some differ",
            "2:bad input or usage, including a log with none of the lines vmlayout",
            " :predicts",
            "3:internal error (a bug in vmlayout: please report it)",
            "74:the output could not be written (disk full, closed pipe)"})
final class VerifyCommand extends SubCommand {

    @Mixin
    transient ColorOption color;

    @Mixin
    transient MachineOptions machine;

    @Parameters(index = "0", paramLabel = "LOG", description = "The boot log ('-' for standard input).")
    transient String log;

    @Parameters(index = "1..*", paramLabel = LeadingArgs.PARAM_LABEL, arity = "0..*",
            description = "Kernel parameters added after the log's command line.")
    transient List<String> params = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: text).")
    VerifyRenderer.Format format = VerifyRenderer.Format.text;

    @Option(names = "--boot", paramLabel = "N", description = "Which boot of a file holding several (1 is the first;"
            + " default: the last complete one). A boot printed twice (console, then a dmesg dump) counts once.")
    Integer boot;

    @Override
    boolean operands(List<String> words) {
        if (words.isEmpty()) {
            return false;
        }
        log = words.get(0);
        params.addAll(words.subList(1, words.size()));
        return true;
    }

    @Override
    public Integer call() {
        machine.params = params;
        BootLog file = BootLog.read(log);
        Boots boots = Boots.of(file);
        Boots.Part part = boots.pick(boot);
        BootLog bootLog = boots.compared(part);
        if (machine.profile.size() > 1 || machine.cmdlineFile.size() > 1) {
            throw new InputException("verify: give at most one --profile and one --cmdline-file");
        }
        Profile prof = machine.profile.isEmpty() ? null : Profile.load(machine.profile.get(0));
        Arch hint = machine.arch != null ? Arch.parse(machine.arch)
                : prof != null && prof.arch != null ? Arch.parse(prof.arch) : null;
        LogFacts facts = LogFacts.of(boots.logOf(part), hint);
        List<VerifyReport.Input> inputs = new ArrayList<>();
        String profSource = prof == null ? null : "profile " + prof.name;

        if (machine.arch != null) {
            inputs.add(new VerifyReport.Input("--arch", machine.arch, "option", null));
        } else if (prof != null && prof.arch != null) {
            inputs.add(new VerifyReport.Input("--arch", prof.arch, profSource, null));
        } else if (facts.arch() != null) {
            machine.arch = facts.arch().id();
            inputs.add(fromLog(facts, "--arch"));
        } else {
            throw new InputException("verify " + log + ": cannot tell the architecture from the log (no line that only"
                    + " ARM, x86 or powerpc prints): give --arch");
        }
        if (machine.kernel != null) {
            inputs.add(new VerifyReport.Input("--kernel", machine.kernel, "option", null));
        } else if (prof != null && prof.kernel != null) {
            inputs.add(new VerifyReport.Input("--kernel", prof.kernel, profSource, null));
        } else if (facts.kernel() != null) {
            machine.kernel = facts.kernel();
            inputs.add(fromLog(facts, "--kernel"));
        } else {
            throw new InputException("verify " + log + ": the log has no \"Linux version\" line: give --kernel");
        }
        // the board's RAM: the options, else the profile's, else a device tree's memory nodes, else the log's
        boolean noRamGiven = machine.ram.isEmpty() && (prof == null || prof.ram.isEmpty());
        List<String> ramOfTree = noRamGiven && machine.dtb != null
                ? MachineInputs.ramOfDeviceTree(machine.dtb, machine.arch) : List.of();
        boolean ramFromLog = noRamGiven && ramOfTree.isEmpty() && !facts.ram().isEmpty();
        if (!ramOfTree.isEmpty()) {
            for (String r : ramOfTree) {
                inputs.add(new VerifyReport.Input("--ram", r, MachineInputs.DTB + " " + machine.dtb, null));
            }
        } else {
            ram(facts, prof, profSource, inputs, "--ram", machine.ram, prof == null ? List.of() : prof.ram,
                    facts.ram());
        }
        if (machine.e820File != null) {
            inputs.add(new VerifyReport.Input("--e820-file", machine.e820File, "option", null));
        } else {
            ram(facts, prof, profSource, inputs, "--e820", machine.e820, prof == null ? List.of() : prof.e820, facts.e820());
        }

        List<Param> base = null;
        String baseLabel = null;
        if (!machine.cmdlineFile.isEmpty()) {
            baseLabel = machine.cmdlineFile.get(0);
            base = CmdlineFiles.read(baseLabel);
            inputs.add(new VerifyReport.Input("--cmdline-file", baseLabel, "option", null));
        } else if (facts.cmdline() != null) {
            VerifyReport.Input in = fromLog(facts, "--cmdline");
            baseLabel = in.source();
            base = KernelCmdline.parse(facts.cmdline(), baseLabel).params();
            inputs.add(in);
        }
        for (String c : machine.cmdline) {
            inputs.add(new VerifyReport.Input("--cmdline", c, "option", null));
        }
        for (String p : params) {
            inputs.add(new VerifyReport.Input("PARAM", p, "option", null));
        }
        for (String d : machine.define) {
            inputs.add(new VerifyReport.Input("-D", d, "option", null));
        }
        for (LogFacts.Fact f : LogInputs.definesToApply(facts, machine.define, prof == null ? Map.of() : prof.defines,
                machine.config != null)) {
            machine.define.add(f.value());
            inputs.add(new VerifyReport.Input("-D", f.value(), "log line " + f.line(), f.text()));
        }
        Profile matched = prof == null ? Profile.byModel(facts.model()) : null;
        if (matched != null) {
            String src = "profile " + matched.name + " (its model is the log's, line " + facts.modelLine() + ")";
            for (String d : LogInputs.matchedDefines(matched.defines, machine.define)) {
                machine.define.add(d);
                inputs.add(new VerifyReport.Input("-D", d, src, null));
            }
        }
        if (prof != null) {
            for (Map.Entry<String, String> e : prof.defines.entrySet()) {
                inputs.add(new VerifyReport.Input("-D", e.getKey() + "=" + e.getValue(), profSource, null));
            }
        }
        List<Param> baseParams = base == null ? List.of() : base;
        String label = baseLabel;
        // the options as completed from the log above: inputs() reads them now
        Machine m = machine.inputs().machine(prof, baseParams, label);
        Layout layout = Engines.forArch(m.arch()).compute(m);
        boolean cmdlineKnown = base != null || !machine.cmdline.isEmpty() || prof != null && prof.bootargs != null;
        boolean deviceTreeKnown = m.reservedMemory() != ReservedRegion.Node.NO_DEVICE_TREE;
        Verification.Result result = Verification.run(bootLog, layout, LogInputs.lines(inputs), cmdlineKnown, deviceTreeKnown,
                new Verification.Predictor() { // a class, not a lambda: see FastPath
                    @Override
                    public Layout predict(List<String[]> options) {
                        return predictWith(options, prof, baseParams, label);
                    }
                });
        Verdict v = result.verdict();
        if (v.compared() == 0 && v.count(Verdict.Status.CANNOT_CHECK) == 0) {
            throw new InputException("verify " + log + ": none of the lines vmlayout predicts for this configuration is in"
                    + " the log (no layout table, no memory message): nothing to compare");
        }
        List<String> notes = new ArrayList<>(boots.notes(part));
        notes.addAll(facts.notes());
        if (ramFromLog) {
            notes.addAll(facts.ramNotes());
        }
        VerifyReport report = new VerifyReport(log, inputs, notes, layout, v, result.guesses(), result.pin(),
                LogInputs.command(originalArgs()));
        new VerifyRenderer(Version.get()).render(format, report, out());
        return report.exitStatus();
    }

    /** The prediction again with more options (a guessed input's other values); the options are put back after. */
    private Layout predictWith(List<String[]> options, Profile prof, List<Param> base, String baseLabel) {
        List<String> ram = new ArrayList<>(machine.ram);
        List<String> defines = new ArrayList<>(machine.define);
        List<String> params = new ArrayList<>(machine.params);
        try {
            for (String[] o : options) {
                if (o[0].equals("--ram")) {
                    machine.ram.clear();
                    machine.ram.add(o[1]);
                } else if (o[0].equals("PARAM")) {
                    machine.params.add(o[1]);
                } else {
                    machine.define.add(o[1]);
                }
            }
            Machine m = machine.inputsNow().machine(prof, base, baseLabel);
            return Engines.forArch(m.arch()).compute(m);
        } finally {
            machine.ram.clear();
            machine.ram.addAll(ram);
            machine.define.clear();
            machine.define.addAll(defines);
            machine.params.clear();
            machine.params.addAll(params);
        }
    }

    /** --ram and --e820: the options, else the profile's, else the log's (--e820-file, when given, is the map). */
    private void ram(LogFacts facts, Profile prof, String profSource, List<VerifyReport.Input> inputs, String option,
                     List<String> given, List<String> fromProfile, List<String> fromLog) {
        if (!given.isEmpty()) {
            for (String r : given) {
                inputs.add(new VerifyReport.Input(option, r, "option", null));
            }
        } else if (!fromProfile.isEmpty()) {
            for (String r : fromProfile) {
                inputs.add(new VerifyReport.Input(option, r, profSource, null));
            }
        } else if (!fromLog.isEmpty()) {
            given.addAll(fromLog);
            for (LogFacts.Fact f : facts.facts()) {
                if (f.name().equals(option)) {
                    inputs.add(new VerifyReport.Input(option, f.value(), "log line " + f.line(), f.text()));
                }
            }
        }
    }

    private static VerifyReport.Input fromLog(LogFacts facts, String option) {
        for (LogFacts.Fact f : facts.facts()) {
            if (f.name().equals(option)) {
                return new VerifyReport.Input(option, f.value(), "log line " + f.line(), f.text());
            }
        }
        throw new IllegalStateException("no fact " + option);
    }
}
