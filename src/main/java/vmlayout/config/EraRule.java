package vmlayout.config;

/**
 * A rule of some kernel releases, as an era class selects it: each constant of an era's rule enum (and
 * each {@link Fact}) carries the releases it holds for, so the explain text that cites it and the
 * decision it makes come from the same place.
 */
public interface EraRule {

    /** The releases that have this rule. */
    Releases releases();

    /** "FILE FUNCTION, RELEASES": the source a derivation step cites for this rule. */
    default String source(String where) {
        return where + ", " + releases();
    }
}
