package vmlayout.config;

/**
 * The one escaping of text that comes from inputs before it reaches a terminal: what JSON escapes
 * (every C0 control: \n, \t, \r, \b, \f, the rest as \\u00XX) and, because a terminal acts on them too,
 * DEL and the C1 controls (0x7f-0x9f: 0x9b is CSI, 0x9d OSC), the line and paragraph separators
 * U+2028/U+2029 and the bidirectional controls (U+061C, U+200E, U+200F, U+202A-U+202E,
 * U+2066-U+2069), each as \\uXXXX. Text without any of them is returned as it is.
 */
public final class Escapes {

    private Escapes() {
    }

    /** True for a character that must not reach a terminal raw. */
    public static boolean needsEscape(char c) {
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            return true;
        }
        if (c < 0x61c) {
            return false;
        }
        return c == 0x61c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || c == 0x2028 || c == 0x2029
                || (c >= 0x2066 && c <= 0x2069);
    }

    /** {@code s} with every character of {@link #needsEscape} escaped as JSON writes it. */
    public static String text(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && !needsEscape(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            append(b, s.charAt(i));
        }
        return b.toString();
    }

    /** Appends {@code c}, escaped when it needs it. */
    public static void append(StringBuilder b, char c) {
        if (!needsEscape(c)) {
            b.append(c);
            return;
        }
        switch (c) {
            case '\n' -> b.append("\\n");
            case '\t' -> b.append("\\t");
            case '\r' -> b.append("\\r");
            case '\b' -> b.append("\\b");
            case '\f' -> b.append("\\f");
            default -> {
                b.append("\\u");
                for (int shift = 12; shift >= 0; shift -= 4) {
                    b.append(Character.forDigit(c >> shift & 15, 16));
                }
            }
        }
    }
}
