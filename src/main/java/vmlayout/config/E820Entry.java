package vmlayout.config;

import java.util.Locale;

/**
 * One entry of the x86 BIOS memory map (--e820 START:SIZE:TYPE).
 *
 * @param start first byte
 * @param size  bytes
 * @param type  the e820 type number: 1 usable, 2 reserved, 3 ACPI data, 4 ACPI NVS, 5 unusable,
 *              12 persistent (PRAM)
 */
public record E820Entry(long start, long size, int type) {

    public static final int RAM = 1;
    public static final int RESERVED = 2;
    public static final int ACPI = 3;
    public static final int NVS = 4;
    public static final int UNUSABLE = 5;
    public static final int PRAM = 12;

    /**
     * E820MAX: the BIOS map in struct boot_params holds 128 entries (include/asm-x86/e820.h, later
     * arch/x86/include/uapi/asm/e820.h and asm/e820/types.h E820_MAX_ENTRIES_ZEROPAGE); the x86 engine
     * refuses more with its own line, and readers stop there.
     */
    public static final int MAX_ENTRIES = 128;
    /** Why {@link #MAX_ENTRIES}, for the error line. */
    public static final String MAX_REASON = "the BIOS passes at most E820MAX = 128 in boot_params";

    public long end() {
        return start + size;
    }

    public static E820Entry parse(String token) {
        String[] parts = token.split(":", -1);
        if (parts.length != 3) {
            throw new InputException("--e820: cannot read '" + token + "': expected START:SIZE:TYPE, e.g. 0x100000:0x7ff00000:usable");
        }
        long start = Sizes.parse(parts[0], "--e820 " + token + " (START)");
        long size = Sizes.parse(parts[1], "--e820 " + token + " (SIZE)");
        if (Long.compareUnsigned(start, 1L << 52) >= 0 || Long.compareUnsigned(size, 1L << 52) >= 0) {
            throw new InputException("--e820: '" + token + "' is beyond the 52-bit physical space");
        }
        return new E820Entry(start, size, type(parts[2], token));
    }

    static int type(String s, String token) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "usable":
            case "ram":
            case "1":
                return RAM;
            case "reserved":
            case "2":
                return RESERVED;
            case "acpi":
            case "3":
                return ACPI;
            case "nvs":
            case "4":
                return NVS;
            case "unusable":
            case "5":
                return UNUSABLE;
            case "persistent":
            case "pram":
            case "12":
                return PRAM;
            default:
                throw new InputException("--e820: unknown type '" + s + "' in '" + token
                        + "': expected usable, reserved, acpi, nvs, unusable or persistent");
        }
    }
}
