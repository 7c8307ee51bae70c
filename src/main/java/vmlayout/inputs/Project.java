package vmlayout.inputs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vmlayout.config.InputException;
import vmlayout.config.UserFiles;

/**
 * A project file, {@code vmlayout.json}: the boards of a repository that {@code vmlayout check} checks,
 * each with its profile and its own bootargs, and the requirements they share.
 *
 * <pre>
 * {"require": ["dropped==0"],
 *  "boards": [{"name": "gw", "profile": "boards/gw.json", "cmdline-file": "boards/gw-bootargs.txt",
 *              "require": ["vmalloc&gt;=256M"]},
 *             {"profile": "socfpga-de0", "cmdline": "console=ttyS0 vmalloc=300M"}]}
 * </pre>
 * {@code profile} is a file, a built-in profile's name or a profile object written in place;
 * {@code cmdline-file} or {@code cmdline} the board's own bootargs; {@code require} is added to the shared
 * list; {@code name} defaults to the profile's. File names are relative to the project file's directory.
 * Every error names the key and its line.
 */
public final class Project {

    /** The name check looks for in the working directory when no board is given. */
    public static final String FILE = "vmlayout.json";
    /** A project of a thousand boards is far below this; a larger file is not a project file. */
    static final int CAP = 4 << 20;
    static final int MAX_BOARDS = 10_000;

    /**
     * One board of the project.
     *
     * @param index       its place in "boards" (0-based)
     * @param name        its name as written, or null (the profile's name then)
     * @param profile     a file (resolved against the project's directory) or a built-in name, or null
     * @param inline      a profile written in place, or null
     * @param cmdlineFile a bootargs file (resolved), or null
     * @param cmdline     bootargs written in place, or null
     * @param require     the board's own requirements
     * @param line        the line of the board's object
     * @param lines       the line of each of its keys ("profile", "cmdline-file", "cmdline", "require")
     */
    public record Board(int index, String name, String profile, Profile inline, String cmdlineFile, String cmdline,
            List<String> require, int line, Map<String, Integer> lines) {

        /** "boards[1]", how messages name it before it has a name. */
        public String key() {
            return "boards[" + index + "]";
        }
    }

    /** The project file as given. */
    public final String file;
    public final List<String> require;
    public final List<Board> boards;

    private Project(String file, List<String> require, List<Board> boards) {
        this.file = file;
        this.require = require;
        this.boards = boards;
    }

    public static Project read(String name) {
        InputFile f = InputFile.read("--project", name, CAP);
        String text = f.text();
        return parse(text.startsWith("\uFEFF") ? text.substring(1) : text, name);
    }

