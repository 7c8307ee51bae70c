package vmlayout.config;

/**
 * The few printf conversions vmlayout prints, without java.util.Formatter: the first String.format
 * of a JVM loads the formatter, regular expressions and locale data, about 20 ms of a cold start.
 * Results are exactly those of the C/kernel conversions named on each method.
 */
public final class Fmt {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Fmt() {
    }

    /** "%0Nx" / "%.Nllx": lower-case hex of the unsigned value, zero-padded to at least {@code digits}. */
    public static String hex(long v, int digits) {
        int n = Math.max(digits, (64 - Long.numberOfLeadingZeros(v | 1) + 3) / 4);
        char[] buf = new char[n];
        long x = v;
        for (int i = n - 1; i >= 0; i--) {
            buf[i] = HEX[(int) (x & 15)];
            x >>>= 4;
        }
        return new String(buf);
    }

    /**
     * A word as a POSIX shell reads it back: bare when every character is one no shell gives a meaning
     * ([A-Za-z0-9_@%+=:,./-]), else in single quotes (a quote inside as '\''). For the commands vmlayout
     * prints for the user to run again.
     */
    public static String shell(String s) {
        if (s.isEmpty()) {
            return "''";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_@%+=:,./-".indexOf(c) >= 0;
            if (!safe) {
                return "'" + s.replace("'", "'\\''") + "'";
            }
        }
        return s;
    }

    /** "0x%08x". */
    public static String hex8(long v) {
        int n = Math.max(8, (64 - Long.numberOfLeadingZeros(v | 1) + 3) / 4);
        char[] buf = new char[n + 2];
        buf[0] = '0';
        buf[1] = 'x';
        long x = v;
        for (int i = n + 1; i >= 2; i--) {
            buf[i] = HEX[(int) (x & 15)];
            x >>>= 4;
        }
        return new String(buf);
    }

    /** "%Nd": right-aligned in {@code width} columns (wider numbers are not cut). */
    public static String right(long n, int width) {
        return pad(Long.toString(n), width, false);
    }

    /** "%Ns" (right) or "%-Ns" (left). */
    public static String pad(String s, int width, boolean left) {
        if (s.length() >= width) {
            return s;
        }
        StringBuilder b = new StringBuilder(width);
        if (left) {
            b.append(s);
        }
        for (int k = s.length(); k < width; k++) {
            b.append(' ');
        }
        if (!left) {
            b.append(s);
        }
        return b.toString();
    }

    /** "%.2f" of bytes / 2^20, rounded half up like printf for these values. */
    public static String mb2(long bytes) {
        long hundredths = (bytes * 100 + (1L << 19)) >> 20;
        long frac = hundredths % 100;
        return (hundredths / 100) + "." + (frac < 10 ? "0" : "") + frac;
    }
}
