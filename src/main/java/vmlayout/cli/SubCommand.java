package vmlayout.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand, run by picocli or by {@link FastPath} (which has no picocli model, so no spec to take
 * the output writer from). Its fields follow the fast path's convention: each option's field is named
 * after its long name (OptionFields); what is not an option (the spec, mixins, operands) is transient.
 */
abstract class SubCommand implements Callable<Integer> {

    @Spec
    transient CommandSpec spec;

    /** The output writer FastPath gives; null under picocli. */
    transient PrintWriter fastOut;

    /** The arguments as given (FastPath: its own; picocli: its parse result's). */
    transient List<String> fastArgs;

    PrintWriter out() {
        return fastOut != null ? fastOut : spec.commandLine().getOut();
    }

    List<String> originalArgs() {
        return fastArgs != null ? fastArgs : spec.commandLine().getParseResult().originalArgs();
    }

    /**
     * Places the operands (the positional arguments, in order) as picocli's @Parameters would; false
     * when they do not fit (too few, too many, a stray word) and picocli must read and refuse them.
     */
    abstract boolean operands(List<String> words);
}
