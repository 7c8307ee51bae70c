package vmlayout.render;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vmlayout.bootargs.Param;
import vmlayout.check.Requirement;
import vmlayout.engine.Derivation;
import vmlayout.suggest.Change;
import vmlayout.suggest.Metrics;
import vmlayout.suggest.Reserve;
import vmlayout.suggest.Suggester;

/**
 * `vmlayout suggest --format json` (schema $defs/suggest): the goals, the board's figures now, each change
 * that reaches the goals with its parts, cost, measured result and the command that shows it (every one,
 * not only the ten the text shows), or why nothing does (the limits, the closest tries and the kernel
 * rules that stop them). The same facts as the text output, in bytes.
 */
public final class SuggestJson {

    private SuggestJson() {
    }

    public static void render(Suggester.Report r, Function<List<Change>, String> tryIt, String toolVersion, int exitStatus,
            PrintWriter out) {
        try (JsonGenerator g = JsonRenderer.generator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            JsonRenderer.header(g, toolVersion);
            g.writeStringField("command", "suggest");
            g.writeStringField("arch", r.base().arch().id());
            g.writeStringField("kernel", r.base().kernel().toString());
            g.writeArrayFieldStart("goals");
            for (Requirement q : r.goals().wants()) {
                g.writeStartObject();
                g.writeStringField("text", q.text());
                g.writeStringField("kind", q.metric());
                if (!q.isFlag()) {
                    g.writeStringField("op", q.op());
                    g.writeNumberField("value", q.value());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("reserve");
            for (Reserve x : r.goals().reserves()) {
                g.writeStartObject();
                JsonRenderer.address(g, "start", x.start());
                JsonRenderer.address(g, "end", x.end());
                g.writeNumberField("size", x.size());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("maxCost", r.maxCost().id);
            g.writeObjectFieldStart("now");
            metrics(g, r.baseMetrics());
            strings(g, "failures", r.baseFailures());
            g.writeEndObject();
            g.writeBooleanField("alreadyHolds", r.alreadyHolds());
            g.writeArrayFieldStart("suggestions");
            if (!r.alreadyHolds()) {
                for (Suggester.Suggestion s : r.suggestions()) {
                    suggestion(g, r, s, tryIt);
                }
            }
            g.writeEndArray();
            if (!r.alreadyHolds() && r.suggestions().isEmpty()) {
                impossible(g, r);
            }
            g.writeNumberField("exitStatus", exitStatus);
            g.writeEndObject();
            g.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void suggestion(JsonGenerator g, Suggester.Report r, Suggester.Suggestion s,
            Function<List<Change>, String> tryIt) throws IOException {
        Suggester.Attempt a = s.attempt();
        g.writeStartObject();
        g.writeStringField("change", a.label());
        g.writeArrayFieldStart("parts");
        for (Change c : a.parts()) {
            g.writeStartObject();
            g.writeStringField("label", c.label());
            g.writeStringField("cost", c.cost().id);
            g.writeArrayFieldStart("params");
            for (Param p : c.params()) {
                g.writeString(p.text());
            }
            g.writeEndArray();
            g.writeObjectFieldStart("defines");
            for (Map.Entry<String, String> d : c.defines().entrySet()) {
                g.writeStringField(d.getKey(), d.getValue());
            }
            g.writeEndObject();
            if (!c.note().isEmpty()) {
                g.writeStringField("note", c.note());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("cost", a.cost().id);
        g.writeStringField("costText", SuggestRenderer.costWords(a));
        g.writeNumberField("lowmemDelta", a.metrics().lowmem() - r.baseMetrics().lowmem());
        if (!s.how().isEmpty()) {
            g.writeStringField("chosen", s.how());
        }
        g.writeObjectFieldStart("result");
        metrics(g, a.metrics());
        g.writeEndObject();
        strings(g, "kernelWarnings", SuggestRenderer.kernelWarnings(a.layout()));
        g.writeStringField("command", tryIt.apply(a.parts()));
        g.writeEndObject();
    }

    /**
     * Why nothing reaches the goals: the limits of the architecture (a goal no change of it addresses), or
     * the closest tries with what still fails and the kernel rules that stop them.
     */
    private static void impossible(JsonGenerator g, Suggester.Report r) throws IOException {
        g.writeObjectFieldStart("impossible");
        g.writeArrayFieldStart("reasons");
        if (r.limits().isEmpty()) {
            g.writeString("none of the changes vmlayout can make here" + (r.maxCost().limitWords.isEmpty() ? ""
                    : " " + r.maxCost().limitWords) + " reaches every goal");
        }
        for (String limit : r.limits()) {
            g.writeString(limit);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("closest");
        if (r.limits().isEmpty()) {
            for (Suggester.Attempt a : r.closest()) {
                g.writeStartObject();
                g.writeStringField("change", a.label());
                g.writeObjectFieldStart("result");
                metrics(g, a.metrics());
                g.writeEndObject();
                strings(g, "failures", a.failures());
                g.writeArrayFieldStart("why");
                for (Derivation d : SuggestRenderer.why(r, a)) {
                    g.writeStartObject();
                    g.writeStringField("text", d.text());
                    g.writeStringField("source", d.source());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The figures a goal is judged by, in bytes (the same metrics as check --require). */
    private static void metrics(JsonGenerator g, Metrics m) throws IOException {
        g.writeNumberField("vmalloc", m.vmalloc());
        g.writeNumberField("lowmem", m.lowmem());
        g.writeNumberField("highmem", m.highmem());
        g.writeNumberField("dropped", m.dropped());
        g.writeNumberField("reserved", m.reserved());
        g.writeNumberField("ioremap", m.ioremap());
        g.writeNumberField("cma", m.cma());
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String s : values) {
            g.writeString(s);
        }
        g.writeEndArray();
    }
}