    /** The project of {@code json}, the text of the file {@code name}. */
    static Project parse(String json, String name) {
        Path dir = UserFiles.path("--project", name).getParent();
        JsonParser p = null;
        try {
            p = new JsonFactory().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .createParser(json);
            Reader r = new Reader(p, name, json, dir);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw r.bad("the file", "expected a JSON object {\"boards\": [...]}");
            }
            List<String> require = new ArrayList<>();
            List<Board> boards = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                JsonToken v = p.nextToken();
                switch (k) {
                    case "require" -> require = r.strings(v, "require");
                    case "boards" -> boards = r.boards(v);
                    case "$schema" -> r.text(v, k);
                    default -> throw r.bad(k, "unknown key (expected require, boards)");
                }
            }
            if (boards == null || boards.isEmpty()) {
                throw new InputException(name + ": no boards: expected \"boards\": [{\"profile\": ..., \"cmdline-file\": ...}, ...]"
                        + " (a project without boards must not pass a CI check)");
            }
            if (p.nextToken() != null) {
                throw r.bad("the file", "text after the object");
            }
            return new Project(name, require, boards);
        } catch (IOException e) {
            throw new InputException(name + ": " + Profile.jsonError(e, p));
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException e) {
                    // a parser over a String has nothing to release
                }
            }
        }
    }

    /** Reads the project's values with the line of each key. */
    private static final class Reader {
        final JsonParser p;
        final String file;
        final String json;
        final Path dir;

        Reader(JsonParser p, String file, String json, Path dir) {
            this.p = p;
            this.file = file;
            this.json = json;
            this.dir = dir;
        }

        int line() {
            return p.currentTokenLocation().getLineNr();
        }

        InputException bad(String key, String what) {
            return new InputException(file + ": line " + line() + ": " + key + ": " + what);
        }

        String text(JsonToken v, String key) throws IOException {
            if (v != JsonToken.VALUE_STRING) {
                throw bad(key, "expected a text");
            }
            return p.getText();
        }

        List<String> strings(JsonToken v, String key) throws IOException {
            if (v != JsonToken.START_ARRAY) {
                throw bad(key, "expected an array of requirements such as [\"dropped==0\", \"vmalloc>=256M\"]");
            }
            List<String> out = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                out.add(text(t, key + "[" + out.size() + "]"));
            }
            return out;
        }

        List<Board> boards(JsonToken v) throws IOException {
            if (v != JsonToken.START_ARRAY) {
                throw bad("boards", "expected an array of boards [{\"profile\": ..., \"cmdline-file\": ...}, ...]");
            }
            List<Board> out = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                String key = "boards[" + out.size() + "]";
                if (out.size() == MAX_BOARDS) {
                    throw bad("boards", "more than " + MAX_BOARDS + " boards");
                }
                if (t != JsonToken.START_OBJECT) {
                    throw bad(key, "expected a board object {\"profile\": ..., \"cmdline-file\": ...}");
                }
                out.add(board(out.size(), key));
            }
            return out;
        }

        Board board(int index, String key) throws IOException {
            int line = line();
            String name = null;
            String profile = null;
            Profile inline = null;
            String cmdlineFile = null;
            String cmdline = null;
            List<String> require = List.of();
            Map<String, Integer> lines = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                lines.put(k, line());
                JsonToken v = p.nextToken();
                String at = key + "." + k;
                switch (k) {
                    case "name" -> name = text(v, at);
                    case "profile" -> {
                        if (v == JsonToken.START_OBJECT) {
                            inline = inline(at);
                        } else if (v == JsonToken.VALUE_STRING) {
                            profile = path(p.getText(), true);
                        } else {
                            throw bad(at, "expected a profile file, a built-in profile's name (vmlayout profiles) or a"
                                    + " profile object {\"arch\": ..., \"ram\": [...]}");
                        }
                    }
                    case "cmdline-file" -> cmdlineFile = path(text(v, at), false);
                    case "cmdline" -> cmdline = text(v, at);
                    case "require" -> require = strings(v, at);
                    default -> throw bad(at, "unknown key (expected name, profile, cmdline-file, cmdline, require)");
                }
            }
            if (cmdline != null && cmdlineFile != null) {
                throw new InputException(file + ": line " + line + ": " + key + ": both cmdline and cmdline-file: give the"
                        + " board's bootargs one way");
            }
            if (profile == null && inline == null) {
                throw new InputException(file + ": line " + line + ": " + key + ": no profile: every board needs"
                        + " \"profile\" (a file, a built-in name or an object)");
            }
            return new Board(index, name, profile, inline, cmdlineFile, cmdline, require, line, lines);
        }

        /** A profile object written in place: read by Profile, with this file's lines. */
        private Profile inline(String key) throws IOException {
            int startLine = line();
            int start = (int) p.currentTokenLocation().getCharOffset();
            p.skipChildren();
            int end = (int) p.currentTokenLocation().getCharOffset() + 1;
            return Profile.parse(json.substring(start, end), file, startLine - 1, file + ": " + key);
        }

        /** A file named in the project: relative to the project file's directory; a built-in name as it is. */
        private String path(String given, boolean mayBeBuiltIn) {
            if (mayBeBuiltIn && Profile.builtInNames().contains(given)) {
                return given;
            }
            if (given.equals("-")) {
                throw new InputException(file + ": line " + line() + ": standard input is not a board's file: name the file");
            }
            Path g = UserFiles.path("--project", given);
            return dir == null || g.isAbsolute() ? given : dir.resolve(g).toString();
        }
    }
}
