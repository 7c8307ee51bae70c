package vmlayout.engine.x86;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vmlayout.engine.x86.X86Run.assertBlock;
import static vmlayout.engine.x86.X86Run.assertInOrder;
import static vmlayout.engine.x86.X86Run.kernel;

import java.util.List;
import vmlayout.CliRunner;
import org.junit.jupiter.api.Test;

/**
 * The user-defined physical RAM map that mem= and memmap= produce, per era. --ram 2G is the typical PC
 * map: usable [0, 0x9fc00), reserved [0x9fc00, 0xa0000), reserved [0xf0000, 0x100000), usable
 * [0x100000, 0x80000000), reserved [0xfec00000, 0x100000000).
 */
class X86UserMapTest {

    /**
     * memmap=exactmap memmap=640K@0 memmap=511M@1M on 4.19: exactmap empties the map (nr_entries = 0),
     * 640K@0 adds RAM [0, 0xa0000), 511M@1M adds RAM [0x100000, 0x100000 + 0x1ff00000 = 0x20000000).
     * e820__update_table() keeps them apart (a hole from 0xa0000 to 1 MB); entries print with inclusive
     * ends and no "e820: " prefix in 4.19. last_pfn = 0x20000000 >> 12 = 0x20000. MAXMEM_PFN (0x373fe
     * here) is above it, so lowmem_pfn_init(): 0 MB of highmem, 0x20000 >> 8 = 512 MB of lowmem.
     */
    @Test
    void exactmapOnAModernKernel() {
        List<String> out = kernel("--kernel=4.19", "--ram=2G", "memmap=exactmap", "memmap=640K@0", "memmap=511M@1M");
        assertBlock(out,
                "user-defined physical RAM map:",
                "user: [mem 0x0000000000000000-0x000000000009ffff] usable",
                "user: [mem 0x0000000000100000-0x000000001fffffff] usable",
                "e820: update [mem 0x00000000-0x00000fff] usable ==> reserved",
                "e820: remove [mem 0x000a0000-0x000fffff] usable",
                "last_pfn = 0x20000 max_arch_pfn = 0x100000",
                "0MB HIGHMEM available.",
                "512MB LOWMEM available.");
    }

    /** The same in 3.2: the old " %s: %016Lx - %016Lx (usable)" format with exclusive ends. */
    @Test
    void exactmapInTheOldFormat() {
        List<String> out = kernel("--kernel=3.2", "--ram=2G", "memmap=exactmap", "memmap=640K@0", "memmap=511M@1M");
        assertBlock(out,
                "user-defined physical RAM map:",
                " user: 0000000000000000 - 00000000000a0000 (usable)",
                " user: 0000000000100000 - 0000000020000000 (usable)",
                "e820 update range: 0000000000000000 - 0000000000010000 (usable) ==> (reserved)",
                "e820 remove range: 00000000000a0000 - 0000000000100000 (usable)",
                "last_pfn = 0x20000 max_arch_pfn = 0x100000");
    }

    /** 3.5-4.18 prefix the headers and last_pfn with "e820: " (literal strings), not the entries. */
    @Test
    void exactmapWithTheE820Prefix() {
        List<String> out = kernel("--kernel=4.4", "--ram=2G", "memmap=exactmap", "memmap=640K@0", "memmap=511M@1M");
        assertBlock(out,
                "e820: user-defined physical RAM map:",
                "user: [mem 0x0000000000000000-0x000000000009ffff] usable",
                "user: [mem 0x0000000000100000-0x000000001fffffff] usable",
                "e820: update [mem 0x00000000-0x00000fff] usable ==> reserved",
                "e820: remove [mem 0x000a0000-0x000fffff] usable",
                "e820: last_pfn = 0x20000 max_arch_pfn = 0x100000");
    }

