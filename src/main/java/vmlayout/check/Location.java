package vmlayout.check;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where in the user's files a finding points: a file as the CI system shows it (relative to the working
 * directory, or to GITHUB_WORKSPACE when set) and a line (0: the file as a whole). A built-in profile,
 * standard input or an option has no file: {@link #NONE}, and the board's name says where it came from.
 */
public record Location(String file, int line) {

    public static final Location NONE = new Location(null, 0);

    public boolean hasFile() {
        return file != null;
    }

    /** The same file at {@code line}. */
    public Location at(int line) {
        return new Location(file, line);
    }

    /** "boards/gw.json:7", "boards/gw.json", or "" without a file. */
    public String text() {
        return file == null ? "" : line > 0 ? file + ":" + line : file;
    }

    /**
     * A file the user named ({@code given}, relative to the working directory {@code cwd} or absolute),
     * shown relative to {@code base} (the working directory, or the repository GITHUB_WORKSPACE names)
     * with '/' separators when it lies under it, else as its absolute normal path; "-" (standard input)
     * and a null name have no file.
     */
    public static Location of(String given, Path cwd, Path base) {
        if (given == null || given.equals("-")) {
            return NONE;
        }
        try {
            Path abs = cwd.resolve(given).toAbsolutePath().normalize();
            Path root = base.toAbsolutePath().normalize();
            String shown = abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
            return new Location(shown.replace('\\', '/'), 0);
        } catch (InvalidPathException e) {
            return new Location(given, 0);
        }
    }
}
