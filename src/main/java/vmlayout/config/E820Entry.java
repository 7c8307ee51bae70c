package vmlayout.config;

import java.util.Locale;

/**
 * One entry of the x86 BIOS memory map (--e820 START:SIZE:TYPE, or a line of a boot log or a
 * /sys/firmware/memmap entry read by --e820-file).
 *
 * @param start first byte
 * @param size  bytes
 * @param type  the e820 type number: 1 usable, 2 reserved, 3 ACPI data, 4 ACPI NVS, 5 unusable,
 *              7 persistent memory, 12 persistent (PRAM, legacy), 0xefffffff soft reserved, or any
 *              other number the firmware gave ("type N")
 */
public record E820Entry(long start, long size, int type) {

    public static final int RAM = 1;
    public static final int RESERVED = 2;
    public static final int ACPI = 3;
    public static final int NVS = 4;
    public static final int UNUSABLE = 5;
    public static final int PMEM = 7;
    public static final int PRAM = 12;
    /** E820_TYPE_SOFT_RESERVED (arch/x86/include/asm/e820/types.h, 5.5+). */
    public static final int SOFT_RESERVED = 0xefffffff;

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
        checkRange(start, size, "--e820: '" + token + "'");
        int type = typeOf(parts[2]);
        if (type == UNKNOWN) {
            throw new InputException("--e820: unknown type '" + parts[2] + "' in '" + token + "': expected usable, reserved,"
                    + " acpi, nvs, unusable, persistent, soft reserved, a word the kernel prints (\"ACPI data\","
                    + " \"persistent (type 12)\", \"type 20\" ...) or a /sys/firmware/memmap type (\"System RAM\" ...)");
        }
        return new E820Entry(start, size, type);
    }

    /** Refuses an entry beyond the 52-bit physical space x86 can address. */
    public static void checkRange(long start, long size, String what) {
        if (Long.compareUnsigned(start, 1L << 52) >= 0 || Long.compareUnsigned(size, 1L << 52) >= 0) {
            throw new InputException(what + " is beyond the 52-bit physical space");
        }
    }

    /** {@link #typeOf} for a word it does not know. */
    public static final int UNKNOWN = 0;

    /**
     * The e820 type a word names, or {@link #UNKNOWN}: vmlayout's short names (usable, ram, reserved, acpi,
     * nvs, unusable, persistent, pram, pmem), the type number, the words the kernel prints after each entry
     * (arch/x86/kernel/e820.c e820_print_type(): "usable", "reserved", "soft reserved", "ACPI data",
     * "ACPI NVS", "unusable", "persistent (type %u)", "type %u"; in parentheses up to 3.4) and the types of
     * /sys/firmware/memmap (e820_type_to_string(): "System RAM", "Reserved", "Soft Reserved", "ACPI Tables",
     * "ACPI Non-volatile Storage", "Unusable memory", "Persistent Memory", "Persistent Memory (legacy)").
     * Case and surrounding white space do not matter.
     */
    public static int typeOf(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        if (w.length() > 2 && w.startsWith("(") && w.endsWith(")")) {
            w = w.substring(1, w.length() - 1).strip();
        }
        switch (w) {
            case "usable": case "ram": case "system ram":
                return RAM;
            case "reserved":
                return RESERVED;
            case "acpi": case "acpi data": case "acpi tables":
                return ACPI;
            case "nvs": case "acpi nvs": case "acpi non-volatile storage":
                return NVS;
            case "unusable": case "unusable memory":
                return UNUSABLE;
            case "pmem": case "persistent memory":
                return PMEM;
            case "persistent": case "pram": case "persistent memory (legacy)":
                return PRAM;
            case "soft reserved": case "soft-reserved":
                return SOFT_RESERVED;
            default:
                break;
        }
        String n = w;
        if (w.startsWith("persistent (type ") && w.endsWith(")")) {
            n = w.substring("persistent (type ".length(), w.length() - 1);
        } else if (w.startsWith("type ")) {
            n = w.substring("type ".length()).strip();
        }
        if (n.matches("\\d{1,10}")) {
            long v = Long.parseLong(n);
            // the type is a u32; 0 is no type at all (the kernel never prints it)
            return v == 0 || v > 0xffffffffL ? UNKNOWN : (int) v;
        }
        return UNKNOWN;
    }
}
