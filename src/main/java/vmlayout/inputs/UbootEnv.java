package vmlayout.inputs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The bootargs a U-Boot would pass to the kernel, from its environment: the text of {@code printenv}
 * or {@code fw_printenv} (NAME=value lines), commands typed at the prompt or kept in a boot script
 * ({@code setenv bootargs ...; bootm ...}), or a binary environment image (CRC32, optional flag byte,
 * NAME=value strings ending with an empty one, as in uboot.env).
 *
 * <p>Lines are taken in order: NAME=value sets a variable, any other line is run as U-Boot commands.
 * When no boot command has run by the end, {@code bootcmd} is run, as autoboot does. What is run:
 * commands split at ';' and newlines outside quotes; $name and ${name} expanded when the command runs
 * (not inside '...', not after a backslash); {@code setenv}/{@code env set} NAME VALUE... (the value is
 * the words joined by one space; no value deletes); {@code run VAR...}; {@code boot}/{@code bootd} (run
 * bootcmd); {@code bootm}/{@code bootz}/{@code booti} end the run and pass $bootargs (U-Boot's
 * fdt_chosen() writes it into the DTB's /chosen, replacing what was there). Other commands (loads, mmc,
 * echo, ...) change nothing here. Conditions of if/while and the results of commands are not known
 * offline: every command is taken to succeed, so {@code if COND; then A; else B; fi} runs COND and A,
 * and "A || B" runs A; a note says so.
 */
public final class UbootEnv {

    /** What the environment boots with. */
    public record Result(String bootargs, String bootCommand, boolean passesFdt, List<String> notes) {
    }

    private static final int MAX_DEPTH = 64;
    private static final int MAX_STEPS = 10_000;
    /** Larger than any U-Boot environment (CONFIG_ENV_SIZE is tens of kB): a value growing past it is a loop. */
    private static final int MAX_VALUE = 64 * 1024;
    /**
     * Characters lexed and expanded in one run, all commands together: a thousand times a large
     * environment. Past it the commands loop (each 'run' of a large variable, each pass of a 'for',
     * lexes and expands again), and the file is refused rather than run for minutes.
     */
    private static final long MAX_WORK = 16L << 20;
    /**
     * Most words and operators in one command string. U-Boot reads a typed command into a console
     * buffer of CONFIG_SYS_CBSIZE bytes (256 to a few kB) and keeps its whole environment in
     * CONFIG_ENV_SIZE (tens of kB): a hundred thousand words in one string are no U-Boot's.
     */
    private static final int MAX_TOKENS = 100_000;

    private final InputFile file;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private String bootCommand;
    private boolean passesFdt;
    private int steps;
    private long work;
    private boolean conditionNoted;

    private UbootEnv(InputFile file) {
        this.file = file;
    }

    public static Result read(InputFile file) {
        UbootEnv u = new UbootEnv(file);
        byte[] b = file.bytes();
        boolean binary = false;
        for (byte x : b) {
            if (x == 0) {
                binary = true;
                break;
            }
        }
        if (binary) {
            u.binary(b);
        } else {
            u.text(file.text());
        }
        if (u.bootCommand == null && u.env.containsKey("bootcmd")) {
            u.run("bootcmd", u.env.get("bootcmd"), 0);
        }
        if (u.bootCommand == null) {
            u.notes.add(file.label() + ": no boot command (bootm, bootz, booti) is reached: the bootargs variable as set"
                    + " is used.");
        }
        String args = u.env.get("bootargs");
        if (args != null && args.matches("(?s).*\\$\\{?[A-Za-z_].*")) {
            u.notes.add(file.label() + ": bootargs holds a literal '$' (\"" + args + "\"): U-Boot does not expand it"
                    + " again when it boots, so the kernel sees it as written (a \\$ typed at the prompt stays a '$').");
        }
        return new Result(args, u.bootCommand, u.passesFdt, u.notes);
    }

    // ---- the two file formats ----

