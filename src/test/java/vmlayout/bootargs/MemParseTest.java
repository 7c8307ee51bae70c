package vmlayout.bootargs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vmlayout.bootargs.MemParse.Suffixes;

/**
 * memparse() as lib/cmdline.c and lib/kstrtox.c define it. Expected values are worked by hand from
 * those functions: base 0 radix detection, digit accumulation modulo 2^64, one suffix letter.
 */
class MemParseTest {

    private static MemParse.Result p(String s) {
        return MemParse.parse(s, Suffixes.KMGTPE);
    }

    @Test
    void decimalWithSuffixes() {
        assertEquals(512L << 20, p("512M").value());
        assertEquals(4, p("512M").end());
        assertEquals(32L << 20, p("32m").value(), "suffixes in either case (log11: mem=32m)");
        assertEquals(1024, p("1k").value());
        assertEquals(1L << 31, p("2G").value());
        assertEquals(1L << 40, p("1T").value());
        assertEquals(1L << 50, p("1p").value());
        assertEquals(1L << 60, p("1E").value());
    }

    @Test
    void hexAndOctal() {
        assertEquals(0x20000000L, p("0x20000000").value());
        assertEquals(31, p("0X1F").value());
        assertEquals(0777, p("0777").value(), "a leading 0 means octal: 7*64+7*8+7 = 511");
        assertEquals(31 * 1024, p("0x1fK").value(), "a hex number takes a suffix too");
        // 'b' after a hex number is a hex digit, not a suffix: 0x1b = 27
        assertEquals(27, p("0x1b").value());
    }

    @Test
    void octalStopsAtEightAndNine() {
        MemParse.Result r = p("08");
        assertEquals(0, r.value(), "'0' selects octal; '8' is not an octal digit");
        assertEquals("8", r.rest());
        assertTrue(r.hasDigits());
    }

    @Test
    void zeroXWithoutHexDigitIsOctalZero() {
        // _parse_integer_fixup_radix: base 16 only when a hex digit follows "0x"
        MemParse.Result r = p("0x");
        assertEquals(0, r.value());
        assertEquals(1, r.end());
        assertEquals("x", r.rest());
        assertEquals("xg", p("0xg").rest());
    }

    @Test
    void garbageAfterTheSuffixIsLeftForTheCaller() {
        MemParse.Result r = p("256MB");
        assertEquals(256L << 20, r.value());
        assertEquals("B", r.rest());
        assertEquals('M', r.suffix());
        assertEquals("iB", p("256MiB").rest());
        MemParse.Result q = p("512Q");
        assertEquals(512, q.value(), "'Q' is no suffix: 512 bytes, 'Q' left over");
        assertEquals("Q", q.rest());
        assertEquals("abc", p("12abc").rest());
    }

    @Test
    void noDigitsReadsZeroAndConsumesNothing() {
        for (String s : new String[]{"", "banana", "-1", " 5", "M"}) {
            MemParse.Result r = p(s);
            assertEquals(0, r.value(), s);
            assertEquals(0, r.end(), s);
            assertFalse(r.hasDigits(), s);
        }
    }

    @Test
    void oldKernelsKnowOnlyKMG() {
        MemParse.Result r = MemParse.parse("1T", Suffixes.KMG);
        assertEquals(1, r.value(), "before T/P/E existed, 'T' is garbage: 1 byte");
        assertEquals("T", r.rest());
        assertEquals(1L << 30, MemParse.parse("1G", Suffixes.KMG).value());
    }

    @Test
    void digitsWrapModulo2To64() {
        // 2^64 - 1 fits exactly
        MemParse.Result max = p("18446744073709551615");
        assertEquals(-1L, max.value());
        assertFalse(max.overflow());
        // 2^64 wraps to 0
        MemParse.Result wrap = p("18446744073709551616");
        assertEquals(0, wrap.value());
        assertTrue(wrap.overflow());
        // 99999999999999999999999 mod 2^64 = 200376420520689663 (worked with exact integers)
        assertEquals(200376420520689663L, p("99999999999999999999999").value());
    }

    @Test
    void suffixShiftWraps() {
        // 16E = 16 << 60 = 2^64, which wraps to 0 in the kernel's unsigned long long
        MemParse.Result r = p("16E");
        assertEquals(0, r.value());
        assertTrue(r.overflow());
        assertFalse(p("15E").overflow());
    }

    @Test
    void parsesFromAnOffset() {
        // mem=64M@0x8000000: the start is read after the '@'
        String v = "64M@0x8000000";
        MemParse.Result size = p(v);
        MemParse.Result start = MemParse.parse(v, size.end() + 1, Suffixes.KMGTPE);
        assertEquals(64L << 20, size.value());
        assertEquals(0x8000000L, start.value());
        assertEquals("", start.rest());
    }
}
