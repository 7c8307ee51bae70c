package vmlayout.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import vmlayout.engine.Layout;
import vmlayout.engine.RamRange;
import vmlayout.engine.RamUse;
import vmlayout.engine.Region;
import vmlayout.report.ExitCode;
import vmlayout.report.Message;

/**
 * `vmlayout batch` output: one compact JSON object per input line, in input order. A result carries
 * what a fleet check needs (regions, RAM by use, messages, exit status); {@code full} adds the whole
 * layout object of --format json under "layout".
 */
public final class BatchWriter implements AutoCloseable {

    private final JsonGenerator g;
    private final Writer out;
    private final boolean full;
    private final JsonRenderer layouts;
    private final StringBuilder raw = new StringBuilder(128);

    public BatchWriter(Writer out, boolean full, String toolVersion) {
        try {
            // no separator between root values (we end the lines); no pretty printer (a tenth of the time)
            this.g = new JsonFactory().setRootValueSeparator(null).createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.out = out;
        this.full = full;
        this.layouts = new JsonRenderer(toolVersion);
    }

    public void result(long line, Layout l, int status) {
        try {
            g.writeStartObject();
            g.writeStringField("schemaVersion", JsonRenderer.SCHEMA_VERSION);
            g.writeNumberField("line", line);
            g.writeStringField("arch", l.arch().id());
            g.writeStringField("kernel", l.kernel().toString());
            // the lists as pre-encoded values: one generator call each instead of one per field (a
            // fifth of a batch line's time went there); text is escaped by Jackson's JsonStringEncoder
            raw.setLength(0);
            regions(l);
            g.writeFieldName("regions");
            g.writeRawValue(raw.toString());
            raw.setLength(0);
            summary(l);
            g.writeFieldName("summary");
            g.writeRawValue(raw.toString());
            raw.setLength(0);
            messages(l);
            g.writeFieldName("messages");
            g.writeRawValue(raw.toString());
            if (full) {
                g.writeFieldName("layout");
                layouts.write(g, l, status);
            }
            g.writeNumberField("exitStatus", status);
            g.writeEndObject();
            endLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the pre-encoded lists, in small methods: the JIT compiles several small methods much faster
    // than one big one, and a batch on one core pays for compiling on that core ----

    private void regions(Layout l) {
        raw.append('[');
        boolean first = true;
        for (Region r : l.regions()) {
            raw.append(first ? "{\"name\":" : ",{\"name\":");
            first = false;
            string(r.name());
            // the same region object as --format json's (schema $defs/region): integers, hex beside them
            raw.append(",\"start\":").append(r.start()).append(",\"startHex\":\"").append(JsonRenderer.hex(r.start()))
                    .append("\",\"end\":").append(r.end()).append(",\"endHex\":\"").append(JsonRenderer.hex(r.end()))
                    .append("\",\"size\":").append(r.size()).append('}');
        }
        raw.append(']');
    }

    /** The same summary object as --format json's (schema $defs/summary): the total, then bytes by use. */
    private void summary(Layout l) {
        long total = 0;
        for (RamRange r : l.ram()) {
            total += r.size();
        }
        raw.append("{\"total\":").append(total);
        char sep = ',';
        for (RamUse u : RamUse.values()) {
            raw.append(sep).append('"').append(u.id()).append("\":").append(l.ramBytes(u));
            sep = ',';
        }
        raw.append('}');
    }

    private void messages(Layout l) {
        raw.append('[');
        boolean first = true;
        // every message, as the same object as --format json's (schema $defs/message)
        for (Message m : l.messages()) {
            raw.append(first ? "{\"source\":\"" : ",{\"source\":\"").append(m.source().id()).append("\",\"level\":\"")
                    .append(m.level().id()).append("\",\"text\":");
            first = false;
            string(m.text());
            raw.append(",\"finding\":").append(m.finding()).append('}');
        }
        raw.append(']');
    }

    /** A JSON string: as it is when nothing in it needs escaping, else through Jackson's encoder. */
    private void string(String s) {
        raw.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                raw.append(JsonStringEncoder.getInstance().quoteAsString(s));
                raw.append('"');
                return;
            }
        }
        raw.append(s).append('"');
    }

    /**
     * A line that could not be read: the batch goes on.
     *
     * @param field the JSON line's field at fault ("ram[1]", "defines.HIGHMEM"), or null
     */
    public void error(long line, String message, String field) {
        try {
            g.writeStartObject();
            g.writeStringField("schemaVersion", JsonRenderer.SCHEMA_VERSION);
            g.writeNumberField("line", line);
            g.writeStringField("error", message);
            if (field != null) {
                g.writeStringField("field", field);
            }
            g.writeNumberField("exitStatus", ExitCode.USAGE.code);
            g.writeEndObject();
            endLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends a result line inside the generator's buffer: no flush per line (a flush is a write(2)). */
    private void endLine() throws IOException {
        g.writeRaw('\n');
    }

    /** Hands what is buffered to the reader (when the input would block: a person typing, a pipe). */
    public void flush() {
        try {
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            g.flush();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
