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
     * line of its own); the first line starts with {@code first}, the others with {@code rest}.
     */
    public static List<String> lines(String text, String first, String rest, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int bare = first.length();
        List<String> words = new ArrayList<>();
        for (String w : text.split(" ")) {
            if (w.isEmpty()) {
                continue;
            }
            // a size stays with its unit: "512 MB" is never split
            if (!words.isEmpty() && isUnit(w)) {
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

    private static boolean isUnit(String w) {
        String u = w;
        while (!u.isEmpty() && ",.;:)".indexOf(u.charAt(u.length() - 1)) >= 0) {
            u = u.substring(0, u.length() - 1);
        }
        return u.equals("MB") || u.equals("GB") || u.equals("kB") || u.equals("bytes") || u.equals("pages");
    }
}
