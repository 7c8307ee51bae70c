package vmlayout.config;

/**
 * A step of a compiled {@link Rx}: it matches at position i, then asks the step after it to match the rest
 * (backtracking is returning false). The kinds follow java.util.regex's node chain, with its semantics.
 * Recursion follows the pattern, not the input: a repeat of one character loops and backs off by count.
 */
abstract class RxNode {

    RxNode next;

    abstract boolean match(Rx.Matcher m, int i);

    /**
     * The ASCII characters a match from this step can start with ({characters 0-63, 64-127}), or null when
     * the step may start with another character, match nothing at the end, or is not analysed (anchors but
     * ^, loops' ends): a try at a position whose character is not among them fails without being made.
     */
    long[] first(int depth) {
        return null;
    }

    /** {@link #first} of the next step. */
    final long[] firstOfNext(int depth) {
        return firstOf(next, depth);
    }

    /** {@link #first} of step n, one level down (null past a depth that only a pathological pattern reaches). */
    static long[] firstOf(RxNode n, int depth) {
        return n == null || depth > 100 ? null : n.first(depth + 1);
    }

    /** A step that takes no character and tests none: a match from it starts as one from the next. */
    abstract static class Transparent extends RxNode {
        @Override
        final long[] first(int depth) {
            return firstOfNext(depth);
        }
    }

    static long[] union(long[] a, long[] b) {
        return a == null || b == null ? null : new long[] {a[0] | b[0], a[1] | b[1]};
    }

    private static long[] of(RxSet set) {
        return set.beyondAscii() ? null : set.asciiMask();
    }

    /** The code point at i, or -1 past the end of the region. */
    static int at(Rx.Matcher m, int i) {
        if (i >= m.to) {
            return -1;
        }
        char ch = m.text.charAt(i);
        if (!Character.isHighSurrogate(ch)) {
            return ch; // the usual case, without codePointAt's calls
        }
        int c = Character.codePointAt(m.text, i);
        return i + Character.charCount(c) <= m.to ? c : -1;
    }

    /** Passes on: the end of an alternative, an empty alternative. */
    static final class Pass extends Transparent {
        @Override
        boolean match(Rx.Matcher m, int i) {
            return next.match(m, i);
        }
    }

    /** The end of the pattern: matches() also needs the end of the region. */
    static final class Accept extends RxNode {
        @Override
        boolean match(Rx.Matcher m, int i) {
            if (m.whole && i != m.to) {
                return false;
            }
            m.last = i;
            return true;
        }
    }

    /** A run of literal characters, compared as chars (java.util.regex's Slice). */
    static final class Literal extends RxNode {
        private final String chars;
        private final boolean caseless;

        Literal(String chars, boolean caseless) {
            this.chars = chars;
            this.caseless = caseless;
        }

        @Override
        long[] first(int depth) {
            char c = chars.charAt(0);
            if (c >= 128) {
                return null;
            }
            long[] m = c < 64 ? new long[] {1L << c, 0} : new long[] {0, 1L << (c - 64)};
            if (caseless && RxSet.lower(c) != RxSet.upper(c)) {
                m[1] |= 1L << (RxSet.lower(c) - 64) | 1L << (RxSet.upper(c) - 64);
            }
            return m;
        }

        @Override
        boolean match(Rx.Matcher m, int i) {
            int n = chars.length();
            if (i + n > m.to) {
                return false;
            }
            for (int j = 0; j < n; j++) {
                char c = m.text.charAt(i + j);
                char p = chars.charAt(j);
                if (c != p && !(caseless && c < 128 && RxSet.lower(c) == RxSet.lower(p))) {
                    return false;
                }
            }
            return next.match(m, i + n);
        }
    }

    /** One character of a set. */
    static final class One extends RxNode {
        private final RxSet set;

        One(RxSet set) {
            this.set = set;
        }

        @Override
        long[] first(int depth) {
            return of(set);
        }

        @Override
        boolean match(Rx.Matcher m, int i) {
            int c = at(m, i);
            return c >= 0 && set.has(c) && next.match(m, i + Character.charCount(c));
        }
    }

