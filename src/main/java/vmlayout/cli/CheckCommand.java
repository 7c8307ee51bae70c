package vmlayout.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vmlayout.bootargs.KernelCmdline;
import vmlayout.bootargs.Param;
import vmlayout.check.Board;
import vmlayout.check.BoardSources;
import vmlayout.check.CheckResult;
import vmlayout.check.Checker;
import vmlayout.check.Location;
import vmlayout.check.Requirement;
import vmlayout.check.Unread;
import vmlayout.config.InputException;
import vmlayout.config.Machine;
import vmlayout.config.UserFiles;
import vmlayout.engine.Engines;
import vmlayout.engine.Layout;
import vmlayout.inputs.CmdlineFiles;
import vmlayout.inputs.MachineInputs;
import vmlayout.inputs.Profile;
import vmlayout.inputs.Project;
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
            "not warn, drop RAM or ignore a parameter, and every early reservation",
            "asked for must be placed (no-kernel-warning, dropped==0,",
            "params-effective, reservations-placed). A board must be given (--board,",
            "--profile, --ram, --e820, --dtb or bootargs) or a project file: without",
            "a board, check reads vmlayout.json in the working directory (or",
            "--project FILE): its boards, each with its profile and bootargs, and",
            "the requirements they share; with neither it is a usage error, not a",
            "check of vmlayout's default board. --no-fail reports without failing.",
            "With --format github, junit or sarif a board that cannot be read is",
            "reported with the others (exit 2).",
            "",
            "Formats: text; github (workflow annotations); junit (JUnit XML for",
            "GitLab and Jenkins: a testsuite per board, a testcase per requirement);",
            "sarif (SARIF 2.1.0 for GitHub code scanning); json. Findings point at",
            "the board's file and line to change (a parameter's line in a bootargs",
            "file, a key's line in a profile), relative to the working directory or",
            "GITHUB_WORKSPACE; a built-in profile or standard input is named instead.",
            "",
            "Requirements: METRIC OP SIZE with METRIC vmalloc, lowmem, highmem,",
            "dropped, reserved, ioremap (the largest single ioremap() that fits the",
            "vmalloc area, guard page and alignment included) or cma (the CMA area",
            "and device-tree CMA pools placed) and OP one of >= <= == != > <; or",
            "no-kernel-warning; or params-effective; or reservations-placed. SIZE is",
            "in bytes without a unit: a threshold below 1 MiB other than 0",
            "(vmalloc>=128) is refused as a missing unit (write vmalloc>=128M)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  vmlayout check --profile boards/myboard.json --cmdline-file bootargs.txt \\",
            "      --require 'vmalloc>=256M' --require dropped==0",
            "  vmlayout check --profile socfpga-de0 --format github",
            "  vmlayout check --board boards/a.json:boards/a-bootargs.txt \\",
            "      --board boards/b.json:boards/b-bootargs.txt --format github",
            "  vmlayout check --format github        (the boards of ./vmlayout.json)",
            "  vmlayout check --format junit > vmlayout-junit.xml",
            "  vmlayout check --project ci/vmlayout.json --format sarif > vmlayout.sarif"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every configuration meets every requirement (or --no-fail)",
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

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text, github (workflow annotations), junit (JUnit XML), sarif (SARIF 2.1.0) or json (default: text).")
    CheckRenderer.Format format = CheckRenderer.Format.text;

    @Option(names = "--board", paramLabel = "PROFILE[:BOOTARGS]",
            description = "A board: a profile (a built-in name or a JSON file) with its own bootargs file; repeatable. Each"
                    + " --board is checked once, with its own bootargs (several --profile with several --cmdline-file"
                    + " would pair every profile with every file, and are refused).")
    List<String> board = new ArrayList<>();

    @Option(names = "--project", paramLabel = "FILE",
            description = "A project file listing the boards to check (default: vmlayout.json in the working directory,"
                    + " when no board is given): {\"require\": [...], \"boards\": [{\"name\", \"profile\", \"cmdline-file\" or"
                    + " \"cmdline\", \"require\"}]}; its file names are relative to it.")
    String project;

    @Option(names = "--no-fail", description = "Report findings without failing: exit 0 unless an input cannot be read (2).")
    boolean noFail;

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
                CheckRenderer.githubInputError(e.getMessage(), out());
            }
            throw e;
        }
    }

    /** One board to check, before it is read. */
    private record Spec(String name, String origin, String profile, Profile inline, String bootargs, String cmdline,
            List<String> require, Location entry, int cmdlineLine) {
    }

    private int check() {
        Path cwd = Path.of("").toAbsolutePath();
        String workspace = System.getenv("GITHUB_WORKSPACE");
        Path base = workspace == null || workspace.isBlank() ? cwd : cwd.resolve(workspace);
        Project proj = project();
        if (proj == null && board.isEmpty() && !machine.describesABoard()) {
            throw new InputException("check: no board given (--board, --profile, --ram, --e820, --dtb, --cmdline-file,"
                    + " --cmdline or --uboot-env) and no project file " + Project.FILE + " here (or --project FILE):"
                    + " vmlayout does not check its default board (an empty board list in a script must not pass)");
        }
        List<String> shared = new ArrayList<>(proj == null ? List.of() : proj.require);
        shared.addAll(require);
        if (shared.isEmpty()) {
            shared.addAll(Checker.DEFAULT);
        }
        List<Requirement> sharedReqs = new ArrayList<>();
        for (String r : shared) {
            sharedReqs.add(Requirement.parse(r));
        }
        List<Spec> specs = proj != null ? specs(proj, cwd, base) : specs();
        PrintWriter out = out();
        List<CheckResult> results = new ArrayList<>();
        List<Unread> unread = new ArrayList<>();
        for (Spec s : specs) {
            try {
                List<Requirement> reqs = new ArrayList<>(sharedReqs);
                for (String r : s.require()) {
                    reqs.add(Requirement.parse(r));
                }
                results.add(check(s, reqs, cwd, base));
            } catch (InputException e) {
                if (format == CheckRenderer.Format.json || format == CheckRenderer.Format.text) {
                    throw e; // one line on stderr, exit 2, as every input error (CI formats report it instead)
                }
                // a CI run reports every board it could not read and goes on with the others
                String message = (s.origin().equals("-") ? "" : s.origin() + ": ") + e.getMessage();
                unread.add(new Unread(s.name(), where(s, e, cwd, base), Cli.oneLine(message)));
            }
        }
        boolean findings = false;
        for (CheckResult r : results) {
            findings |= !r.findings().isEmpty(); // a loop, not a stream's lambda: see FastPath
        }
        int status = unread.isEmpty() ? ExitCode.of(findings && !noFail).code : ExitCode.USAGE.code;
        new CheckRenderer(Version.get()).render(format, results, unread, status, out);
        if (!unread.isEmpty()) {
            throw new BoardsUnread(unread.get(0).message() + (unread.size() > 1 ? " (and " + (unread.size() - 1)
                    + " more board(s): see the report)" : ""));
        }
        return status;
    }

    /** The project file: --project, or vmlayout.json here when no board is given on the command line. */
    private Project project() {
        if (project != null) {
            if (!board.isEmpty() || !machine.profile.isEmpty() || !machine.cmdlineFile.isEmpty()) {
                throw new InputException("--project " + project + " with --board, --profile or --cmdline-file: list the boards"
                        + " in the project file, or give them on the command line without --project");
            }
            return Project.read(project);
        }
        if (board.isEmpty() && !machine.describesABoard() && Files.isRegularFile(Path.of(Project.FILE))) {
            return Project.read(Project.FILE);
        }
        return null;
    }

    /** The boards of a project file. */
    private static List<Spec> specs(Project proj, Path cwd, Path base) {
        Location file = Location.of(proj.file, cwd, base);
        List<Spec> out = new ArrayList<>();
        for (Project.Board b : proj.boards) {
            String name = b.name() != null ? b.name()
                    : b.inline() != null ? (b.inline().name.equals(b.inline().origin) ? b.key() : b.inline().name)
                    : b.profile();
            if (b.name() == null && b.profile() != null && !Profile.builtInNames().contains(b.profile())) {
                name = Location.of(b.profile(), cwd, base).file(); // the file, until the profile's own name is read
            }
            Integer cmdlineLine = b.lines().get("cmdline");
            out.add(new Spec(name, name, b.profile(), b.inline(), b.cmdlineFile(), b.cmdline(), b.require(),
                    file.at(b.line()), cmdlineLine == null ? 0 : cmdlineLine));
        }
        return out;
    }

    /** The boards of --board, --profile and --cmdline-file (or of the options alone). */
    private List<Spec> specs() {
        List<Board> boards = new ArrayList<>();
        for (String spec : board) {
            boards.add(Board.parse(spec, IS_PROFILE));
        }
        boards.addAll(Board.pairs(machine.profile, machine.cmdlineFile, !board.isEmpty()));
        if (boards.isEmpty()) {
            boards.add(new Board(null, null)); // the options alone describe the board (--ram, --dtb ...)
        }
        List<Spec> out = new ArrayList<>();
        for (Board b : boards) {
            String name = b.origin().equals("-") ? "the options" : b.origin().replace(" + -", " + standard input");
            out.add(new Spec(b.profile() != null && b.bootargs() == null ? b.profile() : name, b.origin(), b.profile(), null,
                    b.bootargs(), null, List.of(), Location.NONE, 0));
        }
        return out;
    }

    /** Reads board {@code s}, computes its layout and checks it, each finding located in the board's files. */
    private CheckResult check(Spec s, List<Requirement> reqs, Path cwd, Path base) {
        Profile p = s.inline() != null ? s.inline() : s.profile() == null ? null : Profile.load(s.profile());
        boolean builtIn = s.inline() == null && s.profile() != null && Profile.builtInNames().contains(s.profile());
        Location profileAt = s.inline() != null ? s.entry().at(0) : builtIn || p == null ? Location.NONE
                : Location.of(s.profile(), cwd, base);
        String name = s.entry().hasFile() && s.name().equals(profileAt.file()) && !p.name.equals(p.origin) ? p.name : s.name();
        BoardSources src = new BoardSources(name, s.entry().hasFile() ? name : s.origin());
        if (p != null && profileAt.hasFile()) {
            for (Map.Entry<String, Integer> k : p.lines.entrySet()) {
                src.key(k.getKey(), profileAt.at(k.getValue()));
            }
            if (s.inline() == null) {
                src.file(profileAt);
            }
        }
        List<Param> extra = List.of();
        String label = null;
        if (s.bootargs() != null) {
            CmdlineFiles.Located located = CmdlineFiles.readLocated(s.bootargs());
            extra = located.params();
            label = s.bootargs();
            Location at = Location.of(s.bootargs(), cwd, base);
            for (int i = 0; i < extra.size(); i++) {
                src.param(extra.get(i).name(), extra.get(i).text(), at.at(located.lines().get(i)));
            }
            src.file(at);
        } else if (s.cmdline() != null) {
            label = s.entry().file() + " " + s.name() + " cmdline";
            extra = KernelCmdline.parse(s.cmdline(), label).params();
            for (Param q : extra) {
                src.param(q.name(), q.text(), s.entry().at(s.cmdlineLine()));
            }
        } else if (p != null && p.bootargs != null && profileAt.hasFile() && p.lines.containsKey("bootargs")) {
            for (Param q : KernelCmdline.parse(p.bootargs, "profile").params()) {
                src.param(q.name(), q.text(), profileAt.at(p.lines.get("bootargs")));
            }
        }
        src.file(s.entry());
        Machine m = machine.inputs().machine(p, extra, label);
        Layout l = Engines.forArch(m.arch()).compute(m);
        return new CheckResult(src, l, reqs, Checker.check(l, reqs, src));
    }

    /** Where an unreadable board's error points: its profile's file and line, its bootargs file, its project entry. */
    private static Location where(Spec s, InputException e, Path cwd, Path base) {
        if (e instanceof MachineInputs.ProfileException pe && pe.file != null) {
            return Location.of(pe.file, cwd, base).at(lineIn(e.getMessage()));
        }
        if (s.entry().hasFile()) {
            return s.entry();
        }
        String file = s.bootargs() != null ? s.bootargs()
                : s.profile() != null && !Profile.builtInNames().contains(s.profile()) ? s.profile() : null;
        Location at = Location.of(file, cwd, base);
        return at.hasFile() && file.equals(s.profile()) ? at.at(lineIn(e.getMessage())) : at;
    }

    /** N of the first ": line N:" of a message (a profile's errors name the line), or 0. */
    static int lineIn(String message) {
        int i = message.indexOf(": line ");
        if (i < 0) {
            return 0;
        }
        int n = 0;
        for (int k = i + 7; k < message.length() && Character.isDigit(message.charAt(k)) && n < 10_000_000; k++) {
            n = n * 10 + (message.charAt(k) - '0');
        }
        return n;
    }

    /** Boards that could not be read, already reported: only the one line on stderr is left to say. */
    private static final class BoardsUnread extends InputException {
        BoardsUnread(String message) {
            super(message);
        }
    }

    /** A built-in profile name or a profile file (to split --board PROFILE:BOOTARGS). */
    /** A class, not a method reference: a cold JVM's first lambda costs milliseconds (see FastPath). */
    private static final Predicate<String> IS_PROFILE = new Predicate<String>() {
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
            return Files.isRegularFile(UserFiles.path("--board", name));
        } catch (InputException e) {
            return false;
        }
    }
}
