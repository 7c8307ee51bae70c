package vmlayout.engine.x86;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static vmlayout.engine.x86.X86Run.assertBlock;
import static vmlayout.engine.x86.X86Run.kernel;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * zone_sizes_init() (arch/x86/mm/init.c) and e820__memblock_setup() (arch/x86/kernel/e820.c): the "Zone ranges:"
 * report of free_area_init() (5.8+). ZONE_DMA ends at min(MAX_DMA_PFN = 16 MB, max_low_pfn), ZONE_NORMAL at
 * max_low_pfn, ZONE_HIGHMEM at max_pfn; the node ranges are the e820 RAM entries after trim_bios_range(), page
 * rounded, without an entry whose end does not fit a 32-bit resource_size_t unless X86_PAE. Real boots: the three
 * testdata/x86/realboot-6.1-i386*-{highmem512M,mem1536M-*,6144-above-4G} goldens.
 */
class X86ZoneSizesInitTest {

    /** QEMU -M pc's map with {@code lowMb} MB below 4 GB (3 GB at most) and {@code highMb} MB from 4 GB. */
    private static List<String> pc(String kernel, long lowMb, long highMb, String... more) {
        List<String> a = new ArrayList<>(List.of("--kernel=" + kernel, "--e820=0:0x9fc00:usable", "--e820=0x9fc00:0x400:reserved",
                "--e820=0xf0000:0x10000:reserved", "--e820=0x100000:0x" + Long.toHexString((lowMb << 20) - 0x100000 - 0x20000) + ":usable",
                "--e820=0x" + Long.toHexString((lowMb << 20) - 0x20000) + ":0x20000:reserved", "--e820=0xfffc0000:0x40000:reserved"));
        if (highMb > 0) {
            a.add("--e820=0x100000000:0x" + Long.toHexString(highMb << 20) + ":usable");
        }
        a.addAll(List.of(more));
        return kernel(a.toArray(new String[0]));
    }

    /**
     * 256 MB, non-PAE, NR_CPUS 32 (Debian 686): all RAM is lowmem, max_low_pfn = max_pfn = 0xffe0 (256 MB - 128 kB).
     * DMA = [pfn 1, 0x1000), Normal = [0x1000, 0xffe0) -> 0x000000000ffdffff, HighMem [0xffe0, 0xffe0) "empty".
     * The real i386-256 boot (realboot sweep) prints exactly these.
     */
    @Test
    void allLowmem() {
        assertBlock(pc("6.1.192", 256, 0, "-D", "NR_CPUS=32", "-D", "HIGHMEM4G=y"), "Zone ranges:",
                "  DMA      [mem 0x0000000000001000-0x0000000000ffffff]",
                "  Normal   [mem 0x0000000001000000-0x000000000ffdffff]",
                "  HighMem  empty",
                "Movable zone start for each node",
                "Early memory node ranges",
                "  node   0: [mem 0x0000000000001000-0x000000000009efff]",
                "  node   0: [mem 0x0000000000100000-0x000000000ffdffff]",
                "Initmem setup node 0 [mem 0x0000000000001000-0x000000000ffdffff]");
    }

    /**
     * 3 GB + 3 GB above 4 GB, non-PAE HIGHMEM4G: the entry [4 GB, 7 GB) ends past 2^32, so e820__memblock_setup()
     * skips it ({@code end != (resource_size_t)end}); max_pfn = MAX_NONPAE_PFN-capped last_pfn 0xbffe0 ->
     * HighMem ends 0xbffdffff. Real i386-6144 boot: node ranges end at 0x00000000bffdffff.
     * max_low_pfn 0x36bfe (875 MB, Debian 686 NR_CPUS 32).
     */
    @Test
    void nonPaeSkipsRamAbove4G() {
        List<String> out = pc("6.1.192", 3072, 3072, "-D", "NR_CPUS=32", "-D", "HIGHMEM4G=y");
        assertBlock(out, "  HighMem  [mem 0x0000000036bfe000-0x00000000bffdffff]",
                "Movable zone start for each node",
                "Early memory node ranges",
                "  node   0: [mem 0x0000000000001000-0x000000000009efff]",
                "  node   0: [mem 0x0000000000100000-0x00000000bffdffff]",
                "Initmem setup node 0 [mem 0x0000000000001000-0x00000000bffdffff]");
    }

    /**
     * 6.15-rc2 (HIGHMEM4G + X86_PAE, max_pfn trimmed to 4 GB = 0x100000) keeps the RAM above 4 GB in memblock
     * (testdata/x86/x86-14 lists [mem 0x0000000100000000-0x00000001bfffffff]); 83b2d345e178 (6.15-rc4)
     * memblock_remove(PFN_PHYS(max_pfn), -1): 6.15 has no node range above 0xffffffff, and "Initmem setup" ends
     * at the last RAM below 4 GB, 0xbffdffff.
     */
    @Test
    void from615Rc4MemblockEndsAtMaxPfn() {
        String[] d = {"-D", "HIGHMEM4G=y", "-D", "X86_PAE=y", "-D", "NR_CPUS=8"};
        assertBlock(pc("6.15-rc2", 3072, 3072, d), "  node   0: [mem 0x0000000100000000-0x00000001bfffffff]",
                "Initmem setup node 0 [mem 0x0000000000001000-0x00000001bfffffff]");
        List<String> out = pc("6.15", 3072, 3072, d);
        assertBlock(out, "  HighMem  [mem 0x00000000375fe000-0x00000000ffffffff]",
                "Movable zone start for each node",
                "Early memory node ranges",
                "  node   0: [mem 0x0000000000001000-0x000000000009efff]",
                "  node   0: [mem 0x0000000000100000-0x00000000bffdffff]",
                "Initmem setup node 0 [mem 0x0000000000001000-0x00000000bffdffff]");
    }

    /**
     * Without CONFIG_ZONE_DMA (an LKP randconfig 6.1-rc2 boot prints "Normal [mem 0x0000000000001000-...]" first)
     * the first zone is Normal from pfn 1; NOHIGHMEM prints no HighMem line.
     */
    @Test
    void withoutZoneDmaOrHighmem() {
        assertBlock(pc("6.1", 512, 0, "-D", "ZONE_DMA=n", "-D", "NOHIGHMEM=y"), "Zone ranges:",
                "  Normal   [mem 0x0000000000001000-0x000000001ffdffff]",
                "Movable zone start for each node");
    }

    /** Before 5.8 the report is not predicted (older releases print it in other forms). */
    @Test
    void notBefore58() {
        assertFalse(pc("5.7", 512, 0).contains("Zone ranges:"));
    }
}
