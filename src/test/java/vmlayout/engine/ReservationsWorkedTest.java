package vmlayout.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vmlayout.CliRunner;

/**
 * The early reservations worked by hand: CMA (mm/cma.c cma_declare_contiguous_nid()), device-tree pools
 * (drivers/of/of_reserved_mem.c) and crashkernel= (arch/arm/kernel/setup.c, arch/x86/kernel/setup.c
 * reserve_crashkernel()). Each expected line is the kernel's own, computed in the comment from the
 * kernel's arithmetic of that release; the same boards booted for real are the golden cases
 * testdata/arm/realboot-*.
 *
 * <p>Common to the ARM cases: RAM at 0x40000000, VMSPLIT_3G, HIGHMEM, 6.1. vmalloc_min = VMALLOC_END
 * 0xff800000 - 240 MB - 8 MB = 0xf0000000, so lowmem is the first 0xf0000000 - 0xc0000000 = 768 MB:
 * arm_lowmem_limit = highmem_start = 0x70000000. The kernel image sits at the bottom of RAM; CMA and the
 * crash kernel are placed top-down (memblock's default), so the image never meets them here.
 * Alignment of a CMA area (5.19+): PAGE_SIZE << pageblock_order; without HUGETLB_PAGE pageblock_order =
 * MAX_ORDER - 1, and MAX_ORDER is ARCH_FORCE_MAX_ORDER (Kconfig default 11 before 6.4): 4 KB << 10 = 4 MB,
 * or 8 MB with Debian's ARCH_FORCE_MAX_ORDER=12.
 */
class ReservationsWorkedTest {

    @TempDir
    Path tmp;

    private static final String[] ARM_1G = {"--kernel-only", "--kernel", "6.1", "--ram", "0x40000000:1G", "-D", "HIGHMEM=y",
        "-D", "DMA_CMA=y"};

    private static final java.util.regex.Pattern FREE_AREA_INIT = java.util.regex.Pattern.compile(
            "Zone ranges:|  (DMA|Normal|HighMem) |Movable zone start|Early memory node ranges|  node   0: |Initmem setup node");

    private static List<String> kernelLines(String... args) {
        CliRunner.Result r = CliRunner.run(args);
        if (r.status() > 1) {
            throw new AssertionError(r.toString());
        }
        List<String> out = new ArrayList<>();
        for (String l : r.outLines()) {
            if (l.equals("Virtual kernel memory layout:")) {
                break; // 6.1 prints no table; vmlayout shows its last form after the messages
            }
            if (FREE_AREA_INIT.matcher(l).lookingAt()) {
                continue; // paging_init()'s zone report (5.8+), worked elsewhere (ZoneRangesGoldenTest)
            }
            out.add(l);
        }
        return out;
    }

    private static String[] with(String[] base, String... more) {
        String[] a = new String[base.length + more.length];
        System.arraycopy(base, 0, a, 0, base.length);
        System.arraycopy(more, 0, a, base.length, more.length);
        return a;
    }

    @Test
    void cmaInHighmem() {
        // cma=256M: size 256 MB (a multiple of 4 MB). limit = arm_dma_limit 0xffffffff & ~(4 MB - 1) = 0xffc00000 >
        // memblock_end 0x80000000, so limit = 0x80000000. base 0 < highmem_start 0x70000000 < limit: highmem first,
        // top-down in [0x70000000, 0x80000000): 0x80000000 - 256 MB = 0x70000000 >= 0x70000000: placed.
        // 6.1 prints "Reserved %ld MiB at %pa" (%pa: 0x + 8 digits without LPAE).
        assertEquals(List.of("cma: Reserved 256 MiB at 0x70000000"), kernelLines(with(ARM_1G, "cma=256M")));
    }

    @Test
    void cmaFallsBackToLowmem() {
        // cma=512M: highmem [0x70000000, 0x80000000) holds 256 MB < 512 MB: fails; limit becomes highmem_start,
        // the second try is top-down in [0, 0x70000000): 0x70000000 - 512 MB = 0x50000000 (4 MB aligned, above the
        // kernel image at 0x40000000).
        assertEquals(List.of("cma: Reserved 512 MiB at 0x50000000"), kernelLines(with(ARM_1G, "cma=512M")));
    }

