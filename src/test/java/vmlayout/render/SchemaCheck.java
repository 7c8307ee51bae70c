package vmlayout.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON Schema, checked by a real validator (networknt json-schema-validator, test scope only): the
 * schema vmlayout ships (draft 2020-12) and the SARIF 2.1.0 schema (draft-04, src/test/resources/schemas).
 */
public final class SchemaCheck {

    static final ObjectMapper M = new ObjectMapper();
    private static SchemaCheck shipped;
    private static SchemaCheck sarif;

    private final JsonSchema schema;

    private SchemaCheck(JsonSchema schema) {
        this.schema = schema;
    }

    /** The schema in the jar (vmlayout/vmlayout.schema.json), which `vmlayout schema` prints. */
    public static synchronized SchemaCheck shipped() {
        if (shipped == null) {
            shipped = load("/vmlayout/vmlayout.schema.json", SpecVersion.VersionFlag.V202012);
        }
        return shipped;
    }

    /** The OASIS SARIF 2.1.0 schema (see src/test/resources/schemas/README.md for its source). */
    public static synchronized SchemaCheck sarif() {
        if (sarif == null) {
            sarif = load("/schemas/sarif-schema-2.1.0.json", SpecVersion.VersionFlag.V4);
        }
        return sarif;
    }

    private static SchemaCheck load(String resource, SpecVersion.VersionFlag version) {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            return new SchemaCheck(JsonSchemaFactory.getInstance(version).getSchema(M.readTree(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The errors, empty when {@code value} is valid. */
    public List<String> validate(JsonNode value) {
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : schema.validate(value)) {
            out.add(m.getMessage());
        }
        return out;
    }

    /** The errors of a JSON text, empty when it is valid. */
    public List<String> validate(String json) {
        try {
            return validate(M.readTree(json));
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }
}
