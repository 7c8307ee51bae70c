package vmlayout.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The sizes of vmlayout's RAM lines: never "0.00 MB" for RAM that is there. */
class SummaryTest {

    @Test
    void sizesAsPeopleReadThem() {
        assertEquals("512 MB", Summary.mb(512L << 20));
        assertEquals("0 MB", Summary.mb(0));
        // 0x9fc00 = 654336 bytes = 639 kB (the usable RAM below the EBDA of a PC)
        assertEquals("639 kB", Summary.mb(0x9fc00));
        // the page arm_add_memory() loses when a bank ends at 4 GB
        assertEquals("4 kB", Summary.mb(4096));
        assertEquals("100 bytes", Summary.mb(100));
        // 100 MB + 640 kB = 100.625 MB, printf "%.2f" rounds half up
        assertEquals("100.63 MB", Summary.mb((100L << 20) + (640 << 10)));
        // a page short of 264 MB would print as "264.00 MB"; a page over 2 MB as "2.00 MB"
        assertEquals("264 MB - 4 kB", Summary.mb((264L << 20) - 4096));
        assertEquals("2 MB + 4 kB", Summary.mb((2L << 20) + 4096));
    }
}
