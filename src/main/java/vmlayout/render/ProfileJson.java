package vmlayout.render;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import vmlayout.inputs.Profile;

/**
 * `vmlayout profiles --format json`: the built-in profiles as a list (schema $defs/profiles), and
 * `profiles NAME --format json`: one profile as a file a user can save and edit (schema $defs/profile:
 * exactly the fields --profile FILE reads back).
 */
public final class ProfileJson {

    private ProfileJson() {
    }

    /** The list: name, arch, kernel and description of each built-in profile. */
    public static void list(List<Profile> profiles, String toolVersion, PrintWriter out) {
        try (JsonGenerator g = JsonRenderer.generator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            JsonRenderer.header(g, toolVersion);
            g.writeStringField("command", "profiles");
            g.writeArrayFieldStart("profiles");
            for (Profile p : profiles) {
                g.writeStartObject();
                g.writeStringField("name", p.name);
                g.writeStringField("arch", p.arch);
                g.writeStringField("kernel", p.kernel);
                g.writeStringField("description", p.description);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One profile in the form --profile reads: Kconfig booleans (y/n) as JSON booleans, every other value
     * as its author wrote it ("0xe0000000" reads better than 3758096384 in a file people edit).
     */
    public static void profile(Profile p, PrintWriter out) {
        try (JsonGenerator g = JsonRenderer.generator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            field(g, "name", p.name);
            field(g, "description", p.description);
            field(g, "source", p.source);
            field(g, "arch", p.arch);
            field(g, "kernel", p.kernel);
            strings(g, "ram", p.ram);
            if (!p.e820.isEmpty()) {
                strings(g, "e820", p.e820);
            }
            if (!p.defines.isEmpty()) {
                g.writeObjectFieldStart("defines");
                for (Map.Entry<String, String> d : p.defines.entrySet()) {
                    if (d.getValue().equalsIgnoreCase("y") || d.getValue().equalsIgnoreCase("n")) {
                        g.writeBooleanField(d.getKey(), d.getValue().equalsIgnoreCase("y"));
                    } else {
                        g.writeStringField(d.getKey(), d.getValue());
                    }
                }
                g.writeEndObject();
            }
            field(g, "bootargs", p.bootargs);
            field(g, "model", p.model);
            g.writeEndObject();
            g.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String s : values) {
            g.writeString(s);
        }
        g.writeEndArray();
    }
}
