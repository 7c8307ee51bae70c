package vmlayout.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vmlayout.cli.LayoutOf;
import vmlayout.config.KernelVersion;
import vmlayout.config.Releases;

/**
 * The derivation steps the engines record: the numbers are worked by hand from the kernel's formulas
 * (arithmetic in the comments), and every step names its rule.
 */
class DerivationTest {

    /** The step with this subject (the last one, if several). */
    static Derivation step(Layout l, String subject) {
        Derivation found = null;
        for (Derivation d : l.derivation()) {
            if (d.subject().equals(subject)) {
                found = d;
            }
        }
        assertNotNull(found, "no step '" + subject + "' in " + l.derivation());
        return found;
    }

    static void has(Derivation d, String... parts) {
        for (String p : parts) {
            assertTrue(d.text().contains(p), "'" + p + "' not in: " + d.text());
        }
    }

    @Test
    void armSeed001TruncationSaysWhereLowmemEndsAndWhy() {
        // 2.6.37, 512 MB at 0x40000000, VMALLOC_END 0xe0000000 (the board's), no HIGHMEM, mem=512M
        Layout l = LayoutOf.args("--profile", "embeddedbits-arm-512M");
        // VMALLOC_MIN = VMALLOC_END - vmalloc_reserve = 0xe0000000 - 0x08000000 = 0xd8000000
        Derivation min = step(l, "vmalloc_min");
        has(min, "VMALLOC_END 0xe0000000 - vmalloc_reserve 128 MB = 0xd8000000");
        assertTrue(min.source().startsWith("arch/arm/mm/mmu.c"), min.source());
        // __va(0x40000000) = 0xc0000000; the bank's __va end 0xe0000000 passes 0xd8000000: keep
        // 0xd8000000 - 0xc0000000 = 0x18000000 bytes, physical 0x40000000-0x58000000; 128 MB dropped
        Derivation bank = step(l, "RAM 0x40000000-0x60000000");
        has(bank, "__va() 0xc0000000-0xe0000000", "CONFIG_HIGHMEM is off", "truncated to 0x40000000-0x58000000",
                "the 128 MB above physical 0x58000000 is not used");
        assertEquals("arch/arm/mm/mmu.c sanity_check_meminfo() (meminfo banks, __va() tests), 2.6.29-3.10", bank.source());
        has(step(l, "high_memory"), "high_memory = 0xd8000000", "physical 0x58000000",
                "VMALLOC_END 0xe0000000 minus the 128 MB kept for vmalloc");
        // VMALLOC_START = (0xd8000000 + 8 MB) & ~(8 MB - 1) = 0xd8800000; 0xe0000000 - 0xd8800000 = 120 MB
        has(step(l, "VMALLOC_START"), "= 0xd8800000", "0xd8800000-0xe0000000 is 120 MB");
        has(step(l, "mem=512M"), "adds 512 MB at 0x40000000 (PHYS_OFFSET)");
        has(step(l, "VMALLOC_END"), "0xe0000000", "pinned with -D");
    }

    @Test
    void armSeed002VmallocSplitsTheBank() {
        Layout l = LayoutOf.args("--kernel", "3.18", "--ram", "0:1G", "-D", "HIGHMEM=y", "vmalloc=300M");
        // 300 MB is within 16 MB .. 0xff000000 - (0xc0000000 + 32 MB) = 0x3d000000 = 976 MB
        has(step(l, "vmalloc size"), "vmalloc=300M: early_vmalloc() takes 300 MB", "= 976 MB");
        // vmalloc_min = 0xff000000 - 0x12c00000 = 0xec400000; vmalloc_limit = 0xec400000 - 0xc0000000 + 0 = 0x2c400000
        has(step(l, "vmalloc_min"), "0xff000000 - 300 MB (vmalloc=) = 0xec400000");
        has(step(l, "vmalloc_limit"), "= 0x2c400000");
        // 0x2c400000 = 708 MB lowmem, 1024 - 708 = 316 MB highmem
        has(step(l, "RAM 0x00000000-0x40000000"), "split", "0x00000000-0x2c400000 is lowmem (708 MB)",
                "0x2c400000-0x40000000 is highmem (316 MB)");
        // (0xec400000 + 0x800000) & ~0x7fffff = 0xecc00000 & ~0x7fffff = 0xec800000; 0xff000000 - 0xec800000 = 296 MB
        has(step(l, "VMALLOC_START"), "= 0xec800000", "is 296 MB");
        has(step(l, "pkmap"), "0xbfe00000-0xc0000000");
    }

