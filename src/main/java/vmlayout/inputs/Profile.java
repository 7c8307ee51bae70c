package vmlayout.inputs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vmlayout.config.E820Entry;
import vmlayout.config.InputException;
import vmlayout.config.RamBank;
import vmlayout.config.UserFiles;

/**
 * A board profile: what is fixed for a board (arch, kernel release, RAM banks, Kconfig values and
 * platform constants, default bootargs), in a JSON file. Profiles for the boards of the seed threads
 * and the reference logs ship inside the jar (src/main/resources/vmlayout/profiles/, listed in index.txt,
 * read at build time into BuiltinProfiles); any other is a file. Command-line options override a profile (see {@link #applyTo}).
 *
 * <pre>
 * { "name": "...", "description": "...", "source": "...",
 *   "arch": "arm", "kernel": "3.18", "ram": ["0x0:1G"], "e820": ["0x0:0x9fc00:usable"],
 *   "defines": {"HIGHMEM": "y"}, "bootargs": "console=ttyS0 vmalloc=300M", "model": "Facebook Fuji BMC" }
 * </pre>
 */
public final class Profile {

    public final String name;
    public final String description;
    public final String source;
    public final String arch;
    public final String kernel;
    public final List<String> ram;
    public final List<String> e820;
    public final Map<String, String> defines;
    public final String bootargs;
    /** The device tree's model string ("Machine model:" in a boot log), or null: verify matches a log to the profile by it. */
    public final String model;
    /** Where it was read from: "built-in profile NAME", the file's path, or a batch line. */
    public final String origin;
    /**
     * The line of each key in the text it was read from ("ram", "bootargs", "defines.HIGHMEM" ...; a
     * profile inside a project file counts the project file's lines); empty for a built-in profile.
     */
    public final Map<String, Integer> lines;
    /** How errors name it: "--profile FILE", "line N" (batch), "profile NAME" (built-in), "vmlayout.json: boards[1].profile". */
    private final String label;

    /**
     * Largest profile file, and longest batch line: a profile with {@link RamBank#MAX_BANKS} banks, as
     * many e820 entries, every -D name and a COMMAND_LINE_SIZE of bootargs is under 64 kB.
     */
    public static final int CAP = 1 << 20;
    /** Most defines in one profile: far more than the Kconfig symbols and constants the engines read. */
    static final int MAX_DEFINES = 1000;
    private static final int MAX_NESTING = 8;
    private static final int MAX_NUMBER = 64;
    private static final int MAX_NAME = 256;

    /**
     * jackson-core's streaming parser (a profile is nine fields, not worth databind's 800 classes in the
     * jar), with limits far below Jackson's defaults: a profile nests two levels, its numbers are -D
     * values, its names are field and Kconfig names. Past a limit the line says which limit, in
     * vmlayout's words ({@link #jsonError}); a field given twice is an error, not a silent overwrite.
     */
    private static final class Json { // a holder: a built-in profile needs no parser (Jackson's set-up costs ~5 ms)
        static final JsonFactory FACTORY = JsonFactory.builder()
                .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING).maxNumberLength(MAX_NUMBER).maxNameLength(MAX_NAME)
                        .maxStringLength(CAP).maxDocumentLength(CAP).build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** {@code p} read from elsewhere ({@code origin}). */
    private Profile(Profile p, String origin) {
        this.origin = origin;
        this.lines = p.lines;
        this.name = p.name;
        this.description = p.description;
        this.source = p.source;
        this.arch = p.arch;
        this.kernel = p.kernel;
        this.bootargs = p.bootargs;
        this.model = p.model;
        this.ram = p.ram;
        this.e820 = p.e820;
        this.defines = p.defines;
        this.label = p.label;
    }

