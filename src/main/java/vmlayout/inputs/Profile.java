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
    /** Where it was read from: "built-in" or the file's path. */
    public final String origin;

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

    private Profile(String origin, Map<String, String> text, Map<String, List<String>> lists, Map<String, String> defines) {
        this.origin = origin;
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
    }

    /** A built-in profile by name, or a file (a path, or a name ending in .json). */
    public static Profile load(String nameOrFile) {
        Profile builtIn = BuiltinProfiles.get(nameOrFile);
        if (builtIn != null) {
            return builtIn;
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
        return new Profile("built-in profile " + name, t, lists, d);
    }

    /** A profile from JSON text (a file's, or one line of a batch). */
    public static Profile parse(String json, String origin) {
        if (json.length() > CAP) {
            throw bad(origin, "longer than " + CAP + " characters, too long for a profile");
        }
        JsonParser p = null;
        try {
            p = Json.FACTORY.createParser(json);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw bad(origin, "expected a JSON object");
            }
            Map<String, String> text = new HashMap<>();
            Map<String, List<String>> lists = new HashMap<>();
            Map<String, String> defines = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                switch (f) {
                    case "name", "description", "source", "arch", "kernel", "bootargs", "model" -> text.put(f, text(p, v, f, origin));
                    case "ram" -> lists.put(f, strings(p, v, f, origin, RamBank.MAX_BANKS, "RAM banks"));
                    case "e820" -> lists.put(f, strings(p, v, f, origin, E820Entry.MAX_ENTRIES, "e820 entries"));
                    case "defines" -> defines(p, v, defines, origin);
                    default -> throw bad(origin, "unknown field \"" + f + "\" (expected name, description, source, arch, kernel,"
                            + " ram, e820, defines, bootargs)");
                }
            }
            if (p.nextToken() != null) {
                throw bad(origin, "not valid JSON at line " + p.currentLocation().getLineNr() + ": text after the object");
            }
            return new Profile(origin, text, lists, defines);
        } catch (IOException e) {
            throw bad(origin, jsonError(e, p));
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            // whatever Jackson throws, the line is one line (a batch goes on to the next)
            throw bad(origin, "not valid JSON: cannot read it");
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

    /**
     * What went wrong in vmlayout's words, with the line: Jackson's own texts name its classes and
     * features ("StreamReadConstraints.getMaxNumberLength()", "[Source: REDACTED ...]"), which mean
     * nothing to the user.
     */
    static String jsonError(IOException e, JsonParser p) {
        com.fasterxml.jackson.core.JsonLocation at = e instanceof JsonProcessingException j && j.getLocation() != null
                ? j.getLocation() : p != null ? p.currentLocation() : null;
        String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr();
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

    private static String text(JsonParser p, JsonToken v, String field, String origin) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.VALUE_STRING) {
            throw bad(origin, "\"" + field + "\" must be a string");
        }
        return p.getText();
    }

    private static List<String> strings(JsonParser p, JsonToken v, String field, String origin, int max, String what)
            throws IOException {
        List<String> out = new ArrayList<>();
        if (v == JsonToken.VALUE_NULL) {
            return out;
        }
        if (v != JsonToken.START_ARRAY) {
            throw bad(origin, "\"" + field + "\" must be an array of strings");
        }
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.VALUE_STRING) {
                throw bad(origin, "\"" + field + "\" must be an array of strings");
            }
            if (out.size() == max) {
                throw bad(origin, "\"" + field + "\" has more than " + max + " " + what + ": " + limitReason(field));
            }
            out.add(p.getText());
        }
        return out;
    }

    private static String limitReason(String field) {
        return field.equals("e820") ? E820Entry.MAX_REASON : RamBank.MAX_REASON;
    }

    /** "defines": NAME to a string (a number or true/false is taken as its text, as a .config would). */
    private static void defines(JsonParser p, JsonToken v, Map<String, String> into, String origin) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return;
        }
        if (v != JsonToken.START_OBJECT) {
            throw bad(origin, "\"defines\" must be an object of NAME: VALUE");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            if (into.size() == MAX_DEFINES) {
                throw bad(origin, "\"defines\" has more than " + MAX_DEFINES + " names: no engine reads that many");
            }
            JsonToken t = p.nextToken();
            if (!t.isScalarValue() || t == JsonToken.VALUE_NULL) {
                throw bad(origin, "defines." + key + " must be a string");
            }
            into.put(key, p.getText());
        }
    }

    private static InputException bad(String origin, String what) {
        return new InputException((origin.startsWith("line ") ? origin : "--profile " + origin) + ": " + what);
    }
}
