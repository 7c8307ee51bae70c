package vmlayout.config;

/**
 * Compiles an {@link Rx} by recursive descent into a chain of {@link RxNode}s. The syntax: (?i) at the start,
 * ^ $ \b, literals and escaped punctuation, \d \D \s \S \w \W \t \n \r \f, ., classes with ranges, negation
 * and those escapes, ( ) (?: ), |, and ? * + {n} {m,} {m,n}, each greedy, lazy (?) or possessive (+) over one
 * character; over a group only bounded (? {n} {m,n}), greedy or lazy. Anything else is refused.
 */
final class RxParser {

    private static final int UNBOUNDED = Integer.MAX_VALUE;
    /** The ASCII characters that are not literal by themselves: the escape and the syntax ('{' but not '}' or ']'). */
    private static final boolean[] SPECIAL = new boolean[128];

    /** The characters a quantifier starts with: ? * + {. */
    private static final boolean[] QUANTIFIER = new boolean[128];

    static {
        for (char c : "\\()[{.^$|?*+".toCharArray()) {
            SPECIAL[c] = true;
        }
        for (char c : "?*+{".toCharArray()) {
            QUANTIFIER[c] = true;
        }
    }

    private final String p;
    /** The pattern's characters and their number: read by index, without a call per character (a cold run interprets the parse). */
    private final char[] s;
    private final int n;
    /** The literal characters sequence() is collecting. */
    private final char[] literalChars;
    private int at;
    private boolean caseless;
    private int groups;
    private int locals;

    /** The first and last node of what was just parsed (the last one's next is still to be set). */
    private RxNode head;
    private RxNode tail;

    RxParser(String pattern) {
        this.p = pattern;
        this.s = pattern.toCharArray();
        this.n = s.length;
        this.literalChars = new char[n];
    }

    Rx.Parsed parse() {
        if (p.startsWith("(?i)")) {
            caseless = true;
            at = 4;
        }
        alternation();
        boolean anchored = head instanceof RxNode.Begin; // not so for ^a|b
        if (at < n) {
            throw refused("unmatched )");
        }
        RxNode root = head;
        tail.next = new RxNode.Accept();
        return new Rx.Parsed(root, groups, locals, anchored);
    }

    /**
     * What a match needs, read from the pattern's text without parsing it: {the literal characters after a
     * leading ^, the longest run of literal characters outside every group}. A match starts with the first
     * at the region's start and contains the second, as the Literal steps parse() would make of them. Both
     * are "" for (?i) and for a top-level | (then each alternative has its own); a character a quantifier
     * repeats is not in a run.
     */
    static String[] filters(String pattern) {
        String[] none = {"", ""};
        if (pattern.startsWith("(?i)")) {
            return none;
        }
        // one pass over a char array: a cold run interprets it for each pattern (one has 1,100 characters)
        char[] p = pattern.toCharArray();
        int n = p.length;
        boolean anchored = n > 0 && p[0] == '^';
        String prefix = null;
        String longest = "";
        char[] run = new char[n];
        int length = 0;
        int runStart = -1;
        int depth = 0;
        int i = anchored ? 1 : 0;
        while (true) {
            if (depth > 0 && i < n) { // inside a group, where no run is collected: only where it ends matters
                char g = p[i];
                if (g == '\\') {
                    i += 2;
                } else if (g == '[') {
                    i = afterClass(p, i);
                } else {
                    depth += g == '(' ? 1 : g == ')' ? -1 : 0;
                    i++;
                }
                continue;
            }
            if (i < n && p[i] < 128 && !SPECIAL[p[i]]) { // plain characters copied as a run, as in sequence()
                int end = plainRun(p, i, n);
                if (end < n && p[end] < 128 && QUANTIFIER[p[end]]) {
                    end--;
                }
                if (end > i) {
                    if (length == 0) {
                        runStart = i;
                    }
                    System.arraycopy(p, i, run, length, end - i);
                    length += end - i;
                    i = end;
                    continue;
                }
            }
            char c = i < n ? p[i] : 0;
            int width = c == '\\' ? 2 : 1;
            int lit = -1;
            if (i < n && depth == 0) {
                if (c == '\\') {
                    lit = i + 1 < n ? escapedLiteral(p[i + 1]) : -1;
                } else if (c < 128 && !SPECIAL[c]) {
                    lit = c;
                } else if (c == '|') {
                    return none; // alternatives, each with its own start
                }
            }
            char q = i + width < n ? p[i + width] : 0;
            if (lit >= 0 && !(q < 128 && QUANTIFIER[q])) { // isQuantifier(q), without a call per character
                if (length == 0) {
                    runStart = i;
                }
                run[length++] = (char) lit;
                i += width;
                continue;
            }
            if (prefix == null) {
                prefix = anchored && runStart == 1 ? new String(run, 0, length) : "";
            }
            if (length > longest.length()) {
                longest = new String(run, 0, length);
            }
            length = 0;
            if (i >= n) {
                break;
            }
            if (c == '\\') {
                i += 2;
            } else if (c == '[') {
                i = afterClass(p, i);
            } else if (c == '{') {
                while (i < n && p[i] != '}') {
                    i++;
                }
                i++;
            } else {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                i++;
            }
        }
        return new String[] {prefix, longest};
    }

