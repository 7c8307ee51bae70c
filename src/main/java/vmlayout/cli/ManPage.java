package vmlayout.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * vmlayout(1), generated from the picocli model: a SYNOPSIS line per command with its operands, the
 * options shared by several commands described once (board options, colour, help) and each command's
 * own under it, EXIT STATUS per command, ENVIRONMENT, FILES, EXAMPLES and SEE ALSO. Plain man(7)
 * macros, text lines of at most 80 bytes: {@code mandoc -Tlint} has nothing to say (ManPageTest).
 */
final class ManPage {

    private ManPage() {
    }

    /** The page, dated {@code date} (YYYY-MM-DD, the pom's release date). */
    static String render(CommandLine root, String date) {
        CommandSpec spec = root.getCommandSpec();
        Set<String> board = optionNames(new MachineOptions());
        Set<String> common = optionNames(new ColorOption());
        common.addAll(List.of("-h", "--help", "-V", "--version"));
        List<CommandSpec> subs = new ArrayList<>();
        for (CommandLine sub : root.getSubcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            if (!s.usageMessage().hidden() && !subs.contains(s)) {
                subs.add(s);
            }
        }
        StringBuilder b = new StringBuilder();
        b.append(".\\\" Generated from vmlayout's options (vmlayout.cli.ManPage, at mvn package): do not edit.\n");
        b.append(".TH VMLAYOUT 1 ").append(date).append(" \"vmlayout ").append(Version.get()).append("\" \"User Commands\"\n");
        b.append(".SH NAME\n");
        text(b, "vmlayout \\- " + lowerFirst(stripDot(spec.usageMessage().header()[0])), false);

        b.append(".SH SYNOPSIS\n");
        synopsis(b, spec, "");
        for (CommandSpec s : subs) {
            b.append(".PP\n");
            synopsis(b, s, s.name());
        }

        b.append(".SH DESCRIPTION\n");
        paragraphs(b, spec.usageMessage().description());

        b.append(".SH OPTIONS\n");
        b.append(".SS Board options\n");
        text(b, "The main command and " + takers(subs, board) + " take these; options given before a command"
                + " apply to it.");
        for (OptionSpec o : spec.options()) {
            if (board.contains(o.longestName())) {
                option(b, o);
            }
        }
        b.append(".SS Options of every command\n");
        for (OptionSpec o : spec.options()) {
            if (common.contains(o.longestName())) {
                option(b, o);
            }
        }
        b.append(".SS Output options of the main command\n");
        for (OptionSpec o : spec.options()) {
            if (!board.contains(o.longestName()) && !common.contains(o.longestName()) && !o.hidden()) {
                option(b, o);
            }
        }
        b.append(".SS Kernel parameters\n");
        operands(b, spec);

        b.append(".SH COMMANDS\n");
        for (CommandSpec s : subs) {
            b.append(".SS ").append(s.name()).append('\n');
            paragraphs(b, s.usageMessage().description());
            boolean takesBoard = takesBoard(s);
            List<OptionSpec> own = new ArrayList<>();
            for (OptionSpec o : s.options()) {
                if ((!takesBoard || !board.contains(o.longestName())) && !common.contains(o.longestName()) && !o.hidden()) {
                    own.add(o);
                }
            }
            if (takesBoard || !own.isEmpty()) {
                b.append(".PP\n");
                text(b, (takesBoard ? "Takes the board options" + (own.isEmpty() ? "." : ", and:") : "Options:"));
            }
            for (OptionSpec o : own) {
                option(b, o);
            }
            operands(b, s);
        }

        b.append(".SH EXIT STATUS\n");
        text(b, "The main command:");
        exitCodes(b, spec);
        b.append(".PP\n");
        text(b, "The launcher (bin/vmlayout) exits with 2 when it finds no Java 17 or later (one line on"
                + " standard error says why).");
        for (CommandSpec s : subs) {
            if (!s.usageMessage().exitCodeList().isEmpty()) {
                b.append(".SS ").append(s.name()).append('\n');
                exitCodes(b, s);
            }
        }

        b.append(".SH ENVIRONMENT\n");
        env(b, "NO_COLOR", "Set to a non-empty value: no colour (an empty value does not count). --color always"
                + " overrides it.");
        env(b, "FORCE_COLOR", "Set to a non-empty value: colour even when standard output is not a terminal"
                + " (NO_COLOR and --color never win over it).");
        env(b, "CLICOLOR_FORCE", "Set and not 0: as FORCE_COLOR.");
        env(b, "TERM", "dumb: no colour.");
        env(b, "JAVA_HOME", "The Java the launcher runs: $JAVA_HOME/bin/java, which must be Java 17 or later."
                + " Unset: java on PATH.");
        env(b, "JAVA_OPTS", "JVM options the launcher passes after its own (e.g. -Xmx64m). With one that makes a"
                + " static class-data-sharing archive unusable (-XX:-UseCompressedOops, a heap of 30 GB or more) it runs"
                + " without the archives.");
        env(b, "VMLAYOUT_OPTS", "More JVM options, after JAVA_OPTS.");
        env(b, "VMLAYOUT_CDS", "off: run without the class-data-sharing archives; now: make them before"
                + " running (for an install step) instead of in the background at the first run.");
        env(b, "XDG_CACHE_HOME", "Where the archives go when the install tree is not the user's:"
                + " $XDG_CACHE_HOME/vmlayout, else ~/.cache/vmlayout.");
        env(b, "VMLAYOUT_DEBUG", "Set: an internal error prints its stack trace.");

        b.append(".SH FILES\n");
        file(b, "bin/vmlayout", "The launcher, in the release archive's tree; a symlink to it (in /usr/local/bin,"
                + " ~/.local/bin) works.");
        file(b, "lib/vmlayout.jar", "The program.");
        file(b, "lib/vmlayout*.jsa, lib/vmlayout.jvm, lib/vmlayout.stamp",
                "The class-data-sharing archives the launcher makes at the first run when the user owns the"
                        + " tree, and the Java and the jar they were made for (with the flags that map them where they were made to"
                        + " be); anything else (another or an"
                        + " upgraded Java, a new jar, the tree moved) is a mismatch: they are ignored and made"
                        + " again.");
        file(b, "~/.cache/vmlayout/TREE/", "The same archives, per user, for a tree the user does not own"
                + " (TREE is the install tree's path).");
        file(b, "share/bash-completion/completions/vmlayout", "The bash completion (bash-completion loads it"
                + " from a prefix's share directory on the first Tab).");
        file(b, "share/zsh/site-functions/_vmlayout", "The zsh completion (that directory must be in $fpath).");
        file(b, "share/fish/vendor_completions.d/vmlayout.fish", "The fish completion. vmlayout generate-completion"
                + " SHELL prints each of them.");
        file(b, "*.json", "A board profile of your own (--profile FILE): the fields vmlayout profiles NAME"
                + " shows.");

        b.append(".SH EXAMPLES\n.nf\n");
        List<String> prose = new ArrayList<>();
        for (String line : spec.usageMessage().footer()) {
            if (line.contains("src/docs")) {
                continue; // the sources' documents: not on an installed system
            }
            if (!line.isEmpty() && !line.startsWith(" ")) {
                prose.add(line); // a sentence after the examples (the releases checked): filled below them
                continue;
            }
            verbatim(b, esc(line.replace("\\\\", "\\")));
        }
        b.append(".fi\n");
        for (String p : prose) {
            b.append(".PP\n");
            text(b, p);
        }
        b.append(".SH SEE ALSO\n");
        b.append(".BR bootparam (7),\n.BR dmesg (1),\n.BR java (1)\n.PP\n");
        text(b, "vmlayout help COMMAND; vmlayout profiles (the built-in boards); vmlayout names --arch ARCH (every -D"
                + " name); the README of the release archive. The kernel's"
                + " Documentation/admin-guide/kernel-parameters.txt describes mem=, memmap=, vmalloc= and"
                + " highmem=.");
        return b.toString();
    }

