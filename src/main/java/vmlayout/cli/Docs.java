package vmlayout.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Shell completions and the man page, generated from the picocli model (so they cannot drift from
 * the options). The build runs {@link #main} at prepare-package to write completions/ and
 * src/docs/man/vmlayout.1; a test fails when the committed files are stale.
 */
public final class Docs {

    static final String BASH = "completions/vmlayout.bash";
    static final String ZSH = "completions/_vmlayout";
    static final String MAN = "src/docs/man/vmlayout.1";

    private Docs() {
    }

    static CommandLine model() {
        return Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    public static String bash() {
        return AutoComplete.bash("vmlayout", model());
    }

    /** zsh runs the bash completion through bashcompinit. */
    public static String zsh() {
        return "#compdef vmlayout\n"
                + "# zsh completion for vmlayout: the bash completion, loaded through bashcompinit.\n"
                + "# Put this file in a directory of $fpath (e.g. ~/.zsh/completions) and run compinit.\n"
                + "autoload -U +X bashcompinit && bashcompinit\n"
                + bash();
    }

    /** A troff man page (man -l src/docs/man/vmlayout.1). */
    public static String man() {
        CommandSpec spec = model().getCommandSpec();
        StringBuilder b = new StringBuilder();
        b.append(".TH VMLAYOUT 1 \"\" \"vmlayout ").append(Version.get()).append("\" \"User Commands\"\n");
        b.append(".SH NAME\nvmlayout \\- ").append(esc(spec.usageMessage().header()[0])).append('\n');
        b.append(".SH SYNOPSIS\n.B vmlayout\n[\\fIOPTIONS\\fR] [\\fIPARAM\\fR=\\fIVALUE\\fR ...]\n.br\n");
        for (CommandLine sub : model().getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                b.append(".B vmlayout ").append(sub.getCommandName()).append("\n[\\fIOPTIONS\\fR]\n.br\n");
            }
        }
        b.append(".SH DESCRIPTION\n");
        paragraphs(b, spec.usageMessage().description());
        b.append(".SH OPTIONS\n");
        options(b, spec);
        b.append(".SH COMMANDS\n");
        for (CommandLine sub : model().getSubcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            if (s.usageMessage().hidden()) {
                continue;
            }
            b.append(".SS ").append(s.name()).append('\n');
            paragraphs(b, s.usageMessage().description());
            options(b, s);
        }
        b.append(".SH EXIT STATUS\n");
        for (java.util.Map.Entry<String, String> e : spec.usageMessage().exitCodeList().entrySet()) {
            if (!e.getKey().isBlank()) {
                b.append(".TP\n.B ").append(e.getKey().strip()).append('\n');
            }
            b.append(esc(e.getValue())).append('\n');
        }
        b.append(".SH EXAMPLES\n.nf\n");
        for (String line : spec.usageMessage().footer()) {
            b.append(esc(line.replace("\\\\", "\\"))).append('\n');
        }
        b.append(".fi\n.SH SEE ALSO\nREADME.md and src/docs/ in the vmlayout sources.\n");
        return b.toString();
    }

    private static void options(StringBuilder b, CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            b.append(".TP\n.B ").append(esc(String.join(", ", o.names())));
            if (o.arity().max > 0) {
                b.append(" \\fI").append(esc(o.paramLabel())).append("\\fR");
            }
            b.append('\n').append(esc(String.join(" ", o.description()).replace("${COMPLETION-CANDIDATES}",
                    o.completionCandidates() == null ? "" : String.join(", ", o.completionCandidates())))).append('\n');
        }
    }

    private static void paragraphs(StringBuilder b, String[] lines) {
        StringBuilder p = new StringBuilder();
        for (String l : lines) {
            if (l.isBlank()) {
                b.append(esc(p.toString().strip())).append("\n.PP\n");
                p.setLength(0);
            } else {
                p.append(l).append(' ');
            }
        }
        if (p.length() > 0) {
            b.append(esc(p.toString().strip())).append('\n');
        }
    }

    private static String esc(String s) {
        String t = s.replace("\\", "\\e").replace("-", "\\-");
        return t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t;
    }

    /** Writes the completions and the man page below {@code root} (the project directory). */
    public static void main(String[] args) throws IOException {
        Path root = Paths.get(args.length > 0 ? args[0] : ".");
        write(root.resolve(BASH), bash());
        write(root.resolve(ZSH), zsh());
        write(root.resolve(MAN), man());
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    /** The files this class writes, relative to the project directory, with their contents now. */
    static List<String[]> generated() {
        return List.of(new String[]{BASH, bash()}, new String[]{ZSH, zsh()}, new String[]{MAN, man()});
    }
}