    /** A quantifier over one character of a set: greedy, lazy or possessive, by count, without recursion per character. */
    static final class Repeat extends RxNode {
        static final int GREEDY = 0;
        static final int LAZY = 1;
        static final int POSSESSIVE = 2;

        private final RxSet set;
        private final int min;
        private final int max;
        private final int mode;

        Repeat(RxSet set, int min, int max, int mode) {
            this.set = set;
            this.min = min;
            this.max = max;
            this.mode = mode;
        }

        @Override
        long[] first(int depth) {
            return min > 0 ? of(set) : union(of(set), firstOfNext(depth));
        }

        @Override
        boolean match(Rx.Matcher m, int i) {
            int n = 0;
            while (n < min) {
                int c = at(m, i);
                if (c < 0 || !set.has(c)) {
                    return false;
                }
                i += Character.charCount(c);
                n++;
            }
            if (mode == LAZY) {
                while (true) {
                    if (next.match(m, i)) {
                        return true;
                    }
                    int c = n < max ? at(m, i) : -1;
                    if (c < 0 || !set.has(c)) {
                        return false;
                    }
                    i += Character.charCount(c);
                    n++;
                }
            }
            while (n < max) {
                int c = at(m, i);
                if (c < 0 || !set.has(c)) {
                    break;
                }
                i += Character.charCount(c);
                n++;
            }
            if (mode == POSSESSIVE) {
                return next.match(m, i);
            }
            while (true) {
                if (next.match(m, i)) {
                    return true;
                }
                if (n == min) {
                    return false;
                }
                i -= Character.charCount(Character.codePointBefore(m.text, i)); // as java.util.regex backs off
                n--;
            }
        }
    }

    /** The start of a capturing group: where it starts, kept until its end is reached. */
    static final class GroupHead extends Transparent {
        private final int slot;

        GroupHead(int slot) {
            this.slot = slot;
        }

        @Override
        boolean match(Rx.Matcher m, int i) {
            int saved = m.locals[slot];
            m.locals[slot] = i;
            boolean r = next.match(m, i);
            m.locals[slot] = saved;
            return r;
        }
    }

    /** The end of a capturing group: the group is set while the rest is tried, restored if it fails. */
    static final class GroupTail extends Transparent {
        private final int group;
        private final int slot;

        GroupTail(int group, int slot) {
            this.group = group;
            this.slot = slot;
        }

        @Override
        boolean match(Rx.Matcher m, int i) {
            int start = m.groups[2 * group];
            int end = m.groups[2 * group + 1];
            m.groups[2 * group] = m.locals[slot];
            m.groups[2 * group + 1] = i;
            if (next.match(m, i)) {
                return true;
            }
            m.groups[2 * group] = start;
            m.groups[2 * group + 1] = end;
            return false;
        }
    }

    /** Alternatives, tried in order; each ends in a Pass to what follows. */
    static final class Branch extends RxNode {
        private final RxNode[] alternatives;

        Branch(RxNode[] alternatives) {
            this.alternatives = alternatives;
        }

        @Override
        long[] first(int depth) {
            long[] m = new long[2];
            for (RxNode a : alternatives) {
                m = union(m, firstOf(a, depth));
            }
            return m;
        }

        /** Each alternative's first characters (RxNode.first), made at the first match; null entries: any. */
        private volatile long[][] firsts;

