package vmlayout.cli;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine;
import vmlayout.config.Arch;
import vmlayout.config.KernelVersion;
import vmlayout.config.Machine;
import vmlayout.config.Symbol;
import vmlayout.engine.Engines;
import vmlayout.inputs.CommandLineRules;
import vmlayout.inputs.Profile;

/**
 * Shell completions for bash, zsh and fish, generated from the picocli model: every command, every
 * option and what its values can be. They are static scripts (a Tab starts no JVM): the value lists are
 * written into them when they are generated, and DocsInSyncTest fails when the committed ones are stale.
 * <ul>
 *   <li>enum options (--format, --color, ...) complete their constants; --arch the architectures;
 *       --kernel the releases the engines know (each release where a rule changes, and the default);
 *       --profile the built-in profiles and files; -D the names {@code vmlayout names} lists for the
 *       --arch on the line (all architectures' names without one); file options and file operands
 *       complete paths;</li>
 *   <li>bare operands complete the kernel parameters vmlayout reads ({@code mem=}, {@code vmalloc=} ...),
 *       or what the command's operand is (a log or batch file, diff's sides, a profile name, a shell).</li>
 * </ul>
 */
final class Completions {

    enum Shell { bash, zsh, fish }

    /** What a value (of an option or an operand) can be. */
    record Values(List<String> words, boolean files, boolean defines, boolean params) {
        static final Values NONE = new Values(List.of(), false, false, false);

        boolean any() {
            return !words.isEmpty() || files || defines || params;
        }

        Values plus(Values o) {
            List<String> w = new ArrayList<>(new LinkedHashSet<>(concat(words, o.words)));
            return new Values(w, files || o.files, defines || o.defines, params || o.params);
        }
    }

    record Opt(List<String> names, boolean takesValue, Values values, String help) {
    }

    record Cmd(String name, String help, List<Opt> opts, Values operands) {
    }

    private Completions() {
    }

    static String script(Shell shell) {
        List<Cmd> cmds = commands(Docs.model());
        switch (shell) {
            case zsh:
                return zsh(cmds);
            case fish:
                return fish(cmds);
            default:
                return bash(cmds);
        }
    }

    // --- the model

    /** The main command ("" here) and each subcommand that help lists, with options and operands. */
    static List<Cmd> commands(CommandLine root) {
        List<Cmd> out = new ArrayList<>();
        out.add(command("", root.getCommandSpec()));
        for (CommandLine sub : root.getSubcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            if (!s.usageMessage().hidden() && out.stream().noneMatch(c -> c.name().equals(s.name()))) {
                out.add(command(s.name(), s));
            }
        }
        return out;
    }

