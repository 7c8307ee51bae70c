package vmlayout.bootargs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** parse_crashkernel() (kernel/crash_reserve.c, 6.16 text) worked by hand. */
class CrashkernelParamTest {

    private static final List<String> SUFFIXES = List.of(",high", ",low", ",cma");
    private static final long M = 1L << 20;

    private static CrashkernelParam parse(String cmdline, long ram, boolean roundUp) {
        return CrashkernelParam.parse(cmdline, ram, null, roundUp, SUFFIXES, MemParse.Suffixes.KMGTPE);
    }

    @Test
    void simpleAndFixed() {
        CrashkernelParam p = parse("console=ttyAMA0 crashkernel=64M", 768 * M, true);
        assertTrue(p.ok());
        assertEquals(64 * M, p.size());
        assertEquals(0, p.base());
        CrashkernelParam at = parse("crashkernel=64M@0x60000000 quiet", 768 * M, true);
        assertEquals(0x60000000L, at.base());
        assertEquals("crashkernel=64M@0x60000000", at.text());
    }

    @Test
    void rangeForm() {
        // ARM 1 GB: System RAM is lowmem, 768 MB (already a multiple of 128 MB): in [512M, 2G) -> 64M
        CrashkernelParam p = parse("crashkernel=512M-2G:64M,2G-:128M", 768 * M, true);
        assertEquals(64 * M, p.size());
        // 511 MB (the 2.6.31 i386 log) in [384M, 2G) -> 64M, rounded or not
        assertEquals(64 * M, parse("crashkernel=384M-2G:64M,2G-:128M", 511 * M, false).size());
        // 2047 MB: without rounding it is below 2G: 64M; rounded up to 2048 MB it is in [2G, ...): 128M
        assertEquals(64 * M, parse("crashkernel=512M-2G:64M,2G-:128M", 2047 * M, false).size());
        assertEquals(128 * M, parse("crashkernel=512M-2G:64M,2G-:128M", 2047 * M, true).size());
        // an offset after the list
        assertEquals(0x60000000L, parse("crashkernel=512M-2G:64M@0x60000000", 768 * M, true).base());
    }

    @Test
    void theKernelsWarnings() {
        assertEquals(List.of("crashkernel size resulted in zero bytes"), parse("crashkernel=2G-:128M", 768 * M, true).lines());
        assertEquals(List.of("crashkernel: end <= start"), parse("crashkernel=2G-1G:64M", 768 * M, true).lines());
        assertEquals(List.of("crashkernel: '-' expected"), parse("crashkernel=512M:64M", 768 * M, true).lines());
        assertEquals(List.of("crashkernel: invalid size"), parse("crashkernel=0-:1G", 768 * M, true).lines());
        CrashkernelParam junk = parse("crashkernel=64Mx", 768 * M, true);
        assertFalse(junk.ok());
        assertEquals(List.of("crashkernel: unrecognized char: x"), junk.lines());
        assertEquals(List.of("crashkernel: memory value expected"), parse("crashkernel=abc", 768 * M, true).lines());
    }

    @Test
    void lastAndSuffixes() {
        // the last crashkernel= without a suffix wins; ",high" ones are skipped
        assertEquals(128 * M, parse("crashkernel=64M crashkernel=128M crashkernel=256M,high", 768 * M, true).size());
        assertFalse(parse("crashkernel=256M,high", 768 * M, true).found());
        CrashkernelParam high = CrashkernelParam.parse("crashkernel=256M,high", 768 * M, ",high", true, SUFFIXES,
                MemParse.Suffixes.KMGTPE);
        assertTrue(high.ok());
        assertEquals(256 * M, high.size());
        // strstr() finds it inside another word too
        assertEquals(32 * M, parse("foo.crashkernel=32M", 768 * M, true).size());
    }
}
