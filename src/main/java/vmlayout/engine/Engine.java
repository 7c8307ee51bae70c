package vmlayout.engine;

import vmlayout.config.Arch;
import vmlayout.config.Machine;
import vmlayout.config.SymbolCatalog;

/** One architecture's port of the kernel's boot-time memory arithmetic. */
public interface Engine {

    Arch arch();

    /** The names -D accepts for this architecture. */
    SymbolCatalog symbols();

    /**
     * Computes the layout the chosen kernel release would set up for this machine. Its messages start
     * with what reading the inputs found ({@link Machine#inputMessages()}).
     */
    default Layout compute(Machine machine) {
        return compute(machine, false);
    }

    /**
     * The same, and with {@code derivation} also the steps that led there ({@link Layout#derivation()},
     * for explain and suggest; empty without).
     */
    Layout compute(Machine machine, boolean derivation);
}
