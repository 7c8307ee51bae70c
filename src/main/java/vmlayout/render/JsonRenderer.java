package vmlayout.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import vmlayout.bootargs.Param;
import vmlayout.config.Fmt;
import vmlayout.config.Symbol;
import vmlayout.config.SymbolCatalog;
import vmlayout.engine.Engines;
import vmlayout.engine.Constants;
import vmlayout.engine.Derivation;
import vmlayout.engine.Layout;
import vmlayout.engine.RamRange;
import vmlayout.engine.RamUse;
import vmlayout.engine.Reservation;
import vmlayout.engine.Region;
import vmlayout.report.Message;

/**
 * JSON output (schema: src/main/resources/vmlayout.schema.json). Written with Jackson's streaming
 * generator; this class is the only one on the text path's neighbourhood that loads Jackson, and it
 * is loaded only when --format json is asked for.
 */
public final class JsonRenderer {

    /**
     * Bumped on a breaking change only; additions keep it. 2.0: addresses, sizes and integer constants
     * are JSON integers (an address has its hex text beside it, "startHex"); see README "JSON".
     */
    public static final String SCHEMA_VERSION = "2.0";

    private final String toolVersion;
    private final boolean derivation;

    public JsonRenderer(String toolVersion) {
        this(toolVersion, false);
    }

    /** @param derivation also write the engine's derivation steps (vmlayout explain) */
    public JsonRenderer(String toolVersion, boolean derivation) {
        this.toolVersion = toolVersion;
        this.derivation = derivation;
    }

    /**
     * A generator over {@code out} that leaves it open when closed: the command line checks standard
     * output for write errors after the command, and a closed writer would read as one.
     */
    static JsonGenerator generator(Writer out) throws IOException {
        return new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out);
    }

    public void render(Layout l, int exitStatus, Writer out) {
        try (JsonGenerator g = JsonRenderer.generator(out)) {
            g.useDefaultPrettyPrinter();
            write(g, l, exitStatus);
            g.flush();
            out.write(System.lineSeparator());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the layout object; {@code BatchRenderer} and others reuse it. */
    void write(JsonGenerator g, Layout l, int exitStatus) throws IOException {
        g.writeStartObject();
        header(g, toolVersion);
        g.writeStringField("arch", l.arch().id());
        g.writeStringField("kernel", l.kernel().toString());

        g.writeObjectFieldStart("input");
        StringBuilder cmdline = new StringBuilder();
        for (Param p : l.params()) {
            if (cmdline.length() > 0) {
                cmdline.append(' ');
            }
            cmdline.append(p.text());
        }
        g.writeStringField("cmdline", cmdline.toString());
        g.writeArrayFieldStart("constants");
        SymbolCatalog catalog = Engines.forArch(l.arch()).symbols();
        for (Constants.Value v : l.constants()) {
            g.writeStartObject();
            g.writeStringField("name", v.name());
            if (v.bool()) {
                g.writeBooleanField("value", v.value() != 0);
            } else {
                Symbol s = catalog.get(v.name());
                if (s != null && s.kind() == Symbol.Kind.INT) {
                    g.writeNumberField("value", v.value()); // a count (NR_CPUS): no hex beside it
                } else {
                    address(g, "value", v.value());
                }
            }
            g.writeBooleanField("pinned", v.pinned());
            g.writeStringField("rule", v.rule());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("defaults");
        for (String d : l.defaults()) {
            g.writeString(d);
        }
        g.writeEndArray();
        g.writeEndObject();

        g.writeArrayFieldStart("regions");
        for (Region r : l.regions()) {
            g.writeStartObject();
            g.writeStringField("name", r.name());
            address(g, "start", r.start());
            address(g, "end", r.end());
            g.writeNumberField("size", r.size());
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("ram");
        for (RamRange r : l.ram()) {
            g.writeStartObject();
            address(g, "start", r.start());
            address(g, "end", r.end());
            g.writeNumberField("size", r.size());
            g.writeStringField("use", r.use().id());
            if (!r.why().isEmpty()) {
                g.writeStringField("why", r.why());
            }
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeObjectFieldStart("summary");
        long total = 0;
        for (RamRange r : l.ram()) {
            total += r.size();
        }
        g.writeNumberField("total", total);
        for (RamUse u : RamUse.values()) {
            g.writeNumberField(u.id(), l.ramBytes(u));
        }
        g.writeEndObject();

        g.writeArrayFieldStart("reservations");
        for (Reservation r : l.reservations()) {
            g.writeStartObject();
            g.writeStringField("kind", r.kind().id());
            g.writeStringField("name", r.name());
            if (r.start() >= 0) {
                address(g, "start", r.start());
                address(g, "end", r.end());
            }
            g.writeNumberField("size", r.size());
            g.writeStringField("zone", r.zone().id());
            g.writeStringField("status", r.status().id());
            g.writeBooleanField("requested", !r.context());
            g.writeStringField("request", r.request());
            g.writeStringField("rule", r.rule());
            g.writeStringField("why", r.why());
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("messages");
        for (Message m : l.messages()) {
            g.writeStartObject();
            g.writeStringField("source", m.source().id());
            g.writeStringField("level", m.level().id());
            g.writeStringField("text", m.text());
            g.writeBooleanField("finding", m.finding());
            g.writeEndObject();
        }
        g.writeEndArray();

        if (derivation) {
            g.writeArrayFieldStart("derivation");
            for (Derivation d : l.derivation()) {
                g.writeStartObject();
                g.writeStringField("subject", d.subject());
                g.writeStringField("text", d.text());
                g.writeStringField("source", d.source());
                g.writeEndObject();
            }
            g.writeEndArray();
        }

        g.writeBooleanField("tablePrinted", l.tablePrinted());
        g.writeArrayFieldStart("table");
        for (String s : l.table()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("kernelLines");
        for (String s : l.kernelLines()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeNumberField("exitStatus", exitStatus);
        g.writeEndObject();
    }

    /** The fields every JSON document of vmlayout starts with: schemaVersion and tool. */
    static void header(JsonGenerator g, String toolVersion) throws IOException {
        g.writeStringField("schemaVersion", SCHEMA_VERSION);
        g.writeObjectFieldStart("tool");
        g.writeStringField("name", "vmlayout");
        g.writeStringField("version", toolVersion);
        g.writeEndObject();
    }

    static String hex(long v) {
        return Fmt.hex8(v);
    }

    /**
     * An address (schema 2.0): the JSON integer programs sort and compare (exact up to 2^53, past any
     * 40-bit LPAE or 36-bit PAE address), and beside it, for people, its hex text as the kernel prints it:
     * {@code "start": 3221225472, "startHex": "0xc0000000"}. Sizes are integers alone
     * ({@code g.writeNumberField}). Every new address field of any JSON output is written with this.
     */
    public static void address(JsonGenerator g, String field, long v) throws IOException {
        g.writeNumberField(field, v);
        g.writeStringField(field + "Hex", Fmt.hex8(v));
    }
}