    @Test
    void armVmallocClampIsRecorded() {
        // 0xff000000 - (0xc0000000 + 0x02000000) = 0x3d000000 = 976 MB
        Layout l = LayoutOf.args("--kernel", "3.18", "--ram", "0:1G", "vmalloc=1G");
        has(step(l, "vmalloc size"), "vmalloc=1G: early_vmalloc() limits 1 GB to 976 MB", "32 MB of lowmem");
    }

    @Test
    void x86Seed004UserMapAndTheHighmemBranch() {
        // 3.2, 2 GB, VMALLOC_END pinned so that the arithmetic does not depend on the fixmap model
        Layout l = LayoutOf.args("--arch", "x86", "--kernel", "3.2", "--ram", "2G", "-D", "VMALLOC_END=0xff7fe000",
                "mem=1G", "memmap=1G$1G");
        has(step(l, "mem=1G"), "e820_remove_range(0x40000000", "removes all RAM from 0x40000000 up");
        has(step(l, "memmap=1G$1G"), "marks 0x40000000-0x80000000 (1 GB) reserved");
        // the BIOS map built from 2 GB: 0-0x9fc00 and 1 MB-2 GB; after mem=1G: up to 0x40000000
        has(step(l, "e820"), "0x00100000-0x40000000");
        has(step(l, "max_pfn"), "max_pfn = 0x40000", "(1 GB)");
        // MAXMEM = 0xff7fe000 - 0xc0000000 - 0x08000000 = 0x377fe000 (887.99 MB)
        has(step(l, "MAXMEM"), "= 0x377fe000");
        // 0x40000 > 0x377fe: lowmem stops at MAXMEM; highmem 0x40000 - 0x377fe = 0x8802 pages = 136.01 MB
        Derivation split = step(l, "max_low_pfn");
        has(split, "max_pfn 0x40000 (1 GB) > MAXMEM_PFN 0x377fe", "max_low_pfn = 0x377fe", "136.01 MB");
        assertEquals("arch/x86/mm/init_32.c highmem_pfn_init(), 2.6.30+", split.source());
        // VMALLOC_START = high_memory + 8 MB = 0xf77fe000 + 0x800000 = 0xf7ffe000
        has(step(l, "VMALLOC_START"), "= 0xf7ffe000", "0xf7ffe000-0xff7fe000 is 120 MB");
    }

    @Test
    void x86VmallocParameterAddsTheGuardHole() {
        Layout l = LayoutOf.args("--arch", "x86", "--kernel", "3.2", "--ram", "1G", "vmalloc=256M");
        // 2.6.28+: __VMALLOC_RESERVE = 256 MB + 8 MB
        has(step(l, "vmalloc size"), "= 264 MB");
        assertEquals("arch/x86/mm/pgtable_32.c parse_vmalloc(), 2.6.28+", step(l, "vmalloc size").source());
    }

