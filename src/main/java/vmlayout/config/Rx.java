package vmlayout.config;

/**
 * A small backtracking regular expression, for the patterns that read a boot log (verify). Why not
 * java.util.regex: on Java 17 its first use costs 15-20 ms of start-up (Pattern's character classes are
 * lambdas, whose first one starts java.lang.invoke), a third of a bare JVM's start, and StartupIT keeps
 * every benchmarked command free of it. Rx has java.util.regex's semantics (default flags) for the syntax
 * RxParser accepts and refuses any other at compile, so a pattern can never silently mean something else
 * (RxTest compares every pattern of src/main with java.util.regex over every line of testdata). Input is
 * hostile (a 5 MB line of "> > > ..." happened): a repeat of one character loops instead of recursing.
 * Most lines of a log match none of verify's patterns, and a cold run interprets every step of a try, so
 * a line is refused early where it can be: one that does not start with the literal after a leading ^, or
 * that lacks the longest literal every match contains (both read from the pattern's text), and a position
 * whose character no match starts with is not tried; the static patterns are parsed at their first line
 * past the first two tests ({@link #lazy}).
 */
public final class Rx {

    private final String pattern;
    /**
     * What every match needs, read from the pattern's text (RxParser.filters) at the first matcher, before
     * any parse: {the literal it starts with at the region's start (after a leading ^), a literal it
     * contains}. A line without them is refused before the pattern is parsed.
     */
    private volatile String[] filters;
    private volatile Parsed parsed;

    /** The pattern parsed: its chain of nodes and what a match needs. */
    static final class Parsed {
        final RxNode root;
        final int groupCount;
        final int localCount;
        /** The pattern starts with ^: find() tries the start of the region only. */
        final boolean anchored;
        /** The ASCII characters a match can start with (RxNode.first), or null: any. */
        final long[] first;

        Parsed(RxNode root, int groupCount, int localCount, boolean anchored) {
            this.root = root;
            this.groupCount = groupCount;
            this.localCount = localCount;
            this.anchored = anchored;
            this.first = root.first(0);
        }
    }

    private Rx(String pattern) {
        this.pattern = pattern;
    }

    /** Compiles a pattern; IllegalArgumentException for syntax Rx does not have. */
    public static Rx compile(String pattern) {
        Rx rx = new Rx(pattern);
        rx.parsed();
        return rx;
    }

    /**
     * A pattern parsed when a line first passes its literal tests: for the static patterns that read a boot
     * log, many of which never see a line that could match (each parse costs a cold run ~0.1 ms). Its
     * syntax is refused, as by {@link #compile}, at that first use; RxTest compiles every pattern of src/main.
     */
    public static Rx lazy(String pattern) {
        return new Rx(pattern);
    }

    Parsed parsed() {
        Parsed p = parsed;
        if (p == null) {
            p = new RxParser(pattern).parse();
            parsed = p;
        }
        return p;
    }

    /** {the literal a match starts with at the region's start, a literal every match contains}, "" when none is known. */
    String[] filters() {
        String[] f = filters;
        if (f == null) {
            f = RxParser.filters(pattern);
            filters = f;
        }
        return f;
    }

    public Matcher matcher(CharSequence text) {
        return new Matcher(this, text);
    }

    /** String.matches(pattern). */
    public boolean matchesWhole(CharSequence text) {
        return !refuses(text, true) && matcher(text).matches();
    }

    /** matcher(text).find() for a match anywhere in the text. */
    public boolean foundIn(CharSequence text) {
        return !refuses(text, false) && matcher(text).find();
    }

    /** A matcher whose find() found the text's first match (its groups are read), or null when there is none. */
    public Matcher firstMatch(CharSequence text) {
        if (refuses(text, false)) {
            return null;
        }
        Matcher m = matcher(text);
        return m.find() ? m : null;
    }

    /** A matcher whose matches() matched the whole text (its groups are read), or null when it does not match. */
    public Matcher wholeMatch(CharSequence text) {
        if (refuses(text, true)) {
            return null;
        }
        Matcher m = matcher(text);
        return m.matches() ? m : null;
    }

    /**
     * No match of the whole text (atStart) or anywhere in it can exist, by the tests a Matcher makes first
     * (the prefix, the literal, and once parsed the first character of a match at the start): most log
     * lines are refused by most patterns, and here without making a matcher (a cold run interprets its
     * construction, the region and the calls of each test for every line and pattern).
     */
    private boolean refuses(CharSequence text, boolean atStart) {
        String[] f = filters();
        String prefix = f[0];
        int n = prefix.length();
        if (n > 0) {
            if (text.length() < n) {
                return true;
            }
            for (int k = 0; k < n; k++) {
                if (text.charAt(k) != prefix.charAt(k)) {
                    return true;
                }
            }
        }
        String literal = f[1];
        if (!literal.isEmpty() && text instanceof String s && s.indexOf(literal) < 0) {
            return true;
        }
        Parsed p = parsed;
        if (p != null && p.first != null && (atStart || p.anchored)) {
            return text.length() == 0 || !RxSet.inMask(p.first, text.charAt(0));
        }
        return false;
    }

    /**
     * A match can start with c (the first characters of the parsed pattern, RxNode.first; true where they
     * are not known). Parses the pattern.
     */
    public boolean canStartWith(char c) {
        long[] first = parsed().first;
        return first == null || RxSet.inMask(first, c);
    }

