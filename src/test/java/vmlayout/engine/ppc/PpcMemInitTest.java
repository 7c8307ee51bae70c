package vmlayout.engine.ppc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The "Kernel virtual memory layout:" listing of each era and the constants in it: fixmap size,
 * PKMAP_BASE, KVIRT_TOP/IOREMAP_TOP, the consistent area, VMALLOC_START variants, modules, KASAN.
 * Book3s/32 with 4K pages and 512 MB of RAM unless said otherwise: high_memory = 0xe0000000, so
 * VMALLOC_START = (0xe0000000 + 16M) & ~(16M - 1) = 0xe1000000.
 */
class PpcListingTest {

    private static final String HEADER = "Kernel virtual memory layout:";

    private static PpcRun run(String kernel, String... more) {
        String[] args = new String[2 + more.length];
        args[0] = "--kernel=" + kernel;
        args[1] = "--ram=0:512M";
        System.arraycopy(more, 0, args, 2, more.length);
        return PpcRun.of(args);
    }

    @Test
    void firstPrintedForm2629() {
        PpcRun r = run("2.6.29");
        // fixmap: FIX_HOLE/early debug 128K = 32 pages; FIXADDR_TOP = -4096 = 0xfffff000;
        // FIXADDR_START = 0xfffff000 - 32 * 4096 = 0xfffdf000. KVIRT_TOP = 0xfe000000 (no HIGHMEM) =
        // IOREMAP_TOP = ioremap_bot: the early ioremap row is printed even when empty.
        assertEquals(List.of(HEADER,
                "  * 0xfffdf000..0xfffff000  : fixmap",
                "  * 0xfe000000..0xfe000000  : early ioremap",
                "  * 0xe1000000..0xfe000000  : vmalloc & ioremap"), r.kernelLines(), r.toString());
        assertTrue(r.tablePrinted());
    }

    @Test
    void consistentMemBelowKvirtTop2629To53() {
        PpcRun r = run("3.10", "-D", "NOT_COHERENT_CACHE=y");
        // IOREMAP_TOP = (KVIRT_TOP 0xfe000000 - CONFIG_CONSISTENT_SIZE 0x200000) & PAGE_MASK = 0xfde00000;
        // consistent mem IOREMAP_TOP..IOREMAP_TOP + 0x200000
        assertEquals(List.of(HEADER,
                "  * 0xfffdf000..0xfffff000  : fixmap",
                "  * 0xfde00000..0xfe000000  : consistent mem",
                "  * 0xfde00000..0xfde00000  : early ioremap",
                "  * 0xe1000000..0xfde00000  : vmalloc & ioremap"), r.kernelLines(), r.toString());
        assertEquals("0xfde00000-0xfe000000", r.region("consistent"));
    }

    @Test
    void consistentMemAtConsistentStartBefore2629() {
        PpcRun r = run("2.6.24", "-D", "NOT_COHERENT_CACHE=y");
        // CONFIG_CONSISTENT_START 0xff100000 + CONFIG_CONSISTENT_SIZE 0x200000; ioremap_base 0xfe000000 apart
        assertEquals(List.of(HEADER,
                "  * 0xff100000..0xff300000  : consistent mem",
                "  * 0xfe000000..0xfe000000  : early ioremap",
                "  * 0xe1000000..0xfe000000  : vmalloc & ioremap"), r.table(), r.toString());
        assertEquals(List.of(), r.kernelLines(), "2.6.24 prints no listing: none of it is a kernel line");
        assertTrue(r.ownContains("info", "no fixmap before 2.6.26"));
        PpcRun mpc8xx = run("2.6.24", "-D", "PPC_8XX=y");
        // 8xx: NOT_COHERENT_CACHE selected, CONSISTENT_START default 0xfd000000
        assertEquals("0xfd000000-0xfd200000", mpc8xx.region("consistent"));
    }

    @Test
    void consistentMemGoneFrom54() {
        // 8xx selects NOT_COHERENT_CACHE, but 5.4's generic DMA remap allocator shares the vmalloc space
        PpcRun r = run("5.4", "-D", "PPC_8XX=y");
        assertEquals(null, r.region("consistent"));
        assertFalse(r.kernelLines().stream().anyMatch(l -> l.endsWith(": consistent mem")));
    }

    @Test
    void fixmapIsOnePageIn2626To2628() {
        PpcRun r = run("2.6.26");
        // enum: FIX_HOLE only (no HIGHMEM); __FIXADDR_TOP taken as 0xfffff000: start 0xffffe000
        assertEquals("0xffffe000-0xfffff000", r.region("fixmap"));
        assertFalse(r.tablePrinted());
    }

