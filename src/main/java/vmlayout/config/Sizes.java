package vmlayout.config;

import vmlayout.bootargs.MemParse;

/**
 * Strict reading of sizes and addresses given as option values (--ram, --mem, -D ...). The syntax is
 * the kernel's memparse ({@code 512M}, {@code 0x20000000}, {@code 1G}), but unlike the kernel, which reads
 * what it can and ignores the rest, an option value must be read whole: "512Q" or "banana" is an error.
 */
public final class Sizes {

    public static final String EXPECTED =
            "expected a number (decimal, 0x hex or 0 octal) with an optional K, M, G, T, P or E suffix";

    private Sizes() {
    }

    /**
     * Reads {@code token} as a memparse number and nothing else.
     *
     * @param what names the option in the error message, e.g. "--mem"
     */
    public static long parse(String token, String what) {
        MemParse.Result r = MemParse.parse(token, MemParse.Suffixes.KMGTPE);
        if (token.isEmpty()) {
            throw new InputException(what + ": empty value: " + EXPECTED);
        }
        if (!r.hasDigits() || !r.rest().isEmpty()) {
            throw new InputException(what + ": cannot read '" + token + "' as a size or address: " + EXPECTED);
        }
        if (r.overflow()) {
            throw new InputException(what + ": '" + token + "' does not fit in 64 bits");
        }
        return r.value();
    }

    /** Like {@link #parse} but the value must also fit in 32 bits (a kernel virtual address or size). */
    public static long parse32(String token, String what) {
        long v = parse(token, what);
        if (v < 0 || v > 0xffffffffL) {
            throw new InputException(what + ": '" + token + "' does not fit in 32 bits");
        }
        return v;
    }

    // ---- the size formats, one home each ----

    /** "512 MB", "4 kB", "1 GB", "287.99 MB", or the byte count below 1 MB when not a whole number of KiB. */
    public static String human(long bytes) {
        if (bytes == 0) {
            return "0";
        }
        if (bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GB";
        }
        if (bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MB";
        }
        if (bytes >= (1L << 20)) {
            return Fmt.mb2(bytes) + " MB";
        }
        if (bytes % 1024 == 0) {
            return (bytes >> 10) + " kB";
        }
        return bytes + " bytes";
    }

    /**
     * vmlayout's RAM summary: "512 MB"; "887.62 MB"; under 1 MB as {@link #human} ("639 kB", "4 kB": "0.00
     * MB" would hide a dropped page); a whole MB short by less than 0.005 MB as "264 MB - 4 kB" (not
     * "264.00 MB").
     */
    public static String summary(long bytes) {
        long mb = bytes >> 20;
        long rest = bytes & ((1 << 20) - 1);
        if (rest == 0) {
            return mb + " MB";
        }
        if (bytes < 1L << 20) {
            return human(bytes);
        }
        String two = Fmt.mb2(bytes);
        if (two.endsWith(".00")) {
            long under = (1L << 20) - rest;
            return rest < 1L << 19 ? mb + " MB + " + human(rest) : (mb + 1) + " MB - " + human(under);
        }
        return two + " MB";
    }

    /**
     * A virtual area's size as people read it: "120 MB", "0"; just under a whole MB (guard pages short)
     * as "112 MB - 4 kB"; otherwise {@link #human}.
     */
    public static String area(long bytes) {
        long mb = 1L << 20;
        long up = (bytes + mb - 1) / mb * mb;
        if (bytes > mb && bytes % 4096 == 0 && up - bytes < mb && up != bytes && (up - bytes) % 1024 == 0) {
            return human(up) + " - " + ((up - bytes) >> 10) + " kB";
        }
        return human(bytes);
    }

    /**
     * A size the way the kernel's layout table writes it: whole MB (rounded down) from 1 MB, else whole
     * kB (rounded down) from 1 kB, else bytes ("512 B").
     */
    public static String truncated(long bytes) {
        if (bytes >= 1L << 20) {
            return (bytes >> 20) + " MB";
        }
        if (bytes >= 1L << 10) {
            return (bytes >> 10) + " kB";
        }
        return bytes + " B";
    }

    /** A difference: "+56 MB", "-4 kB", "+4097 bytes" (the kernel's own units where they fit). */
    public static String signed(long delta) {
        long m = Math.abs(delta);
        String s;
        if (m % (1 << 20) == 0) {
            s = (m >> 20) + " MB";
        } else if (m % 1024 == 0) {
            s = (m >> 10) + " kB";
        } else {
            s = m + " bytes";
        }
        return (delta < 0 ? "-" : "+") + s;
    }

    /** A size as a kernel parameter takes it: 1G, 300M, 64K, or the hex byte count when not a whole number of KiB. */
    public static String param(long v) {
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
