package vmlayout.engine.ppc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vmlayout.engine.ppc.PpcRun.MB;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed-000 thread (linuxppc-embedded, Aug 2006): a 7448 (book3s/32) board with 2 GB, HIGHMEM, boot
 * arguments "root=/dev/nfs rw mem=1920M vmalloc=1024M", ioremap() failing beyond 64 MB. Matt Porter's
 * answer: lowmem 0xc0000000-0xefffffff, vmalloc from 0xf1000000, highmem pool at 0xfe000000; vmalloc=
 * cannot help; LOWMEM_SIZE 0x20000000 moves vmalloc to 0xe1000000; a lower KERNEL_START gives more.
 * Linux 2.6.17 (the release of that summer). Arithmetic from arch/powerpc/mm/init_32.c MMU_init() and
 * include/asm-powerpc/pgtable-ppc32.h / highmem.h of that era.
 */
class PpcSeed000Test {

    private static final String[] BOARD = {"--kernel=2.6.17", "--ram=0x00000000:2G", "-D", "HIGHMEM=y"};

    private static PpcRun seed(String... more) {
        String[] args = new String[BOARD.length + more.length];
        System.arraycopy(BOARD, 0, args, 0, BOARD.length);
        System.arraycopy(more, 0, args, BOARD.length, more.length);
        return PpcRun.of(args);
    }

    @Test
    void defaultLayoutIsWhatMattPorterDescribed() {
        PpcRun r = seed("--cmdline=root=/dev/nfs rw mem=1920M");
        // mem=1920M: memory_limit = PAGE_ALIGN(1920 << 20) = 0x78000000; total_memory = 0x78000000;
        // total_lowmem = min(0x78000000, LOWMEM_SIZE 0x30000000) = 0x30000000;
        // high_memory = 0xc0000000 + 0x30000000 = 0xf0000000;
        // VMALLOC_START = (0xf0000000 + 0x1000000) & ~0xffffff = 0xf1000000;
        // PKMAP_BASE = CONFIG_HIGHMEM_START 0xfe000000, LAST_PKMAP = 1 << PTE_SHIFT(10) = 1024 pages = 4 MB;
        // ioremap_bot = ioremap_base = PKMAP_BASE = 0xfe000000 = VMALLOC_END. No fixmap before 2.6.26.
        assertEquals(List.of("Kernel virtual memory layout:",
                "  * 0xfe000000..0xfe400000  : highmem PTEs",
                "  * 0xfe000000..0xfe000000  : early ioremap",
                "  * 0xf1000000..0xfe000000  : vmalloc & ioremap"), r.table(), r.toString());
        assertEquals(List.of(), r.kernelLines(), "2.6.17 prints none of it");
        assertEquals("0xc0000000-0xf0000000", r.region("lowmem"));
        assertEquals("0xf1000000-0xfe000000", r.region("vmalloc"));
        assertEquals(0, r.exit());
        assertFalse(r.tablePrinted(), "2.6.17 does not print the listing");
        assertTrue(r.ownContains("info", "does not print this listing"));
        // RAM: 768 MB lowmem, 0x30000000-0x78000000 = 1152 MB highmem, the top 128 MB kept out by mem=
        assertEquals(768 * MB, r.ram("lowmem"));
        assertEquals(1152 * MB, r.ram("highmem"));
        assertEquals(128 * MB, r.ram("reserved"));
        assertEquals(0, r.ram("dropped"));
    }

    @Test
    void vmallocParameterHasNoEffectAndSaysSo() {
        PpcRun with = seed("--cmdline=root=/dev/nfs rw mem=1920M vmalloc=1024M");
        PpcRun without = seed("--cmdline=root=/dev/nfs rw mem=1920M");
        assertEquals(without.kernelLines(), with.kernelLines(), "the layout does not change");
        assertEquals(1, with.exit(), "a parameter without effect is a finding");
        assertTrue(with.ownContains("warning", "vmalloc=1024M has no effect on powerpc"), with.toString());
        assertTrue(with.ownContains("warning", "--lowmem-size"), "the warning names the real knob");
    }

    @Test
    void lowmemSize512MovesVmallocStartDown() {
        PpcRun r = seed("--lowmem-size=0x20000000", "--cmdline=root=/dev/nfs rw mem=1920M");
        // total_lowmem = min(0x78000000, 0x20000000) = 0x20000000; high_memory = 0xe0000000;
        // VMALLOC_START = (0xe0000000 + 16M) & ~(16M - 1) = 0xe1000000: 256 MB more vmalloc space
        assertEquals("0xc0000000-0xe0000000", r.region("lowmem"));
        assertEquals("0xe1000000-0xfe000000", r.region("vmalloc"));
        assertEquals(512 * MB, r.ram("lowmem"));
        assertEquals(1408 * MB, r.ram("highmem")); // 0x20000000-0x78000000
        assertEquals(0, r.exit());
    }

    @Test
    void lowerKernelStartMovesEverythingDown() {
        PpcRun r = seed("-D", "KERNEL_START=0xa0000000", "-D", "TASK_SIZE=0xa0000000");
        // PAGE_OFFSET = KERNELBASE = 0xa0000000 in 2.6.17; lowmem 0xa0000000 + 0x30000000 = 0xd0000000;
        // VMALLOC_START = (0xd0000000 + 16M) & ~(16M - 1) = 0xd1000000; the top stays at 0xfe000000
        assertEquals("0xa0000000-0xd0000000", r.region("lowmem"));
        assertEquals("0xd1000000-0xfe000000", r.region("vmalloc"));
        assertEquals(0, r.exit(), r.toString());
    }

    @Test
    void lowerKernelStartAllowsBiggerLowmemUpToTheLimit() {
        // 0xF0000000 - 0xa0000000 = 0x50000000: the largest LOWMEM_SIZE the #error lets through
        PpcRun r = seed("-D", "KERNEL_START=0xa0000000", "-D", "TASK_SIZE=0xa0000000", "--lowmem-size=0x50000000");
        // lowmem 0xa0000000 + 0x50000000 = 0xf0000000 (1280 MB); vmalloc back at 0xf1000000
        assertEquals("0xa0000000-0xf0000000", r.region("lowmem"));
        assertEquals("0xf1000000-0xfe000000", r.region("vmalloc"));
        assertEquals(1280 * MB, r.ram("lowmem"));
    }

    @Test
    void tooMuchLowmemForTheKernelStartIsTheKernelsBuildError() {
        String err = PpcRun.inputError(BOARD[0], BOARD[1], "-D", "HIGHMEM=y", "-D", "KERNEL_START=0xa0000000",
                "--lowmem-size=0x60000000");
        // 0x60000000 > 0xF0000000 - 0xa0000000 = 0x50000000
        assertTrue(err.startsWith("vmlayout: -D LOWMEM_SIZE=0x60000000: Linux 2.6.17 would not build"), err);
        assertTrue(err.contains("0xF0000000 - KERNELBASE 0xa0000000 = 0x50000000"), err);
        assertTrue(err.endsWith("#error \"You must adjust CONFIG_LOWMEM_SIZE or CONFIG_START_KERNEL\""), err);
    }

    @Test
    void kernelStartAloneWarnsThatUserSpaceOverlapsIt() {
        PpcRun r = seed("-D", "KERNEL_START=0xa0000000");
        // CONFIG_TASK_SIZE stays 0xc0000000 > 0xa0000000; 2.6.17 has no #error for it yet
        assertEquals(1, r.exit());
        assertTrue(r.ownContains("warning", "TASK_SIZE 0xc0000000 is above KERNEL_START 0xa0000000"), r.toString());
    }
}
