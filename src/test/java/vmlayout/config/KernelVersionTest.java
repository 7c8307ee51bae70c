package vmlayout.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelVersionTest {

    @Test
    void readsReleasesAsWrittenInLogs() {
        assertEquals(KernelVersion.of(4, 4, 75), KernelVersion.parse("4.4.75-cip6"));
        assertEquals(new KernelVersion(5, 1, 0, 0, 2), KernelVersion.parse("5.1.0-rc2"));
        assertEquals(new KernelVersion(6, 15, 0, 0, 2), KernelVersion.parse("6.15.0-rc2-custom+"));
        assertEquals("6.15-rc2", KernelVersion.parse("6.15.0-rc2-custom+").toString());
        assertEquals(KernelVersion.of(6, 15), KernelVersion.parse("6.15.0-rcx")); // not an rc number
        assertEquals(KernelVersion.of(5, 10), KernelVersion.parse("v5.10"));
        assertEquals(new KernelVersion(2, 6, 32, 9), KernelVersion.parse("2.6.32.9"));
        assertEquals("2.6.37", KernelVersion.parse("2.6.37").toString());
        assertEquals("3.18", KernelVersion.parse("3.18").toString());
    }

    @Test
    void ordersNumerically() {
        assertTrue(KernelVersion.parse("2.6.39").compareTo(KernelVersion.parse("3.0")) < 0);
        assertTrue(KernelVersion.parse("3.10").compareTo(KernelVersion.parse("3.9")) > 0);
        assertTrue(KernelVersion.parse("4.4.75").compareTo(KernelVersion.of(4, 4)) > 0);
    }

    @Test
    void anRcIsOrderedWithItsRelease() {
        KernelVersion rc2 = KernelVersion.parse("6.15-rc2");
        assertEquals(0, rc2.compareTo(KernelVersion.of(6, 15)));
        assertTrue(rc2.compareTo(KernelVersion.of(6, 14)) > 0);
        assertTrue(rc2.rcBefore(7));
        assertTrue(!KernelVersion.parse("6.15-rc7").rcBefore(7));
        assertTrue(!KernelVersion.of(6, 15).rcBefore(7));
    }

    @Test
    void rejectsWhatIsNotARelease() {
        for (String s : new String[]{"", "four", "4", "2.6", "1.2.3", "9.1", "4.x", "4.19junk", "2.4.20"}) {
            InputException e = assertThrows(InputException.class, () -> KernelVersion.parse(s), s);
            assertTrue(e.getMessage().startsWith("--kernel: "), e.getMessage());
        }
    }

    @Test
    void theRefusalNamesTheReleasesModelled() {
        // 7.x is modelled (the newest era facts reach the 7.0/7.1 cycle): the message must not stop at 6.x
        InputException e = assertThrows(InputException.class, () -> KernelVersion.parse("8.0"));
        assertTrue(e.getMessage().endsWith("expected 2.6.x to 7.x"), e.getMessage());
        assertEquals(7, KernelVersion.parse("7.1").major());
    }
}
