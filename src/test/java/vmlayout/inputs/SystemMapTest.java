package vmlayout.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vmlayout.config.InputException;

/**
 * System.map reading. The armmp values were checked with {@code zcat System.map-6.1.0-50-armmp.gz | grep -E
 * ' (_text|_etext|__init_begin|__init_end|_sdata|_data|_edata|__bss_start|__bss_stop)$'}.
 */
class SystemMapTest {

    @Test
    void debianArmmpSystemMapGzip() {
        SystemMap m = SystemMap.parse(Artifacts.file("--system-map", "System.map-6.1.0-50-armmp.gz"));
        Map<String, Long> want = new LinkedHashMap<>();
        want.put("_text", 0xc0208000L); // c0208000 T _text
        want.put("_etext", 0xc0e00000L); // c0e00000 D _etext
        want.put("__init_begin", 0xc1200000L);
        want.put("__init_end", 0xc1400000L);
        want.put("_sdata", 0xc1400000L);
        want.put("_edata", 0xc15a90b4L);
        want.put("__bss_start", 0xc15a90b4L);
        want.put("__bss_stop", 0xc1607588L);
        assertEquals(want, m.symbols());
    }

    @Test
    void debiansPlaceholderSaysWhereTheRealOneIs() {
        // /boot/System.map-6.1.0-50-armmp of the linux-image package, 83 bytes
        InputException e = assertThrows(InputException.class,
                () -> SystemMap.parse(Artifacts.file("--system-map", "System.map-6.1.0-50-armmp.placeholder")));
        assertTrue(e.getMessage().contains("is a placeholder") && e.getMessage().contains("-dbg package"), e.getMessage());
    }

    private static InputException bad(String text) {
        return assertThrows(InputException.class,
                () -> SystemMap.parse(InputFile.of("--system-map", "m", text.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void hostileMaps() {
        assertTrue(bad("c0008000 T _text\nthis is not nm output\n").getMessage()
                .startsWith("--system-map m: line 2: cannot read 'this is not nm output'"));
        assertTrue(bad("ffffffff81000000 T _text\n").getMessage().contains("does not fit in 32 bits"));
        assertTrue(bad("c0008000 T start_kernel\n").getMessage().contains("has none of"));
        assertTrue(bad("").getMessage().contains("empty"));
    }
}