    /**
     * The index after the run of plain characters (ASCII, not syntax) that starts at i: a cold run interprets
     * the parse, and one tight loop and an arraycopy cost less than a pass of the main loop per character.
     */
    private static int plainRun(char[] p, int i, int n) {
        int k = i;
        while (k < n) {
            char c = p[k];
            if (c >= 128 || SPECIAL[c]) {
                break;
            }
            k++;
        }
        return k;
    }

    /** The character an escape stands for when it is a literal one (\\. \\( \\t ...), else -1 (\\d, \\b ...). */
    private static int escapedLiteral(char e) {
        return isLetterOrDigit(e) ? control(e) : e;
    }

    /** The index after the class that starts at i: after its first ']' not escaped (RxParser refuses "[]" and nesting). */
    private static int afterClass(char[] p, int i) {
        for (int k = i + 1; k < p.length; k++) {
            if (p[k] == '\\') {
                k++;
            } else if (p[k] == ']') {
                return k + 1;
            }
        }
        return p.length;
    }

    private IllegalArgumentException refused(String why) {
        return new IllegalArgumentException("Rx: " + why + " at " + at + " of " + p);
    }

    private void alternation() {
        sequence();
        if (at >= n || s[at] != '|') {
            return;
        }
        RxNode end = new RxNode.Pass();
        RxNode[] alternatives = {head};
        tail.next = end;
        while (at < n && s[at] == '|') {
            at++;
            sequence();
            tail.next = end;
            RxNode[] more = new RxNode[alternatives.length + 1];
            System.arraycopy(alternatives, 0, more, 0, alternatives.length);
            more[alternatives.length] = head;
            alternatives = more;
        }
        head = new RxNode.Branch(alternatives);
        tail = end;
    }

    /** Atoms up to |, ) or the end; literal characters not followed by a quantifier become one Literal. */
    private void sequence() {
        RxNode first = new RxNode.Pass();
        RxNode last = first;
        char[] literal = literalChars; // empty again before atom() parses a group's sequences into it
        int length = 0;
        while (at < n && s[at] != '|' && s[at] != ')') {
            char ch = s[at];
            int c;
            int width;
            if (ch < 128 && !SPECIAL[ch]) { // plain characters, most of a pattern: copied as a run
                int end = plainRun(s, at, n);
                if (end < n && s[end] < 128 && QUANTIFIER[s[end]]) {
                    end--; // the run's last character is the quantifier's
                }
                if (end > at) {
                    System.arraycopy(s, at, literal, length, end - at);
                    length += end - at;
                    at = end;
                    continue;
                }
                c = ch;
                width = 1;
            } else {
                c = literalAt();
                width = ch == '\\' ? 2 : 1;
            }
            int after = at + width;
            char q = after < n ? s[after] : 0;
            if (c >= 0 && !(q < 128 && QUANTIFIER[q])) { // isQuantifier(q), without a call per character
                literal[length++] = (char) c;
                at = after;
                continue;
            }
            if (length > 0) {
                last.next = new RxNode.Literal(new String(literal, 0, length), caseless);
                last = last.next;
                length = 0;
            }
            atom();
            last.next = head;
            last = tail;
        }
        if (length > 0) {
            last.next = new RxNode.Literal(new String(literal, 0, length), caseless);
            last = last.next;
        }
        head = first.next == null ? first : first.next;
        tail = last;
    }

