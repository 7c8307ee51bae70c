package vmlayout.check;

import java.util.Locale;
import vmlayout.config.InputException;
import vmlayout.config.Sizes;

/**
 * One --require assertion: METRIC OP SIZE (vmalloc>=256M, dropped==0, ioremap>=128M ...) or a flag
 * (no-kernel-warning, params-effective).
 *
 * <p>Metrics, in bytes: {@code vmalloc} (the vmalloc area), {@code lowmem}, {@code highmem},
 * {@code dropped} and {@code reserved} (RAM by use), {@code ioremap} (largest single ioremap() that fits
 * the empty vmalloc area, guard page and alignment included). Operators: {@code >= <= == != > <}.
 */
public record Requirement(String text, String metric, String op, long value) {

    public static final String NO_KERNEL_WARNING = "no-kernel-warning";
    public static final String PARAMS_EFFECTIVE = "params-effective";
    static final String[] METRICS = {"vmalloc", "lowmem", "highmem", "dropped", "reserved", "ioremap"};
    private static final String[] OPS = {">=", "<=", "==", "!=", ">", "<"};

    public boolean isFlag() {
        return op == null;
    }

    public static Requirement parse(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        if (t.equals(NO_KERNEL_WARNING) || t.equals("no-warning") || t.equals("no-warnings")) {
            return new Requirement(s, NO_KERNEL_WARNING, null, 0);
        }
        if (t.equals(PARAMS_EFFECTIVE)) {
            return new Requirement(s, PARAMS_EFFECTIVE, null, 0);
        }
        for (String m : METRICS) {
            if (t.startsWith(m)) {
                String rest = t.substring(m.length()).strip();
                for (String op : OPS) {
                    if (rest.startsWith(op)) {
                        String v = rest.substring(op.length()).strip();
                        return new Requirement(s, m, op, Sizes.parse(v, "--require " + s));
                    }
                }
            }
        }
        throw new InputException("--require: cannot read '" + s + "': expected METRIC OP SIZE with METRIC one of "
                + String.join(", ", METRICS) + " and OP one of >= <= == != > < (e.g. vmalloc>=256M, dropped==0),"
                + " or " + NO_KERNEL_WARNING + ", or " + PARAMS_EFFECTIVE);
    }

    /** True when {@code actual op value} holds. */
    public boolean holds(long actual) {
        switch (op) {
            case ">=":
                return actual >= value;
            case "<=":
                return actual <= value;
            case "==":
                return actual == value;
            case "!=":
                return actual != value;
            case ">":
                return actual > value;
            default:
                return actual < value;
        }
    }
}
