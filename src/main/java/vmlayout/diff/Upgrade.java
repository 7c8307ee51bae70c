package vmlayout.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import vmlayout.config.Boundary;
import vmlayout.config.Checked;
import vmlayout.config.KernelVersion;
import vmlayout.config.Machine;
import vmlayout.engine.Engine;
import vmlayout.engine.Layout;

/**
 * What an upgrade (or downgrade) from release A to release B changes for one board, release by
 * release: every era boundary crossed, with the layouts just before and at it compared, so that each
 * change of lowmem/highmem/dropped RAM, region, kernel message or default is attributed to the
 * boundary (src/docs/eras.md gives its commit) that causes it.
 *
 * @param a          release of side A
 * @param b          release of side B
 * @param steps      the releases crossed, in crossing order, each with its effect on the board
 * @param notChecked the note for a side newer than the newest release the engine is checked against, or null
 */
public record Upgrade(KernelVersion a, KernelVersion b, List<StepEffect> steps, String notChecked) {

    /**
     * One release crossed and what it changes for the board.
     *
     * @param from         the release before (the layout compared from)
     * @param to           the release at the boundaries
     * @param boundaries   the era boundaries at {@code to}
     * @param diff         the layouts of {@code from} and {@code to} compared
     * @param defaultsGone defaults vmlayout took at {@code from} and not at {@code to}
     * @param defaultsNew  defaults taken at {@code to} and not at {@code from}
     */
    public record StepEffect(KernelVersion from, KernelVersion to, List<Boundary> boundaries, LayoutDiff diff,
                             List<String> defaultsGone, List<String> defaultsNew) {

        /** True when crossing this release changes something vmlayout shows for this board. */
        public boolean affects() {
            return !diff.sameKernelLines() || !defaultsGone.isEmpty() || !defaultsNew.isEmpty()
                    || diff.ram().stream().anyMatch(r -> r.delta() != 0)
                    || diff.regions().stream().anyMatch(LayoutDiff.RegionChange::moved)
                    || diff.reservations().stream().anyMatch(LayoutDiff.ReservationChange::changed);
        }
    }

    /**
     * @param engine  the board's engine (its boundaries and how far they are checked)
     * @param extra   boundaries outside the engine that also apply (the command-line rules)
     * @param machine the board under a given release, built from the same inputs
     */
    public static Upgrade of(Engine engine, List<Boundary> extra, KernelVersion a, KernelVersion b,
                             Function<KernelVersion, Machine> machine) {
        List<Boundary> all = new ArrayList<>(engine.boundaries());
        all.addAll(extra);
        List<StepEffect> steps = new ArrayList<>();
        for (UpgradeEra.Step s : UpgradeEra.steps(all, a, b)) {
            Layout from = engine.compute(machine.apply(s.from()));
            Layout to = engine.compute(machine.apply(s.to()));
            steps.add(new StepEffect(s.from(), s.to(), List.copyOf(s.boundaries()), LayoutDiff.of(from, to),
                    minus(from.defaults(), to.defaults()), minus(to.defaults(), from.defaults())));
        }
        Checked c = engine.checked();
        String note = null;
        for (KernelVersion v : new KernelVersion[]{a, b}) {
            if (UpgradeEra.past(v, c.newest())) {
                note = Checked.pastNote(v, engine.arch().name().toLowerCase(Locale.ROOT), c,
                        engine.carriedFacts(c.newest()));
            }
        }
        return new Upgrade(a, b, List.copyOf(steps), note);
    }

    /** What {@code b} changes and its evidence, from its row of src/docs/eras.md. */
    public String describe(Boundary b) {
        return ErasDoc.describe(b);
    }

    private static List<String> minus(List<String> x, List<String> y) {
        List<String> out = new ArrayList<>();
        for (String s : x) {
            if (!y.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
