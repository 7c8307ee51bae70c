package vmlayout.props;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import vmlayout.bootargs.KernelCmdline;
import vmlayout.bootargs.MemParse;
import vmlayout.bootargs.Param;
import vmlayout.config.InputException;
import vmlayout.config.Sizes;
import vmlayout.engine.RangeSet;

/** Properties of the parsers, checked on generated inputs (bounded: part of the normal test run). */
class ParserPropertiesTest {

    @Property(tries = 2000)
    void decimalWithSuffixIsShiftedValue(@ForAll("unsigned") long n, @ForAll("suffix") String suffix) {
        int bits = "KMGTPE".indexOf(Character.toUpperCase(suffix.charAt(0))) * 10 + 10;
        MemParse.Result r = MemParse.parse(Long.toUnsignedString(n) + suffix, MemParse.Suffixes.KMGTPE);
        assertEquals(bits >= 64 ? 0 : n << bits, r.value());
        assertEquals("", r.rest());
    }

    @Property(tries = 2000)
    void hexAndOctalReadBack(@ForAll("unsigned") long n) {
        assertEquals(n, MemParse.parse("0x" + Long.toHexString(n), MemParse.Suffixes.KMGTPE).value());
        assertEquals(n, MemParse.parse("0" + Long.toOctalString(n), MemParse.Suffixes.KMGTPE).value());
    }

    @Property(tries = 3000)
    void memparseNeverFailsAndStaysInBounds(@ForAll @StringLength(max = 40) String s) {
        MemParse.Result r = MemParse.parse(s, MemParse.Suffixes.KMGTPE);
        assertTrue(r.end() >= 0 && r.end() <= s.length());
        assertTrue(r.digitsEnd() <= r.end());
        assertEquals(s.substring(r.end()), r.rest());
    }

    @Property(tries = 3000)
    void strictSizesEitherReadOrRejectInOneLine(@ForAll @StringLength(max = 40) String s) {
        try {
            Sizes.parse(s, "--x");
        } catch (InputException e) {
            assertFalse(e.getMessage().contains("\n"));
            assertTrue(e.getMessage().startsWith("--x"));
        }
    }

    @Property(tries = 1000)
    void simpleParametersRoundTrip(@ForAll("params") List<String> words) {
        List<Param> ps = KernelCmdline.parse(String.join("  ", words), "p").params();
        List<String> back = new ArrayList<>();
        for (Param p : ps) {
            back.add(p.text());
        }
        assertEquals(words, back);
    }

    @Property(tries = 3000)
    void tokenizerNeverFails(@ForAll @StringLength(max = 60) String s) {
        KernelCmdline.parse(s, "p");
    }

    @Property(tries = 500)
    void rangeSetMatchesABitmap(@ForAll("ops") List<int[]> ops) {
        boolean[] bits = new boolean[64];
        RangeSet set = build(ops, bits);
        assertMatches(bits, set);
    }

    /** intersect, addAll and removeAll against the same bitmaps, for two sets built by random operations. */
    @Property(tries = 1000)
    void rangeSetAlgebraMatchesBitmaps(@ForAll("ops") List<int[]> opsA, @ForAll("ops") List<int[]> opsB) {
        boolean[] a = new boolean[64];
        boolean[] b = new boolean[64];
        RangeSet sa = build(opsA, a);
        RangeSet sb = build(opsB, b);
        boolean[] and = new boolean[64];
        boolean[] or = new boolean[64];
        boolean[] minus = new boolean[64];
        for (int i = 0; i < 64; i++) {
            and[i] = a[i] && b[i];
            or[i] = a[i] || b[i];
            minus[i] = a[i] && !b[i];
        }
        assertMatches(and, sa.intersect(sb));
        assertMatches(or, new RangeSet(sa).addAll(sb));
        assertMatches(minus, new RangeSet(sa).removeAll(sb));
        assertMatches(a, sa); // the operands are left alone
        assertMatches(b, sb);
    }

    private static RangeSet build(List<int[]> ops, boolean[] bits) {
        RangeSet set = new RangeSet();
        for (int[] op : ops) {
            int lo = Math.min(op[1], op[2]);
            int hi = Math.max(op[1], op[2]);
            if (op[0] == 0) {
                set.add(lo, hi);
            } else {
                set.remove(lo, hi);
            }
            for (int i = lo; i < hi; i++) {
                bits[i] = op[0] == 0;
            }
        }
        return set;
    }

    private static void assertMatches(boolean[] bits, RangeSet set) {
        boolean[] got = new boolean[64];
        long prevEnd = -1;
        for (RangeSet.Range r : set.ranges()) {
            assertTrue(r.start() > prevEnd, "sorted, merged, non-empty: " + set.ranges());
            assertTrue(r.end() > r.start());
            prevEnd = r.end();
            for (long i = r.start(); i < r.end(); i++) {
                got[(int) i] = true;
            }
        }
        for (int i = 0; i < 64; i++) {
            assertEquals(bits[i], got[i], "bit " + i + " of " + set.ranges());
        }
    }

    @Provide
    Arbitrary<Long> unsigned() {
        return Arbitraries.longs().between(0, Long.MAX_VALUE).map(x -> x * 2 + (x & 1));
    }

    @Provide
    Arbitrary<String> suffix() {
        return Arbitraries.of("K", "M", "G", "T", "P", "E", "k", "m", "g", "t", "p", "e");
    }

    @Provide
    Arbitrary<List<String>> params() {
        Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').withChars('_', '.').ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> value = Arbitraries.strings().withCharRange('0', '9').withCharRange('A', 'z').withChars('@', ',', ':', '$', '=')
                .ofMaxLength(12).filter(v -> v.indexOf('"') < 0 && v.indexOf('`') < 0 && v.indexOf('\\') < 0);
        Arbitrary<String> word = Combinators.combine(name, value, Arbitraries.of(true, false))
                .as((n, v, eq) -> eq ? n + "=" + v : n).filter(w -> !w.equals("--"));
        return word.list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<int[]>> ops() {
        return Combinators.combine(Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 63),
                Arbitraries.integers().between(0, 63)).as((o, a, b) -> new int[]{o, a, b}).list().ofMaxSize(12);
    }
}