    private Profile(String origin, Map<String, String> text, Map<String, List<String>> lists, Map<String, String> defines,
            Map<String, Integer> lines, String label) {
        this.origin = origin;
        this.lines = lines;
        // messages say "profile NAME": a profile without a name goes by its file (or batch line)
        this.name = text.get("name") != null ? text.get("name") : origin;
        this.description = text.get("description");
        this.source = text.get("source");
        this.arch = text.get("arch");
        this.kernel = text.get("kernel");
        this.bootargs = text.get("bootargs");
        this.model = text.get("model");
        this.ram = lists.getOrDefault("ram", new ArrayList<>());
        this.e820 = lists.getOrDefault("e820", new ArrayList<>());
        this.defines = defines;
        this.label = label != null ? label : origin.startsWith("built-in profile ") ? "profile " + this.name : label(origin);
    }

    private static String label(String origin) {
        return origin.startsWith("line ") ? origin : "--profile " + origin;
    }

    /**
     * Old names of built-in profiles, still accepted: {old, new}. "embeddedbits-sh4-512M" named an SH-4, but the
     * board of the Embedded Bits post (seed thread 001) is ARM: its boot prints ARM's "Truncating RAM at ...
     * (vmalloc region overlap)" and ARM's layout table (vector, DMA, modules rows), with RAM at 0x40000000 and the
     * ttySC0 console of a Renesas SH-Mobile ARM SoC's SCIF.
     */
    private static final String[][] OLD_NAMES = {{"embeddedbits-sh4-512M", "embeddedbits-arm-512M"}};

    /** A built-in profile by name (or an old name, {@link #OLD_NAMES}), or a file (a path, or a name ending in .json). */
    public static Profile load(String nameOrFile) {
        Profile builtIn = BuiltinProfiles.get(nameOrFile);
        if (builtIn != null) {
            return builtIn;
        }
        for (String[] old : OLD_NAMES) {
            if (old[0].equals(nameOrFile)) {
                Profile p = BuiltinProfiles.get(old[1]);
                return new Profile(p, p.origin + ", given by its old name " + old[0] + ": the board is ARM, not SH-4");
            }
        }
        if (!nameOrFile.equals("-") && !nameOrFile.contains("/") && !nameOrFile.endsWith(".json")
                && !Files.exists(UserFiles.path("--profile", nameOrFile))) {
            throw new InputException("--profile " + nameOrFile + ": no built-in profile of that name and no such file;"
                    + " built-in: " + String.join(" ", builtInNames()));
        }
        InputFile f = InputFile.read("--profile", nameOrFile, CAP);
        String text = f.text();
        return parse(text.startsWith("\uFEFF") ? text.substring(1) : text, nameOrFile);
    }

    /**
     * A built-in profile as the build read it from its file (BuiltinProfiles): {@code text} holds field
     * names and values in turn, {@code defines} names and values in turn; a null list was not given.
     */
    static Profile builtIn(String name, String[] text, String[] ram, String[] e820, String[] defines) {
        Map<String, String> t = new HashMap<>();
        for (int i = 0; i < text.length; i += 2) {
            t.put(text[i], text[i + 1]);
        }
        Map<String, List<String>> lists = new HashMap<>();
        if (ram != null) {
            lists.put("ram", new ArrayList<>(List.of(ram)));
        }
        if (e820 != null) {
            lists.put("e820", new ArrayList<>(List.of(e820)));
        }
        Map<String, String> d = new LinkedHashMap<>();
        for (int i = 0; i < defines.length; i += 2) {
            d.put(defines[i], defines[i + 1]);
        }
        return new Profile("built-in profile " + name, t, lists, d, Map.of(), null);
    }

    /** A profile from JSON text (a file's, or one line of a batch). */
    public static Profile parse(String json, String origin) {
        return parse(json, origin, 0);
    }

    /**
     * A profile from JSON text whose first line is line {@code firstLine + 1} of the file that holds it
     * (an inline profile of a project file), so that lines name the file's lines.
     */
    public static Profile parse(String json, String origin, int firstLine) {
        return parse(json, origin, firstLine, label(origin));
    }

