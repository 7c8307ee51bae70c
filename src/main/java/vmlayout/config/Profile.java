package vmlayout.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A board profile: what is fixed for a board (arch, kernel release, RAM banks, Kconfig values and
 * platform constants, default bootargs), in a JSON file. Profiles for the boards of the seed threads
 * and the reference logs ship inside the jar (vmlayout/profiles/, listed in index.txt); any other is a
 * file. Command-line options override a profile (see {@link #applyTo}).
 *
 * <pre>
 * { "name": "...", "description": "...", "source": "...",
 *   "arch": "arm", "kernel": "3.18", "ram": ["0x0:1G"], "e820": ["0x0:0x9fc00:usable"],
 *   "defines": {"HIGHMEM": "y"}, "bootargs": "console=ttyS0 vmalloc=300M" }
 * </pre>
 */
public final class Profile {

    private static final String RESOURCE_DIR = "/vmlayout/profiles/";

    public final String name;
    public final String description;
    public final String source;
    public final String arch;
    public final String kernel;
    public final List<String> ram;
    public final List<String> e820;
    public final Map<String, String> defines;
    public final String bootargs;
    /** Where it was read from: "built-in" or the file's path. */
    public final String origin;

    /** jackson-core's streaming parser: a profile is nine fields, not worth databind's 800 classes in the jar. */
    private static final JsonFactory JSON = new JsonFactory();

    private Profile(String origin, Map<String, String> text, Map<String, List<String>> lists, Map<String, String> defines) {
        this.origin = origin;
        this.name = text.get("name");
        this.description = text.get("description");
        this.source = text.get("source");
        this.arch = text.get("arch");
        this.kernel = text.get("kernel");
        this.bootargs = text.get("bootargs");
        this.ram = lists.getOrDefault("ram", new ArrayList<>());
        this.e820 = lists.getOrDefault("e820", new ArrayList<>());
        this.defines = defines;
    }

    /** A built-in profile by name, or a file (a path, or a name ending in .json). */
    public static Profile load(String nameOrFile) {
        if (builtInNames().contains(nameOrFile)) {
            try (InputStream in = Profile.class.getResourceAsStream(RESOURCE_DIR + nameOrFile + ".json")) {
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in profile " + nameOrFile);
            } catch (IOException e) {
                throw new InputException("--profile " + nameOrFile + ": cannot read the built-in profile: " + e.getMessage());
            }
        }
        Path p = UserFiles.path("--profile", nameOrFile);
        if (!Files.exists(p) && !nameOrFile.contains("/") && !nameOrFile.endsWith(".json")) {
            throw new InputException("--profile " + nameOrFile + ": no built-in profile of that name and no such file;"
                    + " built-in: " + String.join(" ", builtInNames()));
        }
        try {
            return parse(Files.readString(p, StandardCharsets.UTF_8), nameOrFile);
        } catch (NoSuchFileException e) {
            throw new InputException("--profile " + nameOrFile + ": no such file");
        } catch (IOException e) {
            throw new InputException("--profile " + nameOrFile + ": cannot read it: " + e.getMessage());
        }
    }

    /** A profile from JSON text (a file's, or one line of a batch). */
    public static Profile parse(String json, String origin) {
        try (JsonParser p = JSON.createParser(json)) {
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
                    case "name", "description", "source", "arch", "kernel", "bootargs" -> text.put(f, text(p, v, f, origin));
                    case "ram", "e820" -> lists.put(f, strings(p, v, f, origin));
                    case "defines" -> defines(p, v, defines, origin);
                    default -> throw bad(origin, "unknown field \"" + f + "\" (expected name, description, source, arch, kernel,"
                            + " ram, e820, defines, bootargs)");
                }
            }
            if (p.nextToken() != null) {
                throw bad(origin, "not valid JSON at line " + p.currentLocation().getLineNr() + ": text after the object");
            }
            return new Profile(origin, text, lists, defines);
        } catch (JsonProcessingException e) {
            throw bad(origin, "not valid JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw bad(origin, "cannot read it: " + e.getMessage());
        }
    }

    /** The names of the profiles shipped in the jar, from vmlayout/profiles/index.txt. */
    public static List<String> builtInNames() {
        List<String> names = new ArrayList<>();
        try (InputStream in = Profile.class.getResourceAsStream(RESOURCE_DIR + "index.txt")) {
            if (in == null) {
                return names;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    names.add(t);
                }
            }
        } catch (IOException e) {
            return names;
        }
        return names;
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

    private static List<String> strings(JsonParser p, JsonToken v, String field, String origin) throws IOException {
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
            out.add(p.getText());
        }
        return out;
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
