package vmlayout.engine.x86;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vmlayout.engine.x86.X86Run.assertBlock;
import static vmlayout.engine.x86.X86Run.kernel;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmlayout.CliRunner;

/**
 * trim_bios_range() (arch/x86/kernel/setup.c): after the user-defined map and before "last_pfn =", the first
 * page (2.6.35, 3.8 on) or ALIGN(reserve_low, PAGE_SIZE) = 64 kB (2.6.36-3.7) of RAM becomes reserved and RAM
 * in [BIOS_BEGIN 0xa0000, BIOS_END 0x100000) is removed, each with a KERN_DEBUG line in its release's form.
 */
class X86TrimBiosRangeTest {

    private static final String[] MAP = {"--e820=0:0x9fc00:usable", "--e820=0x9fc00:0x400:reserved",
        "--e820=0xf0000:0x10000:reserved", "--e820=0x100000:0x3ff00000:usable"};

    private static List<String> run(String kernel) {
        String[] a = new String[MAP.length + 1];
        a[0] = "--kernel=" + kernel;
        System.arraycopy(MAP, 0, a, 1, MAP.length);
        return kernel(a);
    }

    /** 2.6.32's setup_arch() has no trim_bios_range(): "last_pfn =" follows the BIOS map. */
    @Test
    void noneBefore2635() {
        List<String> out = run("2.6.32");
        assertFalse(X86Run.hasLineStarting(out, "e820 update range"), String.join("\n", out));
        assertFalse(X86Run.hasLineStarting(out, "e820 remove range"), String.join("\n", out));
    }

    /**
     * The forms: [0, 0x1000) in 2.6.35, [0, 0x10000) in 3.2 (end exclusive, "%016Lx", words in parentheses);
     * 3.6: "[mem %#010Lx-%#010Lx]" with end 0x10000 - 1 = 0xffff; 4.19 and 6.1: 0x1000 - 1 = 0xfff. The
     * remove line names [0xa0000, 0x100000): 0x100000 - 1 = 0xfffff in the new form.
     */
    @Test
    void theLinesOfEachEra() {
        assertBlock(run("2.6.35"), "e820 update range: 0000000000000000 - 0000000000001000 (usable) ==> (reserved)",
                "e820 remove range: 00000000000a0000 - 0000000000100000 (usable)", "last_pfn = 0x40000 max_arch_pfn = 0x100000");
        assertBlock(run("3.2"), "e820 update range: 0000000000000000 - 0000000000010000 (usable) ==> (reserved)",
                "e820 remove range: 00000000000a0000 - 0000000000100000 (usable)", "last_pfn = 0x40000 max_arch_pfn = 0x100000");
        assertBlock(run("3.6"), "e820: update [mem 0x00000000-0x0000ffff] usable ==> reserved",
                "e820: remove [mem 0x000a0000-0x000fffff] usable", "e820: last_pfn = 0x40000 max_arch_pfn = 0x100000");
        assertBlock(run("4.19"), "e820: update [mem 0x00000000-0x00000fff] usable ==> reserved",
                "e820: remove [mem 0x000a0000-0x000fffff] usable", "last_pfn = 0x40000 max_arch_pfn = 0x100000");
        assertBlock(run("6.1"), "e820: update [mem 0x00000000-0x00000fff] usable ==> reserved",
                "e820: remove [mem 0x000a0000-0x000fffff] usable", "last_pfn = 0x40000 max_arch_pfn = 0x100000");
    }

    /**
     * A BIOS that reports the whole first megabyte as RAM (one entry [0, 0x100000)): 6.1 retypes [0, 0x1000)
     * and removes [0xa0000, 0x100000); RAM [0x1000, 0xa0000) = 636 kB stays lowmem, the rest is reserved for
     * the BIOS (vmlayout's accounting: 4 kB + 384 kB, not dropped, exit 0). last_pfn is unchanged: 0x40000.
     */
    @Test
    void itsEffectOnTheMap() {
        CliRunner.Result r = X86Run.run("--kernel=6.1", "--e820=0:0x100000:usable", "--e820=0x100000:0x3ff00000:usable");
        assertTrue(r.status() == 0, r.toString());
        String out = r.out();
        assertTrue(out.contains("last_pfn = 0x40000 max_arch_pfn = 0x100000"), out);
        assertTrue(out.contains("    0x00000000-0x00001000 reserved      4 kB  the BIOS's: trim_bios_range()"), out);
        assertTrue(out.contains("    0x00001000-0x000a0000 lowmem      636 kB"), out);
        assertTrue(out.contains("    0x000a0000-0x00100000 reserved    384 kB  the BIOS's: trim_bios_range()"), out);
    }
}
