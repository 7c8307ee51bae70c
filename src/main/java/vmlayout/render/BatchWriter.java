package vmlayout.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import vmlayout.engine.Layout;
import vmlayout.engine.Message;
import vmlayout.engine.RamUse;
import vmlayout.engine.Region;

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
        // in small methods: the JIT compiles one big method much more slowly than several small ones,
        // and a batch on one core pays for compiling on the same core
        try {
            g.writeStartObject();
            g.writeNumberField("line", line);
            g.writeStringField("arch", l.arch().id());
            g.writeStringField("kernel", l.kernel().toString());
            regions(l);
            summary(l);
            messages(l);
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

    private void regions(Layout l) throws IOException {
        g.writeArrayFieldStart("regions");
        for (Region r : l.regions()) {
            region(r);
        }
        g.writeEndArray();
    }

    /**
     * A region as one pre-encoded value: its name is one of the engines' fixed lower-case ids and the
     * rest are hex strings and a number, so nothing needs escaping (anything else goes field by field).
     * A fifth of a batch line's time went to writing these fields one generator call at a time.
     */
    private void region(Region r) throws IOException {
        if (!plainId(r.name())) {
            g.writeStartObject();
            g.writeStringField("name", r.name());
            g.writeStringField("start", JsonRenderer.hex(r.start()));
            g.writeStringField("end", JsonRenderer.hex(r.end()));
            g.writeNumberField("size", r.size());
            g.writeEndObject();
            return;
        }
        raw.setLength(0);
        raw.append("{\"name\":\"").append(r.name()).append("\",\"start\":\"").append(JsonRenderer.hex(r.start()))
                .append("\",\"end\":\"").append(JsonRenderer.hex(r.end())).append("\",\"size\":").append(r.size()).append('}');
        g.writeRawValue(raw.toString());
    }

    private static boolean plainId(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-')) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private void summary(Layout l) throws IOException {
        g.writeFieldName("summary");
        raw.setLength(0);
        for (RamUse u : RamUse.values()) {
            raw.append(raw.length() == 0 ? "{\"" : ",\"").append(u.id()).append("\":").append(l.ramBytes(u));
        }
        g.writeRawValue(raw.append('}').toString());
    }

    private void messages(Layout l) throws IOException {
        g.writeArrayFieldStart("messages");
        for (Message m : l.messages()) {
            if (m.finding() || m.source() == Message.Source.KERNEL) {
                g.writeStartObject();
                g.writeStringField("source", m.source().id());
                g.writeStringField("text", m.text());
                g.writeBooleanField("finding", m.finding());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

    /** A line that could not be read: the batch goes on. */
    public void error(long line, String message) {
        try {
            g.writeStartObject();
            g.writeNumberField("line", line);
            g.writeStringField("error", message);
            g.writeNumberField("exitStatus", 2);
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
