package vmlayout.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vmlayout.bootargs.Param;
import vmlayout.check.Board;
import vmlayout.check.CheckResult;
import vmlayout.check.Checker;
import vmlayout.check.Requirement;
import vmlayout.config.InputException;
import vmlayout.config.Machine;
import vmlayout.config.UserFiles;
import vmlayout.engine.Engines;
import vmlayout.engine.Layout;
import vmlayout.inputs.CmdlineFiles;
import vmlayout.inputs.MachineInputs;
import vmlayout.inputs.Profile;
import vmlayout.render.CheckRenderer;
import vmlayout.report.ExitCode;

/** Checks boards' configurations against requirements, for CI. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Check one or more board configurations against requirements and report",
            "what fails, one finding per line; each finding names its files. Each",
            "--board PROFILE:BOOTARGS is checked with its own bootargs file; a",
            "--profile is checked with each --cmdline-file (or alone), and several",
            "of both are refused (use --board). Without --require: the kernel must",
            "not warn, drop RAM or ignore a parameter (no-kernel-warning,",
            "dropped==0, params-effective). A board must be given (--board,",
            "--profile, --ram, --e820, --dtb or bootargs): check alone is a usage",
            "error, not a check of vmlayout's default board. With --format github,",
            "a board that cannot be read is an annotation too, and the others are",
            "still checked (exit 2).",
            "",
            "Requirements: METRIC OP SIZE with METRIC vmalloc, lowmem, highmem,",
            "dropped, reserved or ioremap (the largest single ioremap() that fits the",
            "vmalloc area, guard page and alignment included) and OP one of",
            ">= <= == != > <; or no-kernel-warning; or params-effective. SIZE is",
            "in bytes without a unit: a threshold below 1 MiB other than 0",
            "(vmalloc>=128) is refused as a missing unit (write vmalloc>=128M)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  vmlayout check --profile boards/myboard.json --cmdline-file bootargs.txt \\",
            "      --require 'vmalloc>=256M' --require dropped==0",
            "  vmlayout check --profile socfpga-de0 --format github",
            "  vmlayout check --board boards/a.json:boards/a-bootargs.txt \\",
            "      --board boards/b.json:boards/b-bootargs.txt --format github"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every configuration meets every requirement",
            "1:a requirement fails (each finding is one line)",
            "2:bad input or usage (one line on stderr names the token)",
            "3:internal error (a bug in vmlayout: please report it)",
            "74:the output could not be written (disk full, closed pipe)"})
final class CheckCommand extends SubCommand {

    @Mixin
    transient ColorOption color;

    @Mixin
    transient MachineOptions machine;

    @Parameters(paramLabel = LeadingArgs.PARAM_LABEL, arity = "0..*", description = "Kernel parameters added to every configuration.")
    transient List<String> params = new ArrayList<>();

    @Option(names = "--require", paramLabel = "EXPR", description = "A requirement; repeatable (quote it: the shell reads > and <).")
    List<String> require = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, github (workflow annotations) or json (default: text).")
    CheckRenderer.Format format = CheckRenderer.Format.text;

    @Option(names = "--board", paramLabel = "PROFILE[:BOOTARGS]",
            description = "A board: a profile (a built-in name or a JSON file) with its own bootargs file; repeatable. Each"
                    + " --board is checked once, with its own bootargs (several --profile with several --cmdline-file"
                    + " would pair every profile with every file, and are refused).")
    List<String> board = new ArrayList<>();

    @Override
    boolean operands(List<String> words) {
        params.addAll(words);
        return true;
    }

    @Override
    public Integer call() {
        machine.params = params;
        try {
            return check();
        } catch (InputException e) {
            if (format == CheckRenderer.Format.github && !(e instanceof BoardsUnread)) {
                CheckRenderer.githubInputError(null, e.getMessage(), out());
            }
            throw e;
        }
    }

    private int check() {
        if (board.isEmpty() && !machine.describesABoard()) {
            throw new InputException("check: no board given (--board, --profile, --ram, --e820, --e820-file, --dtb,"
                    + " --cmdline-file, --cmdline or --uboot-env): vmlayout does not check its default board (an empty"
                    + " board list in a script must not pass)");
        }
        List<Requirement> reqs = new ArrayList<>();
        for (String r : require.isEmpty() ? Checker.DEFAULT : require) {
            reqs.add(Requirement.parse(r));
        }
        List<Board> boards = new ArrayList<>();
        List<String> specs = new ArrayList<>(board);
        List<Board> pairs = Board.pairs(machine.profile, machine.cmdlineFile, !board.isEmpty());
        if (specs.isEmpty() && pairs.isEmpty()) {
            pairs = List.of(new Board(null, null)); // the options alone describe the board (--ram, --dtb ...)
        }
        PrintWriter out = out();
        List<CheckResult> results = new ArrayList<>();
        String firstError = null;
        int errors = 0;
        for (int i = 0; i < specs.size() + pairs.size(); i++) {
            Board b = i < specs.size() ? null : pairs.get(i - specs.size());
            String file = null;
            try {
                if (b == null) {
                    file = specs.get(i); // --board as given, until it is read
                    b = Board.parse(specs.get(i), IS_PROFILE);
                }
                file = b.profile() != null && !Profile.builtInNames().contains(b.profile()) ? b.profile() : null;
                Profile p = b.profile() == null ? null : Profile.load(b.profile());
                file = b.bootargs() != null ? b.bootargs() : file;
                List<Param> extra = b.bootargs() == null ? List.of() : CmdlineFiles.read(b.bootargs());
                Machine m = machine.inputs().machine(p, extra, b.bootargs());
                Layout l = Engines.forArch(m.arch()).compute(m);
                results.add(new CheckResult(b.origin(), l, reqs, Checker.check(l, reqs, b.origin())));
            } catch (InputException e) {
                if (format != CheckRenderer.Format.github) {
                    throw e;
                }
                // a CI run annotates every board it could not read and goes on with the others
                String message = (b == null ? "" : b.origin() + ": ") + e.getMessage();
                if (e instanceof MachineInputs.ProfileException pe) {
                    file = pe.file;
                }
                CheckRenderer.githubInputError(b == null ? null : file, message, out);
                errors++;
                firstError = firstError == null ? message : firstError;
            }
        }
        boolean findings = false;
        for (CheckResult r : results) {
            findings |= !r.findings().isEmpty(); // a loop, not a stream's lambda: see FastPath
        }
        int status = ExitCode.of(findings).code;
        new CheckRenderer(Version.get()).render(format, results, status, out);
        if (firstError != null) {
            throw new BoardsUnread(firstError + (errors > 1 ? " (and " + (errors - 1) + " more board(s): see the"
                    + " annotations)" : ""));
        }
        return status;
    }

    /** Boards that could not be read, already annotated: only the one line on stderr is left to say. */
    private static final class BoardsUnread extends InputException {
        BoardsUnread(String message) {
            super(message);
        }
    }

    /** A built-in profile name or a profile file (to split --board PROFILE:BOOTARGS). */
    /** A class, not a method reference: a cold JVM's first lambda costs milliseconds (see FastPath). */
    private static final java.util.function.Predicate<String> IS_PROFILE = new java.util.function.Predicate<String>() {
        @Override
        public boolean test(String name) {
            return isProfile(name);
        }
    };

    private static boolean isProfile(String name) {
        if (Profile.builtInNames().contains(name)) {
            return true;
        }
        try {
            return java.nio.file.Files.isRegularFile(UserFiles.path("--board", name));
        } catch (InputException e) {
            return false;
        }
    }
}
