package vmlayout.suggest;

import vmlayout.config.Fmt;

/** Sizes and addresses written the way people write kernel parameters. */
final class ValueText {

    private ValueText() {
    }

    /** 1G, 300M, 64K, or the hex byte count when not a whole number of KiB. */
    static String size(long v) {
        if (v != 0 && v % (1L << 30) == 0) {
            return (v >> 30) + "G";
        }
        if (v != 0 && v % (1L << 20) == 0) {
            return (v >> 20) + "M";
        }
        if (v != 0 && v % 1024 == 0) {
            return (v >> 10) + "K";
        }
        return v == 0 ? "0" : Fmt.hex8(v);
    }
}
