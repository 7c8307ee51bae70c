package vmlayout.engine;

import vmlayout.config.KernelVersion;

/**
 * One step of an engine's derivation, recorded where the engine decides it: what was set, why (with
 * the user's numbers), and the kernel rule that set it. {@code vmlayout explain} prints them in order.
 *
 * @param subject what the step sets: a constant (PAGE_OFFSET, VMALLOC_END), a boundary (lowmem,
 *                VMALLOC_START, high_memory) or a range of RAM ("RAM 0x40000000-0x5fffffff")
 * @param text    the step in words, with the numbers of this run
 * @param source  the kernel rule: file, function and release range, e.g.
 *                "arch/arm/mm/mmu.c sanity_check_meminfo(), 2.6.29-2.6.38"
 */
public record Derivation(String subject, String text, String source) {

    /**
     * "A-B" for the releases from {@code from} up to the one before {@code until}, "A+" without an
     * end, "up to B" without a start (either may be null).
     */
    public static String releases(KernelVersion from, KernelVersion until) {
        if (from == null && until == null) {
            return "all releases";
        }
        if (until == null) {
            return from + "+";
        }
        String last = before(until);
        if (from == null) {
            return "up to " + last;
        }
        return from.toString().equals(last) ? last : from + "-" + last;
    }

    /**
     * The release just before {@code v} as vmlayout names eras: 2.6.29 -> 2.6.28, 3.4 -> 3.3,
     * 3.0 -> 2.6.39, 4.0 -> 3.19, 5.0 -> 4.20, 6.0 -> 5.19.
     */
    static String before(KernelVersion v) {
        if (v.major() == 2) {
            return "2.6." + (v.patch() - 1);
        }
        if (v.minor() > 0) {
            return v.major() + "." + (v.minor() - 1);
        }
        switch (v.major()) {
            case 3:
                return "2.6.39";
            case 4:
                return "3.19";
            case 5:
                return "4.20";
            case 6:
                return "5.19";
            default:
                return "6.x";
        }
    }
}
