package vmlayout.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import vmlayout.config.Escapes;
import vmlayout.config.InputException;
import vmlayout.render.ColourPolicy;
import vmlayout.render.Style;
import vmlayout.render.TerminalSafe;
import vmlayout.report.ExitCode;

/**
 * Builds the picocli command line with vmlayout's error handling: bad input is one line on stderr and
 * exit 2, a bug is one line and exit 3, never a stack trace (set VMLAYOUT_DEBUG=1 to see one); output
 * that could not be written is one line and exit 74.
 */
public final class Cli {

    private static PrintWriter stdout;
    /** The writer Main made, before {@link TerminalSafe} wrapped it into {@link #stdout}. */
    private static PrintWriter rawStdout;

    private Cli() {
    }

    /** The writer Main made for standard output (null in-process), so batch can buffer it. */
    static PrintWriter stdout() {
        return stdout;
    }

    /** Main's entry: remembers which writer is the real standard output. */
    public static int main(String[] args, PrintWriter out, PrintWriter err) {
        rawStdout = out;
        stdout = TerminalSafe.wrap(out);
        int status = run(args, out, err);
        // Main's writer goes through System.out, a PrintStream that keeps a write error to itself
        return status != ExitCode.OUTPUT.code && System.out.checkError() ? unwritten(err, true) : status;
    }