    @Test
    void cmaThatFails() {
        // cma=900M with ARCH_FORCE_MAX_ORDER=12 (Debian): alignment 4 KB << 11 = 8 MB; size = ALIGN(900 MB, 8 MB) =
        // 904 MB. Highmem has 256 MB, lowmem 768 MB minus the kernel image: no 904 MB hole: -ENOMEM,
        // "Failed to reserve %ld MiB" with the aligned size.
        assertEquals(List.of("cma: Failed to reserve 904 MiB"),
                kernelLines(with(ARM_1G, "-D", "ARCH_FORCE_MAX_ORDER=12", "cma=900M")));
        // the Kconfig default order (4 MB pageblocks): 900 MB is already aligned
        assertEquals(List.of("cma: Failed to reserve 900 MiB"), kernelLines(with(ARM_1G, "cma=900M")));
    }

    @Test
    void cmaAtAFixedBase() {
        // cma=64M@0x50000000: early_cma() sets limit = base + size, so dma_contiguous_reserve() passes fixed = true.
        // 0x50000000 is 4 MB aligned, below highmem_start with its end 0x54000000: not across the boundary; the
        // range is free: memblock_reserve() there.
        assertEquals(List.of("cma: Reserved 64 MiB at 0x50000000"), kernelLines(with(ARM_1G, "cma=64M@0x50000000")));
        // cma=256M@0x68000000: 0x68000000 < 0x70000000 < 0x68000000 + 256 MB = 0x78000000: refused (-EINVAL)
        assertEquals(List.of("cma: Region at 0x68000000 defined on low/high memory boundary (0x70000000)",
                "cma: Failed to reserve 256 MiB"), kernelLines(with(ARM_1G, "cma=256M@0x68000000")));
    }

    @Test
    void deviceTreeCmaPoolWithAllocRanges() throws IOException {
        // /reserved-memory/linux,cma: shared-dma-pool, reusable, size 64 MB, alloc-ranges <0x40000000 0x10000000>,
        // linux,cma-default. __reserved_mem_alloc_size(): align = max(0, CMA alignment 4 MB); top-down in
        // [0x40000000, 0x50000000): 0x50000000 - 64 MB = 0x4c000000. rmem_cma_setup() makes it the default area, so
        // dma_contiguous_reserve() reserves nothing more (no "cma: Reserved" line for CONFIG_CMA_SIZE_MBYTES).
        Path dts = tmp.resolve("board.dts");
        Files.writeString(dts, "/dts-v1/;\n/ {\n\t#address-cells = <1>;\n\t#size-cells = <1>;\n"
                + "\tmemory@40000000 { device_type = \"memory\"; reg = <0x40000000 0x40000000>; };\n"
                + "\treserved-memory {\n\t\t#address-cells = <1>;\n\t\t#size-cells = <1>;\n\t\tranges;\n"
                + "\t\tlinux,cma {\n\t\t\tcompatible = \"shared-dma-pool\";\n\t\t\treusable;\n\t\t\tsize = <0x4000000>;\n"
                + "\t\t\talloc-ranges = <0x40000000 0x10000000>;\n\t\t\tlinux,cma-default;\n\t\t};\n\t};\n};\n",
                StandardCharsets.US_ASCII);
        assertEquals(List.of("Reserved memory: created CMA memory pool at 0x4c000000, size 64 MiB",
                "OF: reserved mem: initialized node linux,cma, compatible id shared-dma-pool"),
                kernelLines("--kernel-only", "--kernel", "6.1", "--dtb", dts.toString(), "-D", "HIGHMEM=y", "-D", "DMA_CMA=y"));
    }

