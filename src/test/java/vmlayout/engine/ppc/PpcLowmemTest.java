package vmlayout.engine.ppc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vmlayout.engine.ppc.PpcRun.MB;

import org.junit.jupiter.api.Test;

/**
 * RAM before the layout: mem= (prom.c early_parse_mem(), arch/ppc MMU_setup()), MMU_init()'s
 * first-region rule and lowmem clamp, memstart_addr, HIGHMEM off.
 */
class PpcMemoryTest {

    @Test
    void withoutHighmemTheExcessIsDroppedSilently() {
        PpcRun r = PpcRun.of("--kernel=6.1", "--ram=0:2G");
        // total_lowmem = min(2G, 0x30000000) = 768 MB; #ifndef CONFIG_HIGHMEM: memblock_enforce_memory_limit(768M)
        assertEquals(768 * MB, r.ram("lowmem"));
        assertEquals(1280 * MB, r.ram("dropped"));
        assertEquals(0, r.ram("highmem"));
        assertEquals(1, r.exit());
        assertTrue(r.kernelLinesAfterZones().get(0).equals("Kernel virtual memory layout:"), "the kernel prints nothing about it");
        assertTrue(r.ownContains("warning", "1280 MB of RAM above lowmem (0x30000000-0x80000000) is not used"), r.toString());
    }

    @Test
    void memIsPageAlignedUpAndCountsBytesOfRam() {
        PpcRun r = PpcRun.of("--kernel=4.19", "--ram=0:512M", "mem=1000001");
        // PAGE_ALIGN(1000001 = 0xf4241) = 0xf5000 = 1003520 bytes; high_memory = 0xc00f5000;
        // VMALLOC_START = (0xc00f5000 + 0x1000000) & ~0xffffff = 0xc1000000
        assertEquals(1003520, r.ram("lowmem"));
        assertEquals(512 * MB - 1003520, r.ram("reserved"));
        assertEquals("0xc0000000-0xc00f5000", r.region("lowmem"));
        assertTrue(r.region("vmalloc").startsWith("0xc1000000-"));
        assertTrue(r.ownContains("info", "rounds the limit up to a whole page: 1003520 bytes"));
        assertEquals(0, r.exit(), "mem= is the user's choice, not a finding");
    }

    @Test
    void theLastMemWins() {
        PpcRun r = PpcRun.of("--kernel=4.19", "--ram=0:2G", "-D", "HIGHMEM=y", "--cmdline=mem=512M mem=1G");
        // memory_limit = 1G; lowmem 768 MB, highmem 0x30000000-0x40000000 = 256 MB, 1 GB kept out
        assertEquals(768 * MB, r.ram("lowmem"));
        assertEquals(256 * MB, r.ram("highmem"));
        assertEquals(1024 * MB, r.ram("reserved"));
    }

    @Test
    void memZeroMeansNoLimit() {
        PpcRun r = PpcRun.of("--kernel=4.19", "--ram=0:512M", "mem=0");
        assertEquals(512 * MB, r.ram("lowmem"));
        assertTrue(r.ownContains("info", "a memory limit of 0 means no limit"));
    }

    @Test
    void beforeMemparseKnewTerabytesTheTIsIgnored() {
        PpcRun r = PpcRun.of("--kernel=3.10", "--ram=0:512M", "mem=1T");
        // 3.10 memparse: "1" then 'T' unknown: 1 byte, PAGE_ALIGN -> 4096
        assertEquals(4096, r.ram("lowmem"));
        assertTrue(r.ownContains("info", "knows only the K, M and G suffixes"), r.toString());
    }

    @Test
    void archPpcParsesMemItselfWithoutG() {
        PpcRun r = PpcRun.of("--kernel=2.6.17", "--ram=0:512M", "-D", "PPC_MERGE=n", "mem=256m");
        // MMU_setup(): simple_strtoul("256") << 20 = 256 MB (k/K and m/M only)
        assertEquals(256 * MB, r.ram("lowmem"));
        PpcRun g = PpcRun.of("--kernel=2.6.17", "--ram=0:512M", "-D", "PPC_MERGE=n", "mem=1G");
        // "1G": simple_strtoul reads 1, 'G' is no suffix it knows: __max_memory = 1 byte
        assertEquals(1, g.ram("lowmem"));
        assertTrue(g.ownContains("info", "knows only the k and m suffixes: it reads 1 bytes"), g.toString());
    }

