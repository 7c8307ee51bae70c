package vmlayout.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The linear one-edit check that NearMisses.meant uses against the edit distance it replaces. */
class NearMissesTest {

    /** Every pair of words of up to four letters over {a, b, c}, and each memory parameter's near misses. */
    @Test
    void withinOneEditIsDistanceAtMostOne() {
        List<String> words = new ArrayList<>(List.of(""));
        for (int len = 1; len <= 4; len++) {
            List<String> more = new ArrayList<>();
            for (String w : words) {
                if (w.length() == len - 1) {
                    for (char c : new char[]{'a', 'b', 'c'}) {
                        more.add(w + c);
                    }
                }
            }
            words.addAll(more);
        }
        for (String a : words) {
            for (String b : words) {
                assertEquals(NearMisses.distance(a, b) <= 1, NearMisses.withinOneEdit(a, b), a + " / " + b);
            }
        }
        for (String m : NearMisses.MEMORY_PARAMS) {
            for (String typo : List.of(m, m.substring(1), m + "x", "x" + m, m.substring(0, m.length() - 1),
                    m.charAt(1) + m.substring(0, 1) + m.substring(2), m.substring(0, 2) + "q" + m.substring(3), "console")) {
                assertEquals(NearMisses.distance(typo, m) <= 1, NearMisses.withinOneEdit(typo, m), typo + " / " + m);
            }
        }
    }
}