    @Test
    void crashkernelAutoPlaced() {
        // 2 GB: lowmem 0x40000000-0x70000000 (768 MB). Before reserve_crashkernel() paging_init() allocated mem_map
        // top-down in lowmem: 2 GB / 4 KB = 524288 pages x 32 bytes = 16 MB at [0x6f000000, 0x70000000).
        // memblock_phys_alloc_range(64 MB, CRASH_ALIGN 128 MB, 128 MB, lowmem end 0x70000000): top-down candidate
        // round_down(0x6f000000 - 64 MB, 128 MB) = round_down(0x6b000000, 0x8000000) = 0x68000000 = 1664 MB.
        // "System RAM" is get_total_mem() = (max_low_pfn - min_low_pfn) << PAGE_SHIFT = lowmem = 768 MB.
        assertEquals(List.of("Reserving 64MB of memory at 1664MB for crashkernel (System RAM: 768MB)"),
                kernelLines("--kernel-only", "--kernel", "6.1", "--ram", "0x40000000:2G", "-D", "HIGHMEM=y", "crashkernel=64M"));
        // 1 GB, crashkernel=128M: mem_map 262144 pages x 32 = 8 MB at [0x6f800000, 0x70000000); candidate
        // round_down(0x6f800000 - 128 MB, 128 MB) = round_down(0x67800000, 0x8000000) = 0x60000000 = 1536 MB
        // (without mem_map it would have been 0x68000000: the real 6.1 and 6.12 kernels print 1536MB).
        assertEquals(List.of("Reserving 128MB of memory at 1536MB for crashkernel (System RAM: 768MB)"),
                kernelLines("--kernel-only", "--kernel", "6.1", "--ram", "0x40000000:1G", "-D", "HIGHMEM=y", "crashkernel=128M"));
    }

    @Test
    void crashkernelAtAFixedOffset() {
        // crashkernel=64M@0x60000000: memblock_phys_alloc_range(64 MB, SECTION_SIZE 1 MB, 0x60000000, 0x64000000)
        // finds exactly 0x60000000 (free): 0x60000000 >> 20 = 1536 MB.
        assertEquals(List.of("Reserving 64MB of memory at 1536MB for crashkernel (System RAM: 768MB)"),
                kernelLines("--kernel-only", "--kernel", "6.1", "--ram", "0x40000000:1G", "-D", "HIGHMEM=y",
                        "crashkernel=64M@0x60000000"));
    }

    @Test
    void cmaAndCrashkernelTogether() {
        // 2 GB: highmem 0x70000000-0xc0000000 (1280 MB). cma=512M: highmem first, top-down: 0xc0000000 - 512 MB =
        // 0xa0000000. crashkernel=64M afterwards in lowmem as in crashkernelAutoPlaced(): 1664 MB. arm_memblock_init()
        // (CMA) runs before paging_init() and reserve_crashkernel(): the CMA line comes first.
        assertEquals(List.of("cma: Reserved 512 MiB at 0xa0000000",
                "Reserving 64MB of memory at 1664MB for crashkernel (System RAM: 768MB)"),
                kernelLines("--kernel-only", "--kernel", "6.1", "--ram", "0x40000000:2G", "-D", "HIGHMEM=y", "-D", "DMA_CMA=y",
                        "cma=512M", "crashkernel=64M"));
        // both at the same fixed place: CMA is first and takes 0x60000000; the crash kernel's
        // memblock_phys_alloc_range(64 MB, 1 MB, 0x60000000, 0x64000000) finds nothing: "memory is in use."
        assertEquals(List.of("cma: Reserved 64 MiB at 0x60000000", "crashkernel reservation failed - memory is in use."),
                kernelLines(with(ARM_1G, "cma=64M@0x60000000", "crashkernel=64M@0x60000000")));
    }

