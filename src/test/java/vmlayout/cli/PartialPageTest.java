package vmlayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vmlayout.CliRunner;

/**
 * Issue 13 item 9: a RAM range that ends off a page boundary (a real PC's "0x100000 - 0x3f7d1800
 * usable") is not dropped RAM: the kernel counts whole pages only, so it never had the fragment. A note
 * says so; a healthy machine passes check.
 */
class PartialPageTest {

    /** A PC's BIOS map: 639 kB, then 1 MB to 0x3f7d1800 (the fragment 0x3f7d1000-0x3f7d1800 is 2 kB). */
    private static final String[] PC = {"--arch", "x86", "--kernel", "4.19", "--e820", "0:0x9fc00:usable",
        "--e820", "0x9fc00:0x400:reserved", "--e820", "0xf0000:0x10000:reserved", "--e820", "0x100000:0x3f6d1800:usable"};

    @Test
    void aPcWhoseLastRamEntryEndsOffAPage() {
        CliRunner.Result r = CliRunner.run(PC);
        // e820_end_pfn(): (0x100000 + 0x3f6d1800) >> 12 = 0x3f7d1; 4.19 non-PAE: MAX_ARCH_PFN 1 << 20
        assertTrue(r.outLines().contains("last_pfn = 0x3f7d1 max_arch_pfn = 0x100000"), r.out());
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("dropped 0 MB"), r.out());
        assertTrue(r.out().contains("note: 0x3f7d1000-0x3f7d1800 (2 kB): RAM off a page boundary"), r.out());
        String[] check = new String[PC.length + 1];
        check[0] = "check";
        System.arraycopy(PC, 0, check, 1, PC.length);
        CliRunner.Result c = CliRunner.run(check);
        assertEquals(0, c.status(), c.toString());
    }

    @Test
    void anArmBankOffAPage() {
        // arm_add_memory(): size &= PAGE_MASK -> 0x2f7d1000; 760 MB fits below 4.19's vmalloc_min 0xf0000000
        CliRunner.Result r = CliRunner.run("--kernel", "4.19", "--ram", "0:0x2f7d1800");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("dropped 0 MB"), r.out());
        assertTrue(r.out().contains("note: 0x2f7d1000-0x2f7d1800 (2 kB): RAM off a page boundary"), r.out());
    }
}
