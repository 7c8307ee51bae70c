package vmlayout.render;

import java.util.ArrayList;
import java.util.List;

/** Word wrapping for vmlayout's own prose lines (never for the kernel's lines, which are printed as they are). */
public final class Wrap {

    /** The width explain and suggest wrap their text to. */
    public static final int WIDTH = 100;

    private Wrap() {
    }

    /**
     * Splits {@code text} at spaces into lines of at most {@code width} characters (a longer word gets a
     * line of its own); the first line starts with {@code first}, the others with {@code rest}. A size
     * stays with its unit: "512 MB" is never split (the unit word, less trailing ",.;:)", is MB, GB, kB,
     * bytes or pages). The words are found by indexing the characters, not with String.split() and a
     * substring per trailing comma: a cold run interprets this for every paragraph explain and suggest
     * write (~0.2 ms each that way, a tenth of a suggest run in all).
     */
    public static List<String> lines(String text, String first, String rest, int width) {
        List<String> words = new ArrayList<>();
        char[] cs = text.toCharArray();
        int i = 0;
        while (true) {
            while (i < cs.length && cs[i] == ' ') {
                i++;
            }
            if (i == cs.length) {
                break;
            }
            int s = i;
            while (i < cs.length && cs[i] != ' ') {
                i++;
            }
            String w = new String(cs, s, i - s);
            if (!words.isEmpty() && isUnit(cs, s, i)) {
                words.set(words.size() - 1, words.get(words.size() - 1) + " " + w);
            } else {
                words.add(w);
            }
        }
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder(width + 16).append(first);
        int bare = first.length();
        for (String word : words) {
            if (line.length() > bare && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line.setLength(0);
                line.append(rest);
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

    private static boolean isUnit(char[] cs, int s, int e) {
        while (e > s && (cs[e - 1] == ',' || cs[e - 1] == '.' || cs[e - 1] == ';' || cs[e - 1] == ':' || cs[e - 1] == ')')) {
            e--;
        }
        return is(cs, s, e, "MB") || is(cs, s, e, "GB") || is(cs, s, e, "kB") || is(cs, s, e, "bytes") || is(cs, s, e, "pages");
    }

    private static boolean is(char[] cs, int s, int e, String unit) {
        if (e - s != unit.length()) {
            return false;
        }
        for (int k = 0; k < e - s; k++) {
            if (cs[s + k] != unit.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