    private void binary(byte[] b) {
        for (int header : new int[]{4, 5}) {
            if (b.length <= header) {
                continue;
            }
            CRC32 crc = new CRC32();
            crc.update(b, header, b.length - header);
            long want = crc.getValue();
            long le = (b[0] & 0xffL) | (b[1] & 0xffL) << 8 | (b[2] & 0xffL) << 16 | (b[3] & 0xffL) << 24;
            long be = (b[3] & 0xffL) | (b[2] & 0xffL) << 8 | (b[1] & 0xffL) << 16 | (b[0] & 0xffL) << 24;
            if (want == le || want == be) {
                int p = header;
                while (p < b.length && b[p] != 0) {
                    int e = p;
                    while (e < b.length && b[e] != 0) {
                        e++;
                    }
                    String entry = new String(b, p, e - p, StandardCharsets.ISO_8859_1);
                    int eq = entry.indexOf('=');
                    if (eq <= 0) {
                        throw file.error("environment entry " + InputFile.quote(entry) + " has no NAME=");
                    }
                    env.put(entry.substring(0, eq), entry.substring(eq + 1));
                    p = e + 1;
                }
                return;
            }
        }
        throw file.error("binary data that is not a U-Boot environment image (no CRC32 match with a 4- or 5-byte header);"
                + " give the text of printenv or fw_printenv");
    }

