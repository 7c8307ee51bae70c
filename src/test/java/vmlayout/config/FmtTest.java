package vmlayout.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Fmt against the JDK's own printf for the conversions it replaces. */
class FmtTest {

    @Test
    void hexMatchesPrintf() {
        long[] values = {0, 1, 0xf, 0x10, 0xc0000000L, 0xffffffffL, 0x100000000L, 0x800000000L, -1L, Long.MIN_VALUE, 0x12345678abcL};
        for (long v : values) {
            assertEquals(String.format("0x%08x", v), Fmt.hex8(v), Long.toHexString(v));
            assertEquals(String.format("%08x", v), Fmt.hex(v, 8), Long.toHexString(v));
            assertEquals(String.format("%016x", v), Fmt.hex(v, 16), Long.toHexString(v));
        }
    }

    @Test
    void paddingMatchesPrintf() {
        for (long n : new long[]{0, 4, 14, 240, 1512, 10229, 123456}) {
            assertEquals(String.format("%4d", n), Fmt.right(n, 4));
        }
        assertEquals(String.format("%-8s|%9s", "lowmem", "384 MB"), Fmt.pad("lowmem", 8, true) + "|" + Fmt.pad("384 MB", 9, false));
    }

    @Test
    void twoDecimalsMatchPrintf() {
        for (long b : new long[]{1L << 20, 301989888L, 294908L * 1024, 123456789L, (1L << 20) + 5243}) {
            assertEquals(String.format(java.util.Locale.ROOT, "%.2f", b / 1048576.0), Fmt.mb2(b), Long.toString(b));
        }
    }
}
