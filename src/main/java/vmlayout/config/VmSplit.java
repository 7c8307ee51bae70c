package vmlayout.config;

/**
 * The "Memory split" Kconfig choice and the CONFIG_PAGE_OFFSET each member gives. The values are the
 * same in arch/arm/Kconfig and arch/x86/Kconfig for the names both have; VMSPLIT_2G_OPT is x86 only.
 */
public final class VmSplit {

    private VmSplit() {
    }

    /** PAGE_OFFSET for a VMSPLIT_* name; null or an unknown name gives the default, VMSPLIT_3G. */
    public static long pageOffset(String name) {
        if (name == null) {
            return 0xC0000000L;
        }
        switch (name) {
            case "VMSPLIT_3G_OPT":
                return 0xB0000000L;
            case "VMSPLIT_2G":
                return 0x80000000L;
            case "VMSPLIT_2G_OPT":
                return 0x78000000L;
            case "VMSPLIT_1G":
                return 0x40000000L;
            default:
                return 0xC0000000L;
        }
    }
}
