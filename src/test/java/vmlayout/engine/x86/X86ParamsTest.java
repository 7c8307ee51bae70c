package vmlayout.engine.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vmlayout.engine.x86.X86Run.assertBlock;
import static vmlayout.engine.x86.X86Run.kernel;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmlayout.CliRunner;

/**
 * mem= and every memmap= form per era, and what the kernel does with a bad entry. --ram 1G is the
 * typical PC map: usable [0, 0x9fc00), reserved [0x9fc00, 0xa0000), reserved [0xf0000, 0x100000),
 * usable [0x100000, 0x40000000), reserved [0xfec00000, 2^32).
 */
class X86ParamsTest {

    /** memmap=64M$0x30000000 punches a reserved hole into the RAM entry; sanitize splits it in three. */
    @Test
    void reservedHoleInRam() {
        assertBlock(kernel("--kernel=4.19", "--ram=1G", "memmap=64M$0x30000000"),
                "user-defined physical RAM map:",
                "user: [mem 0x0000000000000000-0x000000000009fbff] usable",
                "user: [mem 0x000000000009fc00-0x000000000009ffff] reserved",
                "user: [mem 0x00000000000f0000-0x00000000000fffff] reserved",
                "user: [mem 0x0000000000100000-0x000000002fffffff] usable",
                "user: [mem 0x0000000030000000-0x0000000033ffffff] reserved",
                "user: [mem 0x0000000034000000-0x000000003fffffff] usable",
                "user: [mem 0x00000000fec00000-0x00000000ffffffff] reserved");
    }

    /** # is ACPI data; a comma list (4.1+) applies each item. */
    @Test
    void acpiAndACommaList() {
        List<String> out = kernel("--kernel=4.19", "--ram=1G", "memmap=16M#0x30000000,16M$0x38000000");
        assertBlock(out,
                "user: [mem 0x0000000000100000-0x000000002fffffff] usable",
                "user: [mem 0x0000000030000000-0x0000000030ffffff] ACPI data",
                "user: [mem 0x0000000031000000-0x0000000037ffffff] usable",
                "user: [mem 0x0000000038000000-0x0000000038ffffff] reserved",
                "user: [mem 0x0000000039000000-0x000000003fffffff] usable");
    }

    /**
     * Before the comma lists (here 3.6) parse_memmap_opt() applies 16M#0x30000000 and then sees ',' where
     * the item should end: -EINVAL, "Malformed early option 'memmap'", the second item is never read.
     */
    @Test
    void commaBeforeCommaListsIsMalformed() {
        List<String> out = kernel("--kernel=3.6", "--ram=1G", "memmap=16M#0x30000000,16M$0x38000000");
        assertBlock(out, "Malformed early option 'memmap'", "e820: user-defined physical RAM map:");
        assertTrue(out.contains("user: [mem 0x0000000030000000-0x0000000030ffffff] ACPI data"));
        assertTrue(out.contains("user: [mem 0x0000000031000000-0x000000003fffffff] usable"), String.join("\n", out));
    }

    /**
     * memmap=1G!1G: from 4.1 persistent memory (E820_PRAM, type 12); in 3.6 '!' is not an operator, so the
     * item is a bare size (RAM above 1 GB removed, like mem=1G) followed by '!': -EINVAL after it acted.
     */
    @Test
    void persistentMemory() {
        assertTrue(kernel("--kernel=4.19", "--ram=2G", "memmap=1G!1G")
                .contains("user: [mem 0x0000000040000000-0x000000007fffffff] persistent (type 12)"));
        List<String> old = kernel("--kernel=3.6", "--ram=2G", "memmap=1G!1G");
        assertBlock(old, "e820: remove [mem 0x40000000-0xfffffffffffffffe] usable", "Malformed early option 'memmap'");
        assertTrue(old.contains("user: [mem 0x0000000000100000-0x000000003fffffff] usable"));
    }

    /**
     * memmap=256M%0x10000000-1+2 (4.17+): __e820__range_update() retypes [0x10000000, 0x20000000) from
     * usable (1) to reserved (2), with its debug line; memmap=256M%0x10000000-1 removes it (a hole).
     */
    @Test
    void rangeOperator() {
        List<String> retype = kernel("--kernel=4.19", "--ram=1G", "memmap=256M%0x10000000-1+2");
        assertBlock(retype, "e820: update [mem 0x10000000-0x1fffffff] usable ==> reserved", "user-defined physical RAM map:");
        assertTrue(retype.contains("user: [mem 0x0000000010000000-0x000000001fffffff] reserved"));
        List<String> remove = kernel("--kernel=4.19", "--ram=1G", "memmap=256M%0x10000000-1");
        assertBlock(remove, "e820: remove [mem 0x10000000-0x1fffffff] usable", "user-defined physical RAM map:");
        assertBlock(remove,
                "user: [mem 0x0000000000100000-0x000000000fffffff] usable",
                "user: [mem 0x0000000020000000-0x000000003fffffff] usable");
    }

    /** memmap=garbage reads no digits: -EINVAL before anything changes, so no user map (2.6.27+). */
    @Test
    void memmapWithoutANumber() {
        List<String> out = kernel("--kernel=3.6", "--ram=1G", "memmap=garbage");
        assertTrue(out.contains("Malformed early option 'memmap'"));
        assertFalse(out.contains("e820: user-defined physical RAM map:"));
    }

