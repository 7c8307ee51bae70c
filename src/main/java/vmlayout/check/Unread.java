package vmlayout.check;

/**
 * A board that could not be read (a missing file, a profile that is not valid JSON, a bad value): CI
 * reports it as an error of that board, the other boards are still checked, and the exit status is 2.
 *
 * @param board   the board's name
 * @param at      the file (and line) to fix, or {@link Location#NONE}
 * @param message the one-line error
 */
public record Unread(String board, Location at, String message) {
}
