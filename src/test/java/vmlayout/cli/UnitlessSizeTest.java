package vmlayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vmlayout.CliRunner;

/**
 * Issue 13 item 4: a size without a unit where megabytes were meant. A requirement or goal threshold
 * below 1 MiB is a usage error that says how to write it; --mem 512 and mem=512 stay what the kernel
 * reads (512 bytes: memparse() takes a number without a suffix as bytes, lib/cmdline.c) with a note
 * naming 512M.
 */
class UnitlessSizeTest {

    private static void refused(CliRunner.Result r, String fix) {
        assertEquals(2, r.status(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("vmlayout: ") && r.err().indexOf('\n') == r.err().length() - 1, r.err());
        assertTrue(r.err().contains(fix), fix + ": " + r.err());
    }

    @Test
    void aThresholdInBytesIsRefusedWithTheFix() {
        refused(CliRunner.run("check", "--profile", "socfpga-de0", "--require", "vmalloc>=128"), "write vmalloc>=128M");
        refused(CliRunner.run("check", "--profile", "socfpga-de0", "--require", "ioremap > 0x40"), "write ioremap>0x40M");
        refused(CliRunner.run("check", "--profile", "socfpga-de0", "--require", "dropped<=512K"), "at least 1M");
        refused(CliRunner.run("suggest", "--profile", "socfpga-de0", "--want", "vmalloc=300"), "write vmalloc>=300M");
    }

    @Test
    void zeroAndWholeMegabytesStay() {
        // socfpga-de0 drops 256 MB (no HIGHMEM): dropped==0 fails, vmalloc>=128M holds (240 MB)
        assertEquals(1, CliRunner.run("check", "--profile", "socfpga-de0", "--require", "dropped==0").status());
        assertEquals(0, CliRunner.run("check", "--profile", "socfpga-de0", "--require", "vmalloc>=128M").status());
        assertEquals(0, CliRunner.run("check", "--profile", "socfpga-de0", "--require", "vmalloc>=1M").status());
    }

    @Test
    void memWithoutAUnitIsBytesWithAHint() {
        // 512 bytes of RAM is less than a page: no RAM is left, as the kernel would have it
        CliRunner.Result option = CliRunner.run("--kernel", "4.19", "--ram", "0:1G", "--mem", "512");
        assertEquals(1, option.status(), option.toString());
        assertTrue(option.out().contains("note: --mem 512 is 512 bytes: a size without a unit is bytes to the kernel"
                + " (memparse()); for 512 MB write --mem 512M."), option.out());
        assertTrue(option.out().contains("no RAM is left"), option.out());
        CliRunner.Result param = CliRunner.run("--arch", "x86", "--kernel", "4.19", "--ram", "1G", "mem=512");
        assertTrue(param.out().contains("note: mem=512 is 512 bytes: a size without a unit is bytes to the kernel"
                + " (memparse()); for 512 MB write mem=512M."), param.out());
        CliRunner.Result vmalloc = CliRunner.run("--kernel", "3.18", "--ram", "0:1G", "--cmdline", "vmalloc=240");
        assertTrue(vmalloc.out().contains("write vmalloc=240M."), vmalloc.out());
        assertFalse(CliRunner.run("--kernel", "4.19", "--ram", "0:1G", "mem=512M").out().contains("without a unit"));
    }
}
