package vmlayout.bootargs;

/**
 * The kernel's {@code memparse()}, exactly: {@code simple_strtoull(ptr, &end, 0)} followed by at most
 * one size suffix. Source: lib/cmdline.c memparse() and lib/kstrtox.c _parse_integer_fixup_radix() /
 * _parse_integer() (2.6.39+; the older lib/vsprintf.c simple_strtoull() reads the same digits).
 *
 * <ul>
 *   <li>Base 0: "0x"/"0X" followed by a hex digit is hexadecimal, any other leading "0" octal, else
 *       decimal. "0x" with no hex digit after it reads as octal 0 and stops at the "x".</li>
 *   <li>Digits are read until the first character that is not a digit of the base; the value wraps
 *       modulo 2^64 (the kernel only flags the overflow, memparse ignores the flag).</li>
 *   <li>One suffix character is examined: K, M, G (and from the release that added them T, P, E), in
 *       either case, each shifting by 10 bits more than the previous (wrapping). Only that one character
 *       is consumed; anything after it is left to the caller, which for mem=/vmalloc= means ignored.</li>
 *   <li>No digits at all reads as 0 with nothing consumed.</li>
 * </ul>
 */
public final class MemParse {

    /** Which suffix letters memparse knows. T, P and E came later than K, M and G. */
    public enum Suffixes {
        KMG("KMG"), KMGTPE("KMGTPE");

        final String letters;

        Suffixes(String letters) {
            this.letters = letters;
        }

        public String letters() {
            return letters;
        }
    }

    /**
     * The outcome of one memparse call.
     *
     * @param value     the value as an unsigned 64-bit number (what the kernel's unsigned long long holds)
     * @param digitsEnd index just after the last digit read (== start when no digit was read)
     * @param end       index just after what memparse consumed (digits plus the suffix, if any)
     * @param overflow  true when the digits or the suffix shift went past 2^64 and the value wrapped
     */
    public record Result(String text, int start, long value, int digitsEnd, int end, boolean overflow) {
        public boolean hasDigits() {
            return digitsEnd > start;
        }

        /** What memparse left unread, from {@code end} to the end of the text. */
        public String rest() {
            return text.substring(end);
        }

        /** The suffix letter consumed, or 0. */
        public char suffix() {
            return end > digitsEnd ? text.charAt(digitsEnd) : 0;
        }
    }

    private MemParse() {
    }

    public static Result parse(String s, Suffixes suffixes) {
        return parse(s, 0, suffixes);
    }

    public static Result parse(String s, int from, Suffixes suffixes) {
        int p = from;
        int base;
        // _parse_integer_fixup_radix(): base 0
        if (at(s, p) == '0') {
            if (Character.toLowerCase(at(s, p + 1)) == 'x' && isXDigit(at(s, p + 2))) {
                base = 16;
                p += 2;
            } else {
                base = 8;
            }
        } else {
            base = 10;
        }
        // _parse_integer(): accumulate, wrapping modulo 2^64
        long res = 0;
        boolean overflow = false;
        while (true) {
            char c = at(s, p);
            int val;
            if (c >= '0' && c <= '9') {
                val = c - '0';
            } else {
                char lc = (char) (c | 0x20);
                if (lc >= 'a' && lc <= 'f') {
                    val = lc - 'a' + 10;
                } else {
                    break;
                }
            }
            if (val >= base) {
                break;
            }
            if (Long.compareUnsigned(res, Long.divideUnsigned(-1L - val, base)) > 0) {
                overflow = true;
            }
            res = res * base + val;
            p++;
        }
        int digitsEnd = p;
        if (digitsEnd == from) {
            // only possible in base 10: no digit at all, simple_strtoull returns 0 and consumes nothing
            return new Result(s, from, 0, from, from, false);
        }
        int end = digitsEnd;
        char suffix = Character.toUpperCase(at(s, end));
        int shift = suffix == 0 ? -1 : suffixes.letters.indexOf(suffix);
        if (shift >= 0) {
            // E/P/T/G/M/K: cascading "ret <<= 10" with fallthrough, then one character consumed
            int bits = 10 * (shift + 1);
            if (res != 0 && (bits >= 64 || (res >>> (64 - bits)) != 0)) {
                overflow = true;
            }
            res = bits >= 64 ? 0 : res << bits;
            end++;
        }
        return new Result(s, from, res, digitsEnd, end, overflow);
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private static boolean isXDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
