package vmlayout.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vmlayout.SourceScan;
import vmlayout.inputs.KernelLogText;

/**
 * Rx against java.util.regex, the oracle: every pattern of src/main (read from the classes' Rx fields, so
 * the list cannot drift) over every line of testdata, raw and as kernel text, over mutations of those lines
 * and over hostile lines; each syntax feature; and the refusal of any other syntax.
 */
public class RxTest {

    /** The classes that hold src/main's patterns, as static Rx fields. */
    private static final List<String> HOLDERS = List.of("vmlayout.verify.Boots", "vmlayout.verify.LineShapes",
            "vmlayout.verify.LogFacts", "vmlayout.verify.Verifier", "vmlayout.inputs.KernelLogText");

    /** Every Rx field of the holders: "Class.FIELD" to the pattern. */
    static Map<String, String> mainPatterns() throws ReflectiveOperationException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String holder : HOLDERS) {
            Class<?> c = Class.forName(holder);
            for (Field f : c.getDeclaredFields()) {
                if (f.getType() == Rx.class && Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    out.put(c.getSimpleName() + "." + f.getName(), ((Rx) f.get(null)).pattern());
                }
            }
        }
        return out;
    }

    @Test
    void everyCompiledPatternOfSrcMainIsCompared() throws Exception {
        int compiled = 0;
        List<String> elsewhere = new ArrayList<>();
        for (Path f : SourceScan.mainSources()) {
            String name = f.getFileName().toString();
            if (name.startsWith("Rx")) {
                continue;
            }
            String src = Files.readString(f, StandardCharsets.UTF_8);
            int n = src.split("Rx\\.(compile|lazy)\\(", -1).length - 1;
            compiled += n;
            String cls = Paths.get("src", "main", "java").relativize(f).toString().replace('/', '.').replace(".java", "");
            if (n > 0 && !HOLDERS.contains(cls)) {
                elsewhere.add(cls);
            }
        }
        assertEquals(List.of(), elsewhere, "Rx.compile or Rx.lazy outside RxTest.HOLDERS");
        assertEquals(compiled, mainPatterns().size(), "every Rx.compile or Rx.lazy of src/main is a static field RxTest reads");
        for (String p : mainPatterns().values()) {
            Rx.compile(p); // a lazy one's syntax, refused here rather than at its first use
        }
        assertTrue(compiled >= 40, "expected verify's patterns, found " + compiled);
    }

    @Test
    void agreesWithJavaUtilRegexOnEveryLineOfTestdata() throws Exception {
        Map<String, String> patterns = mainPatterns();
        List<Pattern> java = new ArrayList<>();
        List<Rx> rx = new ArrayList<>();
        for (String p : patterns.values()) {
            java.add(Pattern.compile(p));
            rx.add(Rx.lazy(p)); // as src/main holds them: parsed at the first line past the prefix
        }
        List<String> lines = testdataLines();
        assertTrue(lines.size() > 20_000, "expected testdata's logs, read " + lines.size() + " lines");
        for (String line : lines) {
            String text = KernelLogText.kernelText(line);
            for (int i = 0; i < java.size(); i++) {
                same(java.get(i), rx.get(i), line);
                if (!text.equals(line)) {
                    same(java.get(i), rx.get(i), text);
                }
            }
        }
    }

    private static final String[] ENDS = {"\r\n", "\n", "\r", "\u0085", "\u2028", "\u2029", "\n\n", "\n\r", " "};

    @Test
    void agreesWithJavaUtilRegexOnMutatedLines() throws Exception {
        Map<String, String> patterns = mainPatterns();
        List<String> lines = testdataLines();
        String alphabet = " \t\r\n\u000b\f\u0085\u2028\u2029\u00a0\u001b\u0000:;.,-_=x0123456789aAfFgG()[]<>*#$\\'\"|"
                + "\u00e9\u0301\u0663\ud83d\ude00\ud83d\ude00\ude00\ud83d";
        Random r = new Random(20261203);
        List<String> mutated = new ArrayList<>();
        for (int n = 0; n < 15_000; n++) {
            StringBuilder b = new StringBuilder(lines.get(r.nextInt(lines.size())));
            for (int k = 1 + r.nextInt(4); k > 0; k--) {
                int at = b.length() == 0 ? 0 : r.nextInt(b.length() + 1);
                char c = alphabet.charAt(r.nextInt(alphabet.length()));
                switch (r.nextInt(4)) {
                    case 0 -> b.insert(at, c);
                    case 1 -> {
                        if (at < b.length()) {
                            b.deleteCharAt(at);
                        }
                    }
                    case 2 -> {
                        if (at < b.length()) {
                            b.setCharAt(at, c);
                        }
                    }
                    default -> b.append(ENDS[r.nextInt(ENDS.length)]); // where $ matches too
                }
            }
            mutated.add(b.toString());
            mutated.add(KernelLogText.kernelText(b.toString()));
        }
        for (String p : patterns.values()) {
            Pattern j = Pattern.compile(p);
            Rx x = Rx.compile(p);
            for (String s : mutated) {
                same(j, x, s);
            }
        }
    }

    @Test
    void hostileLinesAgreeAndTakeLinearTime() throws Exception {
        String mb = "> ".repeat(500_000);
        List<String> hostile = List.of(mb, "Memory: " + mb, "1".repeat(1_000_000), " ".repeat(1_000_000),
                "Virtual kernel memory layout:" + " ".repeat(1_000_000),
                "    vmalloc : 0x" + "0".repeat(600_000), "* 0x" + "f".repeat(600_000) + " .. ",
                "[" + " ".repeat(1_000_000), "0x".repeat(500_000), "Linux version " + "i386 ".repeat(200_000) + "\n",
                "Memory: " + "1MB ".repeat(250_000) + "= 1MB total", "Tainted: " + "A ".repeat(500_000));
        Map<String, String> patterns = mainPatterns();
        long rxNanos = 0;
        for (String p : patterns.values()) {
            Pattern j = Pattern.compile(p);
            Rx x = Rx.compile(p);
            for (String s : hostile) {
                long t0 = System.nanoTime();
                Rx.Matcher m = x.matcher(s);
                m.matches();
                m.lookingAt();
                while (m.find()) {
                    m.group(0);
                }
                rxNanos += System.nanoTime() - t0;
                same(j, x, s);
            }
        }
        assertTrue(rxNanos < 20_000_000_000L, "Rx took " + rxNanos / 1_000_000 + " ms over 1 MB lines");
    }

    /** A region, as KernelLogText moves one over a line. */
    @Test
    void regionsAgree() throws Exception {
        Map<String, String> patterns = mainPatterns();
        List<String> lines = testdataLines();
        for (String p : patterns.values()) {
            Pattern j = Pattern.compile(p);
            Rx x = Rx.lazy(p);
            for (int n = 0; n < lines.size(); n += 7) {
                String s = lines.get(n);
                for (int from = 0; from < Math.min(s.length(), 40); from += 3) {
                    int to = s.length() - (from % 2);
                    Matcher jm = j.matcher(s).region(from, to);
                    Rx.Matcher rm = x.matcher(s).region(from, to);
                    boolean a = jm.lookingAt();
                    if (a != rm.lookingAt() || a && jm.end() != rm.end()) {
                        fail(p + " lookingAt in " + from + "-" + to + " of " + show(s));
                    }
                    a = jm.find();
                    if (a != rm.find() || a && (jm.start() != rm.start() || jm.end() != rm.end())) {
                        fail(p + " find in " + from + "-" + to + " of " + show(s));
                    }
                }
            }
        }
    }

    /**
     * What a match needs, read without parsing: {the literal after a leading ^, the longest literal outside
     * groups}, each what java.util.regex requires of every match (the patterns' Literal steps).
     */
    @Test
    void filtersAreWhatEveryMatchNeeds() {
        assertFilters("Memory: ", "Memory: ", "^Memory: \\d+K");
        assertFilters("[", "[", "^\\[\\s*\\d+");
        assertFilters("\ta-(", "\ta-(", "^\\ta-\\((x)");
        assertFilters("a", "a", "^ab?c"); // b is optional, c a run of its own
        assertFilters("", "", "^a{2}"); // a is repeated
        assertFilters("", "", "^a|b"); // b needs no ^
        assertFilters("", "", "^a\\|b|c"); // the second | is top-level
        assertFilters("x", "yz", "^x(a|b)[|)(]yz"); // | ( ) inside a group or class
        assertFilters("", "", "^(ab)");
        assertFilters("", "", "(?i)^ab"); // case-insensitive
        assertFilters("", "ab", "ab");
        assertFilters("", "", "^\\d");
        assertFilters("", "0x", "^([.A-Za-z_][A-Za-z0-9_ ]{0,15}?)\\s*+:\\s*+0x[0-9a-fA-F(ptrval)]++\\s*+-.*");
        assertFilters("", " kB", "^(VmallocTotal|HighTotal|LowTotal):\\s+\\d+ kB$"); // ":" and " kB"; {1,16} is not literal
        assertFilters("", "MB total", "M((?:\\d{1,7}MB ?){1,16})= (\\d{1,7})MB total$"); // "M", "= ", "MB total"
    }

    private static void assertFilters(String prefix, String literal, String pattern) {
        assertEquals(List.of(prefix, literal), List.of(RxParser.filters(pattern)), pattern);
    }

    /** The characters a match can start with, from the parsed steps: null where a step is not analysed or may match nothing. */
    @Test
    void firstCharactersOfAMatch() {
        assertEquals("ab", firstOf("^(?:a|b)x"));
        assertEquals("ABab", firstOf("(?i)(a|b)"));
        assertEquals("0123456789x", firstOf("\\d*x"), "an optional repeat lets what follows start");
        assertEquals("0123456789", firstOf("\\d+x"));
        assertEquals("cde", firstOf("(?:c|d){1,2}|e"));
        assertNull(firstOf("(?:c|d)?"), "may match nothing");
        assertNull(firstOf("x|\\S"), "\\S takes characters beyond ASCII");
        assertNull(firstOf("\\bx"));
        assertNull(firstOf("é"));
    }

    private static String firstOf(String pattern) {
        long[] f = Rx.compile(pattern).parsed().first;
        if (f == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (char c = 0; c < 128; c++) {
            if (RxSet.inMask(f, c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** A lazy pattern is parsed when a line first passes its prefix: its syntax is refused then, not before. */
    @Test
    void lazyPatternsParseAtFirstUse() {
        Rx bad = Rx.lazy("^ab(");
        assertFalse(bad.matcher("xyz").find(), "no line past the prefix: not parsed yet");
        assertThrows(IllegalArgumentException.class, () -> bad.matcher("ab(").find());
        Rx.Matcher m = Rx.lazy("^Linux version (\\d+)\\.").matcher("Linux version 6.1.0");
        assertTrue(m.lookingAt());
        assertEquals("6", m.group(1));
        assertEquals(1, Rx.lazy("(a)").matcher("").groupCount());
    }

    /** Each ASCII character and a few others against classes, as java.util.regex decides (ASCII answers come from masks). */
    @Test
    void classesAnswerEveryAsciiCharacterAsJavaUtilRegex() {
        String[] classes = {"[\\S,]", "(?i)[a-f0-9]", "[^\\d\\s]", "(?i)[^x-z_]", "\\W", ".", "[?-A]", "(?i)[@-\\[]",
            "[^\\S]", "[\\w&]", "(?i)k", "[\u007f]", "[\\d\\D]", "[^\\w\\s]"};
        for (String c : classes) {
            Pattern j = Pattern.compile(c);
            Rx x = Rx.compile(c);
            for (int ch = 0; ch < 300; ch++) {
                String s = String.valueOf((char) ch);
                assertEquals(j.matcher(s).matches(), x.matchesWhole(s), c + " on " + ch);
            }
        }
    }

    @Test
    void eachFeatureAsJavaUtilRegex() {
        String[][] cases = {
            {"^abc$", "abc", "abc\n", "abc\r\n", "abc\r", "abc\u2028", "abc\u2029", "abc\u0085", "abc\n\n", "abc\r\r", "xabc", "abc\n\r"},
            {"a.c", "abc", "a\nc", "a\rc", "a\u2028c", "a\u0085c", "a\u000bc", "a\ud83d\ude00c"},
            {"\\d+\\s\\S*\\w", "12 ab_", "1\t\u00e9x_", "1\u000b\u0663", "9 ", "12  ab"},
            {"[a-c-][^x-z\\]][\\d.]", "a]1", "-a.", "cx1", "b\\5", "b]]"},
            {"(a|ab)(c|bcd)(d*)", "abcd", "abcdd", "acd"},
            {"(?:ab){2}(x)?(y)??z", "ababz", "ababxz", "ababyz", "abz"},
            {"a{2,3}?b|a{2,}c|a{0,1}d", "aaab", "aab", "aaaac", "d", "ad", "aad"},
            {"\\s*+x|\\s++y|a*?b|a+?c|a??d|a?+a", " x", "  y", "aab", "aac", "ad", "a", "aa"},
            {"(?i)^(ab\\s*c|x[a-c]y)\\b", "ABC", "Ab  c!", "aBcd", "XBY", "xdy", "X\u00e9y"},
            {"o\\b|\\bq", "o", "o_", "oé", "o\u0301", "q", "_q", " q", "é\u0301q"},
            {"\\.\\(\\[\\*\\+\\?\\{\\|\\)\\]\\$\\^\\\\/", ".([*+?{|)]$^\\/"},
            {"x\\t\\n\\r\\f", "x\t\n\r\f"},
            {"((a)|b)+?", "ab"},
            {"(a(b)?)+", "aba"},
        };
        for (String[] c : cases) {
            if (c[0].contains(")+")) {
                assertThrows(IllegalArgumentException.class, () -> Rx.compile(c[0]), c[0]);
                continue;
            }
            Pattern j = Pattern.compile(c[0]);
            Rx x = Rx.compile(c[0]);
            for (int i = 1; i < c.length; i++) {
                same(j, x, c[i]);
            }
        }
    }

    @Test
    void groupsAndReplacements() {
        Rx.Matcher m = Rx.compile("(a)|(b)").matcher("xb");
        assertTrue(m.find());
        assertNull(m.group(1));
        assertEquals("b", m.group(2));
        assertEquals(1, m.start());
        assertEquals(2, m.end());
        assertFalse(m.find());
        assertThrows(IllegalStateException.class, m::start);
        assertEquals("a#b#c", Rx.compile("\\d+").replaceAll("a12b3c", "#"));
        assertEquals("$1\\", Rx.compile("x").replaceAll("x", "$1\\"), "the replacement is literal");
        assertEquals("-a-b-", Rx.compile("x*").replaceAll("ab", "-"), "as Matcher.replaceAll at empty matches");
        Rx.Matcher e = Rx.compile("x*").matcher("ab");
        List<Integer> starts = new ArrayList<>();
        while (e.find()) {
            starts.add(e.start());
        }
        assertEquals(List.of(0, 1, 2), starts);
        assertTrue(Rx.compile("\\d{1,4}").matchesWhole("2026"));
        assertFalse(Rx.compile("\\d{1,4}").matchesWhole("20261"));
        Rx.Matcher anchored = Rx.compile("^a").matcher("aaa");
        assertTrue(anchored.find());
        assertFalse(anchored.find(), "^ matches at the start only");
    }

    @Test
    void refusesOtherSyntax() {
        String[] refused = {"a\\1", "(?=a)", "(?!a)", "(?<n>a)", "(?<=a)b", "(a)*", "(?:a)+", "(?:ab){2,}", "(a)?+",
            "a{2", "a{3,2}", "a{x}", "[a", "[]a]", "(a", "a)", "*a", "+a", "?a", "{2}", "a**", "a*{2}", "\\p{L}",
            "[a&&b]", "[[a]]", "\\Q.\\E", "(?m)^a", "a(?i)b", "(?s).", "\\", "\\x41", "\\u0041", "\\0", "^*", "\\b+",
            "$?", "\\z", "\\A", "\\R", "\\h", "[\\p{L}]", "\ud83d\ude00"};
        for (String p : refused) {
            assertThrows(IllegalArgumentException.class, () -> Rx.compile(p), p);
        }
    }

    /** Every line of every file of testdata, each once; a .gz read as ISO-8859-1 so any byte is a character. */
    /** Every distinct line of testdata's files (KernelLogTextTest reads them too). */
    public static List<String> testdataLines() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Paths.get("testdata"))) {
            files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        Set<String> out = new LinkedHashSet<>();
        for (Path f : files) {
            String all = new String(Files.readAllBytes(f), f.toString().endsWith(".gz")
                    ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            out.addAll(List.of(all.split("\n", -1)));
        }
        return new ArrayList<>(out);
    }

    /**
     * matches(), lookingAt() and every find() with their groups, as java.util.regex has them; first the forms
     * that make no matcher where the cheap tests refuse (a lazy pattern meets its first lines unparsed).
     */
    private static void same(Pattern java, Rx rx, String s) {
        Matcher j = java.matcher(s);
        boolean whole = j.matches();
        Rx.Matcher w = rx.wholeMatch(s);
        if (whole != (w != null) || whole && !sameGroups(j, w) || whole != rx.matchesWhole(s)) {
            fail(java + " wholeMatch()/matchesWhole() differ on " + show(s));
        }
        j.reset();
        boolean found = j.find();
        Rx.Matcher f = rx.firstMatch(s);
        if (found != (f != null) || found && !sameGroups(j, f) || found != rx.foundIn(s)) {
            fail(java + " firstMatch()/foundIn() differ on " + show(s));
        }
        j.reset();
        Rx.Matcher r = rx.matcher(s);
        boolean a = j.matches();
        if (a != r.matches() || a && !sameGroups(j, r)) {
            fail(java + " matches() differs on " + show(s));
        }
        a = j.lookingAt();
        if (a != r.lookingAt() || a && !sameGroups(j, r)) {
            fail(java + " lookingAt() differs on " + show(s));
        }
        j.reset();
        r.reset();
        while (true) {
            a = j.find();
            if (a != r.find() || a && !sameGroups(j, r)) {
                fail(java + " find() differs on " + show(s));
            }
            if (!a) {
                break;
            }
        }
    }

    private static boolean sameGroups(Matcher j, Rx.Matcher r) {
        if (j.start() != r.start() || j.end() != r.end() || j.groupCount() != r.groupCount()) {
            return false;
        }
        for (int g = 0; g <= j.groupCount(); g++) {
            if (j.start(g) != r.start(g) || j.end(g) != r.end(g)) {
                return false;
            }
            String jg = j.group(g);
            if (jg == null ? r.group(g) != null : !jg.equals(r.group(g))) {
                return false;
            }
        }
        return true;
    }

    private static String show(String s) {
        String cut = s.length() > 300 ? s.substring(0, 300) + "... (" + s.length() + " chars)" : s;
        StringBuilder b = new StringBuilder("\"");
        for (char c : cut.toCharArray()) {
            b.append(c < 0x20 || c > 0x7e ? "\\u" + Integer.toHexString(0x10000 | c).substring(1) : String.valueOf(c));
        }
        return b.append('"').toString();
    }
}
