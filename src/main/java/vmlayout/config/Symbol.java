package vmlayout.config;

import java.util.Locale;

/**
 * A name that {@code -D NAME=VALUE} can set: a Kconfig symbol (without its CONFIG_ prefix) or a kernel
 * constant that an engine would otherwise derive.
 *
 * @param name    upper case, without CONFIG_
 * @param kind    how its value is read
 * @param meaning one line for --help and error messages
 */
public record Symbol(String name, Kind kind, String meaning) {

    public enum Kind {
        /** y or n. */
        BOOL,
        /** A 32-bit kernel virtual address. */
        VIRT,
        /** A physical address (up to 64 bits). */
        PHYS,
        /** A size in bytes. */
        SIZE,
        /** A plain number. */
        INT
    }

    /** Reads a raw -D value for this symbol; booleans become 1 or 0. */
    public long read(String raw) {
        return read(raw, "-D " + name);
    }

    /** The same, with errors naming {@code what} (a profile's key and line, or "-D NAME"). */
    public long read(String raw, String what) {
        switch (kind) {
            case BOOL:
                switch (raw.trim().toLowerCase(Locale.ROOT)) {
                    case "y":
                    case "yes":
                    case "1":
                        return 1;
                    case "n":
                    case "no":
                    case "0":
                        return 0;
                    default:
                        throw new InputException(what + ": cannot read '" + raw + "': expected y or n");
                }
            case VIRT:
                return Sizes.parse32(raw, what);
            default:
                return Sizes.parse(raw, what);
        }
    }
}