    @Test
    void x86CrashkernelBelow512M() {
        // i386 6.1, the BIOS map of QEMU -m 1024: RAM 0-0x9fc00 and 1 MB-0x3ffe0000. reserve_crashkernel():
        // memblock_phys_alloc_range(64 MB, CRASH_ALIGN 16 MB, 16 MB, CRASH_ADDR_LOW_MAX 512 MB) top-down:
        // 512 MB - 64 MB = 448 MB. System RAM = memblock_phys_mem_size() = 0x9f000 (page-trimmed) + 0x3fee0000 bytes
        // = 1023.5 MB -> 1023.
        List<String> out = kernelLines("--kernel-only", "--arch", "x86", "--kernel", "6.1", "-D", "HIGHMEM4G=y",
                "--e820", "0x0:0x9fc00:usable", "--e820", "0x9fc00:0x400:reserved", "--e820", "0xf0000:0x10000:reserved",
                "--e820", "0x100000:0x3fee0000:usable", "--e820", "0x3ffe0000:0x20000:reserved",
                "--e820", "0xfffc0000:0x40000:reserved", "crashkernel=64M");
        assertEquals("Reserving 64MB of memory at 448MB for crashkernel (System RAM: 1023MB)",
                out.stream().filter(l -> l.contains("crashkernel")).findFirst().orElse("(none)"));
        // the kernel image as System.map gives it: setup_arch() memblock_reserve(__pa_symbol(_text), __bss_stop - _text):
        // _text 0xdf000000 - PAGE_OFFSET 0xc0000000 = 0x1f000000 (496 MB) to 0x1f800000. The top candidate
        // [448 MB, 512 MB) = [0x1c000000, 0x20000000) holds it; the next free range ends at 0x1f000000:
        // round_down(0x1f000000 - 64 MB, 16 MB) = round_down(0x1b000000, 0x1000000) = 0x1b000000 = 432 MB. System RAM:
        // --ram 2G is the BIOS map usable 0-0x9fbff and 0x100000-0x7fffffff: 0x9f000 (page-trimmed) + 0x7ff00000 bytes
        // = 2047.6 MB -> 2047.
        List<String> moved = kernelLines("--kernel-only", "--arch", "x86", "--kernel", "6.1", "--ram", "2G", "-D", "_text=0xdf000000",
                "-D", "__bss_stop=0xdf800000", "crashkernel=64M");
        assertEquals("Reserving 64MB of memory at 432MB for crashkernel (System RAM: 2047MB)",
                moved.stream().filter(l -> l.contains("crashkernel")).findFirst().orElse("(none)"));
    }

    @Test
    void messageFormsOfOtherReleases() {
        // 3.14 (drivers/base/dma-contiguous.c): pr_fmt "cma: " + "CMA: reserved %ld MiB at %08lx"; ARM passed
        // min(arm_dma_limit, arm_lowmem_limit) (before 3.18): the Cubox-i, 2 GB at 0x10000000, CMA 64 MB:
        // lowmem = 0xef800000 - 0xc0000000 = 760 MB (vmalloc_min = 0xff000000 - 240 MB - 8 MB), limit
        // 0x10000000 + 760 MB = 0x3f800000; 0x3f800000 - 64 MB = 0x3b800000 (RMK's boot log, Mar 2014).
        assertEquals(List.of("cma: CMA: reserved 64 MiB at 3b800000"), kernelLines("--kernel-only", "--kernel", "3.14",
                "--ram", "0x10000000:2G", "-D", "HIGHMEM=y", "-D", "DMA_CMA=y", "-D", "CMA_SIZE_MBYTES=64"));
        // 6.7-6.14: " on node %d", nid NUMA_NO_NODE (-1) without CONFIG_NUMA
        assertEquals(List.of("cma: Reserved 256 MiB at 0x70000000 on node -1"),
                kernelLines("--kernel-only", "--kernel", "6.12", "--ram", "0x40000000:1G", "-D", "HIGHMEM=y", "-D", "DMA_CMA=y",
                        "cma=256M"));
    }

    @Test
    void cmaAtAMisalignedFixedBase() {
        // cma=60M@0x50100000 on 6.1 (Kconfig ARCH_FORCE_MAX_ORDER 11: 4 MB alignment): cma_declare_contiguous_nid()
        // checks "fixed && base & (alignment - 1)": 0x50100000 & 0x3fffff = 0x100000 != 0, so pr_err("Region at %pa must
        // be aligned to %pa bytes") and "goto err" before size = ALIGN(size, alignment): the failure line gives the size
        // as asked, (unsigned long)size / SZ_1M = 60 (aligned it would have been 64). The real boot of cma=64M@0x50100000
        // (testdata/arm/realboot-6.1-1024-cma64-fixed-misaligned) prints the same two lines with 8 MB alignment.
        assertEquals(List.of("cma: Region at 0x50100000 must be aligned to 0x00400000 bytes", "cma: Failed to reserve 60 MiB"),
                kernelLines(with(ARM_1G, "cma=60M@0x50100000")));
    }

