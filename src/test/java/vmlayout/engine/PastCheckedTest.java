package vmlayout.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vmlayout.CliRunner;
import vmlayout.config.Arch;
import vmlayout.config.KernelVersion;

/**
 * How far the era facts reach (src/docs/eras.md, "How far the facts reach"): every engine's facts are
 * checked to 6.19 (the Kconfig of the 6.19 cycle in the context of Arnd Bergmann's 19 Dec 2025 series,
 * the last changes found: x86 6.15, powerpc 6.11 and 6.15; ARM real boots of 6.12.118). A release past
 * 6.19 (7.0) is computed with 6.19's rules and a note names what could not be checked: the default split
 * that "mm: increase lowmem size" would change, not merged as of 7.0-rc4. 6.19's stable updates (6.19.8)
 * are 6.19.
 */
class PastCheckedTest {

    @Test
    void everyEngineIsCheckedTo619() {
        for (Arch a : Arch.values()) {
            assertEquals(KernelVersion.parse("6.19"), Engines.forArch(a).checked().newest(), a.toString());
        }
    }

    @Test
    void aReleasePast619GetsTheNoteAndNamesTheUnmergedSeries() {
        for (String arch : new String[]{"arm", "x86", "ppc"}) {
            CliRunner.Result past = CliRunner.run("--arch", arch, "--kernel", "7.0", "--ram", "256M");
            assertTrue(past.out().contains("note: Linux 7.0 is newer than 6.19, the newest release vmlayout's " + arch
                    + " rules are checked against"), past.out());
            assertTrue(past.out().contains("computed with the rules of 6.19. Not checked for 7.0:"), past.out());
            assertTrue(past.out().contains("\"mm: increase lowmem size\""), past.out());
            for (String within : new String[]{"6.19", "6.19.8", "6.12"}) {
                CliRunner.Result r = CliRunner.run("--arch", arch, "--kernel", within, "--ram", "256M");
                assertFalse(r.out().contains("is newer than 6.19"), within + "\n" + r.out());
            }
        }
    }

    @Test
    void theNoteIsNotAFinding() {
        // 256 MB fits every arch's lowmem: the layout is clean, and the note does not change the exit status
        assertEquals(0, CliRunner.run("--arch", "arm", "--kernel", "7.0", "--ram", "256M").status());
    }
}
