package vmlayout.render;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import vmlayout.config.Fmt;
import vmlayout.config.Sizes;
import vmlayout.diff.LayoutDiff.RamChange;
import vmlayout.diff.LayoutDiff.RegionChange;
import vmlayout.diff.LayoutDiff;
import vmlayout.diff.Upgrade;
import vmlayout.engine.Region;
import vmlayout.render.map.SvgMap;

/** Output of {@code vmlayout diff}: text, JSON (both layouts and what changed) or SVG (the two maps side by side). */
public final class DiffRenderer {

    public enum Format { text, json, svg }

    private final String toolVersion;

    public DiffRenderer(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    public void render(Format format, String labelA, String labelB, LayoutDiff d, int status, PrintWriter raw) {
        render(format, labelA, labelB, d, null, status, raw);
    }

    /** The same, with the release-by-release report when the two sides differ only in --kernel (else null). */
    public void render(Format format, String labelA, String labelB, LayoutDiff d, Upgrade upgrade, int status, PrintWriter raw) {
        PrintWriter out = TerminalSafe.strict(raw); // control characters from inputs shown escaped
        switch (format) {
            case json:
                json(labelA, labelB, d, upgrade, status, out);
                break;
            case svg:
                out.print(SvgMap.render(List.of(d.a(), d.b())));
                out.flush();
                break;
            default:
                text(labelA, labelB, d, upgrade, out);
        }
    }

    private static void text(String labelA, String labelB, LayoutDiff d, Upgrade upgrade, PrintWriter out) {
        out.println("A: " + labelA + " (" + d.a().arch().id() + ", Linux " + d.a().kernel() + ")");
        out.println("B: " + labelB + " (" + d.b().arch().id() + ", Linux " + d.b().kernel() + ")");
        out.println();
        if (upgrade != null) {
            UpgradeText.write(upgrade, out);
            out.println();
        }
        out.println("regions that move (A -> B):");
        List<String> same = new ArrayList<>();
        for (RegionChange r : d.regions()) {
            if (!r.moved()) {
                same.add(r.name());
                continue;
            }
            StringBuilder b = new StringBuilder("  ").append(Fmt.pad(r.name(), 14, true))
                    .append(Fmt.pad(range(r.a()), 34, true)).append("-> ").append(Fmt.pad(range(r.b()), 34, true));
            out.println(b.append(String.join(", ", r.deltas())).toString().stripTrailing());
        }
        if (same.size() == d.regions().size()) {
            out.println("  (none)");
        } else if (!same.isEmpty()) {
            out.println("  unchanged: " + String.join(", ", same));
        }
        out.println();
        out.println("RAM by use:       A            B       change");
        for (RamChange c : d.ram()) {
            out.println("  " + Fmt.pad(c.use().id(), 10, true) + Fmt.pad(Sizes.summary(c.a()), 13, false)
                    + Fmt.pad(Sizes.summary(c.b()), 13, false) + (c.delta() == 0 ? "" : "  " + signedSummary(c.delta())));
        }
        out.println();
        out.println("kernel messages:");
        for (String m : d.onlyA()) {
            out.println("  vanishes (only A): " + m);
        }
        for (String m : d.onlyB()) {
            out.println("  appears (only B):  " + m);
        }
        if (d.onlyA().isEmpty() && d.onlyB().isEmpty()) {
            out.println("  none appear or vanish");
        }
        out.println();
        if (d.sameKernelLines()) {
            out.println("kernel lines: identical");
        } else {
            out.println("kernel lines (- only A, + only B):");
            for (LayoutDiff.Line l : d.lines()) {
                out.println(l.op().mark + " " + l.text());
            }
        }
        out.flush();
    }

    private static String range(Region r) {
        return r == null ? "(none)" : Fmt.hex8(r.start()) + "-" + Fmt.hex8(r.end()) + " " + Sizes.summary(r.size());
    }

    private void json(String labelA, String labelB, LayoutDiff d, Upgrade upgrade, int status, PrintWriter out) {
        JsonRenderer layouts = new JsonRenderer(toolVersion);
        try (JsonGenerator g = JsonRenderer.generator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            JsonRenderer.header(g, toolVersion);
            g.writeStringField("command", "diff");
            g.writeObjectFieldStart("a");
            g.writeStringField("label", labelA);
            g.writeFieldName("layout");
            layouts.write(g, d.a(), d.a().exitCode().code);
            g.writeEndObject();
            g.writeObjectFieldStart("b");
            g.writeStringField("label", labelB);
            g.writeFieldName("layout");
            layouts.write(g, d.b(), d.b().exitCode().code);
            g.writeEndObject();
            g.writeArrayFieldStart("regions");
            for (RegionChange r : d.regions()) {
                g.writeStartObject();
                g.writeStringField("name", r.name());
                region(g, "a", r.a());
                region(g, "b", r.b());
                g.writeBooleanField("moved", r.moved());
                g.writeNumberField("startDelta", r.startDelta());
                g.writeNumberField("endDelta", r.endDelta());
                g.writeNumberField("sizeDelta", r.sizeDelta());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("ram");
            for (RamChange c : d.ram()) {
                g.writeStartObject();
                g.writeStringField("use", c.use().id());
                g.writeNumberField("a", c.a());
                g.writeNumberField("b", c.b());
                g.writeNumberField("delta", c.delta());
                g.writeEndObject();
            }
            g.writeEndArray();
            strings(g, "messagesOnlyA", d.onlyA());
            strings(g, "messagesOnlyB", d.onlyB());
            g.writeArrayFieldStart("kernelLines");
            for (LayoutDiff.Line l : d.lines()) {
                g.writeStartObject();
                g.writeStringField("op", l.op().mark);
                g.writeStringField("text", l.text());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeBooleanField("sameKernelLines", d.sameKernelLines());
            if (upgrade != null) {
                UpgradeText.json(g, upgrade);
            }
            g.writeNumberField("exitStatus", status);
            g.writeEndObject();
            g.flush();
            out.write(System.lineSeparator());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void region(JsonGenerator g, String field, Region r) throws IOException {
        if (r == null) {
            g.writeNullField(field);
            return;
        }
        g.writeObjectFieldStart(field);
        JsonRenderer.address(g, "start", r.start());
        JsonRenderer.address(g, "end", r.end());
        g.writeNumberField("size", r.size());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String s : values) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    /** A RAM change in the units of the RAM columns beside it: "+4 MB", "-1168.01 MB", "-4 kB". */
    private static String signedSummary(long delta) {
        return (delta < 0 ? "-" : "+") + Sizes.summary(Math.abs(delta));
    }
}
