package vmlayout.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import vmlayout.config.Machine;
import vmlayout.engine.Engines;
import vmlayout.engine.Layout;

/** The Layout the command line computes for these arguments (machine options only), for tests. */
public final class LayoutOf {

    @Command(name = "layout-of")
    static final class Holder {
        @Mixin
        MachineOptions machine;
    }

    private LayoutOf() {
    }

    public static Layout args(String... args) {
        Holder h = new Holder();
        new CommandLine(h).parseArgs(args);
        Machine m = h.machine.toMachine();
        return Engines.forArch(m.arch()).compute(m);
    }
}
