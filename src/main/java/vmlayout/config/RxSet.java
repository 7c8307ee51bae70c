package vmlayout.config;

/**
 * A set of characters for {@link Rx}: ranges, sets joined to them ({@code [\S,]}), negation, and ASCII
 * case-insensitivity as java.util.regex's (?i) has it without UNICODE_CASE. A plain class, not a predicate
 * lambda: a lambda is what makes the first java.util.regex use cost start-up.
 */
final class RxSet {

    /** No joined sets (made before the shared sets below, which use it). */
    private static final RxSet[] NONE = new RxSet[0];

    /**
     * The escapes' sets, shared by every pattern: never changed once made (a class joins them, and
     * caseless() and negate() are applied only to a class's own set or a literal's).
     */
    static final RxSet DIGIT = digit();
    static final RxSet NOT_DIGIT = digit().negate();
    static final RxSet SPACE = space();
    static final RxSet NOT_SPACE = space().negate();
    static final RxSet WORD = word();
    static final RxSet NOT_WORD = word().negate();
    static final RxSet DOT = dot();

    /** Low and high code point of each range, inclusive. */
    private int[] ranges = new int[8];
    private int size;
    private RxSet[] joined = NONE;
    private boolean negated;
    private boolean caseless;
    /**
     * has()'s answers for ASCII ({@link #inMask}), made at its first call; volatile: a static pattern's sets
     * are shared by every thread that matches it.
     */
    private volatile long[] ascii;

    static RxSet of(int lo, int hi) {
        RxSet s = new RxSet();
        s.add(lo, hi);
        return s;
    }

    /** \d */
    static RxSet digit() {
        return of('0', '9');
    }

    /** \s: [ \t\n\x0B\f\r] */
    static RxSet space() {
        RxSet s = of('\t', '\r');
        s.add(' ', ' ');
        return s;
    }

    /** \w: [a-zA-Z_0-9] */
    static RxSet word() {
        RxSet s = of('a', 'z');
        s.add('A', 'Z');
        s.add('_', '_');
        s.add('0', '9');
        return s;
    }

    /** .: anything but a line terminator (\n \r \u0085 \u2028 \u2029). */
    static RxSet dot() {
        RxSet s = of('\n', '\n');
        s.add('\r', '\r');
        s.add('\u0085', '\u0085');
        s.add('\u2028', '\u2029');
        return s.negate();
    }

    void add(int lo, int hi) {
        if (size + 2 > ranges.length) {
            int[] bigger = new int[ranges.length * 2];
            System.arraycopy(ranges, 0, bigger, 0, size);
            ranges = bigger;
        }
        ranges[size++] = lo;
        ranges[size++] = hi;
    }

    void join(RxSet other) {
        RxSet[] bigger = new RxSet[joined.length + 1];
        System.arraycopy(joined, 0, bigger, 0, joined.length);
        bigger[joined.length] = other;
        joined = bigger;
    }

    RxSet negate() {
        negated = !negated;
        return this;
    }

    RxSet caseless() {
        caseless = true;
        return this;
    }

    boolean has(int c) {
        return c < 128 ? inMask(asciiMask(), c) : slow(c);
    }

    /** Character c is among a mask's ASCII characters ({characters 0-63, 64-127}); never for c >= 128. */
    static boolean inMask(long[] mask, int c) {
        return c >= 0 && c < 128 && ((c < 64 ? mask[0] >>> c : mask[1] >>> (c - 64)) & 1) != 0;
    }

    /**
     * The ASCII characters in the set, as has() answers ({@link #inMask}; not to be changed): two 64-bit
     * masks made from the ranges at the first call (the set is complete by then). A cold run interprets
     * every test, and a repeat of [0-9a-fA-F] tests each character of a line. As slow(): the ranges, the
     * joined sets, ASCII case-insensitivity, negation.
     */
    long[] asciiMask() {
        long[] known = ascii;
        if (known != null) {
            return known;
        }
        long a = 0;
        long b = 0;
        for (int i = 0; i < size; i += 2) {
            a |= mask(ranges[i], ranges[i + 1], 0);
            b |= mask(ranges[i], ranges[i + 1], 64);
        }
        for (RxSet s : joined) {
            long[] j = s.asciiMask();
            a |= j[0];
            b |= j[1];
        }
        if (caseless) { // letters are all in the upper mask: 'A'-'Z' bits 1-26, 'a'-'z' bits 33-58
            long upper = mask('A', 'Z', 64);
            long lower = mask('a', 'z', 64);
            b |= ((b >>> 32) & upper) | ((b << 32) & lower);
        }
        known = negated ? new long[] {~a, ~b} : new long[] {a, b};
        ascii = known;
        return known;
    }

    /** Some character beyond ASCII may be in the set (a range that reaches it, a negation). */
    boolean beyondAscii() {
        if (negated) {
            return true;
        }
        for (int i = 1; i < size; i += 2) {
            if (ranges[i] >= 128) {
                return true;
            }
        }
        for (RxSet s : joined) {
            if (s.beyondAscii()) {
                return true;
            }
        }
        return false;
    }

    /** The bits of [lo, hi] among the 64 characters from base. */
    private static long mask(int lo, int hi, int base) {
        int l = Math.max(lo, base);
        int h = Math.min(hi, base + 63);
        if (l > h) {
            return 0;
        }
        return (-1L >>> (63 - (h - base))) & (-1L << (l - base));
    }

    private boolean slow(int c) {
        boolean in = raw(c);
        if (!in && caseless && c < 128) {
            in = raw(lower(c)) || raw(upper(c));
        }
        return in != negated;
    }

    private boolean raw(int c) {
        for (int i = 0; i < size; i += 2) {
            if (c >= ranges[i] && c <= ranges[i + 1]) {
                return true;
            }
        }
        for (RxSet s : joined) {
            if (s.has(c)) {
                return true;
            }
        }
        return false;
    }

    static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    static int upper(int c) {
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }
}
