package vmlayout.cli;

import vmlayout.config.InputException;
import vmlayout.config.KernelVersion;

/**
 * {@code --kernel A..B} of {@code vmlayout diff}: the same board under two releases, the question an
 * upgrade asks ("what changes for this board from 6.12 to 7.0"). Both ends are read as --kernel reads a
 * release; A may be newer than B (a downgrade).
 *
 * @param a the release of side A, as written
 * @param b the release of side B, as written
 */
record KernelRange(String a, String b) {

    /** The range of an --kernel value, or null when it is a single release (or absent). */
    static KernelRange of(String kernel) {
        if (kernel == null) {
            return null;
        }
        int dots = kernel.indexOf("..");
        if (dots < 0) {
            return null;
        }
        String a = kernel.substring(0, dots).strip();
        String b = kernel.substring(dots + 2).strip();
        if (a.isEmpty() || b.isEmpty() || b.contains("..")) {
            throw new InputException("--kernel '" + kernel + "': expected two releases A..B, e.g. 6.12..7.0");
        }
        KernelVersion.parse(a);
        KernelVersion.parse(b);
        return new KernelRange(a, b);
    }
}