    private static void synopsis(StringBuilder b, CommandSpec s, String name) {
        b.append(".B vmlayout").append(name.isEmpty() ? "" : " " + name).append('\n');
        StringBuilder args = new StringBuilder();
        if (!s.options().isEmpty()) {
            args.append("[\\fIOPTIONS\\fR]");
        }
        for (PositionalParamSpec p : s.positionalParameters()) {
            if (p.hidden()) {
                continue;
            }
            String label = "\\fI" + esc(p.paramLabel()).replace("|", "\\fR|\\fI").replace("=", "\\fR=\\fI") + "\\fR";
            String item = label + (p.arity().max() > 1 ? " ..." : "");
            if (p.arity().min() == 0 && p.arity().max() == 2) {
                item = "[" + label + " [" + label + "]]";
            } else if (p.arity().min() == 0) {
                item = "[" + item + "]";
            } else if (p.arity().max() > p.arity().min()) {
                item = label + " [" + label + (p.arity().max() > p.arity().min() + 1 ? " ..." : "") + "]";
            }
            args.append(args.length() > 0 ? " " : "").append(item);
        }
        if (args.length() > 0) {
            b.append(args).append('\n');
        }
    }

    private static void operands(StringBuilder b, CommandSpec s) {
        for (PositionalParamSpec p : s.positionalParameters()) {
            if (!p.hidden()) {
                b.append(".TP\n.I ").append(esc(p.paramLabel())).append('\n');
                text(b, String.join(" ", p.description()));
            }
        }
    }

