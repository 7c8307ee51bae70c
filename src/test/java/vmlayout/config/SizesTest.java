package vmlayout.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The size formats, one home each ({@link Sizes}). */
class SizesTest {

    /** The RAM lines: never "0.00 MB" for RAM that is there. */
    @Test
    void summarySizesAsPeopleReadThem() {
        assertEquals("512 MB", Sizes.summary(512L << 20));
        assertEquals("0 MB", Sizes.summary(0));
        // 0x9fc00 = 654336 bytes = 639 kB (the usable RAM below the EBDA of a PC)
        assertEquals("639 kB", Sizes.summary(0x9fc00));
        // the page arm_add_memory() loses when a bank ends at 4 GB
        assertEquals("4 kB", Sizes.summary(4096));
        assertEquals("100 bytes", Sizes.summary(100));
        // 100 MB + 640 kB = 100.625 MB, printf "%.2f" rounds half up
        assertEquals("100.63 MB", Sizes.summary((100L << 20) + (640 << 10)));
        // a page short of 264 MB would print as "264.00 MB"; a page over 2 MB as "2.00 MB"
        assertEquals("264 MB - 4 kB", Sizes.summary((264L << 20) - 4096));
        assertEquals("2 MB + 4 kB", Sizes.summary((2L << 20) + 4096));
    }

    /** The pictures' labels: the kernel table's rounding down. */
    @Test
    void truncatedAsTheKernelTableWritesIt() {
        // 0x2effe000 = 751.99 MB -> 751 MB; 0x316000 = 3.09 MB -> 3 MB
        assertEquals("751 MB", Sizes.truncated(0x2effe000L));
        assertEquals("3 MB", Sizes.truncated(0x316000L));
        assertEquals("1 kB", Sizes.truncated(1024));
        assertEquals("512 B", Sizes.truncated(512));
    }
}
