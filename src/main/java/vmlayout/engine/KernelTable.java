package vmlayout.engine;

import static vmlayout.engine.Ulong.M32;

import vmlayout.config.Fmt;

/**
 * The row format shared by the ARM and x86 "virtual kernel memory layout" tables: a 12-column label,
 * ": 0x%08lx - 0x%08lx   (%4ld kB)". The size macros are the kernel's MLK, MLM and MLK_ROUNDUP,
 * computed in 32-bit unsigned long arithmetic like the kernel.
 */
public final class KernelTable {


    private KernelTable() {
    }

    /** MLK(b, t): (t - b) >> 10. */
    public static long mlk(long b, long t) {
        return ((t - b) & M32) >>> 10;
    }

    /** MLM(b, t): (t - b) >> 20. */
    public static long mlm(long b, long t) {
        return ((t - b) & M32) >>> 20;
    }

    /** MLK_ROUNDUP(b, t): DIV_ROUND_UP(t - b, SZ_1K). */
    public static long mlkRoundup(long b, long t) {
        return ((((t - b) & M32) + 1023) & M32) / 1024;
    }

    /** "label: 0x%08lx - 0x%08lx   (%4ld unit)" with the label already padded to 12 columns. */
    public static String row(String label, long b, long t, long size, String unit) {
        return label + ": " + Fmt.hex8(b & M32) + " - " + Fmt.hex8(t & M32) + "   (" + Fmt.right(size, 4) + " " + unit + ")";
    }

    /** A section row whose addresses print as "(ptrval)" (hashed %p early in boot, 4.15 on). */
    public static String ptrvalRow(String label, long size, String unit) {
        return label + ": 0x(ptrval) - 0x(ptrval)   (" + Fmt.right(size, 4) + " " + unit + ")";
    }
}
