package vmlayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import vmlayout.CliRunner;
import vmlayout.config.Arch;
import vmlayout.engine.Engines;

/**
 * --version and --help name the newest release each engine is checked against, as the engines' era
 * classes give it (ArmEra/X86Era/PpcEra.CHECKED; src/docs/eras.md "How far the facts reach").
 */
class ReleasesCheckedTest {

    @Test
    void versionNamesEachEnginesNewestRelease() {
        CliRunner.Result r = CliRunner.run("--version");
        assertEquals(0, r.status(), r.toString());
        for (Arch a : Arch.values()) {
            String line = "  " + a.name().toLowerCase(Locale.ROOT) + " " + Engines.forArch(a).checked().newest() + ": ";
            assertTrue(r.out().contains(line), line + "\n" + r.out());
        }
        assertTrue(r.out().contains("A newer --kernel is computed with those rules"), r.out());
    }

    @Test
    void helpNamesThemToo() {
        String help = CliRunner.run("--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("Kernel rules checked to: arm " + Engines.forArch(Arch.ARM).checked().newest() + ", x86 "
                + Engines.forArch(Arch.X86).checked().newest() + ", ppc " + Engines.forArch(Arch.PPC).checked().newest()), help);
    }
}
