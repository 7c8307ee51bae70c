package vmlayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vmlayout.CliRunner;

/**
 * Issue 13 item 5: pinned constants that no kernel could have are refused with one line naming the -D
 * and the rule (exit 2), on all three architectures; values real boards pin stay accepted.
 */
class ConstantConsistencyTest {

    private static void refused(String token, String rule, String... args) {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(2, r.status(), r.toString());
        assertEquals("", r.out(), r.toString());
        assertTrue(r.err().startsWith("vmlayout: ") && r.err().indexOf('\n') == r.err().length() - 1, r.err());
        assertTrue(r.err().contains(token) && r.err().contains(rule), token + " / " + rule + ": " + r.err());
    }

    @Test
    void armVmallocEndWithADigitMissing() {
        // 0xe000000 is below PAGE_OFFSET 0xc0000000: the table would read vmalloc : 0xff000000 - 0x0e000000
        refused("-D VMALLOC_END=0xe000000", "PAGE_OFFSET", "--kernel", "3.18", "-D", "VMALLOC_END=0xe000000");
        // early_vmalloc() needs 32 MB of lowmem and 16 MB of vmalloc below VMALLOC_END: 0xc2000000 leaves 32 MB
        refused("--vmalloc-end=0xc2000000", "early_vmalloc", "--kernel", "3.18", "--vmalloc-end", "0xc2000000");
    }

    @Test
    void armRegionsOutOfOrder() {
        refused("-D FIXADDR_START=0xfff00000", "FIXADDR_END", "--kernel", "4.19", "-D", "FIXADDR_START=0xfff00000",
                "-D", "FIXADDR_END=0xffc00000");
        refused("-D MODULES_VADDR=0xc1000000", "MODULES_END", "--kernel", "4.19", "-D", "MODULES_VADDR=0xc1000000");
        refused("-D PHYS_OFFSET=0xa0000000", "every RAM bank", "--kernel", "4.19", "--ram", "0x80000000:512M", "-D",
                "PHYS_OFFSET=0xa0000000");
    }

    @Test
    void x86AndPowerpc() {
        refused("-D VMALLOC_END=0xe000000", "PAGE_OFFSET", "--arch", "x86", "--kernel", "4.19", "-D", "VMALLOC_END=0xe000000");
        // MAXMEM = VMALLOC_END - PAGE_OFFSET - 128 MB must be positive: 0xc4000000 leaves -64 MB
        refused("-D VMALLOC_END=0xc4000000", "MAXMEM", "--arch", "x86", "--kernel", "4.19", "-D", "VMALLOC_END=0xc4000000");
        refused("-D PKMAP_BASE=0xf0000000", "PKMAP_BASE", "--arch", "x86", "--kernel", "4.19", "-D", "PKMAP_BASE=0xf0000000",
                "-D", "VMALLOC_END=0xf8000000");
        refused("-D IOREMAP_BOT=0xb0000000", "PAGE_OFFSET", "--arch", "ppc", "--kernel", "4.19", "-D", "IOREMAP_BOT=0xb0000000");
        refused("-D FIXADDR_START=0xfffff000", "FIXADDR_TOP", "--arch", "ppc", "--kernel", "4.19", "-D",
                "FIXADDR_START=0xfffff000");
    }

    @Test
    void whatRealBoardsPinStaysAccepted() {
        // seed 1 (2.6.37, VMALLOC_END 0xe0000000 of its board): truncated RAM, exit 1 as its log shows
        assertEquals(1, CliRunner.run("--kernel", "2.6.37", "--ram", "0x40000000:512M", "-D", "VMALLOC_END=0xe0000000",
                "-D", "CONSISTENT_DMA_SIZE=32M").status());
        // x86 boot logs' VMALLOC_END 0xff7fe000 with vmlayout's typical (guessed) fixmap below it
        assertTrue(CliRunner.run("--arch", "x86", "--kernel", "6.14", "--ram", "2G", "-D", "VMALLOC_END=0xff7fe000").status() <= 1);
        // PHYS_OFFSET below the first bank (the unaligned head of "ARM: 8903/1")
        assertTrue(CliRunner.run("--kernel", "5.4", "--ram", "0x80100000:255M", "-D", "PHYS_OFFSET=0x80000000").status() <= 1);
    }
}
