package vmlayout.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vmlayout.config.InputException;
import vmlayout.config.Sizes;

/**
 * One --require assertion: METRIC OP SIZE (vmalloc>=256M, dropped==0, ioremap>=128M ...) or a flag
 * (no-kernel-warning, params-effective).
 *
 * <p>Metrics, in bytes: {@code vmalloc} (the vmalloc area), {@code lowmem}, {@code highmem},
 * {@code dropped} and {@code reserved} (RAM by use), {@code ioremap} (largest single ioremap() that fits
 * the empty vmalloc area, guard page and alignment included), {@code cma} (the contiguous memory the
 * kernel reserved: the global CMA area and the device tree's reusable pools, placed). Operators:
 * {@code >= <= == != > <}. Flags: {@code no-kernel-warning}, {@code params-effective},
 * {@code reservations-placed} (every early reservation asked for was placed).
 */
public record Requirement(String text, String metric, String op, long value) {

    public static final String NO_KERNEL_WARNING = "no-kernel-warning";
    public static final String PARAMS_EFFECTIVE = "params-effective";
    public static final String RESERVATIONS_PLACED = "reservations-placed";
    static final String[] METRICS = {"vmalloc", "lowmem", "highmem", "dropped", "reserved", "ioremap", "cma"};
    private static final String[] OPS = {">=", "<=", "==", "!=", ">", "<"};

    /**
     * Every kind of requirement (a metric or a flag), in a stable order: SARIF's rules and JUnit's test
     * cases are named after them.
     */
    public static final List<String> KINDS = kinds();

    private static List<String> kinds() {
        List<String> out = new ArrayList<>(List.of(METRICS)); // every metric, then the flags
        out.add(NO_KERNEL_WARNING);
        out.add(PARAMS_EFFECTIVE);
        out.add(RESERVATIONS_PLACED);
        return List.copyOf(out);
    }

    /** One line on what a kind of requirement checks (SARIF's shortDescription). */
    public static String summary(String kind) {
        switch (kind) {
            case "vmalloc":
                return "The vmalloc area is as large as required.";
            case "lowmem":
                return "Lowmem (RAM the kernel maps permanently) is as large as required.";
            case "highmem":
                return "Highmem (RAM reached through kmap) is as required.";
            case "dropped":
                return "RAM the kernel drops (never uses) is within the limit.";
            case "reserved":
                return "RAM left out of the kernel's memory (mem=, memmap=, no-map) is as required.";
            case "ioremap":
                return "The largest single ioremap() fits the vmalloc area.";
            case "cma":
                return "The contiguous memory (CMA area and device-tree CMA pools) placed is as large as required.";
            case NO_KERNEL_WARNING:
                return "The kernel prints no memory warning at boot.";
            case PARAMS_EFFECTIVE:
                return "Every memory parameter on the command line takes effect.";
            case RESERVATIONS_PLACED:
                return "Every early reservation asked for (cma=, crashkernel=, a device-tree pool) is placed.";
            default:
                return "The requirement " + kind + " holds.";
        }
    }