    /** The literal character at the parse position (plain or escaped punctuation), or -1. */
    private int literalAt() {
        char c = s[at];
        if (c == '\\') {
            if (at + 1 >= n) {
                throw refused("trailing \\");
            }
            return escapedLiteral(s[at + 1]);
        }
        if (c < 128 && SPECIAL[c]) {
            return -1; // ']' and '}' alone are literal, as in java.util.regex
        }
        if (Character.isSurrogate(c)) {
            throw refused("a character outside the BMP");
        }
        return c;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static int control(char e) {
        switch (e) {
            case 't':
                return '\t';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 'f':
                return '\f';
            default:
                return -1;
        }
    }

    private boolean quantifierAt(int i) {
        return i < n && isQuantifier(s[i]);
    }

    /** A quantifier starts with this character. */
    private static boolean isQuantifier(char q) {
        return q < 128 && QUANTIFIER[q];
    }

    /** One atom and its quantifier, into head and tail. */
    private void atom() {
        char c = s[at];
        RxSet set = null;
        switch (c) {
            case '(':
                group();
                quantifiedGroup();
                return;
            case '^':
            case '$':
                at++;
                head = c == '^' ? new RxNode.Begin() : new RxNode.Dollar();
                tail = head;
                noQuantifier();
                return;
            case '.':
                at++;
                set = RxSet.DOT;
                break;
            case '[':
                at++;
                set = charClass();
                break;
            case '\\':
                char e = s[at + 1];
                at += 2;
                if (e == 'b') {
                    head = new RxNode.Bound();
                    tail = head;
                    noQuantifier();
                    return;
                }
                set = isLetterOrDigit(e) ? escapedSet(e) : literalSet(e);
                if (set == null) {
                    int lit = control(e);
                    if (lit < 0) {
                        at -= 2;
                        throw refused("unsupported escape \\" + e);
                    }
                    set = literalSet(lit);
                }
                break;
            default:
                int lit = literalAt();
                if (lit < 0) {
                    throw refused("dangling " + c);
                }
                at++;
                set = literalSet(lit);
        }
        quantifiedSet(set);
    }

    private RxSet literalSet(int c) {
        RxSet s = RxSet.of(c, c);
        return caseless ? s.caseless() : s;
    }

    private static RxSet escapedSet(char e) {
        switch (e) {
            case 'd':
                return RxSet.DIGIT;
            case 'D':
                return RxSet.NOT_DIGIT;
            case 's':
                return RxSet.SPACE;
            case 'S':
                return RxSet.NOT_SPACE;
            case 'w':
                return RxSet.WORD;
            case 'W':
                return RxSet.NOT_WORD;
            default:
                return null;
        }
    }

    private void noQuantifier() {
        if (quantifierAt(at)) {
            throw refused("a quantifier on an anchor");
        }
    }

    /** [...] after the [: ranges, escapes, a leading ^; no nested classes or && (refused). */
    private RxSet charClass() {
        RxSet set = new RxSet();
        boolean negated = at < n && s[at] == '^';
        if (negated) {
            at++;
        }
        boolean any = false;
        while (true) {
            if (at >= n) {
                throw refused("unclosed class");
            }
            char c = s[at];
            if (c == ']') {
                if (!any) {
                    throw refused("an empty class");
                }
                at++;
                break;
            }
            if (c == '[' || (c == '&' && at + 1 < n && s[at + 1] == '&')) {
                throw refused("a nested class or &&");
            }
            any = true;
            int lo = classChar(set);
            if (lo < 0) {
                continue; // an escape such as \s, joined to the set
            }
            if (at + 1 < n && s[at] == '-' && s[at + 1] != ']') {
                at++;
                int hi = classChar(null);
                if (hi < lo) {
                    throw refused("an illegal range");
                }
                set.add(lo, hi);
            } else {
                set.add(lo, lo);
            }
        }
        if (caseless) {
            set.caseless();
        }
        return negated ? set.negate() : set;
    }

    /** A character of a class, or -1 after joining an escaped set (\s, \d...) to the class. */
    private int classChar(RxSet set) {
        char c = s[at++];
        if (c != '\\') {
            if (Character.isSurrogate(c)) {
                throw refused("a character outside the BMP");
            }
            return c;
        }
        if (at >= n) {
            throw refused("trailing \\");
        }
        char e = s[at++];
        if (!isLetterOrDigit(e)) {
            return e;
        }
        RxSet escaped = escapedSet(e);
        if (escaped != null && set != null) {
            set.join(escaped);
            return -1;
        }
        int lit = control(e);
        if (lit < 0) {
            throw refused("unsupported escape \\" + e + " in a class");
        }
        return lit;
    }

    /** ( ... ) or (?: ... ), into head and tail. */
    private void group() {
        at++;
        int group = 0;
        if (p.startsWith("?:", at)) {
            at += 2;
        } else if (at < n && s[at] == '?') {
            throw refused("a group construct other than (?:");
        } else {
            group = ++groups;
        }
        alternation();
        if (at >= n || s[at] != ')') {
            throw refused("unclosed group");
        }
        at++;
        if (group > 0) {
            int slot = locals++;
            RxNode start = new RxNode.GroupHead(slot);
            RxNode end = new RxNode.GroupTail(group, slot);
            start.next = head;
            tail.next = end;
            head = start;
            tail = end;
        }
    }

    private void quantifiedSet(RxSet set) {
        if (!quantifierAt(at)) {
            head = new RxNode.One(set);
            tail = head;
            return;
        }
        int[] q = quantifier();
        head = new RxNode.Repeat(set, q[0], q[1], q[2]);
        tail = head;
    }

    private void quantifiedGroup() {
        if (!quantifierAt(at)) {
            return;
        }
        int[] q = quantifier();
        if (q[1] == UNBOUNDED) {
            throw refused("an unbounded repeat of a group (it would recurse per repetition)");
        }
        if (q[2] == RxNode.Repeat.POSSESSIVE) {
            throw refused("a possessive repeat of a group");
        }
        RxNode.Loop loop = new RxNode.Loop(q[0], q[1], q[2] == RxNode.Repeat.LAZY, locals++, locals++);
        loop.body = head;
        tail.next = new RxNode.LoopTail(loop);
        head = loop;
        tail = loop;
    }

    /** {min, max, mode} of the quantifier at the parse position. */
    private int[] quantifier() {
        char c = s[at++];
        int min;
        int max;
        if (c == '?') {
            min = 0;
            max = 1;
        } else if (c == '*') {
            min = 0;
            max = UNBOUNDED;
        } else if (c == '+') {
            min = 1;
            max = UNBOUNDED;
        } else {
            min = number();
            max = min;
            if (at < n && s[at] == ',') {
                at++;
                max = at < n && s[at] == '}' ? UNBOUNDED : number();
            }
            if (at >= n || s[at] != '}' || max < min) {
                throw refused("an illegal repetition");
            }
            at++;
        }
        int mode = RxNode.Repeat.GREEDY;
        if (at < n && s[at] == '?') {
            mode = RxNode.Repeat.LAZY;
            at++;
        } else if (at < n && s[at] == '+') {
            mode = RxNode.Repeat.POSSESSIVE;
            at++;
        }
        if (quantifierAt(at)) {
            throw refused("a quantifier on a quantifier");
        }
        return new int[] {min, max, mode};
    }

    private int number() {
        int start = at;
        long v = 0;
        while (at < n && s[at] >= '0' && s[at] <= '9' && v <= 1_000_000) {
            v = v * 10 + s[at++] - '0';
        }
        if (at == start || v > 1_000_000) {
            throw refused("an illegal repetition count");
        }
        return (int) v;
    }
}
