package vmlayout.engine.ppc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmlayout.CliRunner;

/**
 * 7.0's TASK_SIZE ({@link PpcEra#TASK_SIZE_ADAPTS}): 370d841929c3 "powerpc/32: Automatically adapt
 * TASK_SIZE based on constraints" (Christophe Leroy, v5 6/7 of 24 Dec 2025, in the powerpc-7.0-1 pull).
 * arch/powerpc/Kconfig loses {@code default "0xb0000000" if PPC_BOOK3S_32 && EXECMEM}, and
 * arch/powerpc/include/asm/task_size_32.h sets TASK_SIZE to CONFIG_TASK_SIZE if below USER_TOP, else
 * USER_TOP:
 * <pre>
 * book3s/32: MODULES_END   = CONFIG_PAGE_OFFSET & ~(SZ_256M - 1)
 *            MODULES_VADDR = MODULES_END - CONFIG_MODULES_SIZE * SZ_1M
 *            USER_TOP      = MODULES_BASE = MODULES_VADDR & ~(SZ_256M - 1)
 * 8xx:       MODULES_END   = CONFIG_PAGE_OFFSET, USER_TOP = MODULES_VADDR & ~(SZ_4M - 1)
 * </pre>
 * Worked by hand below; the default book3s/32 build keeps the user space it had (0xb0000000), now by
 * clamping instead of by a Kconfig default.
 */
class PpcTaskSizeTest {

    /** The explain steps about TASK_SIZE, each as its text and its source, wrapped lines joined. */
    private static List<String> taskSizeSteps(String... args) {
        List<String> all = new ArrayList<>(List.of("explain", "--arch=ppc", "--ram=512M"));
        all.addAll(List.of(args));
        CliRunner.Result r = CliRunner.run(all.toArray(new String[0]));
        assertEquals(0, r.status(), r.toString());
        List<String> out = new ArrayList<>();
        String[] lines = r.out().split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].matches("\\s*\\d+\\. .*")) {
                continue;
            }
            StringBuilder text = new StringBuilder(lines[i].strip().replaceFirst("^\\d+\\. ", ""));
            while (i + 1 < lines.length && !lines[i + 1].strip().startsWith("[")) {
                text.append(' ').append(lines[++i].strip());
            }
            StringBuilder source = new StringBuilder(lines[++i].strip());
            while (!source.toString().endsWith("]")) {
                source.append(' ').append(lines[++i].strip());
            }
            if (text.toString().contains("TASK_SIZE")) {
                out.add(text.toString());
                out.add(source.toString());
            }
        }
        return out;
    }

    @Test
    void book3s32Before70TheKconfigDefaultIsBelowTheModules() {
        // 6.19, book3s/32 with MODULES (EXECMEM): Kconfig TASK_SIZE "0xb0000000"; no clamp step
        assertEquals(List.of("TASK_SIZE = 0xb0000000: the top of user space; the build requires TASK_SIZE <= KERNEL_START.",
                "[Kconfig TASK_SIZE default 0xb0000000]"), taskSizeSteps("--kernel=6.19"));
    }

    @Test
    void book3s32From70TheKernelClampsToTheSegmentBelowTheModules() {
        // 7.0: CONFIG_TASK_SIZE 0xc0000000; MODULES_END = 0xc0000000 & ~0x0fffffff = 0xc0000000,
        // MODULES_VADDR = 0xc0000000 - 64 MB = 0xbc000000, USER_TOP = 0xbc000000 & ~0x0fffffff = 0xb0000000
        // -> TASK_SIZE = 0xb0000000 (0xc0000000 is not below USER_TOP)
        List<String> steps = taskSizeSteps("--kernel=7.0");
        assertEquals("TASK_SIZE = 0xc0000000: the most user space may take (\"Size of maximum user task space\"); the build"
                + " requires TASK_SIZE <= KERNEL_START.", steps.get(0));
        assertEquals("[Kconfig TASK_SIZE default 0xc0000000]", steps.get(1));
        assertEquals("the kernel's TASK_SIZE = CONFIG_TASK_SIZE 0xc0000000 if below USER_TOP 0xb0000000 (the 256 MB segment"
                + " below the module area's), else USER_TOP: 0xb0000000.", steps.get(2));
        assertTrue(steps.get(3).contains("arch/powerpc/include/asm/task_size_32.h, 7.0+"), steps.get(3));
    }

    @Test
    void aLowerPageOffsetMovesUserTopWithIt() {
        // 7.0, PAGE_OFFSET 0xb0000000 and CONFIG_TASK_SIZE 0xb0000000 (allowed: not above KERNEL_START):
        // MODULES_END = 0xb0000000, MODULES_VADDR = 0xac000000, USER_TOP = 0xa0000000 -> TASK_SIZE 0xa0000000
        List<String> steps = taskSizeSteps("--kernel=7.0", "--page-offset=0xb0000000", "-D", "TASK_SIZE=0xb0000000");
        assertEquals("the kernel's TASK_SIZE = CONFIG_TASK_SIZE 0xb0000000 if below USER_TOP 0xa0000000 (the 256 MB segment"
                + " below the module area's), else USER_TOP: 0xa0000000.", steps.get(2));
    }

    @Test
    void mpc8xxKeepsItsLowerDefault() {
        // 8xx: CONFIG_TASK_SIZE 0x80000000; USER_TOP = (0xc0000000 - 32 MB) & ~(4 MB - 1) = 0xbe000000
        // -> TASK_SIZE = 0x80000000 (below USER_TOP)
        List<String> steps = taskSizeSteps("--kernel=7.0", "-D", "PPC_8XX=y");
        assertEquals("the kernel's TASK_SIZE = CONFIG_TASK_SIZE 0x80000000 if below USER_TOP 0xbe000000 (the 4 MB PGDIR entry"
                + " below the module area's), else USER_TOP: 0x80000000.", steps.get(2));
        // a CONFIG_TASK_SIZE the module area overlaps is clamped to the PGDIR entry below it
        steps = taskSizeSteps("--kernel=7.0", "-D", "PPC_8XX=y", "-D", "TASK_SIZE=0xc0000000");
        assertTrue(steps.get(2).endsWith("else USER_TOP: 0xbe000000."), steps.get(2));
    }

    @Test
    void otherPlatformsTopAtPageOffset() {
        // 85xx: no module area of its own, USER_TOP = CONFIG_PAGE_OFFSET 0xc0000000; TASK_SIZE 0xc0000000
        List<String> steps = taskSizeSteps("--kernel=7.0", "-D", "PPC_85XX=y");
        assertEquals("the kernel's TASK_SIZE = CONFIG_TASK_SIZE 0xc0000000 if below USER_TOP 0xc0000000 (PAGE_OFFSET), else"
                + " USER_TOP: 0xc0000000.", steps.get(2));
    }
}