        @Override
        boolean match(Rx.Matcher m, int i) {
            if (firsts == null) {
                long[][] f = new long[alternatives.length][];
                for (int k = 0; k < f.length; k++) {
                    f[k] = alternatives[k].first(0);
                }
                firsts = f;
            }
            int c = i < m.to ? m.text.charAt(i) : -1;
            for (int k = 0; k < alternatives.length; k++) {
                long[] f = firsts[k];
                if (f != null && !RxSet.inMask(f, c)) {
                    continue; // this alternative cannot start here: a test, not a call
                }
                if (alternatives[k].match(m, i)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A bounded quantifier over a group (greedy or lazy). Each repetition is a level of recursion, so the
     * compiler refuses an unbounded one. The body ends in a LoopTail; an empty repetition ends the loop.
     */
    static final class Loop extends RxNode {
        RxNode body;
        private final int min;
        private final int max;
        private final boolean lazy;
        final int countSlot;
        final int beginSlot;

        Loop(int min, int max, boolean lazy, int countSlot, int beginSlot) {
            this.min = min;
            this.max = max;
            this.lazy = lazy;
            this.countSlot = countSlot;
            this.beginSlot = beginSlot;
        }

        @Override
        long[] first(int depth) {
            long[] b = firstOf(body, depth);
            return min > 0 ? b : union(b, firstOfNext(depth));
        }

        @Override
        boolean match(Rx.Matcher m, int i) {
            int count = m.locals[countSlot];
            int begin = m.locals[beginSlot];
            boolean r = step(m, i, 0);
            m.locals[countSlot] = count;
            m.locals[beginSlot] = begin;
            return r;
        }

        boolean step(Rx.Matcher m, int i, int count) {
            if (count < min) {
                return again(m, i, count);
            }
            if (count >= max) {
                return next.match(m, i);
            }
            if (lazy) {
                return next.match(m, i) || again(m, i, count);
            }
            return again(m, i, count) || next.match(m, i);
        }

        private boolean again(Rx.Matcher m, int i, int count) {
            int savedCount = m.locals[countSlot];
            int savedBegin = m.locals[beginSlot];
            m.locals[countSlot] = count + 1;
            m.locals[beginSlot] = i;
            boolean r = body.match(m, i);
            m.locals[countSlot] = savedCount;
            m.locals[beginSlot] = savedBegin;
            return r;
        }
    }

    /** The end of a Loop's body: another repetition, or out of the loop after an empty one. */
    static final class LoopTail extends RxNode {
        private final Loop loop;

        LoopTail(Loop loop) {
            this.loop = loop;
        }

        @Override
        boolean match(Rx.Matcher m, int i) {
            if (i == m.locals[loop.beginSlot]) {
                return loop.next.match(m, i);
            }
            return loop.step(m, i, m.locals[loop.countSlot]);
        }
    }

    /** ^ without MULTILINE: the start of the region. */
    static final class Begin extends Transparent {
        @Override
        boolean match(Rx.Matcher m, int i) {
            return i == m.from && next.match(m, i);
        }
    }

    /** $ without MULTILINE: the end of the region, or before a line terminator that ends it. */
    static final class Dollar extends RxNode {
        @Override
        boolean match(Rx.Matcher m, int i) {
            int end = m.to;
            if (i < end - 2) {
                return false;
            }
            if (i == end - 2) {
                return m.text.charAt(i) == '\r' && m.text.charAt(i + 1) == '\n' && next.match(m, i);
            }
            if (i < end) {
                char c = m.text.charAt(i);
                if (c == '\n') {
                    if (i > 0 && m.text.charAt(i - 1) == '\r') {
                        return false;
                    }
                } else if (c != '\r' && c != '\u0085' && c != '\u2028' && c != '\u2029') {
                    return false;
                }
            }
            return next.match(m, i);
        }
    }

    /** \b as Java 17's java.util.regex has it: a letter or digit (any script) or '_' on one side only. */
    static final class Bound extends RxNode {
        @Override
        boolean match(Rx.Matcher m, int i) {
            boolean left = false;
            if (i > m.from) {
                int c = Character.codePointBefore(m.text, i);
                left = word(c) || (Character.getType(c) == Character.NON_SPACING_MARK && hasBase(m, i - 1));
            }
            boolean right = false;
            if (i < m.to) {
                int c = Character.codePointAt(m.text, i);
                right = word(c) || (Character.getType(c) == Character.NON_SPACING_MARK && hasBase(m, i));
            }
            return left != right && next.match(m, i);
        }

        private static boolean word(int c) {
            return c == '_' || Character.isLetterOrDigit(c);
        }

        private static boolean hasBase(Rx.Matcher m, int i) {
            for (int x = i; x >= m.from; x--) {
                int c = Character.codePointAt(m.text, x);
                if (Character.isLetterOrDigit(c)) {
                    return true;
                }
                if (Character.getType(c) != Character.NON_SPACING_MARK) {
                    return false;
                }
            }
            return false;
        }
    }
}