    @Test
    void ppcSeed000LowmemClampAndVmallocStart() {
        Layout l = LayoutOf.args("--profile", "ppc7448-2G", "-D", "IOREMAP_BOT=0xf6000000");
        // total_memory after mem=1920M is 1920 MB; min(1920 MB, 0x30000000 = 768 MB) = 768 MB
        has(step(l, "lowmem"), "min(total_memory 1920 MB", "CONFIG_LOWMEM_SIZE 0x30000000) = 768 MB");
        has(step(l, "mem=1920M"), "0x78000000-0x80000000 (128 MB) is left out");
        // high_memory = 0xc0000000 + 0x30000000 = 0xf0000000; VMALLOC_START = (0xf0000000 + 16 MB) & ~(16 MB - 1)
        // = 0xf1000000; 0xf6000000 - 0xf1000000 = 0x05000000 = 80 MB
        has(step(l, "high_memory"), "= 0xf0000000");
        has(step(l, "VMALLOC_START"), "= 0xf1000000", "0xf1000000-0xf6000000 is 80 MB");
        has(step(l, "ioremap_bot"), "0xf6000000", "pinned with -D");
    }

    @Test
    void releaseRanges() {
        assertEquals("2.6.29-3.10", new Releases(KernelVersion.of(2, 6, 29), KernelVersion.of(3, 11)).toString());
        assertEquals("up to 2.6.39", new Releases(null, KernelVersion.of(3, 0)).toString());
        assertEquals("3.19", new Releases(KernelVersion.of(3, 19), KernelVersion.of(4, 0)).toString());
        assertEquals("4.12+", new Releases(KernelVersion.of(4, 12), null).toString());
        assertEquals("up to 3.3", new Releases(null, KernelVersion.of(3, 4)).toString());
    }

    /** Every golden case has a derivation; every step says what it sets, how, and by which rule. */
    @TestFactory
    List<DynamicTest> everyGoldenCaseHasADerivation() throws IOException {
        List<Path> files = vmlayout.golden.GoldenCases.argsFiles();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : files) {
            tests.add(DynamicTest.dynamicTest(p.toString(), () -> {
                List<String> args = vmlayout.golden.GoldenCases.args(p);
                Layout l = LayoutOf.args(args.toArray(new String[0]));
                assertFalse(l.derivation().isEmpty());
                boolean vmallocStart = false;
                for (Derivation d : l.derivation()) {
                    assertFalse(d.subject().isBlank() || d.text().isBlank() || d.source().isBlank(), d.toString());
                    vmallocStart |= d.subject().equals("VMALLOC_START");
                }
                assertTrue(vmallocStart || l.regions().isEmpty(), "no VMALLOC_START step");
            }));
        }
        assertFalse(tests.isEmpty());
        return tests;
    }

    /**
     * The steps are built only when asked for (inside {@code if (log.on())}): leaving them out must not
     * change anything else the engines compute, for every golden case.
     */
    @TestFactory
    List<DynamicTest> theLayoutIsTheSameWithoutTheDerivation() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : vmlayout.golden.GoldenCases.argsFiles()) {
            tests.add(DynamicTest.dynamicTest(p.toString(), () -> {
                vmlayout.config.Machine m = LayoutOf.machine(vmlayout.golden.GoldenCases.args(p).toArray(new String[0]));
                Layout with = Engines.forArch(m.arch()).compute(m, Engine.Detail.DERIVATION);
                Layout without = Engines.forArch(m.arch()).compute(m);
                assertTrue(without.derivation().isEmpty());
                assertFalse(with.derivation().isEmpty());
                assertEquals(json(with), json(without));
                // a batch line's detail: the same regions, RAM and messages, no table text
                Layout summary = Engines.forArch(m.arch()).compute(m, Engine.Detail.SUMMARY);
                assertTrue(summary.table().isEmpty());
                assertFalse(without.table().isEmpty() && without.tablePrinted());
                assertEquals(without.regions(), summary.regions());
                assertEquals(without.ram(), summary.ram());
                assertEquals(without.messages(), summary.messages());
            }));
        }
        assertFalse(tests.isEmpty());
        return tests;
    }

    private static String json(Layout l) {
        java.io.StringWriter w = new java.io.StringWriter();
        new vmlayout.render.JsonRenderer("test").render(l, 0, new java.io.PrintWriter(w));
        return w.toString();
    }
}