    @Test
    void kasanRowAndFixmapBelowTheShadow52() {
        PpcRun r = run("5.2", "-D", "KASAN=y");
        // KASAN_SHADOW_START = 0xe0000000 + (0xc0000000 >> 3 = 0x18000000) = 0xf8000000, END 0UL in 5.2;
        // FIXADDR_TOP = 0xf8000000 - 4096 = 0xf7fff000; 32 pages: FIXADDR_START 0xf7fdf000;
        // KVIRT_TOP = FIXADDR_START (5.2): early ioremap row (empty, still printed), vmalloc up to it
        assertEquals(List.of(HEADER,
                "  * 0xf8000000..0x00000000  : kasan shadow mem",
                "  * 0xf7fdf000..0xf7fff000  : fixmap",
                "  * 0xf7fdf000..0xf7fdf000  : early ioremap",
                "  * 0xe1000000..0xf7fdf000  : vmalloc & ioremap"), r.kernelLines(), r.toString());
        assertEquals("0xf8000000-0x100000000", r.region("kasan"));
    }

    @Test
    void kasanShadowEndFrom58() {
        PpcRun r = run("5.8", "-D", "KASAN=y");
        // -(-0xf8000000 >> 3) = -(0x08000000 >> 3) = -0x01000000 = 0xff000000
        assertEquals("  * 0xf8000000..0xff000000  : kasan shadow mem", r.kernelLinesAfterZones().get(1));
    }

    @Test
    void emptyEarlyIoremapRowHiddenFrom54() {
        PpcRun r = run("5.4");
        // KVIRT_TOP gone: IOREMAP_TOP = FIXADDR_START; 5.4 < 5.5: no early ioremap slots, 32 pages: 0xfffdf000
        assertEquals(List.of(HEADER,
                "  * 0xfffdf000..0xfffff000  : fixmap",
                "  * 0xe1000000..0xfffdf000  : vmalloc & ioremap"), r.kernelLines(), r.toString());
        PpcRun used = run("5.4", "-D", "IOREMAP_BOT=0xff000000");
        assertEquals(List.of(HEADER,
                "  * 0xfffdf000..0xfffff000  : fixmap",
                "  * 0xff000000..0xfffdf000  : early ioremap",
                "  * 0xe1000000..0xff000000  : vmalloc & ioremap"), used.kernelLines(), used.toString());
    }

    @Test
    void earlyIoremapSlotsFrom55AndThe58Slip() {
        // 5.5+: + 16 slots x 256K = 1024 pages. 5.9: 32 + 1024 = 1056 pages = 0x420000 -> 0xffbdf000
        assertEquals("0xffbdf000-0xfffff000", run("5.9").region("fixmap"));
        // 5.8: ALIGN(SZ_128, PAGE_SIZE) / PAGE_SIZE = 1 page: 1 + 1024 = 1025 = 0x401000 -> 0xffbfe000
        assertEquals("0xffbfe000-0xfffff000", run("5.8").region("fixmap"));
        // 5.4: 32 pages only
        assertEquals("0xfffdf000-0xfffff000", run("5.4").region("fixmap"));
    }

    @Test
    void pkmapBelowTheFixmapFrom2626() {
        PpcRun r = run("4.19", "-D", "HIGHMEM=y", "-D", "NR_CPUS=4");
        // fixmap 32 + KM_TYPE_NR 16 x 4 CPUs = 96 pages = 0x60000: FIXADDR_START 0xfff9f000;
        // PKMAP_BASE = (0xfff9f000 - 4096 * 1025) & ~(4M - 1) = 0xffb9e000 & 0xffc00000 = 0xff800000;
        // + 1024 pages = 0xffc00000; IOREMAP_TOP = KVIRT_TOP = PKMAP_BASE
        assertEquals(List.of(HEADER,
                "  * 0xfff9f000..0xfffff000  : fixmap",
                "  * 0xff800000..0xffc00000  : highmem PTEs",
                "  * 0xff800000..0xff800000  : early ioremap",
                "  * 0xe1000000..0xff800000  : vmalloc & ioremap"), r.kernelLines(), r.toString());
    }

    @Test
    void pkmapWithAPinnedFixmap() {
        PpcRun r = run("5.10", "-D", "HIGHMEM=y", "-D", "FIXADDR_START=0xffc00000");
        // PKMAP_BASE = (0xffc00000 - 0x401000) & 0xffc00000 = 0xff7ff000 & 0xffc00000 = 0xff400000
        assertEquals("0xff400000-0xff800000", r.region("pkmap"));
        assertEquals("0xe1000000-0xff400000", r.region("vmalloc"));
    }

