package vmlayout.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

/** File names given by the user, read into paths with a one-line error for names the OS cannot take. */
public final class UserFiles {

    private UserFiles() {
    }

    public static Path path(String option, String name) {
        try {
            return Paths.get(name);
        } catch (InvalidPathException e) {
            throw new InputException(option + " " + name + ": not a usable file name (" + e.getReason() + ")");
        }
    }
}
