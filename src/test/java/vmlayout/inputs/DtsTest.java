package vmlayout.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmlayout.config.InputException;
import vmlayout.config.RamBank;

/** Plain .dts sources: what is read, and the one-line refusal of preprocessor input. */
class DtsTest {

    private static DeviceTreeMemory read(String text) {
        return DeviceTreeMemory.read(InputFile.of("--dtb", "board.dts", text.getBytes(StandardCharsets.UTF_8)), false);
    }

    @Test
    void labelsReferencesExpressionsAndDeletes() {
        DeviceTreeMemory d = read("/dts-v1/;\n/memreserve/ 0x80000000 0x1000;\n/ {\n  #address-cells = <1>;\n"
                + "  #size-cells = <1>; // comment\n  mem: memory@80000000 { device_type = \"memory\";"
                + " reg = <0x80000000 (256 * 1024 * 1024)>; };\n  chosen { bootargs = \"console=ttyS0 vmalloc=\", \"x\"; };\n"
                + "  junk { /delete-property/ foo; };\n};\n&mem { reg = <0x80000000 0x20000000>, <0xa0000000 (1 << 28)>; };\n"
                + "/ { reserved-memory { #address-cells = <1>; #size-cells = <1>; ranges;\n"
                + "    fb@9f000000 { reg = <0x9f000000 0x1000000>; no-map; }; }; };\n");
        assertEquals(List.of(new RamBank(0x80000000L, 0x20000000L), new RamBank(0xa0000000L, 0x10000000L)), d.banks());
        // a string list's first string: "console=ttyS0 vmalloc=" then NUL then "x" -> the C string stops at the NUL
        // (early_init_dt_scan_chosen() copies bootargs with strlcpy)
        assertEquals("console=ttyS0 vmalloc=", d.bootargs().substring(0, "console=ttyS0 vmalloc=".length()));
        assertEquals(2, d.reserved().size());
        assertTrue(d.reserved().get(0).noMap());
    }

    private static String error(String text) {
        return assertThrows(InputException.class, () -> read(text)).getMessage();
    }

    @Test
    void preprocessorInputIsRefusedInOneLine() {
        assertEquals("--dtb board.dts: line 2: '#include \"am33xx.dtsi\"': this .dts needs the C preprocessor; compile it"
                + " first (cpp, then dtc -I dts -O dtb -o board.dtb) and give the .dtb",
                error("/dts-v1/;\n#include \"am33xx.dtsi\"\n/ { };\n"));
        assertTrue(error("/dts-v1/;\n/ { memory@0 { reg = <0 SZ_512M>; }; };\n")
                .contains("'SZ_512M' is a macro name"));
        assertTrue(error("/dts-v1/;\n/include/ \"x.dtsi\"\n").contains("/include/"));
    }

    @Test
    void brokenSources() {
        assertTrue(error("/dts-v1/;\n/ { memory@0 { reg = <0 1>;\n").contains("end of file inside a node"));
        assertTrue(error("/dts-v1/;\n/ { a = \"x; };\n").contains("line 2: string not closed"));
        assertTrue(error("hello\n").contains("neither a DTB"));
    }

    /** Found by the fuzz run: a string ending in a backslash, and \x without digits, were not one-line errors. */
    @Test
    void brokenStringEscapesAreInputErrors() {
        assertTrue(error("/dts-v1/;\n/ { model = \"abc\\").contains("string not closed"));
        assertTrue(error("/dts-v1/;\n/ { model = \"a\\xz\"; };").contains("\\x without hex digits"));
    }
}