    @Test
    void ppc44xPinSizeAnd64BitPtes() {
        PpcRun r = PpcRun.of("--kernel=4.19", "--ram=0:300M", "-D", "44X=y", "-D", "HIGHMEM=y");
        // high_memory = 0xc0000000 + 0x12c00000 = 0xd2c00000; ALIGN(, PPC_PIN_SIZE 256M) = 0xe0000000;
        // VMALLOC_START = (0xe0000000 + 16M) & ~(16M - 1) = 0xe1000000.
        // 44x: PTE_64BIT, so LAST_PKMAP = 1 << 9 = 512 and PMD_SIZE = 2M; fixmap 32 + 16 = 48 pages:
        // FIXADDR_START = 0xfffcf000; PKMAP_BASE = (0xfffcf000 - 4096 * 513) & ~(2M - 1) = 0xffc00000, end
        // 0xffc00000 + 512 * 4096 = 0xffe00000. NOT_COHERENT_CACHE (4xx): IOREMAP_TOP = 0xffc00000 - 2M = 0xffa00000
        assertEquals(List.of(HEADER,
                "  * 0xfffcf000..0xfffff000  : fixmap",
                "  * 0xffc00000..0xffe00000  : highmem PTEs",
                "  * 0xffa00000..0xffc00000  : consistent mem",
                "  * 0xffa00000..0xffa00000  : early ioremap",
                "  * 0xe1000000..0xffa00000  : vmalloc & ioremap"), r.kernelLines(), r.toString());
        // the same RAM on book3s/32: (0xd2c00000 + 16M) & ~(16M - 1) = 0xd3000000
        assertTrue(PpcRun.of("--kernel=4.19", "--ram=0:300M").region("vmalloc").startsWith("0xd3000000-"));
    }

    @Test
    void book3sStrictRwxRoundsVmallocStartTo256MUntil58() {
        // 5.4 STRICT_KERNEL_RWX && MODULES: ALIGN(0xd2c00000, 256M) = 0xe0000000 -> 0xe1000000
        PpcRun r = PpcRun.of("--kernel=5.4", "--ram=0:300M", "-D", "STRICT_KERNEL_RWX=y");
        assertTrue(r.region("vmalloc").startsWith("0xe1000000-"), r.toString());
        // 5.9: the modules segment instead; back to 0xd3000000, modules 0xb0000000..0xc0000000 (no row yet)
        PpcRun s = PpcRun.of("--kernel=5.9", "--ram=0:300M", "-D", "STRICT_KERNEL_RWX=y");
        assertTrue(s.region("vmalloc").startsWith("0xd3000000-"), s.toString());
        assertEquals("0xb0000000-0xc0000000", s.region("modules"));
        assertFalse(s.kernelLines().stream().anyMatch(l -> l.endsWith(": modules")));
    }

    @Test
    void modulesRowFrom514() {
        PpcRun r = run("5.14");
        // MODULES_END = ALIGN_DOWN(0xc0000000, 256M) = 0xc0000000; MODULES_VADDR = END - 256M
        assertEquals("  * 0xb0000000..0xc0000000  : modules", last(r));
        assertEquals(List.of("fixmap", "vmalloc", "lowmem", "modules"), r.regionIds());
        // 6.12: MODULES_SIZE 64 MB on book3s/32 (0xbc000000), 32 MB on 8xx (0xbe000000)
        assertEquals("  * 0xbc000000..0xc0000000  : modules", last(run("6.12")));
        assertEquals("  * 0xbe000000..0xc0000000  : modules", last(run("6.12", "-D", "PPC_8XX=y")));
        // nohash platforms other than 8xx load modules into vmalloc space: no row
        assertFalse(last(run("5.14", "-D", "40X=y")).endsWith(": modules"));
    }

    @Test
    void listingRemovedIn615() {
        PpcRun r = run("6.15");
        assertFalse(r.tablePrinted());
        assertTrue(r.ownContains("info", "no longer prints this listing (removed in 6.15"), r.toString());
        assertEquals("  * 0xbc000000..0xc0000000  : modules", last(r), "the last form, with this release's values");
        assertTrue(run("6.14").tablePrinted());
    }

    @Test
    void regionIdsForJson() {
        PpcRun r = run("3.10", "-D", "HIGHMEM=y", "-D", "NOT_COHERENT_CACHE=y", "-D", "IOREMAP_BOT=0xf8000000");
        assertEquals(List.of("fixmap", "pkmap", "consistent", "early_ioremap", "vmalloc", "lowmem"), r.regionIds());
    }

    private static String last(PpcRun r) {
        List<String> l = r.table();
        return l.get(l.size() - 1);
    }
}
