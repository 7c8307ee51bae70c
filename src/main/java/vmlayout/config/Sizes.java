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
}