    /** How to fix a failing requirement of this kind (SARIF's help text, the check command's help). */
    public static String help(String kind) {
        switch (kind) {
            case "vmalloc":
            case "ioremap":
                return "The vmalloc area (and with it the largest ioremap()) is what the virtual space above lowmem leaves:"
                        + " on ARM and x86 give vmalloc=SIZE on the kernel command line (lowmem shrinks by as much), or a"
                        + " VMSPLIT with more kernel space; on powerpc lower CONFIG_LOWMEM_SIZE or CONFIG_KERNEL_START."
                        + " vmlayout suggest --want 'vmalloc>=SIZE' lists the changes that work, measured.";
            case "lowmem":
            case "highmem":
                return "Lowmem is the RAM below the lowmem limit (PAGE_OFFSET to the vmalloc area); the rest is highmem with"
                        + " CONFIG_HIGHMEM. A smaller vmalloc= or a VMSPLIT with more kernel space moves the limit up.";
            case "dropped":
                return "RAM above the lowmem limit is dropped when the kernel has no CONFIG_HIGHMEM (or past the highmem"
                        + " limit): enable HIGHMEM, choose a VMSPLIT with more kernel space, or shrink vmalloc=."
                        + " vmlayout suggest --want dropped==0 lists the changes that work.";
            case "reserved":
                return "RAM is reserved by mem=, memmap= and the device tree's no-map regions: change those parameters.";
            case "cma":
                return "The CMA area is placed top-down (highmem first from 3.18, then lowmem) where a contiguous free range"
                        + " fits: vmlayout suggest --want cma=SIZE lists the changes of cma=, vmalloc=, HIGHMEM and the"
                        + " memory split that make it fit, measured.";
            case RESERVATIONS_PLACED:
                return "A reservation asked for found no room (the message names the largest free range): a smaller size, a"
                        + " free @base, or more lowmem (vmalloc=, VMSPLIT); vmlayout explain shows the search, and vmlayout"
                        + " suggest --want cma=SIZE the changes for a CMA area.";
            case NO_KERNEL_WARNING:
                return "The kernel would print a memory warning at boot (RAM truncated or ignored, a parameter clamped):"
                        + " the message quotes it; vmlayout explain shows the rule behind it.";
            case PARAMS_EFFECTIVE:
                return "A parameter the kernel does not read (a typo such as vmaloc=, another architecture's parameter, a"
                        + " value it ignores) changes nothing at boot: the message names it and what was probably meant.";
            default:
                return "The message says what fails; vmlayout explain shows the rule behind it.";
        }
    }

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
        if (t.equals(RESERVATIONS_PLACED)) {
            return new Requirement(s, RESERVATIONS_PLACED, null, 0);
        }
        for (String m : METRICS) {
            if (t.startsWith(m)) {
                String rest = t.substring(m.length()).strip();
                for (String op : OPS) {
                    if (rest.startsWith(op)) {
                        String v = rest.substring(op.length()).strip();
                        return new Requirement(s, m, op, bounded(m, op, v, s));
                    }
                }
            }
        }
        throw new InputException("--require: cannot read '" + s + "': expected METRIC OP SIZE with METRIC one of "
                + String.join(", ", METRICS) + " and OP one of >= <= == != > < (e.g. vmalloc>=256M, dropped==0),"
                + " or " + NO_KERNEL_WARNING + ", " + PARAMS_EFFECTIVE + " or " + RESERVATIONS_PLACED);
    }

    /** Largest vmalloc, lowmem or ioremap size: the whole 32-bit virtual address space, 4 GB. */
    static final long MAX_VIRTUAL = 1L << 32;
    /**
     * Largest highmem, dropped, reserved or cma size: the 40-bit physical space of ARM LPAE (x86 PAE has 36
     * bits), 1 TB, the most RAM any 32-bit kernel vmlayout models can address.
     */
    static final long MAX_PHYSICAL = 1L << 40;

    /**
     * The SIZE of METRIC OP SIZE, read as the unsigned 64-bit memparse number it is, and refused when no
     * 32-bit kernel could have that much of the metric: a value past 2^63 would otherwise compare as a
     * negative number ("vmalloc>=0x8000000000000000" holding, "required <= -1 bytes").
     */
    private static long bounded(String metric, String op, String v, String text) {
        long value = Sizes.parse(v, "--require " + text);
        boolean virtual = metric.equals("vmalloc") || metric.equals("lowmem") || metric.equals("ioremap");
        long max = virtual ? MAX_VIRTUAL : MAX_PHYSICAL;
        if (Long.compareUnsigned(value, max) > 0) {
            throw new TooLarge("--require " + text + ": " + Long.toUnsignedString(value) + " bytes is more "
                    + (virtual ? metric + " than a 32-bit kernel's 4 GB virtual address space holds"
                    : metric + " RAM than the 1 TB (40-bit LPAE) physical space of any 32-bit kernel")
                    + ": expected a SIZE up to " + (virtual ? "4G" : "1T"));
        }
        if (value != 0 && Long.compareUnsigned(value, MIN_THRESHOLD) < 0) {
            throw new BadSize("--require " + text + ": " + (hasUnit(v) ? v + " is below 1 MiB: a threshold is 0 or"
                    + " at least 1M (a smaller one is refused as a slip)" : v + " is " + value + " bytes (a SIZE without a"
                    + " unit is in bytes): write " + metric + op + v + "M (a threshold below 1 MiB is refused as a"
                    + " missing unit; 0 is allowed)"));
        }
        return value;
    }

    /**
     * Thresholds below 1 MiB are refused (issue 13): {@code vmalloc>=128} is 128 bytes and holds on every
     * kernel, so it is a missing unit; no region, RAM total or ioremap() vmlayout measures is compared in
     * smaller steps. 0 stays: {@code dropped==0}.
     */
    static final long MIN_THRESHOLD = 1L << 20;

    private static boolean hasUnit(String v) {
        return !v.isEmpty() && Character.isLetter(v.charAt(v.length() - 1)) && !v.toLowerCase(Locale.ROOT).startsWith("0x");
    }

    /** A SIZE no kernel could be compared with: beyond what any 32-bit kernel has, or below 1 MiB (suggest words it for --want). */
    public static class BadSize extends InputException {
        BadSize(String message) {
            super(message);
        }
    }

    /** A SIZE beyond what any 32-bit kernel has of the metric. */
    public static final class TooLarge extends BadSize {
        TooLarge(String message) {
            super(message);
        }
    }

    /**
     * Where {@code actual} lies against the values for which this requirement holds: 0 when it holds, -1
     * below them, 1 above them, 2 at the one value {@code !=} excludes. Two values on the same failing side
     * have every value of a monotonic metric between them on that side too (suggest's search relies on it).
     */
    public int side(long actual) {
        if (holds(actual)) {
            return 0;
        }
        if (op.equals("!=")) {
            return 2;
        }
        return actual < value || actual == value && op.equals(">") ? -1 : 1;
    }

    /** A metric against a bound ({@code < <= == >= >}): not a flag, not {@code !=}, which excludes one value only. */
    public boolean ordered() {
        return op != null && !op.equals("!=");
    }

    /** The value nearest to those that hold seen from {@code side} (-1 below, 1 above): the bound to reach. */
    public long bound(int side) {
        if (side < 0) {
            return op.equals(">") ? value + 1 : value;
        }
        return op.equals("<") ? value - 1 : value;
    }

    /** True when {@code actual op value} holds (both non-negative: {@link #bounded} refused the rest). */
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
