package vmlayout.fuzz;

import java.util.List;
import java.util.Random;

/** Generates inputs: mutations of seeds (flip, insert, delete, splice, repeat) and random strings. */
final class Mutator {

    private static final String INTERESTING = "0x0X@#$!%,:=\"' \t\n-_kKmMgGtTpPeEbBiQ.{}[]/\\\u0000\u00ff\u00a0";
    private static final String[] TOKENS = {"18446744073709551616", "99999999999999999999999", "0x", "0xffffffffffffffff",
        "16E", "-1", "0777", "08", "4G", "1T", "exactmap", "mem=", "vmalloc=", "memmap=", "\"", "--", "=", "@", "$"};

    private Mutator() {
    }

    static String next(Random r, List<String> seeds) {
        if (r.nextInt(10) == 0) {
            return random(r, r.nextInt(40));
        }
        StringBuilder s = new StringBuilder(seeds.get(r.nextInt(seeds.size())));
        int rounds = 1 + r.nextInt(4);
        for (int k = 0; k < rounds; k++) {
            int pos = s.length() == 0 ? 0 : r.nextInt(s.length() + 1);
            switch (r.nextInt(7)) {
                case 0:
                    s.insert(pos, INTERESTING.charAt(r.nextInt(INTERESTING.length())));
                    break;
                case 1:
                    if (s.length() > 0) {
                        s.deleteCharAt(Math.min(pos, s.length() - 1));
                    }
                    break;
                case 2:
                    if (s.length() > 0) {
                        s.setCharAt(Math.min(pos, s.length() - 1), (char) (32 + r.nextInt(95)));
                    }
                    break;
                case 3:
                    s.insert(pos, TOKENS[r.nextInt(TOKENS.length)]);
                    break;
                case 4:
                    String other = seeds.get(r.nextInt(seeds.size()));
                    s.insert(pos, other.substring(0, r.nextInt(other.length() + 1)));
                    break;
                case 5:
                    if (s.length() > 0 && s.length() < 5000) {
                        int a = r.nextInt(s.length());
                        int b = a + r.nextInt(s.length() - a + 1);
                        String part = s.substring(a, b);
                        s.insert(pos, part.repeat(1 + r.nextInt(8)));
                    }
                    break;
                default:
                    if (s.length() > 0) {
                        s.setLength(r.nextInt(s.length() + 1));
                    }
            }
        }
        return s.toString();
    }

    static String random(Random r, int len) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < len; i++) {
            s.append(r.nextInt(4) == 0 ? INTERESTING.charAt(r.nextInt(INTERESTING.length())) : (char) (32 + r.nextInt(95)));
        }
        return s.toString();
    }

    static String show(String s) {
        String t = s.length() > 120 ? s.substring(0, 120) + "..." : s;
        return "'" + t.replace("\n", "\\n").replace("\t", "\\t") + "'";
    }
}
