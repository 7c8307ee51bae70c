package vmlayout.config;

/**
 * A small backtracking regular expression, for the patterns that read a boot log (verify). Why not
 * java.util.regex: on Java 17 its first use costs 15-20 ms of start-up (Pattern's character classes are
 * lambdas, whose first one starts java.lang.invoke), a third of a bare JVM's start, and StartupIT keeps
 * every benchmarked command free of it. Rx has java.util.regex's semantics (default flags) for the syntax
 * RxParser accepts and refuses any other at compile, so a pattern can never silently mean something else
 * (RxTest compares every pattern of src/main with java.util.regex over every line of testdata). Input is
 * hostile (a 5 MB line of "> > > ..." happened): a repeat of one character loops instead of recursing.
 */
public final class Rx {

    private final String pattern;
    final RxNode root;
    final int groupCount;
    final int localCount;
    /** The pattern starts with ^: find() tries the start of the region only. */
    final boolean anchored;

    Rx(String pattern, RxNode root, int groupCount, int localCount, boolean anchored) {
        this.pattern = pattern;
        this.root = root;
        this.groupCount = groupCount;
        this.localCount = localCount;
        this.anchored = anchored;
    }

    /** Compiles a pattern; IllegalArgumentException for syntax Rx does not have. */
    public static Rx compile(String pattern) {
        return new RxParser(pattern).parse();
    }

    public Matcher matcher(CharSequence text) {
        return new Matcher(this, text);
    }

    /** String.matches(pattern). */
    public boolean matchesWhole(CharSequence text) {
        return matcher(text).matches();
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
        int from;
        int to;
        final int[] groups;
        final int[] locals;
        /** matches(): the match must end at the end of the region. */
        boolean whole;
        /** Where the match being tried ends (set by the Accept node). */
        int last;
        private int first = -1;
        private int end;

        Matcher(Rx rx, CharSequence text) {
            this.rx = rx;
            this.text = text;
            this.groups = new int[2 * (rx.groupCount + 1)];
            this.locals = new int[rx.localCount];
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
            clear();
            return this;
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
            int limit = rx.anchored ? Math.min(from, to) : to;
            for (int i = start; i <= limit; i++) {
                if (at(i, false)) {
                    return true;
                }
            }
            first = -1;
            end = to + 1; // as Matcher: a further find() fails too
            return false;
        }

        private boolean at(int i, boolean wholeRegion) {
            clear();
            whole = wholeRegion;
            if (rx.root.match(this, i)) {
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
            return rx.groupCount;
        }

        /** The text of group g, null when the group took no part in the match. */
        public String group(int g) {
            matched();
            if (g < 0 || g > rx.groupCount) {
                throw new IndexOutOfBoundsException("No group " + g);
            }
            int s = groups[2 * g];
            return s < 0 ? null : text.subSequence(s, groups[2 * g + 1]).toString();
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
