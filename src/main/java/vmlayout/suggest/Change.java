package vmlayout.suggest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import vmlayout.bootargs.Param;
import vmlayout.config.Defines;
import vmlayout.config.Fmt;
import vmlayout.config.Machine;
import vmlayout.config.Sizes;

/**
 * One concrete change to a board's configuration: kernel parameters to add (after removing those it
 * replaces) and Kconfig values or board constants to set.
 *
 * @param label    how the change is written: "vmalloc=297M", "-D HIGHMEM=y", "memmap=1G$1G"
 * @param cost     what applying it costs
 * @param group    changes of the same group exclude each other (one split, one way to reserve); may be empty
 * @param params   kernel parameters added at the end of the command line
 * @param replaces parameter names whose existing occurrences are removed first
 * @param defines  -D settings, in order
 * @param note     a few words about how to apply it (may be empty)
 */
public record Change(String label, Cost cost, String group, List<Param> params, List<String> replaces,
                     Map<String, String> defines, String note) {

    public Change {
        params = List.copyOf(params);
        replaces = List.copyOf(replaces);
        defines = Collections.unmodifiableMap(new LinkedHashMap<>(defines));
    }

    /** A kernel parameter that replaces any earlier one of the same name. */
    static Change param(String name, String value, Cost cost, String group, String note) {
        return new Change(name + "=" + value, cost, group, List.of(new Param(name, value, "suggest")), List.of(name), Map.of(), note);
    }

    /** -D settings, written "-D A=x -D B=y". */
    /**
     * A knob's change: kernel parameter {@code name} set to the knob's value as a size. A class, not a
     * lambda: a cold JVM's first lambda costs milliseconds (see cli.FastPath).
     */
    static LongFunction<Change> paramAt(String name, String group) {
        return new LongFunction<Change>() {
            @Override
            public Change apply(long v) {
                return param(name, Sizes.param(v), Cost.BOOT, group, "");
            }
        };
    }

    /** A knob's change: -D {@code name} set to the knob's value in hex. */
    static LongFunction<Change> defineAt(String name, Cost cost, String group, String note) {
        return new LongFunction<Change>() {
            @Override
            public Change apply(long v) {
                return defines(Map.of(name, Fmt.hex8(v)), cost, group, note);
            }
        };
    }

    static Change defines(Map<String, String> defines, Cost cost, String group, String note) {
        StringBuilder label = new StringBuilder();
        for (Map.Entry<String, String> e : defines.entrySet()) {
            label.append(label.length() == 0 ? "" : " ").append("-D ").append(e.getKey()).append('=').append(e.getValue());
        }
        return new Change(label.toString(), cost, group, List.of(), List.of(), defines, note);
    }

    /** The machine with these changes applied, in order. */
    public static Machine apply(Machine m, List<Change> parts) {
        List<Param> params = new ArrayList<>(m.params());
        Defines d = new Defines();
        for (Map.Entry<String, String> e : m.defines().raw().entrySet()) {
            d.put(e.getKey(), e.getValue());
        }
        for (Change c : parts) {
            for (String name : c.replaces()) {
                for (Iterator<Param> it = params.iterator(); it.hasNext(); ) {
                    if (it.next().is(name)) {
                        it.remove();
                    }
                }
            }
            params.addAll(c.params());
            for (Map.Entry<String, String> e : c.defines().entrySet()) {
                d.put(e.getKey(), e.getValue());
            }
        }
        // the device tree's reserved regions stay: they are where the candidate's reservations must fit too
        return new Machine(m.arch(), m.kernel(), m.ram(), m.e820(), params, d, m.defaultsUsed(), m.reserved(), null, List.of(),
                m.reservedMemory());
    }
}
