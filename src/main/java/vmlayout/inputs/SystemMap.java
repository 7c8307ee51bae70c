package vmlayout.inputs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A System.map (the output of {@code nm -n vmlinux} that the kernel build keeps): lines
 * {@code ADDRESS TYPE SYMBOL}. vmlayout takes the section bounds the layout table prints
 * (arch/arm/mm/init.c mem_init(), arch/x86/mm/init_32.c mem_init()): _text, _etext, __init_begin,
 * __init_end, _sdata, _data, _edata, __bss_start, __bss_stop. Addresses must fit 32 bits.
 */
public final class SystemMap {

    /** The symbols read, in the order of the table's rows. */
    public static final List<String> SECTION_SYMBOLS = List.of("_text", "_etext", "__init_begin", "__init_end",
            "_sdata", "_data", "_edata", "__bss_start", "__bss_stop");

    private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{1,16})\\s+([A-Za-z?-])\\s+(\\S+)(\\s+\\[\\S+\\])?");

    private final Map<String, Long> symbols = new LinkedHashMap<>();

    private SystemMap() {
    }

    public static SystemMap parse(InputFile file) {
        SystemMap m = new SystemMap();
        String[] lines = file.text().split("\r?\n", -1);
        int read = 0;
        for (int i = 0; i < lines.length; i++) {
            String s = lines[i].strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.contains("The real System.map is in the")) {
                // Debian's linux-image packages ship this one-line placeholder in /boot
                throw file.error("is a placeholder (\"" + s.replaceFirst("^\\S+ \\S+ ", "")
                        + "\"): use the System.map from the -dbg package, /usr/lib/debug/boot/System.map-VERSION");
            }
            Matcher lm = LINE.matcher(s);
            if (!lm.matches()) {
                throw file.error("line " + (i + 1) + ": cannot read " + InputFile.quote(s)
                        + ": expected ADDRESS TYPE SYMBOL as nm prints it");
            }
            read++;
            String name = lm.group(3);
            if (!SECTION_SYMBOLS.contains(name) || m.symbols.containsKey(name)) {
                continue;
            }
            long v = Long.parseUnsignedLong(lm.group(1), 16);
            if (v < 0 || v > 0xffffffffL) {
                throw file.error("line " + (i + 1) + ": " + name + " at 0x" + lm.group(1)
                        + " does not fit in 32 bits: a 64-bit kernel's System.map");
            }
            m.symbols.put(name, v);
        }
        if (read == 0) {
            throw file.error("empty: expected nm output (ADDRESS TYPE SYMBOL lines)");
        }
        if (m.symbols.isEmpty()) {
            throw file.error("has none of " + String.join(" ", SECTION_SYMBOLS) + ": not a kernel's System.map");
        }
        return m;
    }

    /** Section symbols found, name to address, in table order. */
    public Map<String, Long> symbols() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String s : SECTION_SYMBOLS) {
            if (symbols.containsKey(s)) {
                out.put(s, symbols.get(s));
            }
        }
        return out;
    }
}
