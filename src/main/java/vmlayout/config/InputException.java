package vmlayout.config;

/**
 * Bad input from the user: an option value that cannot be read, an unknown name, an unreadable file.
 * The message is one line that names the offending token and says what was expected; the command line
 * turns it into exit status 2.
 */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message, null, false, false);
    }
}