    /**
     * 2.6.19-2.6.26 print the user map as parse_memmap() left it, unsorted: given in reverse order the
     * entries stay in reverse order, where 2.6.27+ sort them (sanitize_e820_map()).
     */
    @Test
    void oldKernelsDoNotSortTheUserMap() {
        List<String> old = kernel("--kernel=2.6.24", "--ram=2G", "memmap=exactmap", "memmap=511M@1M", "memmap=640K@0");
        assertBlock(old,
                "user-defined physical RAM map:",
                " user: 0000000000100000 - 0000000020000000 (usable)",
                " user: 0000000000000000 - 00000000000a0000 (usable)",
                "0MB HIGHMEM available.",
                "512MB LOWMEM available.");
        List<String> later = kernel("--kernel=2.6.32", "--ram=2G", "memmap=exactmap", "memmap=511M@1M", "memmap=640K@0");
        assertBlock(later,
                "user-defined physical RAM map:",
                " user: 0000000000000000 - 00000000000a0000 (usable)",
                " user: 0000000000100000 - 0000000020000000 (usable)");
    }

    /**
     * mem=1G memmap=1G$1G on 4.19: parse_memopt() calls e820__range_remove(0x40000000, ULLONG_MAX -
     * 0x40000000, E820_TYPE_RAM, 1), whose debug line prints end - 1 = ULLONG_MAX - 1; RAM above 1 GB
     * goes, the reserved entry at 0xfec00000 stays. 1G$1G adds reserved [0x40000000, 0x80000000).
     * Sorted: the reserved range sits between the RAM and 0xfec00000. last_pfn = 0x40000.
     */
    @Test
    void memAndAReservationOnAModernKernel() {
        List<String> out = kernel("--kernel=4.19", "--ram=2G", "mem=1G", "memmap=1G$1G");
        assertBlock(out,
                "e820: remove [mem 0x40000000-0xfffffffffffffffe] usable",
                "user-defined physical RAM map:",
                "user: [mem 0x0000000000000000-0x000000000009fbff] usable",
                "user: [mem 0x000000000009fc00-0x000000000009ffff] reserved",
                "user: [mem 0x00000000000f0000-0x00000000000fffff] reserved",
                "user: [mem 0x0000000000100000-0x000000003fffffff] usable",
                "user: [mem 0x0000000040000000-0x000000007fffffff] reserved",
                "user: [mem 0x00000000fec00000-0x00000000ffffffff] reserved",
                "e820: update [mem 0x00000000-0x00000fff] usable ==> reserved",
                "e820: remove [mem 0x000a0000-0x000fffff] usable",
                "last_pfn = 0x40000 max_arch_pfn = 0x100000");
    }

    /**
     * The same on 3.2: the debug lines in their pre-3.5 form ("e820 remove range: %016Lx - %016Lx ", end
     * exclusive: ULLONG_MAX), then trim_bios_range()'s: 3.2 retypes ALIGN(reserve_low, PAGE_SIZE) = 64 kB
     * (the Ubuntu 3.2.0-23 log, testdata/x86/x86-13).
     */
    @Test
    void memAndAReservationOn3x() {
        List<String> out = kernel("--kernel=3.2", "--ram=2G", "mem=1G", "memmap=1G$1G");
        assertBlock(out,
                "e820 remove range: 0000000040000000 - ffffffffffffffff (usable)",
                "user-defined physical RAM map:",
                " user: 0000000000000000 - 000000000009fc00 (usable)",
                " user: 000000000009fc00 - 00000000000a0000 (reserved)",
                " user: 00000000000f0000 - 0000000000100000 (reserved)",
                " user: 0000000000100000 - 0000000040000000 (usable)",
                " user: 0000000040000000 - 0000000080000000 (reserved)",
                " user: 00000000fec00000 - 0000000100000000 (reserved)",
                "e820 update range: 0000000000000000 - 0000000000010000 (usable) ==> (reserved)",
                "e820 remove range: 00000000000a0000 - 0000000000100000 (usable)",
                "last_pfn = 0x40000 max_arch_pfn = 0x100000");
    }

