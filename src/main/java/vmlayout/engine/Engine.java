package vmlayout.engine;

import vmlayout.config.Arch;
import vmlayout.config.Machine;
import vmlayout.config.SymbolCatalog;

/** One architecture's port of the kernel's boot-time memory arithmetic. */
public interface Engine {

    Arch arch();

    /** The names -D accepts for this architecture. */
    SymbolCatalog symbols();

    /** Computes the layout the chosen kernel release would set up for this machine. */
    Layout compute(Machine machine);
}
