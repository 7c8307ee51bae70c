import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Build step (generate-sources; a single-file program: java -cp JACKSON src/build/EmbedProfiles.java IN
 * OUT): writes vmlayout.inputs.BuiltinProfiles, the built-in profiles of IN (index.txt and the .json files
 * it lists) as Java values, read here once with Jackson. At run time a built-in profile is then neither a
 * resource (opening the jar and searching the JDK's image first: ~10 ms of a 50 ms run) nor parsed (Jackson's
 * first parse: ~8 ms). ProfileTest checks that each equals Profile.parse of its file.
 */
public class EmbedProfiles {

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1], "vmlayout", "inputs", "BuiltinProfiles.java");
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(in.resolve("index.txt"), StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                names.add(t);
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("package vmlayout.inputs;\n\n")
                .append("/** Generated at build time from src/main/resources/vmlayout/profiles by src/build/EmbedProfiles.java. */\n")
                .append("final class BuiltinProfiles {\n\n")
                .append("    private BuiltinProfiles() {\n    }\n\n")
                .append("    /** The names of index.txt, in its order. */\n")
                .append("    static final String[] NAMES = {");
        for (int i = 0; i < names.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(literal(names.get(i)));
        }
        b.append("};\n\n")
                .append("    /** A built-in profile, or null. */\n")
                .append("    static Profile get(String name) {\n")
                .append("        switch (name) {\n");
        JsonFactory json = new JsonFactory();
        for (String n : names) {
            List<String> text = new ArrayList<>();
            List<String> ram = null;
            List<String> e820 = null;
            List<String> defines = new ArrayList<>();
            try (JsonParser p = json.createParser(Files.readString(in.resolve(n + ".json"), StandardCharsets.UTF_8))) {
                expect(p.nextToken() == JsonToken.START_OBJECT, n);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    JsonToken v = p.nextToken();
                    switch (f) {
                        case "ram" -> ram = strings(p, v, n);
                        case "e820" -> e820 = strings(p, v, n);
                        case "defines" -> {
                            expect(v == JsonToken.START_OBJECT, n + " defines");
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                defines.add(p.currentName());
                                p.nextToken();
                                defines.add(p.getText());
                            }
                        }
                        default -> {
                            expect(v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NULL, n + " " + f);
                            if (v == JsonToken.VALUE_STRING) {
                                text.add(f);
                                text.add(p.getText());
                            }
                        }
                    }
                }
            }
            b.append("            case ").append(literal(n)).append(":\n")
                    .append("                return Profile.builtIn(").append(literal(n)).append(",\n")
                    .append("                        ").append(array(text)).append(",\n")
                    .append("                        ").append(array(ram)).append(", ").append(array(e820)).append(",\n")
                    .append("                        ").append(array(defines)).append(");\n");
        }
        b.append("            default:\n                return null;\n        }\n    }\n}\n");
        Files.createDirectories(out.getParent());
        String text = b.toString();
        if (!Files.exists(out) || !Files.readString(out, StandardCharsets.UTF_8).equals(text)) {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        }
    }

    private static List<String> strings(JsonParser p, JsonToken v, String name) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(v == JsonToken.START_ARRAY, name);
        List<String> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            out.add(p.getText());
        }
        return out;
    }

    private static void expect(boolean ok, String where) {
        if (!ok) {
            throw new IllegalStateException("built-in profile " + where + ": not what Profile.parse reads");
        }
    }

    private static String array(List<String> items) {
        if (items == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("new String[]{");
        for (int i = 0; i < items.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(literal(items.get(i)));
        }
        return b.append('}').toString();
    }

    private static String literal(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