    private static void option(StringBuilder b, OptionSpec o) {
        b.append(".TP\n.B ").append(esc(String.join(", ", o.names())));
        if (o.arity().max() > 0) {
            b.append(" \\fI").append(esc(o.paramLabel())).append("\\fR");
        }
        b.append('\n');
        String d = String.join(" ", o.description());
        if (d.contains("${COMPLETION-CANDIDATES}") && o.completionCandidates() != null) {
            List<String> c = new ArrayList<>();
            o.completionCandidates().forEach(c::add);
            d = d.replace("${COMPLETION-CANDIDATES}", String.join(", ", c));
        }
        text(b, d);
    }

    private static void exitCodes(StringBuilder b, CommandSpec s) {
        String key = null;
        StringBuilder value = new StringBuilder();
        for (Map.Entry<String, String> e : s.usageMessage().exitCodeList().entrySet()) {
            if (!e.getKey().isBlank()) {
                if (key != null) {
                    b.append(".TP\n.B ").append(key).append('\n');
                    text(b, value.toString());
                }
                key = e.getKey().strip();
                value.setLength(0);
            }
            value.append(value.length() > 0 ? " " : "").append(e.getValue().strip());
        }
        if (key != null) {
            b.append(".TP\n.B ").append(key).append('\n');
            text(b, value.toString());
        }
    }

    private static void env(StringBuilder b, String name, String what) {
        b.append(".TP\n.B ").append(name).append('\n');
        text(b, what);
    }

    private static void file(StringBuilder b, String name, String what) {
        b.append(".TP\n.I ").append(esc(name)).append('\n');
        text(b, what);
    }

    /** A command that describes a board takes all the board options (names takes only --arch). */
    private static boolean takesBoard(CommandSpec s) {
        return s.findOption("--profile") != null;
    }

    private static String takers(List<CommandSpec> subs, Set<String> board) {
        List<String> names = new ArrayList<>();
        for (CommandSpec s : subs) {
            if (takesBoard(s)) {
                names.add(s.name());
            }
        }
        return names.size() < 2 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static Set<String> optionNames(Object mixin) {
        Set<String> out = new LinkedHashSet<>();
        for (OptionSpec o : CommandSpec.forAnnotatedObject(mixin).options()) {
            out.add(o.longestName());
        }
        return out;
    }

    private static void paragraphs(StringBuilder b, String[] lines) {
        StringBuilder p = new StringBuilder();
        for (String l : lines) {
            if (l.isBlank()) {
                text(b, p.toString());
                b.append(".PP\n");
                p.setLength(0);
            } else {
                p.append(l).append(' ');
            }
        }
        text(b, p.toString());
    }

    /** Escaped text filled into lines of at most 80 bytes (mandoc -Tlint's limit), none starting with a dot. */
    private static void text(StringBuilder b, String raw) {
        text(b, raw, true);
    }

    private static void text(StringBuilder b, String raw, boolean escape) {
        String s = raw.replace("%n", " ").strip().replaceAll("\\s+", " ");
        if (s.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String w = !escape || word.startsWith("\\f") ? word : esc(word);
            if (line.length() > 0 && line.length() + 1 + w.getBytes(StandardCharsets.UTF_8).length > 80) {
                b.append(lineStart(line.toString())).append('\n');
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(w);
        }
        b.append(lineStart(line.toString())).append('\n');
    }

    /**
     * A line of an example (a .nf block): longer than 80 bytes (mandoc -Tlint's limit), it is split as a
     * shell command is continued, a shown backslash at the end and the rest indented, so that the page
     * shows it as the examples written on several lines are shown, and it can still be pasted.
     */
    private static void verbatim(StringBuilder b, String line) {
        String rest = line;
        while (rest.length() > 80) {
            int cut = rest.lastIndexOf(' ', 76);
            if (cut <= 6) {
                break;
            }
            b.append(rest, 0, cut + 1).append("\\e\n");
            rest = "      " + rest.substring(cut + 1);
        }
        b.append(rest).append('\n');
    }

    private static String lineStart(String l) {
        return l.startsWith(".") || l.startsWith("'") ? "\\&" + l : l;
    }

    static String esc(String s) {
        String t = s.replace("\\", "\\e").replace("-", "\\-");
        return lineStart(t);
    }

    private static String stripDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
