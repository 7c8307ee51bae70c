package vmlayout.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vmlayout.ShellWords;
import vmlayout.cli.LayoutOf;
import vmlayout.config.InputException;
import vmlayout.config.Machine;
import vmlayout.engine.Engine;
import vmlayout.engine.Engines;
import vmlayout.engine.Layout;
import vmlayout.report.Message;

/**
 * The search for a setting's value (Suggester.search: the ends first, a bisection, a scan where nothing
 * orders the values) against every value of the setting: for each board, goal and searched setting, the
 * value suggest offers is the working value nearest to the one in use among all the values on the
 * setting's grid, each found by running the engine, and suggest offers none when no value works.
 */
class SuggestSearchTest {

    /** A board (options) and a goal (one --want). */
    record Case(String args, String want) {
    }

    static final List<Case> CASES = List.of(
            // the benchmarked one (seed 001): vmalloc= cannot reach it (16M still drops 16 MB), VMALLOC_END can
            new Case("--profile embeddedbits-arm-512M", "dropped==0"),
            new Case("--profile embeddedbits-arm-512M", "lowmem>=496M"),
            new Case("--profile embeddedbits-arm-512M", "vmalloc==200M"),
            new Case("--profile marvell-88pa6220-granite2", "vmalloc>=296M"),
            new Case("--kernel 3.18 --ram 0:1G -D HIGHMEM=y", "vmalloc>=296M"),
            new Case("--kernel 3.18 --ram 0:1G -D HIGHMEM=y", "lowmem>=900M"),
            new Case("--kernel 3.18 --ram 0:1G -D HIGHMEM=y", "vmalloc==300M"),
            new Case("--kernel 3.18 --ram 0:1G -D HIGHMEM=y", "highmem<64M"),
            // 264 MB of highmem now (0x40000000 - 0x2f800000): any vmalloc= that moves the boundary (a scan: != orders nothing)
            new Case("--kernel 3.18 --ram 0:1G -D HIGHMEM=y", "highmem!=264M"),
            // "Consider using a HIGHMEM enabled kernel.": no vmalloc= maps 2 GB (a scan: a flag orders nothing)
            new Case("--kernel 4.19 --ram 0:2G", "no-kernel-warning"),
            new Case("--arch x86 --kernel 3.2 --ram 2G", "vmalloc>=400M"),
            new Case("--arch x86 --kernel 3.2 --ram 2G", "lowmem>=900M"),
            new Case("--arch x86 --kernel 3.2 --ram 2G", "highmem<=512M"),
            new Case("--arch x86 --kernel 3.2 --ram 2G", "ioremap>=300M"),
            new Case("--profile ppc7448-2G -D IOREMAP_BOT=0xf6000000", "vmalloc>=336M"),
            new Case("--profile ppc7448-2G", "ioremap>=400M"));

    @TestFactory
    List<DynamicTest> theValueOfferedIsTheNearestWorkingValueOfAll() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : CASES) {
            tests.add(DynamicTest.dynamicTest(c.args() + " --want " + c.want(), () -> check(c)));
        }
        return tests;
    }

    /**
     * Seed 001 worked by hand: 2.6.37 keeps vmalloc_reserve (128 MB, VMALLOC_OFFSET included) below
     * VMALLOC_END, so lowmem = VMALLOC_END - 128 MB - PAGE_OFFSET, and all 512 MB are lowmem from
     * VMALLOC_END = 0xc0000000 + 0x20000000 + 0x08000000 = 0xe8000000; vmalloc=16M (the least early_vmalloc()
     * takes) leaves 0xe0000000 - 16 MB - 0xc0000000 = 496 MB, still 16 MB dropped.
     */
    @Test
    void seed001() {
        Suggester.Report r = Suggester.run(LayoutOf.machine(ShellWords.split("--profile embeddedbits-arm-512M").toArray(new String[0])),
                new Goals(List.of(Goals.parseWant("dropped==0")), List.of()), Cost.BOARD);
        Set<String> labels = new HashSet<>();
        for (Suggester.Suggestion s : r.suggestions()) {
            labels.add(s.attempt().label());
        }
        assertTrue(labels.contains("-D VMALLOC_END=0xe8000000"), labels.toString());
        for (String l : labels) {
            assertFalse(l.startsWith("vmalloc="), l);
        }
    }

    static void check(Case c) {
        Machine m = LayoutOf.machine(ShellWords.split(c.args()).toArray(new String[0]));
        Goals goals = new Goals(List.of(Goals.parseWant(c.want())), List.of());
        Engine engine = Engines.forArch(m.arch());
        Layout base = engine.compute(m, Engine.Detail.SUMMARY);
        assertFalse(goals.hold(base), "a case whose goal fails now");
        Set<String> baseWarnings = new HashSet<>();
        for (Message msg : base.messages()) {
            if (msg.source() == Message.Source.VMLAYOUT && msg.finding()) {
                baseWarnings.add(msg.text());
            }
        }
        Suggester.Report r = Suggester.run(m, goals, Cost.BOARD);
        List<Knob> knobs = Candidates.forArch(m.arch()).knobs(m, base);
        assertFalse(knobs.isEmpty());
        for (Knob k : knobs) {
            // every value on the grid (and the top of the range, which may be off it), nearest to the value in use
            long cur = k.lo() + (Math.max(k.lo(), Math.min(k.hi(), k.current())) - k.lo()) / k.step() * k.step();
            Long best = null;
            List<Long> values = new ArrayList<>();
            for (long v = k.lo(); v <= k.hi(); v += k.step()) {
                values.add(v);
            }
            if ((k.hi() - k.lo()) % k.step() != 0) {
                values.add(k.hi());
            }
            for (long v : values) {
                if (reaches(engine, m, goals, baseWarnings, List.of(k.at().apply(v)))
                        && (best == null || Math.abs(v - cur) < Math.abs(best - cur))) {
                    best = v; // ascending: a tie keeps the lower
                }
            }
            String offered = null;
            for (Suggester.Suggestion s : r.suggestions()) {
                if (s.how().startsWith("the working " + k.name() + " value nearest")) {
                    offered = s.attempt().label();
                }
            }
            String expected = best == null || best == k.current() ? null : k.at().apply(best).label();
            assertEquals(expected, offered, k.name() + " over " + values.size() + " values");
        }
    }

    /** What Suggester counts as reaching: every goal holds and no vmlayout finding the board did not have. */
    private static boolean reaches(Engine engine, Machine m, Goals goals, Set<String> baseWarnings, List<Change> parts) {
        Layout l;
        try {
            l = engine.compute(Change.apply(m, parts), Engine.Detail.SUMMARY);
        } catch (InputException e) {
            return false;
        }
        for (Message msg : l.messages()) {
            if (msg.source() == Message.Source.VMLAYOUT && msg.finding() && !baseWarnings.contains(msg.text())) {
                return false;
            }
        }
        return goals.hold(l);
    }
}