    /** Every match replaced by the replacement, taken literally (Matcher.replaceAll with a quoted replacement). */
    public String replaceAll(String text, String replacement) {
        Matcher m = matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        int done = 0;
        do {
            b.append(text, done, m.start()).append(replacement);
            done = m.end();
        } while (m.find());
        return b.append(text, done, text.length()).toString();
    }

    public String pattern() {
        return pattern;
    }

    @Override
    public String toString() {
        return pattern;
    }

    /** A match of an Rx over a text, as java.util.regex.Matcher (anchoring, non-transparent region bounds). */
    public static final class Matcher {
        private final Rx rx;
        final CharSequence text;
        /** Rx.filters(): the literal a match starts with, and one every match contains. */
        private final String prefix;
        private final String literal;
        int from;
        int to;
        /** The parsed pattern and the group and local slots, once a match is tried past the prefix. */
        private Parsed parsed;
        int[] groups;
        int[] locals;
        /** matches(): the match must end at the end of the region. */
        boolean whole;
        /** Where the match being tried ends (set by the Accept node). */
        int last;
        private int first = -1;
        private int end;

        Matcher(Rx rx, CharSequence text) {
            this.rx = rx;
            this.text = text;
            String[] f = rx.filters();
            this.prefix = f[0];
            this.literal = f[1];
            region(0, text.length());
        }

        /** Matches in [start, end) only; resets the matcher. */
        public Matcher region(int start, int end) {
            if (start < 0 || start > end || end > text.length()) {
                throw new IndexOutOfBoundsException("region " + start + "-" + end);
            }
            from = start;
            to = end;
            return reset();
        }

        public Matcher reset() {
            first = -1;
            this.end = from;
            return this;
        }

        /** The pattern parsed and the slots made, on the first try that passes the prefix. */
        private Parsed parsed() {
            if (parsed == null) {
                parsed = rx.parsed();
                groups = new int[2 * (parsed.groupCount + 1)];
                locals = new int[parsed.localCount];
            }
            return parsed;
        }

        private void clear() {
            for (int i = 0; i < groups.length; i++) {
                groups[i] = -1;
            }
            for (int i = 0; i < locals.length; i++) {
                locals[i] = -1;
            }
        }

        public boolean matches() {
            return at(from, true);
        }

        public boolean lookingAt() {
            return at(from, false);
        }

        /** The next match, from the end of the previous one (one further after an empty match). */
        public boolean find() {
            int start = end;
            if (start == first) {
                start++;
            }
            if (start < from) {
                start = from;
            }
            if (start <= to && startsRight(start) && contains(start)) {
                int limit = parsed().anchored ? Math.min(from, to) : to;
                for (int i = start; i <= limit; i++) {
                    if (tryAt(i, false)) {
                        return true;
                    }
                }
            }
            first = -1;
            end = to + 1; // as Matcher: a further find() fails too
            return false;
        }

        /**
         * A match at i could start with the prefix: a pattern with one starts at the region's start only
         * (its ^), so any other i, or a region that does not start with it, cannot match.
         */
        private boolean startsRight(int i) {
            String p = prefix;
            int n = p.length();
            if (n == 0) {
                return true;
            }
            if (i != from || i + n > to) {
                return false;
            }
            for (int k = 0; k < n; k++) {
                if (text.charAt(i + k) != p.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        /** The literal every match contains occurs in [start, to) (always true for ""). */
        private boolean contains(int start) {
            if (literal.isEmpty() || !(text instanceof String s)) {
                return true;
            }
            int at = s.indexOf(literal, start);
            return at >= 0 && at + literal.length() <= to;
        }

        /** matches() and lookingAt(): the tests that need no parse first (the prefix, a search), then the try. */
        private boolean at(int i, boolean wholeRegion) {
            if (startsRight(i) && contains(i) && canStart(parsed(), i)) {
                return attempt(i, wholeRegion);
            }
            first = -1;
            return false;
        }

        private boolean tryAt(int i, boolean wholeRegion) {
            if (canStart(parsed, i)) {
                return attempt(i, wholeRegion);
            }
            first = -1;
            return false;
        }

        /** The character at i is one a match can start with (RxNode.first), or no such set is known. */
        private boolean canStart(Parsed p, int i) {
            long[] f = p.first;
            if (f == null) {
                return true;
            }
            return i < to && RxSet.inMask(f, text.charAt(i));
        }

        private boolean attempt(int i, boolean wholeRegion) {
            clear();
            whole = wholeRegion;
            if (parsed.root.match(this, i)) {
                first = i;
                end = last;
                groups[0] = i;
                groups[1] = last;
                return true;
            }
            first = -1;
            return false;
        }

        private void matched() {
            if (first < 0) {
                throw new IllegalStateException("No match found");
            }
        }

        public int start() {
            matched();
            return first;
        }

        public int end() {
            matched();
            return end;
        }

        public int groupCount() {
            return parsed().groupCount;
        }

        /** The text of group g, null when the group took no part in the match. */
        public String group(int g) {
            matched();
            if (g < 0 || g > parsed.groupCount) {
                throw new IndexOutOfBoundsException("No group " + g);
            }
            int s = groups[2 * g];
            if (s < 0) {
                return null;
            }
            return text instanceof String t ? t.substring(s, groups[2 * g + 1]) : text.subSequence(s, groups[2 * g + 1]).toString();
        }

        public String group() {
            return group(0);
        }

        public int start(int g) {
            matched();
            return groups[2 * g];
        }

        public int end(int g) {
            matched();
            return groups[2 * g + 1];
        }
    }
}
