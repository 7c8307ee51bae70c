package vmlayout.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A JSON Schema validator for the keywords vmlayout's schema uses: $ref (local), oneOf, type, const,
 * enum, pattern, minimum, properties, required, items. Test code only (the project takes no schema
 * library); it fails loudly on a keyword it does not know, so the schema cannot outgrow it silently.
 */
final class MiniSchema {

    private static final List<String> KNOWN = List.of("$schema", "$id", "title", "description", "$defs", "$ref", "oneOf",
            "type", "const", "enum", "pattern", "minimum", "properties", "required", "items");

    private final JsonNode root;

    MiniSchema(JsonNode root) {
        this.root = root;
    }

    /** The errors, empty when valid. */
    List<String> validate(JsonNode value) {
        List<String> errors = new ArrayList<>();
        check(root, value, "$", errors);
        return errors;
    }

    private void check(JsonNode schema, JsonNode v, String path, List<String> errors) {
        for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KNOWN.contains(k)) {
                throw new IllegalStateException("schema keyword not supported by the test validator: " + k);
            }
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            JsonNode target = root;
            for (String part : ref.substring(2).split("/")) {
                target = target.get(part);
            }
            check(target, v, path, errors);
        }
        if (schema.has("oneOf")) {
            int ok = 0;
            List<String> all = new ArrayList<>();
            for (JsonNode alt : schema.get("oneOf")) {
                List<String> e = new ArrayList<>();
                check(alt, v, path, e);
                if (e.isEmpty()) {
                    ok++;
                }
                all.addAll(e);
            }
            if (ok != 1) {
                errors.add(path + ": matches " + ok + " of oneOf " + all);
            }
        }
        if (schema.has("type") && !typeOk(schema.get("type").asText(), v)) {
            errors.add(path + ": expected " + schema.get("type").asText() + ", got " + v.getNodeType());
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(v)) {
            errors.add(path + ": expected " + schema.get("const"));
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.equals(v) || (e.isNumber() && v.isNumber() && e.asLong() == v.asLong());
            }
            if (!found) {
                errors.add(path + ": " + v + " not in " + schema.get("enum"));
            }
        }
        if (schema.has("pattern") && v.isTextual() && !Pattern.compile(schema.get("pattern").asText()).matcher(v.asText()).find()) {
            errors.add(path + ": '" + v.asText() + "' does not match " + schema.get("pattern").asText());
        }
        if (schema.has("minimum") && v.isNumber() && v.asDouble() < schema.get("minimum").asDouble()) {
            errors.add(path + ": below minimum");
        }
        if (schema.has("required")) {
            for (JsonNode r : schema.get("required")) {
                if (!v.has(r.asText())) {
                    errors.add(path + ": missing " + r.asText());
                }
            }
        }
        if (schema.has("properties") && v.isObject()) {
            for (Iterator<String> it = schema.get("properties").fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (v.has(name)) {
                    check(schema.get("properties").get(name), v.get(name), path + "." + name, errors);
                }
            }
        }
        if (schema.has("items") && v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                check(schema.get("items"), v.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    private static boolean typeOk(String type, JsonNode v) {
        switch (type) {
            case "object":
                return v.isObject();
            case "array":
                return v.isArray();
            case "string":
                return v.isTextual();
            case "integer":
                return v.isIntegralNumber();
            case "number":
                return v.isNumber();
            case "boolean":
                return v.isBoolean();
            case "null":
                return v.isNull();
            default:
                throw new IllegalStateException("type " + type);
        }
    }
}
