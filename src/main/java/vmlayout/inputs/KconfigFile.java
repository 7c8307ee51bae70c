package vmlayout.inputs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vmlayout.config.Arch;
import vmlayout.config.KernelVersion;

/**
 * A kernel .config as scripts/kconfig writes it: {@code CONFIG_NAME=value} lines, {@code # CONFIG_NAME
 * is not set} lines, other comments and blank lines. Anything else is refused with the file and line
 * (the kernel's conf tool only warns, but a line vmlayout cannot read may hide a value it needs).
 * Values: y, m, n, numbers (decimal or 0x hex) and double-quoted strings with \" and \\ escapes.
 */
public final class KconfigFile {

    /** One value and the line it came from. */
    public record Entry(String name, String value, int line, boolean quoted) {
    }

    private static final Pattern ASSIGN = Pattern.compile("CONFIG_([A-Za-z0-9_]+)=(.*)");
    private static final Pattern NOT_SET = Pattern.compile("# CONFIG_([A-Za-z0-9_]+) is not set");

    private final InputFile file;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private String headerArch;
    private String headerVersion;
    private int headerLine;

    private KconfigFile(InputFile file) {
        this.file = file;
    }

    public static KconfigFile parse(InputFile file) {
        KconfigFile k = new KconfigFile(file);
        String[] lines = file.text().split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            k.line(lines[i].strip(), i + 1);
        }
        if (k.entries.isEmpty()) {
            throw file.error("no CONFIG_ lines: not a kernel .config");
        }
        return k;
    }

    private void line(String s, int n) {
        if (s.isEmpty()) {
            return;
        }
        Matcher m = NOT_SET.matcher(s);
        if (m.matches()) {
            entries.put(m.group(1), new Entry(m.group(1), "n", n, false));
            return;
        }
        if (s.startsWith("#")) {
            if (headerVersion == null) {
                header(s, n);
            }
            return;
        }
        m = ASSIGN.matcher(s);
        if (!m.matches()) {
            throw file.error("line " + n + ": cannot read " + InputFile.quote(s)
                    + ": expected CONFIG_NAME=value, '# CONFIG_NAME is not set' or a # comment");
        }
        String raw = m.group(2);
        if (raw.startsWith("\"")) {
            entries.put(m.group(1), new Entry(m.group(1), unquote(raw, n), n, true));
        } else if (raw.matches("[A-Za-z0-9_x+-]*")) {
            entries.put(m.group(1), new Entry(m.group(1), raw, n, false));
        } else {
            throw file.error("line " + n + ": CONFIG_" + m.group(1) + ": cannot read value " + InputFile.quote(raw)
                    + ": expected y, m, n, a number or a \"string\"");
        }
    }

    /**
     * The header comment, read by hand in one pass (a regular expression with nested quantifiers took
     * cubic time on a 3,000-digit release): "# Linux/arm 6.1.176 Kernel Configuration" (2.6.27 on, the
     * release being the digits and dots at the start of the word) or "# Linux kernel version: 2.6.26".
     */
    private void header(String s, int n) {
        String arch = null;
        String word;
        if (s.startsWith("# Linux/")) {
            int sp = s.indexOf(' ', 8);
            if (sp <= 8 || !s.endsWith(" Kernel Configuration")) {
                return;
            }
            arch = s.substring(8, sp);
            int end = s.length() - " Kernel Configuration".length();
            if (end <= sp + 1) {
                return;
            }
            word = s.substring(sp + 1, end);
        } else if (s.startsWith("# Linux kernel version: ")) {
            word = s.substring("# Linux kernel version: ".length());
        } else {
            return;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.isWhitespace(word.charAt(i))) {
                return;
            }
        }
        String release = releasePrefix(word);
        if (release != null) {
            headerArch = arch;
            headerVersion = release;
            headerLine = n;
        }
    }

    /** The longest prefix of digits and dots that starts DIGITS.DIGITS, or null. */
    private static String releasePrefix(String w) {
        int i = 0;
        while (i < w.length() && isDigit(w.charAt(i))) {
            i++;
        }
        if (i == 0 || i >= w.length() || w.charAt(i) != '.' || i + 1 >= w.length() || !isDigit(w.charAt(i + 1))) {
            return null;
        }
        i++;
        while (i < w.length() && (isDigit(w.charAt(i)) || w.charAt(i) == '.')) {
            i++;
        }
        return w.substring(0, i);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private String unquote(String raw, int n) {
        StringBuilder b = new StringBuilder();
        int i = 1;
        for (; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                b.append(raw.charAt(++i));
            } else if (c == '"') {
                break;
            } else {
                b.append(c);
            }
        }
        if (i != raw.length() - 1) {
            throw file.error("line " + n + ": cannot read string " + InputFile.quote(raw) + ": expected one \"quoted\" value");
        }
        return b.toString();
    }

    public InputFile file() {
        return file;
    }

    public Map<String, Entry> entries() {
        return entries;
    }

    /** The entry for CONFIG_name, or null when the file does not mention it. */
    public Entry get(String name) {
        return entries.get(name);
    }

    /** True when CONFIG_name=y (or =m). */
    public boolean isSet(String name) {
        Entry e = entries.get(name);
        return e != null && (e.value().equals("y") || e.value().equals("m"));
    }

    /**
     * The architecture the file is for: CONFIG_ARM, CONFIG_X86_32 or CONFIG_PPC32 (set by the arch's
     * Kconfig, arch/arm/Kconfig, arch/x86/Kconfig, arch/powerpc/platforms/Kconfig.cputype). A 64-bit
     * .config is refused: vmlayout models 32-bit kernels.
     */
    public Arch arch() {
        if (isSet("ARM64") || isSet("X86_64") || isSet("PPC64")) {
            String which = isSet("ARM64") ? "ARM64" : isSet("X86_64") ? "X86_64" : "PPC64";
            throw file.error("CONFIG_" + which + "=y: a 64-bit kernel; vmlayout models 32-bit kernels only");
        }
        if (isSet("ARM")) {
            return Arch.ARM;
        }
        if (isSet("X86_32")) {
            return Arch.X86;
        }
        if (isSet("PPC32")) {
            return Arch.PPC;
        }
        throw file.error("none of CONFIG_ARM, CONFIG_X86_32 or CONFIG_PPC32 is set: not a 32-bit ARM, x86 or powerpc .config");
    }

    /** The release in the header comment, or null (hand-written files have none). */
    public KernelVersion version() {
        if (headerVersion == null) {
            return null;
        }
        try {
            return KernelVersion.parse(headerVersion);
        } catch (RuntimeException e) {
            throw file.error("line " + headerLine + ": cannot read the kernel release '" + headerVersion + "'");
        }
    }

    /** The header's text, e.g. "Linux/arm 6.1.176", or null. */
    public String header() {
        return headerVersion == null ? null : "Linux" + (headerArch == null ? "" : "/" + headerArch) + " " + headerVersion;
    }
}
