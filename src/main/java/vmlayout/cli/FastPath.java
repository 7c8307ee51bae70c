package vmlayout.cli;

import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The main job without picocli. Building picocli's model costs about 130 ms of a cold JVM, several
 * times the JVM's own start-up, and a CI job runs vmlayout hundreds of times. So the common case, the
 * main command with plain options ({@code --name=value}, {@code --name value}, {@code -D NAME=VALUE},
 * bare {@code PARAM=VALUE}), is read here into the same {@link MachineOptions} and {@link
 * OutputOptions} objects picocli fills, and runs the same {@link VmlayoutCommand#run}. It lists no
 * option: each option's field is found by its name (OptionFields), so a new @Option is read here too.
 * Anything else (help, a subcommand, a name with no field, a value it cannot place) returns null and
 * goes to picocli, which is the reference for every option, message and error. FastPathTest checks
 * that both read every option into the same machine.
 */
final class FastPath {

    private FastPath() {
    }

    /** Runs the main job if the arguments are plain enough; otherwise null (picocli takes over). */
    static Integer tryRun(String[] args, PrintWriter out) {
        MachineOptions m = new MachineOptions();
        OutputOptions o = new OutputOptions();
        if (!parse(args, m, o)) {
            return null;
        }
        return VmlayoutCommand.run(m, o, out);
    }

    /** Fills the option objects; false when some argument is not for the fast path. */
    static boolean parse(String[] args, MachineOptions m, OutputOptions o) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-")) {
                if (a.indexOf('=') <= 0) {
                    return false; // a subcommand or a stray word: picocli explains
                }
                m.params.add(a);
                continue;
            }
            String name;
            String value;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else {
                name = a;
                if (flag(name, m, o)) {
                    continue;
                }
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    return false;
                }
                value = args[++i];
            }
            if (!set(name, value, m, o, seen)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sets option {@code name} to {@code v} in the object whose field is named after it (OptionFields):
     * a list gets the value added, a single value is set once, an enum takes one of its constants (any
     * case). False when picocli must read it: an unknown name, a value given twice, a bad enum value.
     */
    private static boolean set(String name, String v, MachineOptions m, OutputOptions o, Set<String> seen) {
        Object target = m;
        Field f = OptionFields.field(MachineOptions.class, name);
        if (f == null) {
            target = o;
            f = OptionFields.field(OutputOptions.class, name);
        }
        if (f == null) {
            return false;
        }
        Class<?> type = f.getType();
        if (type == List.class) {
            @SuppressWarnings("unchecked")
            List<String> list = (List<String>) OptionFields.get(f, target);
            list.add(v);
            return true;
        }
        if (!seen.add(name.equals(OptionFields.SHORT_DEFINE) ? "--define" : name)) {
            return false; // a single-valued option given twice is picocli's error to report
        }
        if (type == String.class) {
            OptionFields.set(f, target, v);
            return true;
        }
        if (type.isEnum()) {
            for (Object c : type.getEnumConstants()) {
                if (((Enum<?>) c).name().equalsIgnoreCase(v)) {
                    OptionFields.set(f, target, c);
                    return true;
                }
            }
        }
        return false;
    }

    /** A flag (a boolean option field): set, or false when {@code name} is not one. */
    private static boolean flag(String name, MachineOptions m, OutputOptions o) {
        Field f = OptionFields.field(OutputOptions.class, name);
        Object target = o;
        if (f == null) {
            f = OptionFields.field(MachineOptions.class, name);
            target = m;
        }
        if (f == null || f.getType() != boolean.class) {
            return false;
        }
        OptionFields.set(f, target, true);
        return true;
    }
}