    @Test
    void archPpcIsGoneFrom2627() {
        PpcRun r = PpcRun.of("--kernel=2.6.27", "--ram=0:512M", "-D", "PPC_MERGE=n");
        assertTrue(r.ownContains("info", "-D PPC_MERGE has no effect on powerpc 2.6.27"), r.toString());
    }

    @Test
    void onlyTheFirstContiguousRegionIsUsed() {
        PpcRun r = PpcRun.of("--kernel=3.10", "--ram=0:256M", "--ram=0x20000000:256M");
        // memblock.memory.cnt = 2 > 1: memblock_enforce_memory_limit(regions[0].size = 256M)
        assertEquals("warning", r.kernelLevel("Only using first contiguous memory region"));
        assertEquals(256 * MB, r.ram("lowmem"));
        assertEquals(256 * MB, r.ram("dropped"));
        assertEquals("0xc0000000-0xd0000000", r.region("lowmem"));
        assertTrue(r.ownContains("info", "without a newline"), "3.x printk has no \\n");
        assertEquals(1, r.exit());
        PpcRun five = PpcRun.of("--kernel=5.4", "--ram=0:256M", "--ram=0x20000000:256M");
        assertTrue(!five.ownContains("info", "without a newline"), "pr_warn(...\\n) by 5.x");
    }

    @Test
    void from61FragmentedMemoryIsKeptAndTheHoleCountsForLowmem() {
        PpcRun r = PpcRun.of("--kernel=6.1", "--ram=0:256M", "--ram=0x20000000:256M");
        // no region check; total_lowmem = memblock_end_of_DRAM() - memstart = 0x30000000 (hole included);
        // high_memory = 0xf0000000, VMALLOC_START 0xf1000000; all 512 MB of RAM is lowmem
        assertNull(r.kernelLevel("Only using first contiguous memory region"));
        assertEquals(512 * MB, r.ram("lowmem"));
        assertEquals("0xc0000000-0xf0000000", r.region("lowmem"));
        assertTrue(r.region("vmalloc").startsWith("0xf1000000-"));
    }

    @Test
    void memIsAppliedBeforeTheRegionCheck() {
        PpcRun r = PpcRun.of("--kernel=5.4", "--ram=0:256M", "--ram=0x20000000:256M", "mem=384M");
        // early_init_devtree() keeps the first 384 MB by address: 0-0x10000000 and 0x20000000-0x28000000,
        // still two regions: MMU_init() keeps the first; 0x20000000-0x28000000 dropped, the rest kept out by mem=
        assertEquals("warning", r.kernelLevel("Only using first contiguous memory region"));
        assertEquals(256 * MB, r.ram("lowmem"));
        assertEquals(128 * MB, r.ram("dropped"));
        assertEquals(128 * MB, r.ram("reserved"));
    }

    @Test
    void ramNeedNotStartAtZeroFrom2627() {
        PpcRun r = PpcRun.of("--kernel=4.19", "--ram=0x10000000:512M");
        // memstart_addr = 0x10000000; total_lowmem = 0x30000000 - 0x10000000 = 512 MB; high_memory 0xe0000000
        assertEquals("0xc0000000-0xe0000000", r.region("lowmem"));
        assertEquals(512 * MB, r.ram("lowmem"));
        PpcRun old = PpcRun.of("--kernel=2.6.24", "--ram=0x10000000:512M");
        // total_memory = lmb_end_of_DRAM() = 0x30000000 (RAM taken to start at 0): high_memory 0xf0000000
        assertEquals("0xc0000000-0xf0000000", old.region("lowmem"));
        assertTrue(old.ownContains("warning", "maps physical 0 at PAGE_OFFSET"), old.toString());
    }
}
