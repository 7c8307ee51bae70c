package vmlayout.engine.ppc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parameters powerpc does not have (the kernel's own unknown-parameters line from 5.14), ioremap_bot
 * pins, and input the kernel's build would refuse or that cannot be read (one line, exit 2).
 */
class PpcParamsAndInputTest {

    @Test
    void unknownParametersLineByRelease() {
        // 5.13: nothing; 5.14: "Unknown command line parameters:%s" with a leading space per parameter;
        // 5.15.3 and 5.16: the clearer text. argv-type words (no '=') come before env-type ones.
        String cmd = "--cmdline=root=/dev/nfs rw vmalloc=1024M vmalloc memmap=16M$240M";
        assertEquals("Kernel virtual memory layout:", PpcRun.of("--kernel=5.13", cmd).kernelLinesAfterZones().get(0));
        assertEquals("Unknown command line parameters: vmalloc vmalloc=1024M memmap=16M$240M",
                PpcRun.of("--kernel=5.14", cmd).kernelLinesAfterZones().get(0));
        assertEquals("Unknown command line parameters: vmalloc vmalloc=1024M memmap=16M$240M",
                PpcRun.of("--kernel=5.15.2", cmd).kernelLinesAfterZones().get(0));
        String clear = "Unknown kernel command line parameters \"vmalloc vmalloc=1024M memmap=16M$240M\", will be passed"
                + " to user space.";
        assertEquals(clear, PpcRun.of("--kernel=5.15.3", cmd).kernelLinesAfterZones().get(0));
        PpcRun r = PpcRun.of("--kernel=6.6", cmd);
        assertEquals(clear, r.kernelLinesAfterZones().get(0));
        assertEquals("notice", r.kernelLevel(clear));
        assertTrue(r.ownContains("warning", "memmap=16M$240M has no effect on powerpc"));
    }

    /**
     * 40x was removed in 6.11 (e939da89d024 "powerpc: Remove 40x from Kconfig and defconfig", the
     * powerpc-6.11-1 pull: "Remove support for 40x CPUs & platforms."): 6.10 still builds for a 40x, 6.11
     * cannot, so -D 40X=y there is refused with the commit that removed it.
     */
    @Test
    void noFortyXFrom611() {
        assertEquals(0, PpcRun.of("--kernel=6.10", "-D", "40X=y", "--ram=128M").exit());
        String err = PpcRun.inputError("--kernel=6.11", "-D", "40X=y", "--ram=128M");
        assertTrue(err.contains("-D 40X=y: Linux 6.11 cannot be built for a 40x") && err.contains("e939da89d024"), err);
    }

    @Test
    void unknownLineComesAfterTheRegionWarning() {
        PpcRun r = PpcRun.of("--kernel=5.16", "--ram=0:256M", "--ram=0x20000000:256M", "vmalloc=300M");
        assertEquals(List.of("Only using first contiguous memory region",
                "Unknown kernel command line parameters \"vmalloc=300M\", will be passed to user space."),
                r.kernelLines().subList(0, 2));
    }

    @Test
    void otherUnclaimedParametersAreNamedInANote() {
        PpcRun r = PpcRun.of("--kernel=6.1", "--cmdline=root=/dev/nfs rw nfsroot=10.0.0.1:/srv vmalloc=1G");
        assertTrue(r.ownContains("info", "cannot tell): nfsroot=10.0.0.1:/srv."), r.toString());
    }

    @Test
    void ioremapBotSetsVmallocEndAndVmallocEndIsItsAlias() {
        // seed 000: "I imagine you have stuff permanently mapped that way down through about 0xf6000000"
        PpcRun r = PpcRun.of("--kernel=2.6.17", "--ram=0:2G", "-D", "HIGHMEM=y", "-D", "IOREMAP_BOT=0xf6000000");
        assertEquals("0xf1000000-0xf6000000", r.region("vmalloc")); // 80 MB left
        assertEquals("0xf6000000-0xfe000000", r.region("early_ioremap"));
        PpcRun alias = PpcRun.of("--kernel=2.6.17", "--ram=0:2G", "-D", "HIGHMEM=y", "--vmalloc-end=0xf6000000");
        assertEquals(r.kernelLines(), alias.kernelLines());
    }

    @Test
    void kasanVmallocAlignsVmallocEnd() {
        // 5.14, KASAN && MODULES selects KASAN_VMALLOC: VMALLOC_END = ALIGN_DOWN(ioremap_bot, 4096 << 3).
        // With modules below PAGE_OFFSET, KASAN_KERN_START = ALIGN_DOWN(0xc0000000 - 256M, 256M) = 0xb0000000:
        // KASAN_SHADOW_START = 0xe0000000 + 0x16000000 = 0xf6000000, FIXADDR_TOP 0xf5fff000, 1056 fixmap
        // pages: IOREMAP_TOP = FIXADDR_START = 0xf5bdf000. ioremap_bot 0xf5abd000 -> 0xf5ab8000
        PpcRun r = PpcRun.of("--kernel=5.14", "-D", "KASAN=y", "-D", "IOREMAP_BOT=0xf5abd000");
        assertEquals("  * 0xf6000000..0xfec00000  : kasan shadow mem", r.kernelLinesAfterZones().get(1)); // -(-0xf6000000 >> 3)
        assertEquals("0xf5bdf000-0xf5fff000", r.region("fixmap"));
        assertTrue(r.region("vmalloc").endsWith("-0xf5ab8000"), r.toString());
    }

    @Test
    void vmallocSpaceGoneIsAFinding() {
        PpcRun r = PpcRun.of("--kernel=6.1", "--ram=0:1G", "-D", "HIGHMEM=y", "-D", "IOREMAP_BOT=0xf0800000");
        // VMALLOC_START 0xf1000000 above ioremap_bot 0xf0800000
        assertEquals(1, r.exit());
        assertTrue(r.ownContains("warning", "no vmalloc space"), r.toString());
    }

    @Test
    void ioremapBotAboveTheTopIsRefused() {
        String err = PpcRun.inputError("--kernel=6.1", "-D", "IOREMAP_BOT=0xfffff000");
        assertTrue(err.contains("-D IOREMAP_BOT=0xfffff000: ioremap_bot starts at IOREMAP_TOP"), err);
    }

    @Test
    void taskSizeOverlapIsTheKernelsBuildErrorFrom2627() {
        String err = PpcRun.inputError("--kernel=4.19", "--page-offset=0xa0000000");
        assertTrue(err.contains("CONFIG_TASK_SIZE 0xc0000000 > CONFIG_KERNEL_START 0xa0000000"), err);
        assertTrue(err.contains("#error User TASK_SIZE overlaps with KERNEL_START address"), err);
        // 5.13+: book3s/32 default TASK_SIZE 0xb0000000, in task_size_32.h
        String six = PpcRun.inputError("--kernel=6.1", "--page-offset=0xa0000000");
        assertTrue(six.contains("CONFIG_TASK_SIZE 0xb0000000") && six.contains("task_size_32.h"), six);
    }

    @Test
    void lowmemErrorTextByEra() {
        // 4.19: PAGE_OFFSET in the test, the old "CONFIG_START_KERNEL" text
        String old = PpcRun.inputError("--kernel=4.19", "--page-offset=0xa0000000", "-D", "TASK_SIZE=0xa0000000",
                "--lowmem-size=0x50000001");
        assertTrue(old.contains("0xF0000000 - PAGE_OFFSET 0xa0000000 = 0x50000000"), old);
        assertTrue(old.endsWith("CONFIG_START_KERNEL\""), old);
        String now = PpcRun.inputError("--kernel=6.6", "--lowmem-size=0x40000000");
        assertTrue(now.contains("0xF0000000 - PAGE_OFFSET 0xc0000000 = 0x30000000"), now);
        assertTrue(now.endsWith("#error \"You must adjust CONFIG_LOWMEM_SIZE or CONFIG_KERNEL_START\""), now);
    }

    @Test
    void pageOffsetAloneIsNotCheckedByTheKernel() {
        PpcRun r = PpcRun.of("--kernel=6.6", "--page-offset=0xd0000000", "--ram=0:512M");
        // the #error needs KERNEL_START_BOOL or LOWMEM_SIZE_BOOL: 0x30000000 > 0xF0000000 - 0xd0000000 builds
        assertEquals(1, r.exit());
        assertTrue(r.ownContains("warning", "is compiled only with KERNEL_START_BOOL or LOWMEM_SIZE_BOOL"), r.toString());
    }

    @Test
    void badInputIsOneLine() {
        assertTrue(PpcRun.inputError("-D", "PPC_8XX=y", "-D", "44X=y").contains("only one processor family"));
        assertTrue(PpcRun.inputError("-D", "PPC_16K_PAGES=y").contains("8xx and 44x only"));
        assertTrue(PpcRun.inputError("-D", "VMSPLIT_2G=y").contains("VMSPLIT_2G is not a name --arch ppc knows; known: PPC_BOOK3S_32"));
        assertTrue(PpcRun.inputError("--kernel=4.19", "-D", "KERNEL_START=0xa0000000").contains("below PAGE_OFFSET 0xc0000000"));
        assertTrue(PpcRun.inputError("--page-offset=0xf8000000").contains("must end at or below 0xF0000000"));
        assertTrue(PpcRun.inputError("--kernel=2.6.17", "-D", "PAGE_OFFSET=0xa0000000", "-D", "KERNEL_START=0xb0000000")
                .contains("has no CONFIG_PAGE_OFFSET"));
        assertTrue(PpcRun.inputError("--lowmem-size=0").contains("no low memory"));
        assertTrue(PpcRun.inputError("-D", "PPC_83XX=y", "-D", "PPC_8XX=y").contains("cannot be combined"));
    }

    @Test
    void pageOffsetBefore2627IsKernelStart() {
        PpcRun r = PpcRun.of("--kernel=2.6.17", "--page-offset=0xb0000000", "-D", "TASK_SIZE=0xb0000000");
        // KERNELBASE 0xb0000000 + 512 MB (the default RAM, below LOWMEM_SIZE) = 0xd0000000
        assertEquals("0xb0000000-0xd0000000", r.region("lowmem"));
        assertTrue(r.ownContains("info", "has no CONFIG_PAGE_OFFSET"));
    }
}
