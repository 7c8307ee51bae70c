package vmlayout.cli;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The @Option fields of an options class ({@link MachineOptions}, {@link OutputOptions}) found by name:
 * each field is named after its option's long name ("--vmalloc-end" is {@code vmallocEnd}, "--define"
 * is {@code define}), so the fast path, the machine-argument list and diff's sides reach every option
 * from its one declaration without reading annotations (which costs a cold JVM about 100 ms: annotation
 * proxies). Fields that are not options are {@code transient}. OptionDeclarationsTest checks the naming
 * against picocli's model for every @Option.
 */
final class OptionFields {

    /** The only short option name that is not --help/--version, and its long name. */
    static final String SHORT_DEFINE = "-D";

    private OptionFields() {
    }

    /** The option fields of {@code c} and its superclasses, in declaration order. */
    static List<Field> of(Class<?> c) {
        List<Field> out = new ArrayList<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            List<Field> own = new ArrayList<>();
            for (Field f : declared(k)) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) && !Modifier.isTransient(m) && !f.isSynthetic()) {
                    own.add(f);
                }
            }
            out.addAll(0, own);
        }
        return out;
    }

    /** The field of option {@code name} ("--vmalloc-end", "-D") in {@code c}, or null. */
    static Field field(Class<?> c, String name) {
        String longName = name.equals(SHORT_DEFINE) ? "--define" : name;
        if (!longName.startsWith("--") || longName.length() < 3) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (int i = 2; i < longName.length(); i++) {
            char ch = longName.charAt(i);
            if (ch == '-') {
                upper = true;
            } else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                b.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            } else {
                return null;
            }
        }
        String fieldName = b.toString();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : declared(k)) { // not getDeclaredField: no exception for a name of the other class
                int m = f.getModifiers();
                if (f.getName().equals(fieldName) && !Modifier.isStatic(m) && !Modifier.isTransient(m)) {
                    return f;
                }
            }
        }
        return null;
    }

    /** Each class's declared fields, asked once: getDeclaredFields() copies every Field each time (per option read). */
    private static final Map<Class<?>, Field[]> DECLARED = new HashMap<>();

    private static Field[] declared(Class<?> k) {
        synchronized (DECLARED) {
            Field[] fs = DECLARED.get(k);
            if (fs == null) {
                fs = k.getDeclaredFields();
                DECLARED.put(k, fs);
            }
            return fs;
        }
    }

    /** The long option name of an option field: "--" and the field's name in kebab case. */
    static String longName(Field f) {
        StringBuilder b = new StringBuilder("--");
        for (char ch : f.getName().toCharArray()) {
            if (Character.isUpperCase(ch)) {
                b.append('-').append(Character.toLowerCase(ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    static Object get(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static void set(Field f, Object o, Object v) {
        try {
            f.set(o, v);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
