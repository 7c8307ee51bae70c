package vmlayout.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
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
    private static final List<String> FIELDS =
            List.of("name", "description", "source", "arch", "kernel", "ram", "e820", "defines", "bootargs");

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

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Profile(JsonNode n, String origin) {
        this.origin = origin;
        this.name = text(n, "name", origin);
        this.description = text(n, "description", origin);
        this.source = text(n, "source", origin);
        this.arch = text(n, "arch", origin);
        this.kernel = text(n, "kernel", origin);
        this.ram = strings(n, "ram", origin);
        this.e820 = strings(n, "e820", origin);
        this.bootargs = text(n, "bootargs", origin);
        this.defines = new LinkedHashMap<>();
        JsonNode d = n.get("defines");
        if (d != null && !d.isNull()) {
            if (!d.isObject()) {
                throw bad(origin, "\"defines\" must be an object of NAME: VALUE");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode()) {
                    throw bad(origin, "defines." + e.getKey() + " must be a string");
                }
                defines.put(e.getKey(), e.getValue().asText());
            }
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw bad(origin, "unknown field \"" + f + "\" (expected name, description, source, arch, kernel, ram, e820,"
                        + " defines, bootargs)");
            }
        }
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
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n == null || !n.isObject()) {
                throw bad(origin, "expected a JSON object");
            }
            return new Profile(n, origin);
        } catch (JsonProcessingException e) {
            throw bad(origin, "not valid JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
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

    private static String text(JsonNode n, String field, String origin) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw bad(origin, "\"" + field + "\" must be a string");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode n, String field, String origin) {
        List<String> out = new ArrayList<>();
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw bad(origin, "\"" + field + "\" must be an array of strings");
        }
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw bad(origin, "\"" + field + "\" must be an array of strings");
            }
            out.add(e.asText());
        }
        return out;
    }

    private static InputException bad(String origin, String what) {
        return new InputException((origin.startsWith("line ") ? origin : "--profile " + origin) + ": " + what);
    }
}
