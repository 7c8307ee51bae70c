package vmlayout.cli;

import java.io.File;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Commands without picocli. Building picocli's model costs a cold JVM 150 to 300 ms of CPU (reflection
 * over the annotations, annotation proxies, interpolation of every description), several times the
 * JVM's own start-up, and a CI job runs vmlayout hundreds of times. So the common cases are read here
 * into the same objects picocli fills, and run the same code:
 * <ul>
 *   <li>the main command with plain options ({@code --name=value}, {@code --name value}, {@code -D
 *       NAME=VALUE}, bare {@code PARAM=VALUE}) into {@link MachineOptions} and {@link OutputOptions},
 *       then {@link VmlayoutCommand#run};</li>
 *   <li>a subcommand named first ({@code vmlayout check --profile B ...}; check, explain, suggest, diff,
 *       verify, batch, profiles, names) into a new instance of its class and its mixins, then its
 *       {@code call()}; its operands are placed by {@link SubCommand#operands}.</li>
 * </ul>
 * It lists no option: each option's field is found by its name (OptionFields), so a new @Option is read
 * here too. Anything else (help, a name with no field, a value it cannot place, a word before the
 * subcommand, operands that do not fit) returns null and goes to picocli, which is the reference for
 * every option, message and error. FastPathTest checks that both read the same arguments into the same
 * fields, for every option of every command.
 */
final class FastPath {

    private FastPath() {
    }

    /** Runs the command if the arguments are plain enough; otherwise null (picocli takes over). */
    static Integer tryRun(String[] args, PrintWriter out) {
        if (args.length > 0 && !args[0].startsWith("-") && args[0].indexOf('=') < 0) {
            return runSubcommand(args, out);
        }
        MachineOptions m = new MachineOptions();
        OutputOptions o = new OutputOptions();
        if (!parse(args, m, o)) {
            return null;
        }
        return VmlayoutCommand.run(m, o, out);
    }

    /** The main command's options and bare parameters; false when some argument is not for the fast path. */
    static boolean parse(String[] args, MachineOptions m, OutputOptions o) {
        for (String a : args) {
            if (a.equals("--")) {
                return false; // kept for picocli, as before the subcommands came here
            }
        }
        List<String> operands = new ArrayList<>();
        if (!parse(args, 0, List.of(m, o), operands)) {
            return false;
        }
        for (String p : operands) {
            if (p.indexOf('=') <= 0) {
                return false; // a subcommand or a stray word: picocli explains
            }
        }
        m.params.addAll(operands);
        return true;
    }

    /** A new instance of the subcommand {@code name} runs on the fast path, or null. */
    static SubCommand subcommand(String name) {
        switch (name) {
            case "check":
                return typed(new CheckCommand());
            case "explain":
                return typed(new ExplainCommand());
            case "suggest":
                return typed(new SuggestCommand());
            case "diff":
                return typed(new DiffCommand());
            case "verify":
                return typed(new VerifyCommand());
            case "batch":
                return typed(new BatchCommand());
            case "profiles":
                return typed(new ProfilesCommand());
            case "names":
                return typed(new NamesCommand());
            case "schema":
                return typed(new SchemaCommand());
            default:
                return null; // help, generate-completion, a typo: picocli
        }
    }

    /**
     * A command as a SubCommand, by a cast: returned directly, each {@code new} would be a verification
     * constraint (that command assignable to SubCommand), checked when FastPath is linked by loading every
     * command class, the eight a run does not use included.
     */
    private static SubCommand typed(Object command) {
        return (SubCommand) command;
    }

    private static Integer runSubcommand(String[] args, PrintWriter out) {
        SubCommand c = subcommand(args[0]);
        if (c == null || !read(c, args)) {
            return null;
        }
        c.fastOut = out;
        c.fastArgs = List.of(args);
        try {
            return c.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fills subcommand {@code c} (and its mixins) from {@code args} after its name; false: picocli's job. */
    static boolean read(SubCommand c, String[] args) {
        List<Object> holders = new ArrayList<>();
        holders.add(c);
        for (Field f : c.getClass().getDeclaredFields()) {
            // the mixins: the transient fields of an options class, made here as picocli makes them
            Object mixin = Modifier.isTransient(f.getModifiers()) ? newOptions(f.getType()) : null;
            if (mixin != null) {
                OptionFields.set(f, c, mixin);
                holders.add(mixin);
            }
        }
        List<String> operands = new ArrayList<>();
        return parse(args, 1, holders, operands) && c.operands(operands);
    }

    /** A new instance of an options class (by its no-argument constructor, as picocli makes a mixin), else null. */
    private static Object newOptions(Class<?> c) {
        // new, not reflection: getDeclaredConstructor().newInstance() loads and runs the reflective
        // constructor machinery for each mixin of a cold run
        if (c == MachineOptions.class) {
            return new MachineOptions();
        }
        if (c == ColorOption.class) {
            return new ColorOption();
        }
        return c == OutputOptions.class ? new OutputOptions() : null;
    }

    /**
     * Reads options into the option fields of {@code holders} and collects the operands; false when an
     * argument is not for the fast path. After "--" every argument is an operand, as is "-" alone.
     */
    static boolean parse(String[] args, int from, List<Object> holders, List<String> operands) {
        Set<Field> seen = new HashSet<>();
        boolean onlyOperands = false;
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (onlyOperands || !a.startsWith("-") || a.equals("-")) {
                operands.add(a);
                continue;
            }
            if (a.equals("--")) {
                onlyOperands = true;
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
                if (flag(name, holders)) {
                    continue;
                }
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    return false;
                }
                value = args[++i];
            }
            if (!set(name, value, holders, seen)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sets option {@code name} to {@code v} in the holder whose field is named after it (OptionFields):
     * a list of strings gets the value added, a single value is set once, an enum takes one of its
     * constants (any case), a file its path, an int plain decimal digits. False when picocli must read it: an unknown name, a value
     * given twice, a bad enum value, a type not listed here.
     */
    private static boolean set(String name, String v, List<Object> holders, Set<Field> seen) {
        Object target = null;
        Field f = null;
        for (Object h : holders) {
            f = OptionFields.field(h.getClass(), name);
            if (f != null) {
                target = h;
                break;
            }
        }
        if (f == null) {
            return false;
        }
        Class<?> type = f.getType();
        if (type == List.class) { // List<String>: FastPathTest checks every list option is one
            @SuppressWarnings("unchecked")
            List<String> list = (List<String>) OptionFields.get(f, target);
            list.add(v);
            return true;
        }
        if (!seen.add(f)) {
            return false; // a single-valued option given twice is picocli's error to report
        }
        if (type == String.class) {
            OptionFields.set(f, target, v);
            return true;
        }
        if (type == Integer.class || type == int.class) {
            // picocli's conversion: a decimal int, else its error (so: its path)
            if (v.isEmpty() || v.length() > 9) {
                return false;
            }
            for (int k = 0; k < v.length(); k++) {
                if (v.charAt(k) < '0' || v.charAt(k) > '9') {
                    return false;
                }
            }
            OptionFields.set(f, target, Integer.parseInt(v));
            return true;
        }
        if (type == File.class) {
            OptionFields.set(f, target, new File(v));
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
    private static boolean flag(String name, List<Object> holders) {
        for (Object h : holders) {
            Field f = OptionFields.field(h.getClass(), name);
            if (f != null) {
                if (f.getType() != boolean.class) {
                    return false;
                }
                OptionFields.set(f, h, true);
                return true;
            }
        }
        return false;
    }
}
