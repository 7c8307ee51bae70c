package vmlayout.suggest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vmlayout.cli.LayoutOf;
import vmlayout.config.Machine;
import vmlayout.engine.Layout;

/**
 * suggest on every golden board (real configurations of all three architectures and many eras), with
 * goals it often cannot reach without a change: it never fails internally, and every suggestion it
 * makes reaches the goals when its changes are applied to the machine again.
 */
class SuggestOverGoldenCasesTest {

    static final List<String> GOALS = List.of("vmalloc>=512M", "dropped==0", "ioremap=256M");

    @TestFactory
    List<DynamicTest> suggestionsOnRealBoardsReachTheirGoals() throws IOException {
        List<Path> files = vmlayout.golden.GoldenCases.argsFiles();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : files) {
            tests.add(DynamicTest.dynamicTest(p.toString(), () -> {
                List<String> args = vmlayout.golden.GoldenCases.args(p);
                Machine m = LayoutOf.machine(args.toArray(new String[0]));
                for (String g : GOALS) {
                    Goals goals = new Goals(List.of(Goals.parseWant(g)), List.of());
                    Suggester.Report r = Suggester.run(m, goals, Cost.BOARD);
                    // a goal that fails gets suggestions, or the closest tries that explain why not
                    assertTrue(r.alreadyHolds() || !r.suggestions().isEmpty() || !r.closest().isEmpty(), p + " " + g);
                    for (Suggester.Suggestion s : r.suggestions()) {
                        Layout again = vmlayout.engine.Engines.forArch(m.arch()).compute(Change.apply(m, s.attempt().parts()));
                        assertTrue(goals.hold(again), p + " " + g + ": " + s.attempt().label() + " " + goals.failures(again));
                    }
                }
            }));
        }
        assertFalse(tests.isEmpty());
        return tests;
    }
}