    private void text(String t) {
        String[] lines = t.split("\r?\n", -1);
        for (int i = 0; i < lines.length && bootCommand == null; i++) {
            String line = lines[i];
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#") || s.startsWith("Environment size:")) {
                continue;
            }
            for (String prompt : new String[]{"=> ", "U-Boot> ", "U-Boot # "}) {
                if (s.startsWith(prompt)) {
                    s = s.substring(prompt.length()).strip();
                }
            }
            int eq = s.indexOf('=');
            if (eq > 0 && s.substring(0, eq).matches("[A-Za-z0-9_.:+-]+")) {
                env.put(s.substring(0, eq), line.substring(line.indexOf('=') + 1));
                continue;
            }
            run("line " + (i + 1), s, 0);
            if (bootCommand != null && i + 1 < lines.length && !String.join("", Arrays.copyOfRange(lines, i + 1,
                    lines.length)).isBlank()) {
                notes.add(file.label() + ": lines after line " + (i + 1) + " are not read: U-Boot booted there.");
            }
        }
    }

    // ---- the command runner ----

    /** A word as typed: pieces that are expanded when the command runs, or literal. */
    private record Word(List<String> parts, List<Boolean> expand, boolean quoted) {
    }

    /**
     * {@code w} with its variables expanded, into {@code b}, which may hold at most {@link #MAX_VALUE}
     * characters: a variable expanded many times in one command (x of 64 kB, then 20,000 $x) is refused
     * while it grows, before it fills the memory. Every character counts against {@link #MAX_WORK}.
     */
    private String expand(Word w, String where) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < w.parts().size(); i++) {
            if (w.expand().get(i)) {
                expandVars(w.parts().get(i), env, b, where);
            } else {
                append(b, w.parts().get(i), where);
            }
        }
        charge(where, b.length());
        return b.toString();
    }

    private void append(StringBuilder b, String piece, String where) {
        if (b.length() + piece.length() > MAX_VALUE) {
            throw file.error(where + ": a command expands to more than " + MAX_VALUE + " bytes (a variable expanded over"
                    + " and over?): no U-Boot environment holds that much");
        }
        b.append(piece);
    }

    /** Counts work done (characters lexed and expanded); past {@link #MAX_WORK} the run is a loop. */
    private void charge(String where, long chars) {
        work += chars;
        if (work > MAX_WORK) {
            throw file.error(where + ": more than " + (MAX_WORK >> 20) + " MB of U-Boot commands read and expanded: a"
                    + " loop?");
        }
    }

    /** A token: a word, or an operator (";", "&&", "||"). */
    private record Token(Word word, String op) {
    }

    private void run(String where, String script, int depth) {
        if (depth > MAX_DEPTH) {
            throw file.error(where + ": 'run' nests more than " + MAX_DEPTH + " deep (a variable that runs itself?)");
        }
        charge(where, script.length());
        List<Token> tokens = lex(where, script);
        List<List<Token>> commands = new ArrayList<>();
        List<String> joins = new ArrayList<>();
        List<Token> cur = new ArrayList<>();
        for (Token t : tokens) {
            if (t.op() != null) {
                commands.add(cur);
                joins.add(t.op());
                cur = new ArrayList<>();
            } else {
                cur.add(t);
            }
        }
        commands.add(cur);
        joins.add(";");
        execList(where, commands, joins, 0, commands.size(), depth);
    }

    /** Runs commands [from, to) of a list, handling if/then/else/fi, for/do/done, && and ||. */
    private void execList(String where, List<List<Token>> cmds, List<String> joins, int from, int to, int depth) {
        int i = from;
        boolean skipNext = false;
        while (i < to && bootCommand == null) {
            if (++steps > MAX_STEPS) {
                throw file.error(where + ": more than " + MAX_STEPS + " U-Boot commands run: a loop?");
            }
            List<Token> c = cmds.get(i);
            String first = c.isEmpty() ? "" : literal(c.get(0));
            if (first.equals("if") || first.equals("while") || first.equals("until")) {
                int end = matching(cmds, i, to, first.equals("if") ? "fi" : "done", first.equals("if") ? "if" : null);
                if (end < 0) {
                    throw file.error(where + ": '" + first + "' without '" + (first.equals("if") ? "fi" : "done") + "'");
                }
                if (!skipNext) {
                    noteCondition(where, first);
                    if (first.equals("if")) {
                        execIf(where, cmds, joins, i, end, depth);
                    }
                    // while/until: the body's effect depends on conditions vmlayout cannot know; not run
                }
                skipNext = joins.get(end).equals("||");
                i = end + 1;
                continue;
            }
            if (first.equals("for")) {
                int end = matching(cmds, i, to, "done", null);
                if (end < 0) {
                    throw file.error(where + ": 'for' without 'done'");
                }
                if (!skipNext) {
                    execFor(where, cmds, joins, i, end, depth);
                }
                skipNext = joins.get(end).equals("||");
                i = end + 1;
                continue;
            }
            if (!skipNext && !c.isEmpty()) {
                command(where, c, depth);
            }
            // every command succeeds: "A && B" runs B, "A || B" skips B
            skipNext = joins.get(i).equals("||") || (skipNext && joins.get(i).equals("&&"));
            i++;
        }
    }

    /** How deep the if and for blocks being run are nested (each level copies its block). */
    private int blockDepth;

    private void enterBlock(String where) {
        if (++blockDepth > MAX_DEPTH) {
            throw file.error(where + ": if/for blocks nested more than " + MAX_DEPTH + " deep");
        }
    }

    private void execIf(String where, List<List<Token>> cmds, List<String> joins, int start, int end, int depth) {
        enterBlock(where);
        try {
            execIfBlock(where, cmds, joins, start, end, depth);
        } finally {
            blockDepth--;
        }
    }

    private void execIfBlock(String where, List<List<Token>> cmds, List<String> joins, int start, int end, int depth) {
        // if COND...; then A...; [elif ...;] [else B...;] fi  -> COND and A run (condition taken as true)
        List<Token> ifCmd = new ArrayList<>(cmds.get(start).subList(1, cmds.get(start).size()));
        int thenAt = -1;
        int stopAt = end;
        int nest = 0;
        for (int k = start + 1; k < end; k++) {
            String w = cmds.get(k).isEmpty() ? "" : literal(cmds.get(k).get(0));
            if (w.equals("if")) {
                nest++;
            } else if (w.equals("fi")) {
                nest--;
            } else if (nest == 0 && w.equals("then") && thenAt < 0) {
                thenAt = k;
            } else if (nest == 0 && thenAt >= 0 && (w.equals("else") || w.equals("elif"))) {
                stopAt = k;
                break;
            }
        }
        if (thenAt < 0) {
            throw file.error(where + ": 'if' without 'then'");
        }
        List<List<Token>> cond = new ArrayList<>();
        cond.add(ifCmd);
        cond.addAll(cmds.subList(start + 1, thenAt));
        List<String> condJoins = new ArrayList<>(joins.subList(start, thenAt));
        execList(where, cond, condJoins, 0, cond.size(), depth);
        List<List<Token>> body = new ArrayList<>();
        body.add(new ArrayList<>(cmds.get(thenAt).subList(1, cmds.get(thenAt).size())));
        body.addAll(cmds.subList(thenAt + 1, stopAt));
        execList(where, body, new ArrayList<>(joins.subList(thenAt, stopAt)), 0, body.size(), depth);
    }

    private void execFor(String where, List<List<Token>> cmds, List<String> joins, int start, int end, int depth) {
        enterBlock(where);
        try {
            execForBlock(where, cmds, joins, start, end, depth);
        } finally {
            blockDepth--;
        }
    }

    private void execForBlock(String where, List<List<Token>> cmds, List<String> joins, int start, int end, int depth) {
        // for VAR in WORDS; do BODY; done
        List<Token> head = cmds.get(start);
        if (head.size() < 3 || !literal(head.get(2)).equals("in")) {
            throw file.error(where + ": cannot read 'for' (expected: for VAR in WORDS; do ...; done)");
        }
        String var = literal(head.get(1));
        List<String> values = new ArrayList<>();
        for (Token t : head.subList(3, head.size())) {
            for (String v : expand(t.word(), where).split("\\s+")) {
                if (!v.isEmpty()) {
                    values.add(v);
                }
            }
        }
        int doAt = start + 1;
        if (doAt >= end || cmds.get(doAt).isEmpty() || !literal(cmds.get(doAt).get(0)).equals("do")) {
            throw file.error(where + ": 'for' without 'do'");
        }
        List<List<Token>> body = new ArrayList<>();
        body.add(new ArrayList<>(cmds.get(doAt).subList(1, cmds.get(doAt).size())));
        body.addAll(cmds.subList(doAt + 1, end));
        for (String v : values) {
            if (bootCommand != null) {
                return;
            }
            if (v.length() > MAX_VALUE) {
                throw file.error(where + ": for " + var + ": a value longer than " + MAX_VALUE + " bytes");
            }
            env.put(var, v);
            execList(where, body, new ArrayList<>(joins.subList(doAt, end)), 0, body.size(), depth);
        }
    }

    /** Index of the command starting with {@code close} that ends the block opened at {@code open}. */
    private int matching(List<List<Token>> cmds, int open, int to, String close, String sameOpener) {
        int nest = 0;
        for (int k = open + 1; k < to; k++) {
            String w = cmds.get(k).isEmpty() ? "" : literal(cmds.get(k).get(0));
            if (w.equals(sameOpener) || (sameOpener == null && (w.equals("for") || w.equals("while") || w.equals("until")))) {
                if (++nest > MAX_DEPTH) {
                    // each level scans its block again: nesting is bounded as 'run' is
                    throw file.error("'" + close + "' blocks nested more than " + MAX_DEPTH + " deep");
                }
            } else if (w.equals(close)) {
                if (nest == 0) {
                    return k;
                }
                nest--;
            }
        }
        return -1;
    }

    private void noteCondition(String where, String keyword) {
        if (!conditionNoted) {
            conditionNoted = true;
            notes.add(file.label() + ": " + where + " has '" + keyword + "': vmlayout cannot know U-Boot's conditions"
                    + " offline and takes every command to succeed (if: the then-branch runs; while: the body is skipped).");
        }
    }

    private void command(String where, List<Token> c, int depth) {
        List<String> args = new ArrayList<>();
        for (Token t : c) {
            String v = expand(t.word(), where);
            if (t.word().quoted()) {
                args.add(v);
                continue;
            }
            // hush: an unquoted expansion is split into fields; an empty one leaves no argument
            for (String f : v.split("[ \t\n]+")) {
                if (!f.isEmpty()) {
                    args.add(f);
                }
            }
        }
        if (args.isEmpty()) {
            return;
        }
        String cmd = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (cmd.equals("env") && !rest.isEmpty() && rest.get(0).equals("set")) {
            cmd = "setenv";
            rest = rest.subList(1, rest.size());
        }
        switch (cmd) {
            case "setenv": {
                if (!rest.isEmpty() && rest.get(0).equals("-f")) {
                    rest = rest.subList(1, rest.size());
                }
                if (rest.isEmpty()) {
                    return;
                }
                if (rest.size() == 1) {
                    env.remove(rest.get(0));
                } else {
                    String value = String.join(" ", rest.subList(1, rest.size()));
                    if (value.length() > MAX_VALUE) {
                        throw file.error(where + ": setenv " + rest.get(0) + " makes it longer than " + MAX_VALUE
                                + " bytes: a command that keeps appending to it?");
                    }
                    env.put(rest.get(0), value);
                }
                return;
            }
            case "run":
                for (String v : rest) {
                    String script = env.get(v);
                    if (script == null) {
                        notes.add(file.label() + ": " + where + ": 'run " + v + "': " + v + " is not set.");
                        continue;
                    }
                    run(v, script, depth + 1);
                    if (bootCommand != null) {
                        return;
                    }
                }
                return;
            case "boot":
            case "bootd":
                if (env.containsKey("bootcmd")) {
                    run("bootcmd", env.get("bootcmd"), depth + 1);
                }
                return;
            case "bootm":
            case "bootz":
            case "booti":
                bootCommand = String.join(" ", args);
                // bootm ADDR [INITRD|-] [FDT]: a third argument passes a device tree
                passesFdt = rest.size() >= 3 && !rest.get(2).equals("-");
                return;
            default:
                // loads, mmc, usb, echo, test ...: nothing that changes bootargs
        }
    }

    private static String literal(Token t) {
        if (t.word() == null) {
            return "";
        }
        return String.join("", t.word().parts());
    }

    /** Splits a command string into words and ; && || operators, keeping quoting for expansion. */
    /** Words, operators and quoted pieces lexed from one command string are at most {@link #MAX_TOKENS}. */
    private void tooMany(String where, int lexed) {
        if (lexed >= MAX_TOKENS) {
            throw file.error(where + ": more than " + MAX_TOKENS + " words and ';' in one command string: no U-Boot"
                    + " console (CONFIG_SYS_CBSIZE) or environment (CONFIG_ENV_SIZE) holds that many");
        }
    }

    private List<Token> lex(String where, String s) {
        int pieces = 0;
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            tooMany(where, out.size());
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
                continue;
            }
            if (c == ';' || c == '\n') {
                out.add(new Token(null, ";"));
                i++;
                continue;
            }
            if (s.startsWith("&&", i) || s.startsWith("||", i)) {
                out.add(new Token(null, s.substring(i, i + 2)));
                i += 2;
                continue;
            }
            if (c == '#' ) {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            List<String> parts = new ArrayList<>();
            List<Boolean> expand = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            while (i < n) {
                tooMany(where, out.size() + pieces + parts.size());
                c = s.charAt(i);
                if (c == ' ' || c == '\t' || c == '\r' || c == ';' || c == '\n' || s.startsWith("&&", i) || s.startsWith("||", i)) {
                    break;
                }
                if (c == '\'' || c == '"' || c == '\\') {
                    quoted = true;
                }
                if (c == '\'') {
                    flush(parts, expand, cur, true);
                    int end = s.indexOf('\'', i + 1);
                    if (end < 0) {
                        throw file.error(where + ": a ' quote is not closed");
                    }
                    parts.add(s.substring(i + 1, end));
                    expand.add(false);
                    i = end + 1;
                } else if (c == '"') {
                    i++;
                    while (i < n && s.charAt(i) != '"') {
                        char d = s.charAt(i);
                        if (d == '\\' && i + 1 < n && "\"\\$".indexOf(s.charAt(i + 1)) >= 0) {
                            flush(parts, expand, cur, true);
                            parts.add(String.valueOf(s.charAt(i + 1)));
                            expand.add(false);
                            i += 2;
                        } else {
                            cur.append(d);
                            i++;
                        }
                    }
                    if (i >= n) {
                        throw file.error(where + ": a \" quote is not closed");
                    }
                    i++;
                } else if (c == '\\' && i + 1 < n) {
                    flush(parts, expand, cur, true);
                    parts.add(String.valueOf(s.charAt(i + 1)));
                    expand.add(false);
                    i += 2;
                } else {
                    cur.append(c);
                    i++;
                }
            }
            flush(parts, expand, cur, true);
            pieces += parts.size();
            tooMany(where, out.size() + pieces);
            out.add(new Token(new Word(parts, expand, quoted), null));
        }
        return out;
    }

    private static void flush(List<String> parts, List<Boolean> expand, StringBuilder cur, boolean exp) {
        if (cur.length() > 0) {
            parts.add(cur.toString());
            expand.add(exp);
            cur.setLength(0);
        }
    }

    /** $name and ${name} of {@code s} into {@code b}; an unset variable expands to nothing. */
    private void expandVars(String s, Map<String, String> env, StringBuilder b, String where) {
        int i = 0;
        int close = -2; // where the next '}' is: -2 not looked for yet, -1 none (so "${${${..." stays linear)
        int plain = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '$' && i + 1 < s.length()) {
                String name = null;
                int next = i;
                if (s.charAt(i + 1) == '{') {
                    if (close != -1 && close < i + 2) {
                        close = s.indexOf('}', i + 2);
                    }
                    if (close > 0) {
                        name = s.substring(i + 2, close);
                        next = close + 1;
                    }
                } else if (Character.isLetterOrDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '_') {
                    int e = i + 1;
                    while (e < s.length() && (Character.isLetterOrDigit(s.charAt(e)) || s.charAt(e) == '_')) {
                        e++;
                    }
                    name = s.substring(i + 1, e);
                    next = e;
                }
                if (name != null) {
                    append(b, s.substring(plain, i), where);
                    append(b, env.getOrDefault(name, ""), where);
                    i = next;
                    plain = next;
                    continue;
                }
            }
            i++;
        }
        append(b, s.substring(plain), where);
    }
}
