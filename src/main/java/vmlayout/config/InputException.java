package vmlayout.config;

/**
 * Bad input from the user: an option value that cannot be read, an unknown name, an unreadable file.
 * The message is one line that names the offending token and says what was expected; the command line
 * turns it into exit status 2. Control characters a token brings along (a newline in a file name, a NUL
 * in a value) are shown escaped, and a very long message is cut, so the line stays one line.
 */
public class InputException extends RuntimeException {

    static final int MAX = 400;

    public InputException(String message) {
        super(oneLine(message), null, false, false);
    }

    static String oneLine(String s) {
        if (s == null) {
            return "bad input";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX + 8));
        for (int i = 0; i < s.length() && b.length() < MAX; i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                b.append("\\x").append(Character.forDigit(c >> 4 & 15, 16)).append(Character.forDigit(c & 15, 16));
            } else {
                b.append(c);
            }
        }
        if (b.length() >= MAX) {
            b.setLength(MAX);
            b.append("...");
        }
        return b.toString();
    }
}