    private static Cmd command(String name, CommandSpec spec) {
        List<Opt> opts = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                opts.add(new Opt(List.of(o.names()), o.arity().max() > 0, values(o), oneLine(o.description())));
            }
        }
        Values operands = Values.NONE;
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                operands = operands.plus(values(p));
            }
        }
        if (name.equals("help")) {
            List<String> names = new ArrayList<>(spec.root().subcommands().keySet());
            names.remove("help");
            operands = new Values(names, false, false, false);
        }
        String help = spec.usageMessage().description().length > 0 ? spec.usageMessage().description()[0]
                : spec.usageMessage().header().length > 0 ? spec.usageMessage().header()[0] : "";
        return new Cmd(name, help, opts, operands);
    }

    /** What an option's or operand's values can be, from its type, candidates, name or label. */
    static Values values(ArgSpec a) {
        if (a.arity().max() == 0) {
            return Values.NONE;
        }
        String name = a instanceof OptionSpec o ? o.longestName() : "";
        String label = a.paramLabel();
        Class<?> type = a.type();
        if (name.equals("--arch")) {
            return words(arches());
        }
        if (name.equals("--kernel")) {
            return words(releases());
        }
        if (name.equals("--profile") || name.equals("--board") || label.equals("SIDE")) {
            // a profile: a built-in name or a JSON file (--board's ":BOOTARGS" follows the profile)
            return new Values(Profile.builtInNames(), true, false, false);
        }
        if (name.equals("--define")) {
            return new Values(List.of(), false, true, false);
        }
        if (label.equals(LeadingArgs.PARAM_LABEL)) {
            return new Values(List.of(), false, false, true);
        }
        if (a.completionCandidates() != null) {
            List<String> w = new ArrayList<>();
            a.completionCandidates().forEach(w::add);
            return words(w);
        }
        if (type == File.class || type == Path.class || namesAFile(label)) {
            return new Values(List.of(), true, false, false);
        }
        if (label.equals("NAME") && a.command().name().equals("profiles")) {
            return words(Profile.builtInNames());
        }
        return Values.NONE;
    }

    /** Words of a value's label that say it is a path: the completions offer files and directories. */
    static final Set<String> PATH_WORDS = Set.of("FILE", "DIR", "LOG", "PATH");

    /**
     * The value is a path when its label says so with a word of its own ("FILE", "FILE|DIR", "LOG",
     * "FILE|-"), not when a word merely contains one ("PROFILE"). The option fields stay strings (the
     * readers name the value as the user typed it, "-" is standard input); what completes paths is the
     * label, which is also what --help and the man page show the user.
     */
    static boolean namesAFile(String label) {
        for (String word : label.split("[^A-Za-z]+")) {
            if (PATH_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static Values words(List<String> w) {
        return new Values(w, false, false, false);
    }

    static List<String> arches() {
        List<String> out = new ArrayList<>();
        for (Arch a : Arch.values()) {
            out.add(a.id());
        }
        return out;
    }

    /** Every spelling --arch accepts (Arch.parse), each with the architecture it means. */
    static Map<String, Arch> archSpellings() {
        Map<String, Arch> out = new LinkedHashMap<>();
        for (String s : List.of("arm", "arm32", "x86", "i386", "x86_32", "ppc", "ppc32", "powerpc")) {
            out.put(s, Arch.parse(s));
        }
        return out;
    }

    /** The -D names of one architecture, as {@code vmlayout names --arch} lists them, each with "=". */
    static List<String> defines(Arch arch) {
        List<String> out = new ArrayList<>();
        for (Symbol s : Engines.forArch(arch).symbols().symbols()) {
            out.add(s.name() + "=");
        }
        return out;
    }

    /**
     * The releases the engines know: each release where one of their rules changes (the KernelVersion
     * constants of the era classes) and the default, oldest first.
     */
    static List<String> releases() {
        Set<KernelVersion> all = new TreeSet<>();
        all.add(Machine.DEFAULT_KERNEL);
        for (String era : List.of("vmlayout.engine.arm.ArmEra", "vmlayout.engine.x86.X86Era", "vmlayout.engine.ppc.PpcEra")) {
            try {
                for (Field f : Class.forName(era).getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) && f.getType() == KernelVersion.class) {
                        f.setAccessible(true);
                        all.add((KernelVersion) f.get(null));
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(era, e);
            }
        }
        List<String> out = new ArrayList<>();
        for (KernelVersion v : all) {
            out.add(v.toString());
        }
        return out;
    }

    /** The kernel parameters vmlayout reads, as words to complete ("mem=" ...). */
    static List<String> params() {
        List<String> out = new ArrayList<>();
        for (String p : CommandLineRules.MEMORY_PARAMS) {
            out.add(p + "=");
        }
        return out;
    }

    // --- bash

    private static String bash(List<Cmd> cmds) {
        StringBuilder b = new StringBuilder();
        b.append("# bash completion for vmlayout ").append(Version.get()).append(", generated from its options by\n")
                .append("# `vmlayout generate-completion bash` (do not edit). Installed as\n")
                .append("# share/bash-completion/completions/vmlayout, bash-completion loads it on the first Tab;\n")
                .append("# or source it from ~/.bashrc. Needs bash 4 or later; bash-completion is optional.\n\n");
        defineLists(b, cmds, (n, w) -> "_vmlayout_" + n + "='" + String.join(" ", w) + "'");
        b.append("_vmlayout_words() { # WORDS...: the words that start like $cur\n")
                .append("    COMPREPLY+=($(compgen -W \"$*\" -- \"$cur\"))\n")
                .append("}\n\n");
        b.append("_vmlayout_files() {\n")
                .append("    local IFS=$'\\n'\n")
                .append("    compopt -o filenames 2>/dev/null\n")
                .append("    COMPREPLY+=($(compgen -f -- \"$cur\"))\n")
                .append("}\n\n");
        b.append("_vmlayout_defines() { # -D: the names of the --arch on the line, else of all\n")
                .append("    case $arch in\n");
        for (Arch a : Arch.values()) {
            b.append("        ").append(spellings(a, "|")).append(") _vmlayout_words $_vmlayout_defines_").append(a.id()).append(" ;;\n");
        }
        b.append("        *) _vmlayout_words $_vmlayout_defines_all ;;\n")
                .append("    esac\n")
                .append("}\n\n");
        b.append("_vmlayout_values() { # VALUES: complete a value (words, files, -D names, kernel parameters)\n")
                .append("    local v\n")
                .append("    for v; do\n")
                .append("        case $v in\n")
                .append("            @files) _vmlayout_files ;;\n")
                .append("            @defines) _vmlayout_defines ;;\n")
                .append("            @params) _vmlayout_words $_vmlayout_params ;;\n")
                .append("            *) _vmlayout_words \"$v\" ;;\n")
                .append("        esac\n")
                .append("    done\n")
                .append("}\n\n");
        b.append("# a single NAME= candidate: no space after it, the value follows\n")
                .append("_vmlayout() {\n")
                .append("    _vmlayout_complete\n")
                .append("    if [[ ${#COMPREPLY[@]} == 1 && ${COMPREPLY[0]} == *= ]]; then\n")
                .append("        compopt -o nospace 2>/dev/null\n")
                .append("    fi\n")
                .append("    return 0\n")
                .append("}\n\n")
                .append("_vmlayout_complete() {\n")
                .append("    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} opt= cmd= arch= i w\n")
                .append("    COMPREPLY=()\n")
                .append("    # bash splits --name=value at '=' (COMP_WORDBREAKS): put the pieces back together\n")
                .append("    if [[ $cur == = || $prev == = ]]; then\n")
                .append("        if [[ $cur == = ]]; then opt=$prev cur=; else opt=${COMP_WORDS[COMP_CWORD-2]}; fi\n")
                .append("        [[ $opt == -* ]] || return 0 # the value of a kernel parameter or a -D name: yours to type\n")
                .append("    elif [[ $prev == -* ]]; then\n")
                .append("        opt=$prev\n")
                .append("    fi\n")
                .append("    for ((i = 1; i < COMP_CWORD; i++)); do\n")
                .append("        w=${COMP_WORDS[i]}\n")
                .append("        if [[ $w == --arch ]]; then\n")
                .append("            arch=${COMP_WORDS[i+1]}\n")
                .append("            [[ $arch == = ]] && arch=${COMP_WORDS[i+2]}\n")
                .append("        elif [[ -z $cmd && \" $_vmlayout_commands \" == *\" $w \"* && \" $_vmlayout_valued \" != *\" ${COMP_WORDS[i-1]} \"* ]]; then\n")
                .append("            cmd=$w\n")
                .append("        fi\n")
                .append("    done\n")
                .append("    # the value of an option\n")
                .append("    if [[ -n $opt ]]; then\n")
                .append("        case \"$cmd $opt\" in\n");
        for (Map.Entry<String, Values> e : valueCases(cmds).entrySet()) {
            b.append("            ").append(e.getKey()).append(") _vmlayout_values").append(bashValues(e.getValue()))
                    .append("; return ;;\n");
        }
        b.append("        esac\n")
                .append("    fi\n")
                .append("    # an option, a command or an operand\n")
                .append("    case $cmd in\n");
        for (Cmd c : cmds) {
            b.append("        ").append(c.name().isEmpty() ? "''" : c.name()).append(")\n");
            b.append("            if [[ $cur == -* ]]; then _vmlayout_words ").append(quoteWords(optionNames(c))).append("; return; fi\n");
            if (c.name().isEmpty()) {
                b.append("            _vmlayout_words \"$_vmlayout_commands\"\n");
            }
            if (c.operands().any()) {
                b.append("            _vmlayout_values").append(bashValues(c.operands())).append('\n');
            }
            b.append("            ;;\n");
        }
        b.append("    esac\n")
                .append("}\n\n")
                .append("complete -F _vmlayout vmlayout\n");
        return b.toString();
    }

    /**
     * The case patterns of "$cmd $opt" for the options that take a value, each with its values: "*\" --arch\""
     * where an option's values are the same in every command, else one pattern per command.
     */
    private static Map<String, Values> valueCases(List<Cmd> cmds) {
        Map<String, Set<Values>> byName = new LinkedHashMap<>();
        for (Cmd c : cmds) {
            for (Opt o : c.opts()) {
                if (o.takesValue()) {
                    for (String n : o.names()) {
                        byName.computeIfAbsent(n, k -> new LinkedHashSet<>()).add(o.values());
                    }
                }
            }
        }
        Map<String, Values> out = new LinkedHashMap<>();
        for (Map.Entry<String, Set<Values>> e : byName.entrySet()) {
            String n = e.getKey();
            if (e.getValue().size() == 1) {
                out.put("*\" " + n + "\"", e.getValue().iterator().next());
                continue;
            }
            for (Cmd c : cmds) {
                for (Opt o : c.opts()) {
                    if (o.names().contains(n)) {
                        out.put("\"" + c.name() + " " + n + "\"", o.values());
                    }
                }
            }
        }
        return out;
    }

    private static String bashValues(Values v) {
        StringBuilder b = new StringBuilder();
        if (!v.words().isEmpty()) {
            b.append(" ").append(quoteWords(v.words()));
        }
        b.append(v.files() ? " @files" : "").append(v.defines() ? " @defines" : "").append(v.params() ? " @params" : "");
        return b.toString();
    }

    /** The lists the scripts share: commands, options that take a value, -D names per arch, parameters. */
    private static void defineLists(StringBuilder b, List<Cmd> cmds, BiFunction<String, List<String>, String> line) {
        List<String> names = new ArrayList<>();
        Set<String> valued = new TreeSet<>();
        for (Cmd c : cmds) {
            if (!c.name().isEmpty()) {
                names.add(c.name());
            }
            for (Opt o : c.opts()) {
                if (o.takesValue()) {
                    valued.addAll(o.names());
                }
            }
        }
        b.append(line.apply("commands", names)).append('\n');
        b.append(line.apply("valued", new ArrayList<>(valued))).append('\n');
        Set<String> all = new TreeSet<>();
        for (Arch a : Arch.values()) {
            all.addAll(defines(a));
            b.append(line.apply("defines_" + a.id(), defines(a))).append('\n');
        }
        b.append(line.apply("defines_all", new ArrayList<>(all))).append('\n');
        b.append(line.apply("params", params())).append("\n\n");
    }

    // --- zsh

    private static String zsh(List<Cmd> cmds) {
        StringBuilder b = new StringBuilder();
        b.append("#compdef vmlayout\n")
                .append("# zsh completion for vmlayout ").append(Version.get()).append(", generated from its options by\n")
                .append("# `vmlayout generate-completion zsh` (do not edit). Put it in a directory of $fpath (the\n")
                .append("# release archive's share/zsh/site-functions) before compinit runs.\n\n");
        defineLists(b, cmds, (n, w) -> "local -a _vmlayout_" + n + "=(" + String.join(" ", w) + ")");
        b.append("local cur=${words[CURRENT]} prev=${words[CURRENT-1]} opt= cmd= arch= i w\n")
                .append("# --name=value is one word here\n")
                .append("if [[ $cur == --*=* ]]; then\n")
                .append("    opt=${cur%%=*}\n")
                .append("    compset -P '*='\n")
                .append("    cur=${cur#*=}\n")
                .append("elif [[ $prev == -* ]]; then\n")
                .append("    opt=$prev\n")
                .append("fi\n")
                .append("for ((i = 2; i < CURRENT; i++)); do\n")
                .append("    w=${words[i]}\n")
                .append("    case $w in\n")
                .append("        --arch) arch=${words[i+1]} ;;\n")
                .append("        --arch=*) arch=${w#--arch=} ;;\n")
                .append("        *) if [[ -z $cmd && ${_vmlayout_commands[(Ie)$w]} -gt 0 && ${_vmlayout_valued[(Ie)${words[i-1]}]} -eq 0 ]]; then\n")
                .append("               cmd=$w\n")
                .append("           fi ;;\n")
                .append("    esac\n")
                .append("done\n\n")
                .append("_vmlayout_values() {\n")
                .append("    local v\n")
                .append("    for v; do\n")
                .append("        case $v in\n")
                .append("            @files) _files ;;\n")
                .append("            @defines)\n")
                .append("                case $arch in\n");
        for (Arch a : Arch.values()) {
            b.append("                    ").append(spellings(a, "|")).append(") compadd -S '' -a _vmlayout_defines_").append(a.id()).append(" ;;\n");
        }
        b.append("                    *) compadd -S '' -a _vmlayout_defines_all ;;\n")
                .append("                esac ;;\n")
                .append("            @params) compadd -S '' -a _vmlayout_params ;;\n")
                .append("            *) compadd -- ${=v} ;;\n")
                .append("        esac\n")
                .append("    done\n")
                .append("}\n\n")
                .append("if [[ -n $opt ]]; then\n")
                .append("    case \"$cmd $opt\" in\n");
        for (Map.Entry<String, Values> e : valueCases(cmds).entrySet()) {
            b.append("        ").append(e.getKey()).append(") _vmlayout_values").append(zshValues(e.getValue()))
                    .append("; return ;;\n");
        }
        b.append("    esac\n")
                .append("fi\n")
                .append("local -a opts cmds\n")
                .append("case $cmd in\n");
        for (Cmd c : cmds) {
            b.append("    ").append(c.name().isEmpty() ? "''" : c.name()).append(")\n");
            b.append("        if [[ $cur == -* ]]; then\n");
            b.append("            opts=(\n");
            for (Opt o : c.opts()) {
                for (String n : o.names()) {
                    b.append("                ").append(zshQuote(n + ":" + o.help())).append('\n');
                }
            }
            b.append("            )\n");
            b.append("            _describe -t options option opts\n");
            b.append("            return\n");
            b.append("        fi\n");
            if (c.name().isEmpty()) {
                b.append("        cmds=(\n");
                for (Cmd s : cmds) {
                    if (!s.name().isEmpty()) {
                        b.append("            ").append(zshQuote(s.name() + ":" + s.help())).append('\n');
                    }
                }
                b.append("        )\n");
                b.append("        _describe -t commands command cmds\n");
            }
            if (c.operands().any()) {
                b.append("        _vmlayout_values").append(zshValues(c.operands())).append('\n');
            }
            b.append("        ;;\n");
        }
        b.append("esac\n");
        return b.toString();
    }

    private static String zshValues(Values v) {
        StringBuilder b = new StringBuilder();
        if (!v.words().isEmpty()) {
            b.append(" ").append(quoteWords(v.words()));
        }
        b.append(v.files() ? " @files" : "").append(v.defines() ? " @defines" : "").append(v.params() ? " @params" : "");
        return b.toString();
    }

    private static String zshQuote(String s) {
        return "'" + s.replace(":", "\\:").replaceFirst("\\\\:", ":").replace("'", "'\\''") + "'";
    }

    // --- fish

    private static String fish(List<Cmd> cmds) {
        StringBuilder b = new StringBuilder();
        b.append("# fish completion for vmlayout ").append(Version.get()).append(", generated from its options by\n")
                .append("# `vmlayout generate-completion fish` (do not edit). fish loads it from a vendor_completions.d\n")
                .append("# directory (the release archive's share/fish/vendor_completions.d) or ~/.config/fish/completions.\n\n");
        defineLists(b, cmds, (n, w) -> "set -g __vmlayout_" + n + " " + String.join(" ", w));
        List<String> valued = new ArrayList<>();
        for (Cmd c : cmds) {
            for (Opt o : c.opts()) {
                if (o.takesValue()) {
                    valued.addAll(o.names());
                }
            }
        }
        b.append("# the subcommand on the line ('' for the main command)\n")
                .append("function __vmlayout_cmd\n")
                .append("    set -l tokens (commandline -opc)\n")
                .append("    set -l prev ''\n")
                .append("    for t in $tokens[2..-1]\n")
                .append("        if contains -- $t $__vmlayout_commands; and not contains -- $prev $__vmlayout_valued\n")
                .append("            echo $t\n")
                .append("            return\n")
                .append("        end\n")
                .append("        set prev $t\n")
                .append("    end\n")
                .append("    echo ''\n")
                .append("end\n\n")
                .append("function __vmlayout_using\n")
                .append("    contains -- (__vmlayout_cmd) $argv\n")
                .append("end\n\n")
                .append("# -D: the names of the --arch on the line, else of all\n")
                .append("function __vmlayout_defines\n")
                .append("    set -l tokens (commandline -opc)\n")
                .append("    set -l arch ''\n")
                .append("    for i in (seq (count $tokens))\n")
                .append("        switch $tokens[$i]\n")
                .append("            case --arch\n")
                .append("                set arch $tokens[(math $i + 1)]\n")
                .append("            case '--arch=*'\n")
                .append("                set arch (string replace -- --arch= '' $tokens[$i])\n")
                .append("        end\n")
                .append("    end\n")
                .append("    switch $arch\n");
        for (Arch a : Arch.values()) {
            b.append("        case ").append(spellings(a, " ")).append('\n')
                    .append("            printf '%s\\n' $__vmlayout_defines_").append(a.id()).append('\n');
        }
        b.append("        case '*'\n")
                .append("            printf '%s\\n' $__vmlayout_defines_all\n")
                .append("    end\n")
                .append("end\n\n")
                .append("# no file names unless a value or operand is a file\n")
                .append("complete -c vmlayout -f\n");
        for (Cmd c : cmds) {
            String cond = "-n '__vmlayout_using " + (c.name().isEmpty() ? "\"\"" : c.name()) + "'";
            if (c.name().isEmpty()) {
                for (Cmd s : cmds) {
                    if (!s.name().isEmpty()) {
                        b.append("complete -c vmlayout ").append(cond).append(" -a ").append(s.name()).append(" -d ")
                                .append(fishQuote(s.help())).append('\n');
                    }
                }
            }
            for (Opt o : c.opts()) {
                b.append("complete -c vmlayout ").append(cond);
                for (String n : o.names()) {
                    b.append(n.startsWith("--") ? " -l " + n.substring(2) : " -s " + n.substring(1));
                }
                if (o.takesValue()) {
                    b.append(fishValues(o.values(), true));
                }
                b.append(" -d ").append(fishQuote(o.help())).append('\n');
            }
            if (c.operands().any()) {
                b.append("complete -c vmlayout ").append(cond).append(fishValues(c.operands(), false)).append('\n');
            }
        }
        return b.toString();
    }

    private static String fishValues(Values v, boolean option) {
        List<String> a = new ArrayList<>(v.words());
        StringBuilder b = new StringBuilder();
        if (v.defines()) {
            a.add("(__vmlayout_defines)");
        }
        if (v.params()) {
            a.add("$__vmlayout_params");
        }
        if (option) {
            b.append(v.files() ? " -r -F" : " -x");
        } else if (v.files()) {
            b.append(" -F");
        }
        if (!a.isEmpty()) {
            b.append(" -a '").append(String.join(" ", a)).append("'");
        }
        return b.toString();
    }

    private static String fishQuote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    // --- shared

    private static String spellings(Arch a, String sep) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Arch> e : archSpellings().entrySet()) {
            if (e.getValue() == a) {
                out.add(e.getKey());
            }
        }
        return String.join(sep, out);
    }

    private static List<String> optionNames(Cmd c) {
        List<String> out = new ArrayList<>();
        for (Opt o : c.opts()) {
            for (String n : o.names()) {
                out.add(o.takesValue() && n.startsWith("--") ? n : n);
            }
        }
        return out;
    }

    private static String quoteWords(List<String> words) {
        return "'" + String.join(" ", words).replace("'", "'\\''") + "'";
    }

    /** The first sentence of a description, on one line, for the menus of zsh and fish. */
    static String oneLine(String[] description) {
        String s = String.join(" ", description).replace("${COMPLETION-CANDIDATES}", "").replaceAll("\\s+", " ").strip();
        Matcher m = Pattern.compile("\\.\\s+[A-Z(]").matcher(s);
        if (m.find()) {
            s = s.substring(0, m.start());
        }
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
