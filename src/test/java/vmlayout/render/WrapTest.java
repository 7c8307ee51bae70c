package vmlayout.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WrapTest {

    @Test
    void fillsLinesUpToTheWidth() {
        // "Goals: " (7) + "aaa bbb" = 14 <= 14; " ccc" would make 18
        assertEquals(List.of("Goals: aaa bbb", "    ccc dd", "    eeeeeeeeeeeeeeeee"),
                Wrap.lines("aaa bbb ccc dd eeeeeeeeeeeeeeeee", "Goals: ", "    ", 14));
    }

    @Test
    void keepsASizeWithItsUnitAndCollapsesSpaces() {
        // words: "lowmem", "384 MB," (the unit joined, one space), "vmalloc", "120 MB."; "x: lowmem 384 MB," is
        // 3 + 6 + 1 + 7 = 17 <= 18, " vmalloc" would make 25; "  vmalloc 120 MB." is 2 + 7 + 1 + 7 = 17
        assertEquals(List.of("x: lowmem 384 MB,", "  vmalloc 120 MB."),
                Wrap.lines("lowmem  384 MB, vmalloc 120   MB.", "x: ", "  ", 18));
        // with 16 each pair makes 17: "384 MB," moves to a line of its own whole, never "384" and "MB," apart
        assertEquals(List.of("x: lowmem", "  384 MB,", "  vmalloc", "  120 MB."),
                Wrap.lines("lowmem 384 MB, vmalloc 120 MB.", "x: ", "  ", 16));
        assertEquals(List.of("MB first"), Wrap.lines("  MB first ", "", "", 80), "a unit with nothing before it is a word");
        assertEquals(List.of("4 kB) 2 bytes; 3 pages: 9 GB 1 MBs"), Wrap.lines("4 kB) 2 bytes; 3 pages: 9 GB 1 MBs", "", "", 80));
    }

    @Test
    void emptyTextIsTheFirstPrefixAlone() {
        assertEquals(List.of("cost: "), Wrap.lines("   ", "cost: ", "      ", 20));
    }

    /** Against the words-then-lines algorithm it replaced (String.split and a substring per trailing mark). */
    @Test
    void agreesWithTheSplittingAlgorithm() {
        Random r = new Random(18);
        String[] pieces = {"a", "bb", "cccccc", "MB", "MB,", "kB)", "GB;", "bytes.", "pages:", "MBx", "512", " ", "  ",
            "0x80000000:", "(PAGE_OFFSET", "-"};
        for (int n = 0; n < 5000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(30); k > 0; k--) {
                b.append(pieces[r.nextInt(pieces.length)]).append(r.nextInt(3) == 0 ? "" : " ");
            }
            String text = b.toString();
            int width = 5 + r.nextInt(40);
            assertEquals(splitting(text, "> ", "   ", width), Wrap.lines(text, "> ", "   ", width), text);
        }
    }

    private static List<String> splitting(String text, String first, String rest, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int bare = first.length();
        List<String> words = new ArrayList<>();
        for (String w : text.split(" ")) {
            if (w.isEmpty()) {
                continue;
            }
            String u = w;
            while (!u.isEmpty() && ",.;:)".indexOf(u.charAt(u.length() - 1)) >= 0) {
                u = u.substring(0, u.length() - 1);
            }
            boolean unit = u.equals("MB") || u.equals("GB") || u.equals("kB") || u.equals("bytes") || u.equals("pages");
            if (!words.isEmpty() && unit) {
                words.set(words.size() - 1, words.get(words.size() - 1) + " " + w);
            } else {
                words.add(w);
            }
        }
        for (String word : words) {
            if (line.length() > bare && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line = new StringBuilder(rest);
                bare = rest.length();
            }
            if (line.length() > bare) {
                line.append(' ');
            }
            line.append(word);
        }
        out.add(line.toString());
        return out;
    }
}
