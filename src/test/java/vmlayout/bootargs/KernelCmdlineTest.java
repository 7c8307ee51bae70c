package vmlayout.bootargs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The kernel's next_arg() (kernel/params.c): white space, quotes, '=', repeated keys, "--". */
class KernelCmdlineTest {

    private static List<Param> p(String line) {
        return KernelCmdline.parse(line, "test").params();
    }

    @Test
    void splitsOnWhiteSpaceAndFirstEquals() {
        List<Param> ps = p("  console=ttySC0,115200   mem=512M\tro root=/dev/nfs nfsroot=1.2.3.4:/x=y ");
        assertEquals(5, ps.size());
        assertEquals("console", ps.get(0).name());
        assertEquals("ttySC0,115200", ps.get(0).value());
        assertEquals("mem", ps.get(1).name());
        assertEquals("512M", ps.get(1).value());
        assertEquals("ro", ps.get(2).name());
        assertNull(ps.get(2).value(), "a word without '=' has no value");
        assertEquals("1.2.3.4:/x=y", ps.get(4).value(), "only the first '=' splits");
    }

    @Test
    void keepsRepeatedKeysInOrder() {
        List<Param> ps = p("mem=256M@0x80000000 mem=256M@0xa0000000 vmalloc=1G vmalloc=300M");
        assertEquals(List.of("256M@0x80000000", "256M@0xa0000000", "1G", "300M"),
                ps.stream().map(Param::value).toList());
    }

    @Test
    void quotedValueKeepsSpacesAndLosesQuotes() {
        List<Param> ps = p("dyndbg=\"file foo.c +p\" mem=64M");
        assertEquals(2, ps.size());
        assertEquals("file foo.c +p", ps.get(0).value());
        assertEquals("64M", ps.get(1).value());
    }

    @Test
    void wholyQuotedParameter() {
        List<Param> ps = p("\"mem=512M\" quiet");
        assertEquals("mem", ps.get(0).name());
        assertEquals("512M", ps.get(0).value());
        assertEquals("quiet", ps.get(1).name());
    }

    @Test
    void emptyValueIsEmptyNotNull() {
        Param v = p("vmalloc=").get(0);
        assertEquals("", v.value());
        assertEquals("vmalloc=", v.text());
    }

    @Test
    void doubleDashEndsKernelParameters() {
        KernelCmdline c = KernelCmdline.parse("mem=64M -- vmalloc=1G single", "test");
        assertEquals(1, c.params().size());
        assertEquals("vmalloc=1G single", c.forInit());
    }

    @Test
    void dashAndUnderscoreAreTheSameInNames() {
        assertTrue(new Param("memory_corruption-check", "0", "t").is("memory-corruption_check"));
    }

    @Test
    void emptyLine() {
        assertTrue(p("   ").isEmpty());
        assertTrue(p("").isEmpty());
    }
}
