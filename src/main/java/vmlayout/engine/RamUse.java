package vmlayout.engine;

import java.util.Locale;

/** What the kernel does with a range of physical RAM. */
public enum RamUse {
    /** Permanently mapped at PAGE_OFFSET (the lowmem row). */
    LOWMEM,
    /** Usable through kmap() only (CONFIG_HIGHMEM). */
    HIGHMEM,
    /** Present on the board but not used by this kernel against the user's intent: truncated or ignored. */
    DROPPED,
    /** Kept away from the kernel on purpose: left out by mem=, memmap=$, a reserved e820 entry, no-map. */
    RESERVED;

    private final String id = name().toLowerCase(Locale.ROOT);

    /** "lowmem", "highmem", "dropped", "reserved" (JSON and text). */
    public String id() {
        return id;
    }
}