    /**
     * 2.6.24 parse_memmap() has no such check: "garbage" is a bare size of 0, limit_regions(0) stops at
     * the first RAM entry ([0, 0x9fc00) reaches 0) and, since it starts at 0 >= 0, keeps nothing before it:
     * an empty map, no RAM, no error message. find_max_pfn() is then 0, and find_max_low_pfn()'s
     * "highmem_pages (0) >= max_pfn (0)" test fires even without highmem=.
     */
    @Test
    void memmapWithoutANumberIn2624() {
        CliRunner.Result r = X86Run.run("--kernel=2.6.24", "--ram=1G", "memmap=garbage");
        List<String> out = r.outLines();
        assertBlock(out, "user-defined physical RAM map:",
                "highmem size specified (0MB) is bigger than pages available (0MB)!.",
                "0MB HIGHMEM available.", "0MB LOWMEM available.");
        assertFalse(out.contains("Malformed early option 'memmap'"));
        assertTrue(r.out().contains("no RAM is left"), r.out());
    }

    /**
     * mem=0: from 2.6.33 parse_memopt() sets userdef, then refuses the size (-EINVAL): the map prints
     * unchanged as the user map. 2.6.30 has no such check and removes all RAM.
     */
    @Test
    void memZero() {
        List<String> out = kernel("--kernel=3.6", "--ram=1G", "mem=0");
        assertBlock(out, "Malformed early option 'mem'", "e820: user-defined physical RAM map:");
        assertTrue(out.contains("user: [mem 0x0000000000100000-0x000000003fffffff] usable"));
        List<String> old = kernel("--kernel=2.6.30", "--ram=1G", "mem=0");
        assertBlock(old, "user-defined physical RAM map:",
                " user: 000000000009fc00 - 00000000000a0000 (reserved)",
                " user: 00000000000f0000 - 0000000000100000 (reserved)",
                " user: 00000000fec00000 - 0000000100000000 (reserved)",
                "last_pfn = 0x0 max_arch_pfn = 0x100000");
    }

    /** mem=nopentium only turns off PSE: no user map, nothing removed, exit 0. */
    @Test
    void memNopentium() {
        CliRunner.Result r = X86Run.run("--kernel=3.2", "--ram=512M", "mem=nopentium");
        assertEquals(0, r.status(), r.toString());
        assertFalse(r.out().contains("user-defined"));
        assertTrue(r.out().contains("4 MB pages"));
    }

    /**
     * mem=512M on 3.2 and 2.6.24: RAM above 512 MB goes. 3.2 e820_remove_range() keeps the reserved
     * entry at 0xfec00000; 2.6.24 limit_regions() drops it (every entry after the cut).
     */
    @Test
    void memCutsRam() {
        List<String> now = kernel("--kernel=3.2", "--ram=1G", "mem=512M");
        assertBlock(now,
                " user: 0000000000100000 - 0000000020000000 (usable)",
                " user: 00000000fec00000 - 0000000100000000 (reserved)",
                "e820 update range: 0000000000000000 - 0000000000010000 (usable) ==> (reserved)",
                "e820 remove range: 00000000000a0000 - 0000000000100000 (usable)",
                "last_pfn = 0x20000 max_arch_pfn = 0x100000");
        List<String> old = kernel("--kernel=2.6.24", "--ram=1G", "mem=512M");
        assertBlock(old, " user: 0000000000100000 - 0000000020000000 (usable)", "0MB HIGHMEM available.");
    }

    /** A parameter without a value: the handler gets NULL and returns -EINVAL. */
    @Test
    void parametersWithoutAValue() {
        List<String> out = kernel("--kernel=4.19", "--ram=1G", "--cmdline=vmalloc highmem mem reservetop");
        assertBlock(out,
                "Malformed early option 'vmalloc'",
                "Malformed early option 'highmem'",
                "Malformed early option 'mem'",
                "Malformed early option 'reservetop'");
        // parse_memmap_opt() loops over a NULL string zero times and returns 0
        assertFalse(kernel("--kernel=4.19", "--ram=1G", "--cmdline=memmap").contains("Malformed early option 'memmap'"));
    }

    /**
     * The RAM accounting: memmap=$ over RAM is reserved (not dropped: exit 0); RAM that mem= removes is
     * dropped (exit 1).
     */
    @Test
    void ramAccounting() {
        CliRunner.Result reserved = X86Run.run("--kernel=4.19", "--ram=1G", "memmap=64M$0x30000000");
        assertEquals(0, reserved.status(), reserved.toString());
        assertTrue(reserved.out().contains("0x30000000-0x34000000 reserved"), reserved.out());
        // mem= leaves the RAM above it out of the map on purpose: reserved (as on ARM and PPC), not a finding
        CliRunner.Result cut = X86Run.run("--kernel=4.19", "--ram=1G", "mem=512M");
        assertEquals(0, cut.status(), cut.toString());
        assertTrue(cut.out().contains("0x20000000-0x40000000 reserved    512 MB  left out of the kernel's memory by mem=512M"
                + " (the user-defined map)"), cut.out());
        // RAM above the lowmem limit of a kernel without HIGHMEM is dropped by the kernel: a finding
        CliRunner.Result noHighmem = X86Run.run("--kernel=4.19", "--ram=1G", "-D", "NOHIGHMEM=y");
        assertEquals(1, noHighmem.status(), noHighmem.toString());
        assertTrue(noHighmem.out().contains(" dropped "), noHighmem.out());
    }

    /** memmap=SIZE@START where the BIOS map has nothing: a vmlayout warning (the RAM may not exist). */
    @Test
    void ramThatTheBiosMapDoesNotHave() {
        CliRunner.Result r = X86Run.run("--kernel=4.19", "--ram=1G", "memmap=64M@2G");
        assertEquals(1, r.status());
        assertTrue(r.out().contains("that the BIOS map does not have"), r.out());
    }
}
