package vmlayout.suggest;

import java.util.function.LongFunction;
import vmlayout.config.Fmt;
import vmlayout.config.Sizes;

/**
 * A setting whose value suggest searches (vmalloc=, highmem=, LOWMEM_SIZE, KERNEL_START, VMALLOC_END):
 * the values the kernel accepts, the one in use now, and the change that sets a value.
 *
 * @param name    how the setting is called in the output
 * @param lo      the smallest value to try
 * @param hi      the largest value to try
 * @param step    the finest step (values are multiples of it from {@code lo})
 * @param current the value in use now (the search looks for the working value nearest to it)
 * @param hex     the value is written in hex (Kconfig and board constants) rather than as a size
 * @param at      the change that sets a value
 */
record Knob(String name, long lo, long hi, long step, long current, boolean hex, LongFunction<Change> at) {

    /** A value as a kernel parameter or -D value: 297M, 1G, 0x20000000. */
    String text(long v) {
        return hex ? Fmt.hex8(v) : Sizes.param(v);
    }

    /**
     * How round a value looks to a person, higher is rounder: trailing hex zero bits for hex values;
     * for sizes in MB, trailing decimal zeros first (300M before 304M), then divisibility by 5, then
     * trailing zero bits.
     */
    int roundness(long v) {
        if (hex) {
            return v == 0 ? 64 : Long.numberOfTrailingZeros(v);
        }
        long mb = v >> 20;
        if (mb == 0) {
            return 0;
        }
        int dec = 0;
        for (long x = mb; x % 10 == 0; x /= 10) {
            dec++;
        }
        return dec * 100 + (mb % 5 == 0 ? 50 : 0) + Long.numberOfTrailingZeros(mb);
    }
}
