package vmlayout.inputs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A device tree source file that needs no preprocessor: what {@code dtc -I dtb -O dts} prints, or a
 * hand-written .dts with plain numbers. Read: /dts-v1/, /memreserve/, nodes (with labels), properties
 * with strings, &lt;cells&gt; (numbers, character literals, arithmetic in parentheses, &amp;label
 * references, /bits/ 64), [byte strings], and later "/ { }" or "&amp;label { }" blocks merged into the
 * tree as dtc does, /delete-node/ and /delete-property/. A #include, #define or a macro name where a
 * number belongs gives one line saying to compile the file with dtc first.
 */
public final class Dts {

    private static final Pattern PREPROCESSOR = Pattern.compile(
            "#\\s*(include|define|undef|if|ifdef|ifndef|elif|else|endif|error|pragma|line)\\b");

    private final InputFile file;
    private final String s;
    private int pos;
    private int line = 1;
    private final Map<String, DtNode> labels = new HashMap<>();
    private final List<Fdt.Reservation> reservations = new ArrayList<>();
    private final DtNode root = new DtNode("");
    /** How deep the nodes being read are nested (the root is 1). */
    private int depth;
    /** How deep the cell expression being read is nested (parentheses and unary operators). */
    private int exprDepth;
    /**
     * The kernel unflattens at most FDT_MAX_DEPTH = 64 levels (drivers/of/fdt.c unflatten_dt_nodes();
     * libfdt has the same limit, see {@link Fdt}): a deeper source is no board's tree.
     */
    static final int MAX_DEPTH = 64;
    /** dtc's parser has no such limit, but a cell expression nested this deep is no board's either. */
    static final int MAX_EXPR_DEPTH = 64;

    private Dts(InputFile file, String text) {
        this.file = file;
        this.s = text;
    }