    /**
     * The same, named {@code label} in errors ("vmlayout.json: boards[1].profile" for a profile written in a
     * project file, whose {@code origin} is the project file).
     */
    public static Profile parse(String json, String origin, int firstLine, String label) {
        if (json.length() > CAP) {
            throw new InputException(label + ": longer than " + CAP + " characters, too long for a profile");
        }
        JsonParser p = null;
        try {
            p = Json.FACTORY.createParser(json);
            Reader r = new Reader(p, label, firstLine);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputException(label + ": expected a JSON object");
            }
            Map<String, String> text = new HashMap<>();
            Map<String, List<String>> lists = new HashMap<>();
            Map<String, String> defines = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                r.lines.put(f, r.line());
                JsonToken v = p.nextToken();
                switch (f) {
                    case "name", "description", "source", "arch", "kernel", "bootargs", "model" -> text.put(f, r.text(v, f));
                    case "$schema" -> r.text(v, f); // an editor's hint: read, not used
                    case "ram" -> lists.put(f, r.items(v, f, RamBank.MAX_BANKS, "RAM banks", RAM_KEYS));
                    case "e820" -> lists.put(f, r.items(v, f, E820Entry.MAX_ENTRIES, "e820 entries", E820_KEYS));
                    case "defines" -> r.defines(v, defines);
                    default -> throw r.bad(f, "unknown field (expected name, description, source, arch, kernel, ram, e820,"
                            + " defines, bootargs, model)");
                }
            }
            if (p.nextToken() != null) {
                throw new InputException(label + ": not valid JSON at line " + (firstLine + p.currentLocation().getLineNr())
                        + ": text after the object");
            }
            return new Profile(origin, text, lists, defines, r.lines, label);
        } catch (IOException e) {
            throw new InputException(label + ": " + jsonError(e, p, firstLine));
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            // whatever Jackson throws, the line is one line (a batch goes on to the next)
            throw new InputException(label + ": not valid JSON: cannot read it");
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

    /** The keys of a RAM bank and of an e820 entry given as objects, in the order of their text form. */
    private static final String[] RAM_KEYS = {"start", "size"};
    private static final String[] E820_KEYS = {"start", "size", "type"};

    /** Reads values with the line of each key, for errors that name key and line. */
    private static final class Reader {
        final JsonParser p;
        final String label;
        final int firstLine;
        final Map<String, Integer> lines = new LinkedHashMap<>();

        Reader(JsonParser p, String label, int firstLine) {
            this.p = p;
            this.label = label;
            this.firstLine = firstLine;
        }

        int line() {
            return firstLine + p.currentTokenLocation().getLineNr();
        }

        InputException bad(String key, String what) {
            return new InputException(label + ": " + (label.startsWith("line ") ? "" : "line " + line() + ": ") + key + ": " + what);
        }

        String text(JsonToken v, String field) throws IOException {
            if (v == JsonToken.VALUE_NULL) {
                return null;
            }
            if (v != JsonToken.VALUE_STRING) {
                throw bad(field, "must be a string");
            }
            return p.getText();
        }

        /**
         * A list of RAM banks or e820 entries: each the text form ("0x0:1G", "0:0x9fc00:usable"), a number
         * (a RAM bank's size alone), or an object of {@code keys} whose values are numbers or texts.
         */
        List<String> items(JsonToken v, String field, int max, String what, String[] keys) throws IOException {
            List<String> out = new ArrayList<>();
            if (v == JsonToken.VALUE_NULL) {
                return out;
            }
            String shape = keys.length == 2 ? "\"START:SIZE\" or SIZE text, a number (the size) or {\"start\": ..., \"size\": ...}"
                    : "\"START:SIZE:TYPE\" text or {\"start\": ..., \"size\": ..., \"type\": \"usable\"}";
            if (v != JsonToken.START_ARRAY) {
                throw bad(field, "must be an array of " + shape);
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                String key = field + "[" + out.size() + "]";
                if (out.size() == max) {
                    throw bad(field, "has more than " + max + " " + what + ": " + limitReason(field));
                }
                if (t == JsonToken.VALUE_STRING) {
                    out.add(p.getText());
                } else if (t == JsonToken.VALUE_NUMBER_INT && keys.length == 2) {
                    out.add(number(key));
                } else if (t == JsonToken.START_OBJECT) {
                    out.add(object(key, keys));
                } else {
                    throw bad(key, "expected " + shape + ", not " + token(t));
                }
            }
            return out;
        }

        /** {"start": ..., "size": ...[, "type": ...]} as the text form, START:SIZE[:TYPE]. */
        private String object(String key, String[] keys) throws IOException {
            String[] values = new String[keys.length];
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                int i = List.of(keys).indexOf(k);
                if (i < 0) {
                    throw bad(key + "." + k, "unknown key (expected " + String.join(", ", keys) + ")");
                }
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_NUMBER_INT && !k.equals("type")) {
                    values[i] = number(key + "." + k);
                } else if (t == JsonToken.VALUE_STRING) {
                    values[i] = p.getText();
                } else {
                    throw bad(key + "." + k, "expected " + (k.equals("type") ? "a text (usable, reserved ...)" : "a number or a"
                            + " size text (\"1G\", \"0x80000000\")") + ", not " + token(t));
                }
            }
            for (int i = 0; i < keys.length; i++) {
                if (values[i] == null) {
                    throw bad(key, "\"" + keys[i] + "\" is missing (expected " + String.join(", ", keys) + ")");
                }
            }
            return String.join(":", values);
        }

        /** A JSON integer as the decimal text memparse reads; a negative one is refused. */
        private String number(String key) throws IOException {
            String t = p.getText();
            if (t.startsWith("-")) {
                throw bad(key, t + " is negative: expected a size or an address in bytes");
            }
            return t;
        }

        /**
         * "defines": NAME to a value: a text as -D takes it ("y", "0xe0000000", "32M"), a JSON boolean
         * (true is y, false is n) or a non-negative integer.
         */
        void defines(JsonToken v, Map<String, String> into) throws IOException {
            if (v == JsonToken.VALUE_NULL) {
                return;
            }
            if (v != JsonToken.START_OBJECT) {
                throw bad("defines", "must be an object of NAME: VALUE");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                lines.put("defines." + key, line());
                if (into.size() == MAX_DEFINES) {
                    throw bad("defines", "has more than " + MAX_DEFINES + " names: no engine reads that many");
                }
                JsonToken t = p.nextToken();
                switch (t) {
                    case VALUE_TRUE -> into.put(key, "y");
                    case VALUE_FALSE -> into.put(key, "n");
                    case VALUE_STRING -> into.put(key, p.getText());
                    case VALUE_NUMBER_INT -> into.put(key, number("defines." + key));
                    default -> throw bad("defines." + key, "expected true/false, a number or a text (\"y\", \"0xe0000000\","
                            + " \"32M\"), not " + token(t));
                }
            }
        }

        private String token(JsonToken t) {
            switch (t) {
                case VALUE_NUMBER_FLOAT:
                    return "the fraction " + text();
                case VALUE_NUMBER_INT:
                    return "the number " + text();
                case VALUE_TRUE:
                case VALUE_FALSE:
                    return text();
                case VALUE_NULL:
                    return "null";
                case START_OBJECT:
                    return "an object";
                case START_ARRAY:
                    return "an array";
                default:
                    return "'" + text() + "'";
            }
        }

        private String text() {
            try {
                return p.getText();
            } catch (IOException e) {
                return "?";
            }
        }
    }

    /**
     * What went wrong in vmlayout's words, with the line: Jackson's own texts name its classes and
     * features ("StreamReadConstraints.getMaxNumberLength()", "[Source: REDACTED ...]"), which mean
     * nothing to the user.
     */
    static String jsonError(IOException e, JsonParser p) {
        return jsonError(e, p, 0);
    }

    static String jsonError(IOException e, JsonParser p, int firstLine) {
        com.fasterxml.jackson.core.JsonLocation at = e instanceof JsonProcessingException j && j.getLocation() != null
                ? j.getLocation() : p != null ? p.currentLocation() : null;
        String where = at == null || at.getLineNr() < 1 ? "" : " at line " + (firstLine + at.getLineNr());
        String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        msg = msg == null ? "" : msg;
        String what;
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            if (msg.startsWith("Number value length")) {
                what = "a number longer than " + MAX_NUMBER + " digits";
            } else if (msg.startsWith("Name length") || msg.contains("Name length")) {
                what = "a field name longer than " + MAX_NAME + " characters";
            } else if (msg.contains("nesting depth")) {
                what = "arrays or objects nested more than " + MAX_NESTING + " deep (a profile nests two)";
            } else {
                what = "a string longer than " + CAP + " characters";
            }
        } else if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
            what = "an object or array is not closed (the text ends early)";
        } else if (msg.startsWith("Duplicate field")) {
            what = "a field given twice (" + msg.substring("Duplicate field".length()).strip() + ")";
        } else {
            what = plain(msg);
        }
        return "not valid JSON" + where + ": " + what;
    }

    /** Jackson's message without its location and internals: up to " at [Source", "(start marker at" or a line end. */
    private static String plain(String msg) {
        int cut = msg.length();
        for (String internal : new String[]{"\n", " at [Source", "[Source:", " (start marker", "; line:", " (for ", "(through reference"}) {
            int i = msg.indexOf(internal);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        String t = msg.substring(0, cut).strip();
        return t.isEmpty() ? "cannot read it" : t;
    }

    /** The built-in profile whose "model" is this device-tree model (a boot log's "Machine model:"), or null. */
    public static Profile byModel(String model) {
        if (model == null) {
            return null;
        }
        for (String n : builtInNames()) {
            Profile p = load(n);
            if (model.equals(p.model)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The names of the profiles shipped in the jar (vmlayout/profiles/index.txt), which the build reads
     * into Java values (BuiltinProfiles, generated by src/build/EmbedProfiles.java).
     */
    public static List<String> builtInNames() {
        return List.of(BuiltinProfiles.NAMES);
    }

    private static String limitReason(String field) {
        return field.equals("e820") ? E820Entry.MAX_REASON : RamBank.MAX_REASON;
    }

    /**
     * The profile key an error of a profile labelled {@code label} names ("ram[1]" of "line 2: ram[1]:
     * cannot read ...", "defines.HIGHMEM" of "--profile b.json: line 7: defines.HIGHMEM: ..."), or null when
     * the error is about the text as a whole (not valid JSON). The errors are this class's and
     * {@link #where}'s: LABEL: [line N: ]KEY: WHAT, KEY a JSON name with .NAME and [N] parts.
     */
    public static String fieldOf(String message, String label) {
        if (!message.startsWith(label + ": ")) {
            return null;
        }
        String rest = message.substring(label.length() + 2);
        if (rest.startsWith("line ")) {
            int colon = rest.indexOf(": ");
            boolean digits = colon > 5;
            for (int i = 5; i < colon && digits; i++) {
                digits = Character.isDigit(rest.charAt(i));
            }
            if (!digits) {
                return null;
            }
            rest = rest.substring(colon + 2);
        }
        int end = rest.indexOf(": ");
        if (end <= 0) {
            return null;
        }
        String key = rest.substring(0, end);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '[' || c == ']' || c == '$' || c == '-')) {
                return null; // words, not a key: "not valid JSON at line 1"
            }
        }
        return key;
    }

    /**
     * Where a key of this profile is, for errors: "--profile boards/gw.json: line 7: defines.HIGHMEM",
     * "line 3: ram[0]" (a batch line), "profile socfpga-de0: bootargs" (built-in: no line).
     */
    public String where(String key) {
        Integer line = lines.get(key.indexOf('[') > 0 ? key.substring(0, key.indexOf('[')) : key);
        if (label.startsWith("line ")) {
            return label + ": " + key;
        }
        return label + ": " + (line == null ? "" : "line " + line + ": ") + key;
    }

    private static InputException bad(String origin, String what) {
        return new InputException((origin.startsWith("line ") ? origin : "--profile " + origin) + ": " + what);
    }
}