    /**
     * The one line and status for output that could not be written (vmlayout ... > /dev/full). When the
     * output is the process's standard output and that is a pipe (or socket) the reader has closed
     * ({@code vmlayout ... | head -3}), the status stays 74 (what was written is incomplete: a script with
     * {@code set -o pipefail} sees it, as it sees 141 from a tool SIGPIPE ends) but nothing is said: the
     * user chose to read no further, and a Unix tool killed by SIGPIPE (the default) is silent too.
     */
    private static int unwritten(PrintWriter err, boolean stdout) {
        if (stdout && readerClosedPipe()) {
            return ExitCode.OUTPUT.code;
        }
        err.println("vmlayout: the output could not be written (disk full, or a closed pipe or descriptor): what was"
                + " written is incomplete (exit status " + ExitCode.OUTPUT.code + ")");
        err.flush();
        return ExitCode.OUTPUT.code;
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new VmlayoutCommand());
        // the newest release each engine is checked against, read from the engines, after the eras.md line
        List<String> footer = new ArrayList<>(List.of(cl.getCommandSpec().usageMessage().footer()));
        int eras = footer.indexOf("Release boundaries and their kernel sources: src/docs/eras.md.");
        footer.add(eras < 0 ? footer.size() : eras + 1, ReleasesChecked.helpLine());
        cl.getCommandSpec().usageMessage().footer(footer.toArray(new String[0]));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // picocli would replace any argument starting with '@' by the lines of that file, recursively
        // (@/etc/passwd, @/dev/zero): a kernel engineer's argument never means that, and files are read
        // only through the options that name them (--profile, --cmdline-file, --config, ...)
        cl.setExpandAtFiles(false);
        cl.setExecutionStrategy(Cli::execute);
        cl.setParameterExceptionHandler((ex, args) -> {
            out.flush(); // what was written comes first (standard output is flushed at the end, not per line)
            err.println("vmlayout: " + oneLine(ex.getMessage()) + " (see "
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            err.flush();
            return ExitCode.USAGE.code;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            out.flush();
            if (ex instanceof InputException) {
                err.println("vmlayout: " + oneLine(ex.getMessage()));
                err.flush();
                return ExitCode.USAGE.code;
            }
            if (System.getenv("VMLAYOUT_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            err.println("vmlayout: internal error: " + oneLine(String.valueOf(ex))
                    + " (a bug in vmlayout; VMLAYOUT_DEBUG=1 shows where)");
            err.flush();
            return ExitCode.INTERNAL.code;
        });
        return cl;
    }

    /**
     * picocli's RunLast, after what was given before a subcommand is moved into it (LeadingArgs); a
     * --help before a subcommand shows that subcommand's help.
     */
    private static int execute(CommandLine.ParseResult pr) {
        if (pr.hasSubcommand()) {
            CommandLine sub = pr.subcommand().commandSpec().commandLine();
            if (pr.isUsageHelpRequested()) {
                sub.usage(sub.getOut(), sub.getColorScheme());
                return ExitCode.CLEAN.code;
            }
            LeadingArgs.apply(pr);
        }
        return new CommandLine.RunLast().execute(pr);
    }

    /** Runs vmlayout and returns its exit status, without calling System.exit (for tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        int status = runUnchecked(args, out, err);
        return out.checkError() ? unwritten(err, out == rawStdout) : status; // checkError() flushes first
    }

    /**
     * Standard output is a pipe or a socket: a write to it fails only when no reader is left (EPIPE;
     * the JVM ignores SIGPIPE, so the write returns the error). Asked only after a write failed: the
     * file type of /dev/stdout (Linux, the BSDs and macOS have it), false where it cannot be read.
     */
    static boolean readerClosedPipe() {
        try {
            int type = (Integer) Files.getAttribute(Paths.get("/dev/stdout"), "unix:mode") & 0170000;
            return type == 0010000 || type == 0140000; // S_IFIFO, S_IFSOCK
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static int runUnchecked(String[] args, PrintWriter rawOut, PrintWriter rawErr) {
        // what inputs bring along (a terminal escape in a parameter, a file name, a profile) is shown
        // escaped, on standard output and error alike (Main's standard output is wrapped once, in main)
        PrintWriter err = TerminalSafe.wrap(rawErr);
        PrintWriter out = rawOut == rawStdout && stdout != null ? stdout : TerminalSafe.wrap(rawOut);
        try {
            Integer fast = FastPath.tryRun(args, out);
            if (fast != null) {
                return fast;
            }
            CommandLine cl = commandLine(out, err);
            boolean helpColour = helpColour(args);
            cl.setColorScheme(CommandLine.Help.defaultColorScheme(helpColour ? CommandLine.Help.Ansi.ON
                    : CommandLine.Help.Ansi.OFF));
            if (helpColour) {
                Style.colourWritten(); // picocli's help and errors may be coloured
            }
            return cl.execute(args);
        } catch (InputException e) {
            out.flush(); // what was written comes first (standard output is flushed at the end, not per line)
            err.println("vmlayout: " + oneLine(e.getMessage()));
            err.flush();
            return ExitCode.USAGE.code;
        } catch (RuntimeException | Error e) {
            out.flush();
            if (System.getenv("VMLAYOUT_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.println("vmlayout: internal error: " + oneLine(String.valueOf(e))
                    + " (a bug in vmlayout; VMLAYOUT_DEBUG=1 shows where)");
            err.flush();
            return ExitCode.INTERNAL.code;
        }
    }

    /**
     * Whether help gets colour: the same policy as the output ({@link ColorOption}), with the last
     * --color before "--" (picocli has not parsed it when help is printed, nor at all when it fails).
     */
    static boolean helpColour(String[] args) {
        ColourPolicy.When when = ColourPolicy.When.auto;
        for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
            String v = args[i].startsWith("--color=") ? args[i].substring("--color=".length())
                    : args[i].equals("--color") && i + 1 < args.length ? args[++i] : null;
            for (ColourPolicy.When w : ColourPolicy.When.values()) {
                if (w.name().equalsIgnoreCase(v)) {
                    when = w;
                }
            }
        }
        return ColorOption.colour(when);
    }

    /**
     * A message as one line that cannot act on the terminal: picocli's own texts quote the argument
     * as typed ("Unknown option: '--x\e]0;...'", "but was 'js\non'"), so every control character, line
     * break included, is shown escaped ({@link Escapes}) rather than cut or passed on raw.
     */
    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        return Escapes.text(s.strip());
    }
}