    /**
     * 2.6.24: mem=1G is limit_regions(0x40000000), which prints the map ("limit_regions start"), cuts it at
     * the first RAM entry reaching 1 GB ([0x100000, 0x80000000) becomes [0x100000, 0x40000000)) and
     * drops every later entry (the reserved one at 0xfec00000 too), prints it again ("endfor"); 1G$1G is
     * appended at the end. Unsorted user map; find_max_pfn() = 0x40000; MAXMEM_PFN = (4G - 3G - 128M) >>
     * 12 = 0x38000, so highmem = (0x40000 - 0x38000) >> 8 = 128 MB.
     */
    @Test
    void memAndAReservationOn2624() {
        List<String> out = kernel("--kernel=2.6.24", "--ram=2G", "mem=1G", "memmap=1G$1G");
        assertBlock(out,
                " limit_regions start: 0000000000000000 - 000000000009fc00 (usable)",
                " limit_regions start: 000000000009fc00 - 00000000000a0000 (reserved)",
                " limit_regions start: 00000000000f0000 - 0000000000100000 (reserved)",
                " limit_regions start: 0000000000100000 - 0000000080000000 (usable)",
                " limit_regions start: 00000000fec00000 - 0000000100000000 (reserved)",
                " limit_regions endfor: 0000000000000000 - 000000000009fc00 (usable)",
                " limit_regions endfor: 000000000009fc00 - 00000000000a0000 (reserved)",
                " limit_regions endfor: 00000000000f0000 - 0000000000100000 (reserved)",
                " limit_regions endfor: 0000000000100000 - 0000000040000000 (usable)",
                "user-defined physical RAM map:",
                " user: 0000000000000000 - 000000000009fc00 (usable)",
                " user: 000000000009fc00 - 00000000000a0000 (reserved)",
                " user: 00000000000f0000 - 0000000000100000 (reserved)",
                " user: 0000000000100000 - 0000000040000000 (usable)",
                " user: 0000000040000000 - 0000000080000000 (reserved)",
                "128MB HIGHMEM available.",
                "896MB LOWMEM available.");
    }

    /** 2.6.24: memmap=SIZE$START alone edits the map but does not set user_defined_memmap: no user map. */
    @Test
    void oldKernelsPrintNoUserMapForAReservationAlone() {
        List<String> out = kernel("--kernel=2.6.24", "--ram=2G", "memmap=1G$1G");
        assertFalse(out.contains("user-defined physical RAM map:"), String.join("\n", out));
        assertInOrder(out, "BIOS-provided physical RAM map:", "virtual kernel memory layout:");
    }

    /**
     * e820__update_table() returns -1 for a map of fewer than two entries, and e820__finish_early_params()
     * then calls early_panic("Invalid user supplied memory map").
     */
    @Test
    void aOneEntryUserMapPanics() {
        List<String> out = kernel("--kernel=4.19", "--ram=2G", "memmap=exactmap", "memmap=512M@0");
        assertBlock(out, "Kernel panic - not syncing: Invalid user supplied memory map");
        assertFalse(out.contains("virtual kernel memory layout:"));
    }

    /**
     * RAM that the user map adds where the BIOS map has it reserved is the kernel's: on a 6.1 PC with 2 GB (BIOS
     * RAM [0, 0x9fc00) and [0x100000, 0x7ffe0000)), memmap=exactmap memmap=640K@0 memmap=1G@1M makes [0, 0xa0000)
     * RAM; after trim_bios_range() memblock holds [0x1000, 0xa0000) and [0x100000, 0x40100000): 0xa0 - 1 = 159
     * pages + 0x40000 = 262303 pages, "Memory: .../1049212K available" (the page 0x9f000, which the BIOS's
     * 0x9fbff end would lose, is counted). Highmem from max_low_pfn 0x36bfe to 0x40100: 0x9502 pages = 152584K.
     * As booted: testdata/x86/realboot-6.1-i386-2048-memmap-exactmap-640K-1G.log.
     */
    @Test
    void ramTheUserMapAddsIsPresent() {
        CliRunner.Result r = X86Run.run("--kernel=6.1", "-D", "HIGHMEM4G=y", "--e820=0x0:0x9fc00:usable",
                "--e820=0x9fc00:0x400:reserved", "--e820=0xf0000:0x10000:reserved", "--e820=0x100000:0x7fee0000:usable",
                "--e820=0x7ffe0000:0x20000:reserved", "--e820=0xfffc0000:0x40000:reserved",
                "memmap=exactmap", "memmap=640K@0", "memmap=1G@1M");
        assertTrue(r.out().contains("the kernel's figures: Memory: ...K/1049212K available (..., 152584K highmem)"), r.toString());
    }
}
