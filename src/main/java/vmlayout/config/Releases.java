package vmlayout.config;


/**
 * The kernel releases a rule holds for: from {@code from} (inclusive) up to {@code until} (exclusive);
 * either may be null (no start, no end). Era classes build them from their named boundaries, so that a
 * decision and the text that explains it name the same releases.
 */
public record Releases(KernelVersion from, KernelVersion until) {

    public static final Releases ALL = new Releases(null, null);

    public static Releases since(KernelVersion from) {
        return new Releases(from, null);
    }

    public static Releases until(KernelVersion until) {
        return new Releases(null, until);
    }

    public static Releases between(KernelVersion from, KernelVersion until) {
        return new Releases(from, until);
    }

    /** True when release {@code v} has this rule. */
    public boolean holds(KernelVersion v) {
        return (from == null || v.compareTo(from) >= 0) && (until == null || v.compareTo(until) < 0);
    }

    /**
     * The one rule of {@code rules} that holds in release {@code v} (an era class picks each multi-way
     * decision this way; their ranges tile the releases, which EraRulesTest checks).
     */
    public static <R extends EraRule> R pick(R[] rules, KernelVersion v) {
        for (R r : rules) {
            if (r.releases().holds(v)) {
                return r;
            }
        }
        throw new IllegalStateException("no rule of " + rules[0].getClass().getSimpleName() + " holds in " + v);
    }

    /**
     * "A-B" for the releases from {@code from} up to the one before {@code until}, "A+" without an end,
     * "up to B" without a start, "all releases" without either.
     */
    @Override
    public String toString() {
        if (from == null && until == null) {
            return "all releases";
        }
        if (until == null) {
            return from + "+";
        }
        String last = before(until);
        if (from == null) {
            return "up to " + last;
        }
        return from.toString().equals(last) ? last : from + "-" + last;
    }

    /**
     * The release just before {@code v} as vmlayout names eras: 2.6.29 -> 2.6.28, 3.4 -> 3.3,
     * 3.0 -> 2.6.39, 4.0 -> 3.19, 5.0 -> 4.20, 6.0 -> 5.19, 7.0 -> 6.19.
     */
    static String before(KernelVersion v) {
        if (v.major() == 2) {
            return "2.6." + (v.patch() - 1);
        }
        if (v.minor() > 0) {
            return v.major() + "." + (v.minor() - 1);
        }
        return switch (v.major()) {
            case 3 -> "2.6.39";
            case 4 -> "3.19";
            case 5 -> "4.20";
            case 6 -> "5.19";
            case 7 -> "6.19";
            default -> (v.major() - 1) + ".x";
        };
    }
}
