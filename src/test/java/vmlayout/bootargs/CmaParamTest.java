package vmlayout.bootargs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** early_cma() (kernel/dma/contiguous.c) worked by hand on each form. */
class CmaParamTest {

    private static CmaParam parse(String cmdline, boolean placement) {
        return CmaParam.parse(KernelCmdline.parse(cmdline, "--cmdline").params(), MemParse.Suffixes.KMGTPE, placement);
    }

    @Test
    void theThreeForms() {
        CmaParam size = parse("cma=256M", true);
        assertEquals(256L << 20, size.size());
        assertEquals(0, size.base());
        assertEquals(0, size.limit());
        assertFalse(size.fixed());
        // @BASE: limit_cmdline = base + size, so dma_contiguous_reserve() sees base + size == limit: fixed
        CmaParam at = parse("cma=64M@0x50000000", true);
        assertEquals(0x50000000L, at.base());
        assertEquals(0x54000000L, at.limit());
        assertTrue(at.fixed());
        // @BASE-LIMIT: a range, not fixed
        CmaParam range = parse("cma=128M@0x40000000-0x60000000", true);
        assertEquals(0x40000000L, range.base());
        assertEquals(0x60000000L, range.limit());
        assertFalse(range.fixed());
    }

    @Test
    void theLastWinsButKeepsAnEarlierBase() {
        // the second early_cma() writes size_cmdline only: base 0x50000000 and limit 0x54000000 stay, and
        // 0x50000000 + 128 MB != 0x54000000: a 128 MB area wanted inside a 64 MB range
        CmaParam p = parse("cma=64M@0x50000000 cma=128M", true);
        assertEquals(128L << 20, p.size());
        assertEquals(0x50000000L, p.base());
        assertEquals(0x54000000L, p.limit());
        assertFalse(p.fixed());
        assertEquals("cma=128M", p.text());
    }

    @Test
    void whatTheKernelIgnoresSilently() {
        CmaParam junk = parse("cma=64Mfoo", true);
        assertEquals(64L << 20, junk.size());
        assertEquals(List.of("cma=64Mfoo: \"foo\" after the size is ignored (early_cma() stops there)."), junk.notes());
        CmaParam none = parse("cma=abc", true);
        assertEquals(0, none.size());
        assertTrue(none.given());
        // before 3.15 only the size was read
        CmaParam old = parse("cma=64M@0x50000000", false);
        assertEquals(0, old.base());
        assertFalse(old.fixed());
        assertFalse(parse("mem=512M", true).given());
    }
}