    private static List<String> ppcLines(String... args) {
        List<String> out = new ArrayList<>();
        for (String l : kernelLines(args)) {
            if (l.equals("Kernel virtual memory layout:")) {
                break;
            }
            out.add(l);
        }
        return out;
    }

    @Test
    void powerpcCrashKernelAtKdumpKernelbase() {
        // powerpc reserve_crashkernel() (arch/powerpc/kexec/core.c): a book3s/32 kernel is not relocatable
        // (!CONFIG_NONSTATIC_KERNEL), so crashk_res.start becomes KDUMP_KERNELBASE 0x2000000 = 32 MB whatever was asked,
        // and "Crash kernel location must be 0x%x" is printed when it differs (0 here: no @offset). System RAM =
        // memory_limit ?: memblock_phys_mem_size() = 768 MB. The PowerMac G4 log of 2.6.25 shows the same two lines
        // ("Reserving 0MB of memory at 32MB for crashkernel (System RAM: 768MB)").
        assertEquals(List.of("Crash kernel location must be 0x2000000", "Reserving 64MB of memory at 32MB for crashkernel"
                + " (System RAM: 768MB)"), ppcLines("--kernel-only", "--arch", "ppc", "--kernel", "6.1", "--ram", "0:768M",
                "crashkernel=64M"));
        // mem=64M: the crash kernel ends at 0x2000000 + 64 MB - 1 = 0x5ffffff >= memory_limit 0x4000000, so (to 6.14)
        // "Crash kernel trumps memory limit": memory_limit = 0x6000000, and (5.7+) total_mem_sz follows it: 96 MB.
        // memblock_enforce_memory_limit() then keeps 96 MB, all lowmem.
        CliRunner.Result r = CliRunner.run("--arch", "ppc", "--kernel", "6.1", "--ram", "0:768M", "mem=64M", "crashkernel=64M");
        assertEquals(List.of("Crash kernel location must be 0x2000000", "Adjusted memory limit for crashkernel, now 0x6000000",
                "Reserving 64MB of memory at 32MB for crashkernel (System RAM: 96MB)"),
                r.outLines().subList(0, 3));
        assertTrue(r.out().contains("RAM 768 MB: lowmem 96 MB"), r.out());
        // before 5.7 System RAM is memblock_phys_mem_size(), all 768 MB, mem= or not
        assertEquals("Reserving 64MB of memory at 32MB for crashkernel (System RAM: 768MB)",
                ppcLines("--kernel-only", "--arch", "ppc", "--kernel", "5.4", "--ram", "0:768M", "mem=64M", "crashkernel=64M").get(2));
        // 6.15+ (torvalds/linux arch/powerpc/kexec/core.c arch_reserve_crashkernel()): get_crash_base() still says
        // "Crash kernel location must be 0x2000000" and returns it; reserve_crashkernel_generic(64 MB, 0x2000000) takes
        // the fixed range [0x2000000, 0x2000000 + 0x4000000 = 0x6000000) and prints base and end (exclusive) %016llx
        assertEquals(List.of("Crash kernel location must be 0x2000000",
                "crashkernel reserved: 0x0000000002000000 - 0x0000000006000000 (64 MB)"),
                ppcLines("--kernel-only", "--arch", "ppc", "--kernel", "6.15", "--ram", "0:768M", "crashkernel=64M"));
        // a relocatable kernel (CONFIG_RELOCATABLE, 44x/85xx) honours @offset: 64 MB at 0x3000000 = 48 MB
        assertEquals(List.of("Reserving 64MB of memory at 48MB for crashkernel (System RAM: 768MB)"),
                ppcLines("--kernel-only", "--arch", "ppc", "--kernel", "6.1", "--ram", "0:768M", "-D", "RELOCATABLE=y",
                        "crashkernel=64M@48M"));
    }
}
