package vmlayout.config;


/**
 * A yes/no fact of one release, with the releases that share its answer: {@code since(B, v)} holds from
 * boundary B on, and its releases are "B+" when it holds, "up to B-1" when not. An era class keeps a
 * fact this way when an explain text cites its range; a fact no text cites can be a plain boolean.
 */
public record Fact(boolean holds, Releases releases) implements EraRule {

    /** True from {@code boundary} on. */
    public static Fact since(KernelVersion boundary, KernelVersion v) {
        boolean holds = v.compareTo(boundary) >= 0;
        return new Fact(holds, holds ? Releases.since(boundary) : Releases.until(boundary));
    }

    /** True before {@code boundary}. */
    public static Fact until(KernelVersion boundary, KernelVersion v) {
        boolean holds = v.compareTo(boundary) < 0;
        return new Fact(holds, holds ? Releases.until(boundary) : Releases.since(boundary));
    }
}
