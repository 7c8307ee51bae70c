package vmlayout.config;


/**
 * What an arch's era class shares: the release and the one way to compare it with a boundary. Every
 * release-dependent decision of an engine is a named fact of its era class (a boolean, a {@link Fact}
 * or a constant of a rule enum that implements {@link EraRule}), computed once from named boundaries
 * (static KernelVersion constants whose comment gives the evidence; src/docs/eras.md lists them, and
 * ErasDocTest holds that list to the classes). No other class compares releases (EraScanTest).
 */
public abstract class Era {

    public final KernelVersion version;

    protected Era(KernelVersion version) {
        this.version = version;
    }

    /**
     * The era of the release asked last, kept by each era class: an era is a pure function of its release
     * (final facts), and suggest and verify compute a dozen layouts of one release, each engine run asking
     * for its eras (tens of facts each, in a cold run's interpreter).
     */
    public static final class Last<E extends Era> {
        private E last;

        /** The era kept, if it is {@code v}'s; else null. */
        public synchronized E of(KernelVersion v) {
            E e = last;
            // the same release, -rc included, compared by hand: a record's equals() is invokedynamic (see cli.FastPath)
            return e != null && e.version.compareTo(v) == 0 && e.version.rc() == v.rc() ? e : null;
        }

        /** Keeps {@code e} and returns it. */
        public synchronized E keep(E e) {
            last = e;
            return e;
        }
    }

    /** True from {@code boundary} on. */
    protected final boolean since(KernelVersion boundary) {
        return version.compareTo(boundary) >= 0;
    }

    /** A fact true from {@code boundary} on, with the releases it cites. */
    protected final Fact fact(KernelVersion boundary) {
        return Fact.since(boundary, version);
    }

    /**
     * True when this release is newer than the newest one checked: a later major.minor (6.19.8 is 6.19,
     * so it is within "checked to 6.19"; 7.0 is past it).
     */
    protected final boolean pastChecked(Checked checked) {
        KernelVersion n = checked.newest();
        return version.major() != n.major() ? version.major() > n.major() : version.minor() > n.minor();
    }

    /** The rule of {@code rules} that holds in this release. */
    protected final <R extends EraRule> R pick(R[] rules) {
        return Releases.pick(rules, version);
    }
}
