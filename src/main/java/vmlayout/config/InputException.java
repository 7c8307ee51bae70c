package vmlayout.config;

/**
 * Bad input from the user: an option value that cannot be read, an unknown name, an unreadable file.
 * The message is one line that names the offending token and says what was expected; the command line
 * turns it into exit status 2. Control characters a token brings along (a newline in a file name, a NUL
 * in a value, a terminal escape) are shown escaped as JSON would ({@link Escapes}), and a very long
 * message is cut, so the line stays one line and cannot act on the terminal.
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
            Escapes.append(b, s.charAt(i));
        }
        if (b.length() >= MAX) {
            b.setLength(MAX);
            b.append("...");
        }
        return b.toString();
    }
}
