package vmlayout.inputs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vmlayout.config.InputException;

/**
 * The board options as the user gave them, by long option name ("--ram" to its values, in order), and
 * the kernel parameters given as bare arguments: what {@link MachineInputs} turns into a machine. The
 * command line fills it from its option declarations (cli.MachineOptions), so this class knows no option
 * by name and no command-line library.
 */
public final class OptionValues {

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> params = new ArrayList<>();

    /** Appends a value of {@code option}. */
    public OptionValues add(String option, String value) {
        List<String> vs = values.get(option); // no lambda: the fast path keeps java.lang.invoke unloaded
        if (vs == null) {
            vs = new ArrayList<>();
            values.put(option, vs);
        }
        vs.add(value);
        return this;
    }

    /** Replaces every value of {@code option} (none: the option is not given). */
    public OptionValues set(String option, List<String> vs) {
        if (vs.isEmpty()) {
            values.remove(option);
        } else {
            values.put(option, new ArrayList<>(vs));
        }
        return this;
    }

    /** The values of {@code option} in the order given; empty when it is not given. */
    public List<String> all(String option) {
        List<String> v = values.get(option);
        return v == null ? List.of() : Collections.unmodifiableList(v);
    }

    /** The value of a single-valued option, or null. */
    public String one(String option) {
        List<String> v = values.get(option);
        if (v == null) {
            return null;
        }
        if (v.size() > 1) {
            throw new InputException(option + ": give one value here (" + String.join(", ", v) + " were given)");
        }
        return v.get(0);
    }

    public boolean has(String option) {
        return values.containsKey(option);
    }

    /** The options given, in the order of their first value. */
    public Map<String, List<String>> given() {
        return Collections.unmodifiableMap(values);
    }

    /** Kernel parameters given as bare arguments (PARAM=VALUE), in order. */
    public List<String> params() {
        return Collections.unmodifiableList(params);
    }

    public OptionValues params(List<String> ps) {
        params.clear();
        params.addAll(ps);
        return this;
    }

    public OptionValues copy() {
        OptionValues c = new OptionValues();
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            c.values.put(e.getKey(), new ArrayList<>(e.getValue()));
        }
        c.params.addAll(params);
        return c;
    }

    @Override
    public String toString() {
        return values + " " + params;
    }
}
