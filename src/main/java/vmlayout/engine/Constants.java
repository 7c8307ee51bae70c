package vmlayout.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vmlayout.config.Defines;
import vmlayout.config.InputException;
import vmlayout.config.SymbolCatalog;

/**
 * The named kernel constants and Kconfig values one run uses: each is either pinned by -D or derived
 * by the engine the way the kernel derives it. Every value asked for is recorded, with the rule that
 * produced it, so that JSON output and {@code explain} can show the inputs as understood.
 */
public final class Constants {

    /**
     * One value as used.
     *
     * @param name   the symbol's name (no CONFIG_ prefix)
     * @param value  the value (booleans 1/0)
     * @param bool   true for a y/n symbol
     * @param pinned true when set by -D, false when derived
     * @param rule   where a derived value comes from (kernel file and rule); "-D" when pinned
     */
    public record Value(String name, long value, boolean bool, boolean pinned, String rule) {
    }

    private final Map<String, Long> pins;
    private final Map<String, Value> used = new LinkedHashMap<>();

    public Constants(SymbolCatalog catalog, Defines defines) {
        this.pins = catalog.read(defines);
    }

    /** The pinned value, or {@code derived}; records which. */
    public long get(String name, long derived, String rule) {
        Long p = pins.get(name);
        Value v = p != null ? new Value(name, p, false, true, "-D") : new Value(name, derived, false, false, rule);
        used.put(name, v);
        return v.value();
    }

    /** A y/n symbol: the pinned value, or {@code dflt}; records which. */
    public boolean flag(String name, boolean dflt, String rule) {
        Long p = pins.get(name);
        Value v = p != null ? new Value(name, p, true, true, "-D") : new Value(name, dflt ? 1 : 0, true, false, rule);
        used.put(name, v);
        return v.value() != 0;
    }

    /**
     * A Kconfig "choice": the member set to y with -D (recorded as used), or null when none is; more
     * than one is an input error naming both.
     */
    public String choice(String... members) {
        String chosen = null;
        for (String m : members) {
            Long p = pins.get(m);
            if (p != null && p != 0) {
                if (chosen != null) {
                    throw new InputException("-D " + m + "=y: only one of " + String.join(", ", members)
                            + " can be chosen (already " + chosen + ")");
                }
                chosen = m;
                flag(m, true, "-D");
            }
        }
        return chosen;
    }

    /**
     * A kernel image section [begin, end) from two System.map symbols, or null unless both were given
     * (the table prints a section row only then).
     */
    public long[] section(String begin, String end) {
        if (!pinned(begin) || !pinned(end)) {
            return null;
        }
        return new long[]{get(begin, 0, "-D"), get(end, 0, "-D")};
    }

    /** True when -D set this name. */
    public boolean pinned(String name) {
        return pins.containsKey(name);
    }

    /** The pinned value of a name, or null (does not record a use). */
    public Long pin(String name) {
        return pins.get(name);
    }

    /** The value recorded for a name, or null when the engine has not asked for it. */
    public Value value(String name) {
        return used.get(name);
    }

    /** Every value asked for, in the order first asked. */
    public List<Value> used() {
        return new ArrayList<>(used.values());
    }

    /** Pinned names the engine never asked for (they had no effect on this arch and era). */
    public List<String> unused() {
        List<String> out = new ArrayList<>();
        for (String n : pins.keySet()) {
            if (!used.containsKey(n)) {
                out.add(n);
            }
        }
        return out;
    }
}
