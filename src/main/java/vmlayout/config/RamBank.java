package vmlayout.config;

/**
 * One RAM bank as firmware or the device tree describes it (--ram START:SIZE or --ram SIZE).
 *
 * @param start first byte, or -1 when not given (the engine places the bank at PHYS_OFFSET)
 * @param size  bytes
 */
public record RamBank(long start, long size) {
    public static final long AT_PHYS_OFFSET = -1;

    /**
     * Most RAM banks vmlayout reads for one machine, from all sources together (--ram, a profile, a
     * device tree's memory nodes): 128, the most that any 32-bit kernel it models keeps before it can
     * allocate: memblock's INIT_MEMBLOCK_REGIONS (include/linux/memblock.h, mm/memblock.c; ARM from
     * 3.16, x86 and powerpc from 2.6.35), powerpc's LMB MAX_LMB_REGIONS before it (include/linux/lmb.h,
     * include/asm-powerpc/lmb.h) and the x86 BIOS map's E820MAX (struct boot_params). ARM before 3.16
     * keeps NR_BANKS (8, arch/arm/include/asm/setup.h) and says "NR_BANKS too low" for the rest: the
     * engine models that for banks 9 to 128.
     */
    public static final int MAX_BANKS = 128;
    /** Why {@link #MAX_BANKS}, for the error line. */
    public static final String MAX_REASON = "no 32-bit kernel keeps more (memblock INIT_MEMBLOCK_REGIONS, powerpc"
            + " MAX_LMB_REGIONS and x86 E820MAX are 128)";

    public boolean hasStart() {
        return start != AT_PHYS_OFFSET;
    }

    /** Reads "START:SIZE" or "SIZE" (memparse syntax, strictly). */
    public static RamBank parse(String token) {
        int colon = token.indexOf(':');
        if (colon < 0) {
            return new RamBank(AT_PHYS_OFFSET, checkedSize(Sizes.parse(token, "--ram"), token));
        }
        if (token.indexOf(':', colon + 1) >= 0) {
            throw new InputException("--ram: cannot read '" + token + "': expected START:SIZE or SIZE, e.g. 0x80000000:512M");
        }
        long start = Sizes.parse(token.substring(0, colon), "--ram " + token + " (START)");
        long size = Sizes.parse(token.substring(colon + 1), "--ram " + token + " (SIZE)");
        if (start < 0 || Long.compareUnsigned(start, 1L << 40) >= 0) {
            throw new InputException("--ram: start of '" + token + "' is beyond the 40-bit physical space of LPAE/PAE");
        }
        checkedSize(size, token);
        if (start + size > (1L << 40)) {
            throw new InputException("--ram: '" + token + "' ends beyond the 40-bit physical space of LPAE/PAE");
        }
        return new RamBank(start, size);
    }

    private static long checkedSize(long size, String token) {
        if (size == 0) {
            throw new InputException("--ram: '" + token + "' has size 0: expected a bank of at least one page");
        }
        if (size < 0 || size > (1L << 40)) {
            throw new InputException("--ram: '" + token + "' is larger than 1 TB: expected a bank size");
        }
        return size;
    }
}
