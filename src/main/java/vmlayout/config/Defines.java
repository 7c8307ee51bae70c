package vmlayout.config;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The -D NAME=VALUE settings as given: names upper-cased with any CONFIG_ prefix removed; a later
 * setting of the same name replaces an earlier one (as in a .config).
 */
public final class Defines {

    private final Map<String, String> raw = new LinkedHashMap<>();
    private final Map<String, String> origins = new LinkedHashMap<>();
    private final Set<String> fromFile = new HashSet<>();
    /** The values as last read by a catalog (batch runs reuse one Defines for many machines). */
    private Object readBy;
    private Map<String, Long> readValues;

    /**
     * Kconfig names and constants are upper case without CONFIG_; linker symbols (a leading '_', such as
     * _text or __bss_start) keep their case.
     */
    public static String normalize(String name) {
        String n = name.trim();
        if (n.startsWith("_")) {
            return n;
        }
        n = n.toUpperCase(Locale.ROOT);
        return n.startsWith("CONFIG_") ? n.substring("CONFIG_".length()) : n;
    }

    /** Adds "NAME=VALUE"; a bare "NAME" means NAME=y. */
    public Defines add(String assignment) {
        int eq = assignment.indexOf('=');
        String name = normalize(eq < 0 ? assignment : assignment.substring(0, eq));
        String value = eq < 0 ? "y" : assignment.substring(eq + 1);
        if (!isName(name)) {
            throw new InputException("-D: cannot read '" + assignment + "': expected NAME=VALUE, e.g. HIGHMEM=y or VMALLOC_END=0xff000000");
        }
        raw.remove(name);
        raw.put(name, value);
        origins.remove(name);
        fromFile.remove(name);
        readBy = null;
        return this;
    }

    private static boolean isName(String n) {
        if (n.isEmpty()) {
            return false;
        }
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (!(c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    public Defines put(String name, String value) {
        String n = normalize(name);
        raw.remove(n);
        raw.put(n, value);
        readBy = null;
        return this;
    }

    /** Like {@link #put} for a shorthand option or a profile entry, which error messages then name. */
    public Defines put(String name, String value, String option) {
        put(name, value);
        origins.put(normalize(name), option);
        fromFile.remove(normalize(name));
        return this;
    }

    /**
     * Like {@link #put} for a value read from a file (--config, --system-map): not the user's setting,
     * so a note about it names {@code where} (the file and line) and only a set value is worth one.
     */
    public Defines putFromFile(String name, String value, String where) {
        put(name, value, where);
        fromFile.add(normalize(name));
        return this;
    }

    /** How the user set this name: "-D NAME", the shorthand option used, or the file it was read from. */
    public String origin(String name) {
        return origins.getOrDefault(name, "-D " + name);
    }

    /** True when this name's value was read from a file rather than set by the user. */
    public boolean fromFile(String name) {
        return fromFile.contains(name);
    }

    /** The values this catalog read from these defines before, or null (cleared by any change). */
    Map<String, Long> readBy(Object catalog) {
        return readBy == catalog ? readValues : null;
    }

    void rememberRead(Object catalog, Map<String, Long> values) {
        readBy = catalog;
        readValues = Collections.unmodifiableMap(values);
    }

    /** Adds every setting of {@code other}, with its origin; later settings replace earlier ones. */
    public Defines addAll(Defines other) {
        for (Map.Entry<String, String> e : other.raw.entrySet()) {
            put(e.getKey(), e.getValue());
            if (other.origins.containsKey(e.getKey())) {
                origins.put(e.getKey(), other.origins.get(e.getKey()));
            } else {
                origins.remove(e.getKey());
            }
            if (other.fromFile.contains(e.getKey())) {
                fromFile.add(e.getKey());
            } else {
                fromFile.remove(e.getKey());
            }
        }
        return this;
    }

    public Map<String, String> raw() {
        return Collections.unmodifiableMap(raw);
    }

    public boolean has(String name) {
        return raw.containsKey(name);
    }
}
