package vmlayout.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vmlayout.CliRunner;

/**
 * {@code vmlayout diff --kernel A..B}: the same board under two releases. The x86 example is the 2 GB PC
 * of a typical e820 map with mem=1G (every input pinned except the release): 4.4 prints the e820 lines
 * with the "e820: " prefix of 3.5-4.18 ("e820: BIOS-provided physical RAM map:"), 4.19 without it
 * (E820_PREFIX_DROPPED, 4.19 e820.c); so the two sides' kernel lines differ and diff exits 1.
 */
class KernelRangeDiffTest {

    @Test
    void aRangeIsTheSameBoardUnderBothReleases() {
        CliRunner.Result range = CliRunner.run("diff", "--arch", "x86", "--ram", "2G", "--kernel", "4.4..4.19", "--cmdline", "mem=1G");
        CliRunner.Result sides = CliRunner.run("diff", "--arch", "x86", "--ram", "2G", "--cmdline", "mem=1G", "--",
                "--kernel 4.4", "--kernel 4.19");
        assertEquals(1, range.status(), range.toString());
        assertTrue(range.out().contains("- e820: BIOS-provided physical RAM map:"), range.toString());
        assertTrue(range.out().contains("+ BIOS-provided physical RAM map:"), range.toString());
        // the same comparison as the two option sets, but the labels name each side's release only once
        assertEquals(sides.out().lines().skip(2).toList(), range.out().lines().skip(2).toList());
        assertTrue(range.out().startsWith("A: --arch x86 --ram 2G --cmdline mem=1G + '--kernel 4.4'"), range.out());
    }

    @Test
    void aRangeElsewhereOrBadIsOneLineAndExit2() {
        String[][] bad = {
            {"--kernel", "6.12..7.0"},
            {"diff", "--kernel", "6.12.."},
            {"diff", "--kernel", "6.12..x"},
            {"diff", "--kernel", "6.12..7.0", "vmalloc=300M"},
            {"diff"},
        };
        for (String[] args : bad) {
            CliRunner.Result r = CliRunner.run(args);
            assertEquals(2, r.status(), String.join(" ", args) + "\n" + r);
            assertEquals(1, r.err().strip().lines().count(), r.toString());
        }
    }
}
