package vmlayout.engine;

import java.util.List;
import vmlayout.config.Arch;
import vmlayout.config.Boundary;
import vmlayout.config.Checked;
import vmlayout.config.KernelVersion;
import vmlayout.config.Machine;
import vmlayout.config.SymbolCatalog;

/** One architecture's port of the kernel's boot-time memory arithmetic. */
public interface Engine {

    Arch arch();

    /** The names -D accepts for this architecture. */
    SymbolCatalog symbols();

    /** How far this engine's era facts reach: the newest release checked, and what is not checked past it. */
    Checked checked();

    /** Every release boundary of this engine's era class. */
    List<Boundary> boundaries();

    /**
     * The facts of release {@code v} a computation rests on that a newer release may change: what the note past
     * {@link #checked()} names as not checked (from the era class, so the note and the rules have one home).
     */
    List<String> carriedFacts(KernelVersion v);

    /** How much an engine writes down besides the layout's numbers. */
    enum Detail {
        /** Regions, RAM by use and messages only: no table text, no steps (a batch line). */
        SUMMARY,
        /** Also the kernel's table lines, as printed (the main command, check, diff, verify). */
        TABLE,
        /** Also the derivation steps (explain, suggest). */
        DERIVATION
    }

    /**
     * Computes the layout the chosen kernel release would set up for this machine, with the kernel's
     * table lines. Its messages start with what reading the inputs found ({@link Machine#inputMessages()}).
     */
    default Layout compute(Machine machine) {
        return compute(machine, Detail.TABLE);
    }

    /** The same, writing down as much as {@code detail} asks ({@link Layout#table()} and {@link Layout#derivation()} are empty without). */
    Layout compute(Machine machine, Detail detail);
}
