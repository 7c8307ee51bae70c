package vmlayout.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vmlayout.CliRunner;
import vmlayout.config.Arch;
import vmlayout.config.KernelVersion;

/**
 * How far the era facts reach (src/docs/eras.md, "How far the facts reach"). ARM and x86 are checked to
 * 6.19 (the Kconfig of the 6.19 cycle in the context of Arnd Bergmann's 19 Dec 2025 series; the last
 * changes found: x86 6.15, ARM real boots of 6.12.118); powerpc to 7.0 (the whole powerpc-7.0-1 pull, whose
 * only 32-bit memory change is 370d841929c3's TASK_SIZE). The newest release the mail archives reach is
 * 7.1 (7.1.3, July 2026): past the newest checked release the output is computed with its rules and a note
 * names what could not be checked, the default split of "mm: increase lowmem size", which is in no release
 * found. Stable updates of the newest release checked (6.19.8, 7.0.5) count as checked.
 */
class PastCheckedTest {

    static final Map<String, String> CHECKED = Map.of("arm", "6.19", "x86", "6.19", "ppc", "7.0");

    @Test
    void eachEngineIsCheckedToItsNewestEvidencedRelease() {
        for (Arch a : Arch.values()) {
            String arch = a.name().toLowerCase(java.util.Locale.ROOT);
            assertEquals(KernelVersion.parse(CHECKED.get(arch)), Engines.forArch(a).checked().newest(), arch);
        }
    }

    @Test
    void aReleasePastTheCheckedOneGetsTheNoteAndNamesTheUnmergedSeries() {
        for (Map.Entry<String, String> e : CHECKED.entrySet()) {
            String arch = e.getKey();
            String newest = e.getValue();
            CliRunner.Result past = CliRunner.run("--arch", arch, "--kernel", "7.1", "--ram", "256M");
            assertTrue(past.out().contains("note: Linux 7.1 is newer than " + newest + ", the newest release vmlayout's " + arch
                    + " rules are checked against"), past.out());
            assertTrue(past.out().contains("computed with the rules of " + newest + ". Not checked for 7.1:"), past.out());
            assertTrue(past.out().contains("\"mm: increase lowmem size\""), past.out());
            for (String within : new String[]{newest, newest + ".8", "6.12"}) {
                CliRunner.Result r = CliRunner.run("--arch", arch, "--kernel", within, "--ram", "256M");
                assertFalse(r.out().contains("is newer than"), within + "\n" + r.out());
            }
        }
        // 7.0 is past ARM's and x86's newest, not powerpc's
        assertTrue(CliRunner.run("--arch", "arm", "--kernel", "7.0", "--ram", "256M").out().contains("is newer than 6.19"));
        assertFalse(CliRunner.run("--arch", "ppc", "--kernel", "7.0", "--ram", "256M").out().contains("is newer than"));
    }

    @Test
    void theNoteIsNotAFinding() {
        // 256 MB fits every arch's lowmem: the layout is clean, and the note does not change the exit status
        assertEquals(0, CliRunner.run("--arch", "arm", "--kernel", "7.1", "--ram", "256M").status());
    }
}