    /**
     * True when the text looks like device tree source (starts, after white space and comments, with
     * /dts-v1/, #include or a root node). Only the start is read, once: a file of unclosed comments
     * costs one pass, not one per comment.
     */
    public static boolean looksLikeDts(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    return false;
                }
                i = end + 2;
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else {
                break;
            }
        }
        return text.startsWith("/dts-v1/", i) || text.startsWith("#include", i) || text.startsWith("/ {", i)
                || text.startsWith("/{", i);
    }

    public static Dts parse(InputFile file) {
        Dts d = new Dts(file, file.text());
        d.parseFile();
        return d;
    }

    public DtNode root() {
        return root;
    }

    public List<Fdt.Reservation> reservations() {
        return reservations;
    }

    private void parseFile() {
        skip();
        if (!s.startsWith("/dts-v1/", pos)) {
            throw err("expected /dts-v1/; at the start (a version 1 device tree source)");
        }
        pos += "/dts-v1/".length();
        expect(';');
        while (true) {
            skip();
            if (pos >= s.length()) {
                return;
            }
            if (s.startsWith("/plugin/", pos)) {
                throw err("/plugin/: a device tree overlay, not a board's tree");
            } else if (s.startsWith("/memreserve/", pos)) {
                pos += "/memreserve/".length();
                long a = number();
                long z = number();
                expect(';');
                reservations.add(new Fdt.Reservation(a, z));
            } else if (s.startsWith("/include/", pos)) {
                throw err("/include/: vmlayout reads one file; compile it with dtc first (dtc -I dts -O dtb -o board.dtb"
                        + " board.dts) and give the .dtb");
            } else if (s.startsWith("/delete-node/", pos)) {
                pos += "/delete-node/".length();
                skip();
                if (peek() != '&') {
                    throw err("/delete-node/ at the top level needs a &label");
                }
                pos++;
                String label = ident();
                expect(';');
                deleteLabelled(label);
            } else if (peek() == '/') {
                pos++;
                body(root);
                expect(';');
            } else if (peek() == '&') {
                pos++;
                String label;
                if (peek() == '{') {
                    throw err("&{/path} references are not read: compile the file with dtc first");
                }
                label = ident();
                DtNode n = labels.get(label);
                if (n == null) {
                    throw err("&" + label + ": no node has the label '" + label + "'");
                }
                body(n);
                expect(';');
            } else {
                String word = s.substring(pos, Math.min(s.length(), pos + 20)).split("\\s")[0];
                if (!word.isEmpty() && Character.isLetter(word.charAt(0))) {
                    // "label: / { ... };"
                    String label = ident();
                    expect(':');
                    skip();
                    if (peek() == '/') {
                        pos++;
                        labels.put(label, root);
                        body(root);
                        expect(';');
                        continue;
                    }
                }
                throw err("cannot read " + InputFile.quote(word) + " at the top level: expected a node '/ { ... };'");
            }
        }
    }

    private void deleteLabelled(String label) {
        DtNode n = labels.get(label);
        if (n == null) {
            throw err("/delete-node/ &" + label + ": no node has that label");
        }
        n.detach();
    }

    /** "{ properties and child nodes }" into {@code n}. */
    private void body(DtNode n) {
        if (depth == MAX_DEPTH) {
            throw err("nodes nested more than " + MAX_DEPTH + " deep: the kernel unflattens at most FDT_MAX_DEPTH = "
                    + MAX_DEPTH + " levels (drivers/of/fdt.c)");
        }
        depth++;
        bodyAtDepth(n);
        depth--;
    }

    private void bodyAtDepth(DtNode n) {
        expect('{');
        while (true) {
            skip();
            if (pos >= s.length()) {
                throw err("end of file inside a node: a '}' is missing");
            }
            char c = peek();
            if (c == '}') {
                pos++;
                return;
            }
            if (s.startsWith("/delete-property/", pos)) {
                pos += "/delete-property/".length();
                String p = name();
                expect(';');
                n.props().remove(p);
                continue;
            }
            if (s.startsWith("/delete-node/", pos)) {
                pos += "/delete-node/".length();
                String p = name();
                expect(';');
                DtNode gone = n.child(p);
                if (gone != null) {
                    gone.detach();
                }
                continue;
            }
            List<String> nodeLabels = new ArrayList<>();
            String nm = name();
            skip();
            while (peek() == ':') {
                pos++;
                nodeLabels.add(nm);
                nm = name();
                skip();
            }
            c = peek();
            if (c == '{') {
                DtNode child = n.child(nm);
                if (child == null) {
                    child = new DtNode(nm);
                    n.addChild(child);
                }
                for (String l : nodeLabels) {
                    labels.put(l, child);
                }
                body(child);
                expect(';');
            } else if (c == ';') {
                pos++;
                n.props().put(nm, new byte[0]);
            } else if (c == '=') {
                pos++;
                n.props().put(nm, value());
            } else {
                throw err("cannot read " + InputFile.quote(String.valueOf(c)) + " after '" + nm
                        + "': expected '=', ';' or '{'");
            }
        }
    }

    /** A property value: comma-separated strings, cell lists and byte strings, ending with ';'. */
    private byte[] value() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            skip();
            labelsBefore();
            char c = peek();
            if (c == '"') {
                byte[] str = string();
                out.write(str, 0, str.length);
                out.write(0);
            } else if (c == '<' || s.startsWith("/bits/", pos)) {
                int bits = 32;
                if (c == '/') {
                    pos += "/bits/".length();
                    bits = (int) number();
                    if (bits != 8 && bits != 16 && bits != 32 && bits != 64) {
                        throw err("/bits/ " + bits + ": expected 8, 16, 32 or 64");
                    }
                    skip();
                }
                expect('<');
                while (true) {
                    skip();
                    labelsBefore();
                    if (peek() == '>') {
                        pos++;
                        break;
                    }
                    long v;
                    if (peek() == '&') {
                        pos++;
                        if (peek() == '{') {
                            int close = s.indexOf('}', pos);
                            if (close < 0) {
                                throw err("&{ without }");
                            }
                            pos = close + 1;
                        } else {
                            ident();
                        }
                        v = 0; // a phandle: its value does not matter for memory
                    } else {
                        v = expr();
                    }
                    for (int i = bits / 8 - 1; i >= 0; i--) {
                        out.write((int) (v >>> (8 * i)) & 0xff);
                    }
                }
            } else if (c == '[') {
                pos++;
                StringBuilder hex = new StringBuilder();
                while (pos < s.length() && peek() != ']') {
                    char h = s.charAt(pos++);
                    if (Character.digit(h, 16) >= 0) {
                        hex.append(h);
                    } else if (!Character.isWhitespace(h)) {
                        throw err("byte string: cannot read " + InputFile.quote(String.valueOf(h)));
                    }
                }
                expect(']');
                if (hex.length() % 2 != 0) {
                    throw err("byte string with an odd number of hex digits");
                }
                for (int i = 0; i < hex.length(); i += 2) {
                    out.write(Integer.parseInt(hex.substring(i, i + 2), 16));
                }
            } else if (c == '&') {
                pos++;
                ident(); // a path reference: the string does not matter for memory
                out.write(0);
            } else {
                throw err("cannot read the value " + InputFile.quote(word()) + ": expected \"string\", <cells> or [bytes]");
            }
            skip();
            labelsBefore();
            c = peek();
            if (c == ',') {
                pos++;
                continue;
            }
            if (c == ';') {
                pos++;
                return out.toByteArray();
            }
            throw err("cannot read " + InputFile.quote(word()) + " in a property value: expected ',' or ';'");
        }
    }

    /** Labels inside values ("reg = lbl: <1 2>;") are allowed and ignored. */
    private void labelsBefore() {
        int save = pos;
        int saveLine = line;
        if (pos < s.length() && (Character.isLetter(peek()) || peek() == '_')) {
            int st = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
                pos++;
            }
            if (pos < s.length() && peek() == ':' && pos > st) {
                pos++;
                skip();
                return;
            }
        }
        pos = save;
        line = saveLine;
    }

    private byte[] string() {
        expect('"');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            if (pos >= s.length() || peek() == '\n') {
                throw err("string not closed");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return out.toByteArray();
            }
            if (c == '\\') {
                if (pos >= s.length()) {
                    throw err("string not closed");
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n':
                        out.write('\n');
                        break;
                    case 't':
                        out.write('\t');
                        break;
                    case 'r':
                        out.write('\r');
                        break;
                    case '0':
                        out.write(0);
                        break;
                    case 'x': {
                        int st = pos;
                        while (pos < s.length() && pos < st + 2 && Character.digit(peek(), 16) >= 0) {
                            pos++;
                        }
                        if (pos == st) {
                            throw err("\\x without hex digits in a string");
                        }
                        out.write(Integer.parseInt(s.substring(st, pos), 16));
                        break;
                    }
                    default:
                        out.write(e);
                }
            } else {
                byte[] u = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(u, 0, u.length);
            }
        }
    }

    // ---- integer expressions, as dtc evaluates them in cells ----
    private long expr() {
        skip();
        if (peek() == '(') {
            pos++;
            long v = nested();
            expect(')');
            return v;
        }
        return primary();
    }

    /** An expression inside parentheses, with the nesting counted. */
    private long nested() {
        deeper();
        long v = orExpr();
        exprDepth--;
        return v;
    }

    private void deeper() {
        if (++exprDepth > MAX_EXPR_DEPTH) {
            throw err("a cell expression nested more than " + MAX_EXPR_DEPTH + " deep");
        }
    }

    private long orExpr() {
        long v = addExpr();
        while (true) {
            skip();
            char c = peek();
            if (c == '|') {
                pos++;
                v |= addExpr();
            } else if (c == '&') {
                pos++;
                v &= addExpr();
            } else if (s.startsWith("<<", pos)) {
                pos += 2;
                v <<= addExpr();
            } else if (s.startsWith(">>", pos)) {
                pos += 2;
                v >>>= addExpr();
            } else {
                return v;
            }
        }
    }

    private long addExpr() {
        long v = mulExpr();
        while (true) {
            skip();
            char c = peek();
            if (c == '+') {
                pos++;
                v += mulExpr();
            } else if (c == '-') {
                pos++;
                v -= mulExpr();
            } else {
                return v;
            }
        }
    }

    private long mulExpr() {
        long v = unary();
        while (true) {
            skip();
            char c = peek();
            if (c == '*') {
                pos++;
                v *= unary();
            } else if ((c == '/' || c == '%') && !s.startsWith("//", pos) && !s.startsWith("/*", pos)) {
                pos++;
                long d = unary();
                if (d == 0) {
                    throw err("division by zero in a cell expression");
                }
                v = c == '/' ? Long.divideUnsigned(v, d) : Long.remainderUnsigned(v, d);
            } else {
                return v;
            }
        }
    }

    private long unary() {
        skip();
        char c = peek();
        if (c == '-' || c == '~') {
            pos++;
            deeper();
            long v = unary();
            exprDepth--;
            return c == '-' ? -v : ~v;
        }
        if (c == '(') {
            pos++;
            long v = nested();
            expect(')');
            return v;
        }
        return primary();
    }

    private long primary() {
        skip();
        char c = peek();
        if (c == '\'') {
            pos++;
            if (pos < s.length() && s.charAt(pos) == '\\') {
                pos++;
            }
            if (pos >= s.length()) {
                throw err("a character literal ('x') is not closed at the end of the file");
            }
            char ch = s.charAt(pos++);
            expect('\'');
            return ch;
        }
        return number();
    }

    private long number() {
        skip();
        int st = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
            pos++;
        }
        String w = s.substring(st, pos);
        if (w.isEmpty()) {
            throw err("expected a number, found " + InputFile.quote(word()));
        }
        String t = withoutIntegerSuffix(w);
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            if (t.length() > 1 && t.startsWith("0")) {
                return Long.parseUnsignedLong(t.substring(1), 8);
            }
            return Long.parseUnsignedLong(t);
        } catch (NumberFormatException e) {
            if (Character.isLetter(w.charAt(0)) || w.charAt(0) == '_') {
                throw err("'" + w + "' is a macro name, not a number: this .dts needs the C preprocessor; compile it first"
                        + " (cpp, then dtc -I dts -O dtb -o board.dtb) and give the .dtb");
            }
            throw err("cannot read the number " + InputFile.quote(w));
        }
    }

    /** The number without a C integer suffix (U, L, UL, LL, ULL, any case), as dtc reads it. */
    private static String withoutIntegerSuffix(String w) {
        String u = w.toUpperCase(Locale.ROOT);
        for (String suffix : new String[]{"ULL", "LL", "UL", "U", "L"}) {
            if (u.endsWith(suffix)) {
                return w.substring(0, w.length() - suffix.length());
            }
        }
        return w;
    }

    private String name() {
        skip();
        int st = pos;
        while (pos < s.length() && isNameChar(peek())) {
            pos++;
        }
        if (pos == st) {
            throw err("expected a node or property name, found " + InputFile.quote(word()));
        }
        return s.substring(st, pos);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || ",._+*#?@-".indexOf(c) >= 0;
    }

    private String ident() {
        int st = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
            pos++;
        }
        if (pos == st) {
            throw err("expected a label, found " + InputFile.quote(word()));
        }
        return s.substring(st, pos);
    }

    private String word() {
        int e = pos;
        while (e < s.length() && !Character.isWhitespace(s.charAt(e)) && e < pos + 30) {
            e++;
        }
        return s.substring(pos, e);
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private void expect(char c) {
        skip();
        if (peek() != c) {
            throw err("expected '" + c + "', found " + (pos >= s.length() ? "the end of the file" : InputFile.quote(word())));
        }
        pos++;
    }

    /** Skips white space and comments; a preprocessor line is an error. */
    private void skip() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (s.startsWith("//", pos)) {
                while (pos < s.length() && s.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (s.startsWith("/*", pos)) {
                int end = s.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw err("comment not closed");
                }
                for (int i = pos; i < end; i++) {
                    if (s.charAt(i) == '\n') {
                        line++;
                    }
                }
                pos = end + 2;
            } else if (c == '#' && atLineStart() && PREPROCESSOR.matcher(s.substring(pos, Math.min(s.length(), pos + 24)))
                    .lookingAt()) {
                int nl = s.indexOf('\n', pos);
                String dir = s.substring(pos, nl < 0 ? s.length() : nl).strip();
                throw err(InputFile.quote(dir) + ": this .dts needs the C preprocessor; compile it first (cpp, then"
                        + " dtc -I dts -O dtb -o board.dtb) and give the .dtb");
            } else {
                return;
            }
        }
    }

    private boolean atLineStart() {
        for (int i = pos - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    private RuntimeException err(String what) {
        return file.error("line " + line + ": " + what);
    }
}
