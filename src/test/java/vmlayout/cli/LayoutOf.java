package vmlayout.cli;

import picocli.CommandLine;
import vmlayout.config.Machine;
import vmlayout.engine.Engines;
import vmlayout.engine.Layout;

/** The Layout the command line computes for these arguments (machine options and parameters), for tests. */
public final class LayoutOf {

    private LayoutOf() {
    }

    /** With the derivation steps (what explain computes). */
    public static Layout args(String... args) {
        Machine m = machine(args);
        return Engines.forArch(m.arch()).compute(m, vmlayout.engine.Engine.Detail.DERIVATION);
    }

    /** The Machine the command line builds from these arguments. */
    public static Machine machine(String... args) {
        VmlayoutCommand c = new VmlayoutCommand();
        new CommandLine(c).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        c.machine.params = c.params;
        return c.machine.toMachine();
    }
}
