package vmlayout.render.map;

import java.util.Locale;

/** How both pictures write sizes and addresses. */
final class MapText {

    private MapText() {
    }

    /**
     * A size the way the kernel's layout table writes it: whole MB (rounded down) from 1 MB, else whole
     * kB (rounded down) from 1 kB, else bytes.
     */
    static String size(long bytes) {
        if (bytes >= 1L << 20) {
            return (bytes >> 20) + " MB";
        }
        if (bytes >= 1L << 10) {
            return (bytes >> 10) + " kB";
        }
        return bytes + " B";
    }

    /** An address as the kernel's table writes it: 0x and at least 8 lower-case hex digits. */
    static String address(long a) {
        return String.format(Locale.ROOT, "0x%08x", a);
    }
}
