package vmlayout.engine;

import java.util.ArrayList;
import java.util.List;
import vmlayout.config.Fmt;

/**
 * Collects an engine's derivation steps while it computes (see {@link Derivation}). Only explain and
 * suggest read them: other commands get a log that is off, and the engines build a step's text only
 * {@code if (log.on())} (the text was a fifth of a batch line's cost).
 */
public final class DerivationLog {

    private final boolean on;
    private final List<Derivation> steps = new ArrayList<>();

    /** A log that records. */
    public DerivationLog() {
        this(true);
    }

    public DerivationLog(boolean on) {
        this.on = on;
    }

    /** Whether steps are recorded: test it before building a step's text. */
    public boolean on() {
        return on;
    }

    public void add(String subject, String text, String source) {
        if (on) {
            steps.add(new Derivation(subject, text, source));
        }
    }

    /**
     * A step for a constant the engine used: its value and either "pinned with -D" or the rule
     * recorded in {@link Constants} (which then is the source).
     */
    public void constant(Constants c, String name, String what) {
        if (!on) {
            return;
        }
        Constants.Value v = c.value(name);
        if (v == null) {
            return;
        }
        String value = v.bool() ? (v.value() != 0 ? "y" : "n") : Fmt.hex8(v.value());
        if (v.pinned()) {
            add(name, name + " = " + value + (what.isEmpty() ? "" : ": " + what) + ", as pinned with -D.", "-D " + name);
        } else {
            add(name, name + " = " + value + (what.isEmpty() ? "" : ": " + what) + ".", v.rule());
        }
    }

    public List<Derivation> steps() {
        return steps;
    }
}
