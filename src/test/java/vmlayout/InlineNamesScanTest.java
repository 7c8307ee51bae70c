package vmlayout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 5: no inline fully qualified type names in src/main (java.util.List, vmlayout.engine.Layout
 * written in the code instead of imported). A source scan over the code with comments and string literals
 * blanked out.
 */
class InlineNamesScanTest {

    static final Pattern FQN = Pattern.compile("(?<![\\w.])(?:java|javax|vmlayout)(?:\\.[a-z_]\\w*)+\\.[A-Z]\\w*");

    /** The code of a Java source with comments, strings and character literals replaced by spaces. */
    static String code(String src) {
        StringBuilder b = new StringBuilder(src.length());
        int i = 0;
        int n = src.length();
        while (i < n) {
            int j;
            if (src.startsWith("//", i)) {
                j = src.indexOf('\n', i);
                j = j < 0 ? n : j;
            } else if (src.startsWith("/*", i)) {
                j = src.indexOf("*/", i + 2);
                j = j < 0 ? n : j + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                j = src.indexOf("\"\"\"", i + 3);
                j = j < 0 ? n : j + 3;
            } else if (src.charAt(i) == '"' || src.charAt(i) == '\'') {
                char q = src.charAt(i);
                j = i + 1;
                while (j < n && src.charAt(j) != q) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(n, j + 1);
            } else {
                b.append(src.charAt(i++));
                continue;
            }
            for (int k = i; k < j; k++) {
                b.append(src.charAt(k) == '\n' ? '\n' : ' ');
            }
            i = j;
        }
        return b.toString();
    }

    static List<String> inlineNames(String file, String src) {
        List<String> out = new ArrayList<>();
        String[] lines = code(src).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("import ") || l.startsWith("package ")) {
                continue;
            }
            Matcher m = FQN.matcher(l);
            if (m.find()) {
                out.add(file + ":" + (i + 1) + ": " + m.group());
            }
        }
        return out;
    }

    @Test
    void noInlineFullyQualifiedNames() throws IOException {
        List<Path> files = SourceScan.mainSources();
        List<String> found = new ArrayList<>();
        for (Path f : files) {
            found.addAll(inlineNames(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
        }
        assertEquals(List.of(), found, "import the type instead of writing its package in the code");
    }

    @Test
    void theScanSeesCodeAndSkipsCommentsAndStrings() {
        assertFalse(inlineNames("x", "class A { java.util.List<String> l; }").isEmpty());
        assertFalse(inlineNames("x", "class A { void f() { vmlayout.engine.x86.X86Knobs.hasHighmem64g(v); } }").isEmpty());
        assertTrue(inlineNames("x", "import java.util.List;\nclass A { List<String> l; }").isEmpty());
        assertTrue(inlineNames("x", "/** See {@link vmlayout.engine.Layout}. */ class A {}").isEmpty());
        assertTrue(inlineNames("x", "class A { String s = \"vmlayout.cli.ManPage\"; } // java.util.List").isEmpty());
    }
}
