package vmlayout.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Options and kernel parameters given before a subcommand ({@code vmlayout vmalloc=2G check --profile B},
 * {@code vmlayout --arch x86 names}) apply to that subcommand as if given after its name, or are refused
 * with one line (exit 2): never dropped. Picocli reads them into the main command, whose own job does not
 * run when a subcommand is named; this moves them over through the picocli model, so it holds for every
 * option a subcommand shares with the main command, by name.
 */
final class LeadingArgs {

    /** The positional parameters that take kernel parameters carry this label. */
    static final String PARAM_LABEL = "PARAM=VALUE";

    private LeadingArgs() {
    }

    /**
     * Moves what the main command matched into the subcommand {@code top} names: an option to the
     * subcommand's option of the same name (a list option gets the leading values first; a single value
     * given on both sides is an error), kernel parameters before the subcommand's own. A leading --help
     * asks for the subcommand's help. Throws a ParameterException (exit 2) for what the subcommand does
     * not take.
     */
    static void apply(ParseResult top) {
        ParseResult sub = top.subcommand();
        CommandLine subLine = sub.commandSpec().commandLine();
        String name = sub.commandSpec().name();
        for (OptionSpec given : top.matchedOptions()) {
            OptionSpec target = sub.commandSpec().findOption(given.longestName());
            String shown = given.longestName();
            if (target == null) {
                throw new ParameterException(subLine, "'" + shown + "' given before '" + name + "' is not an option of "
                        + name + ": leave it out");
            }
            if (given.usageHelp() || given.versionHelp()) {
                continue; // the subcommand's own help: see usageHelpRequested
            }
            move(given, target, sub.hasMatchedOption(target), name, subLine);
        }
        List<String> params = new ArrayList<>();
        for (PositionalParamSpec p : top.matchedPositionals()) {
            params.addAll(p.originalStringValues());
        }
        if (!params.isEmpty()) {
            PositionalParamSpec target = paramsOf(sub.commandSpec());
            if (target == null) {
                throw new ParameterException(subLine, "'" + params.get(0) + "' given before '" + name + "': " + name
                        + " takes no kernel parameters" + (name.equals("diff") ? " (put them in a side, e.g. diff -- '"
                        + params.get(0) + "')" : ""));
            }
            List<String> all = new ArrayList<>(params);
            List<String> own = target.getValue();
            if (own != null) {
                all.addAll(own);
            }
            target.setValue(all);
        }
    }

    /** True when --help (or -h) came before the subcommand: its help is what was asked for. */
    static boolean usageHelpRequested(ParseResult top) {
        return top.isUsageHelpRequested();
    }

    private static void move(OptionSpec given, OptionSpec target, boolean alsoAfter, String name, CommandLine subLine) {
        if (target.arity().max == 0) { // a flag
            target.setValue(given.getValue());
            return;
        }
        if (target.isMultiValue()) {
            List<Object> all = new ArrayList<>();
            Collection<?> before = given.getValue();
            Collection<?> after = target.getValue();
            all.addAll(before);
            if (after != null) {
                all.addAll(after);
            }
            target.setValue(all);
            return;
        }
        if (alsoAfter) {
            throw new ParameterException(subLine, "'" + target.longestName() + "' given both before and after '" + name
                    + "': give it once");
        }
        String v = given.originalStringValues().get(given.originalStringValues().size() - 1);
        target.setValue(convert(v, target, name, subLine));
    }

    /** A leading option's text as the subcommand's option reads it (its enum may differ: check --format github). */
    private static Object convert(String v, OptionSpec target, String name, CommandLine subLine) {
        Class<?> type = target.type();
        if (type.isEnum()) {
            for (Object c : type.getEnumConstants()) {
                if (((Enum<?>) c).name().equalsIgnoreCase(v)) {
                    return c;
                }
            }
            List<String> names = new ArrayList<>();
            for (Object c : type.getEnumConstants()) {
                names.add(((Enum<?>) c).name().toLowerCase(Locale.ROOT));
            }
            throw new ParameterException(subLine, "'" + target.longestName() + " " + v + "' given before '" + name
                    + "': " + name + "'s " + target.longestName() + " is one of " + String.join(", ", names));
        }
        return v;
    }

    private static PositionalParamSpec paramsOf(CommandSpec spec) {
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (PARAM_LABEL.equals(p.paramLabel()) && p.isMultiValue()) {
                return p;
            }
        }
        return null;
    }
}
