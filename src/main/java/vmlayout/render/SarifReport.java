package vmlayout.render;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import vmlayout.check.CheckResult;
import vmlayout.check.Finding;
import vmlayout.check.Location;
import vmlayout.check.Requirement;
import vmlayout.check.Unread;

/**
 * `vmlayout check --format sarif`: SARIF 2.1.0 (OASIS) for GitHub code scanning: one rule per kind of
 * requirement (vmalloc, dropped, no-kernel-warning ... and "input" for a board that cannot be read) with
 * its help text, one result per finding, located in the board's file at the line to change (file names
 * relative to the working directory or GITHUB_WORKSPACE, as uri-references). Valid against the SARIF
 * 2.1.0 schema (CiReportsSchemaTest).
 */
final class SarifReport {

    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String INPUT = "input";

    private final String toolVersion;

    SarifReport(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    static List<String> rules() {
        List<String> out = new ArrayList<>(Requirement.KINDS);
        out.add(INPUT);
        return out;
    }

    void write(List<CheckResult> results, List<Unread> unread, int status, PrintWriter out) {
        List<String> rules = rules();
        try (JsonGenerator g = JsonRenderer.generator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "vmlayout");
            g.writeStringField("version", toolVersion);
            g.writeStringField("semanticVersion", toolVersion);
            g.writeArrayFieldStart("rules");
            for (String id : rules) {
                g.writeStartObject();
                g.writeStringField("id", id);
                message(g, "shortDescription", id.equals(INPUT) ? "Every board's files can be read." : Requirement.summary(id));
                message(g, "help", id.equals(INPUT) ? "A board's profile, bootargs file or project entry could not be read:"
                        + " the message names the file, the key and the line, and what was expected." : Requirement.help(id));
                g.writeObjectFieldStart("defaultConfiguration");
                g.writeStringField("level", "error");
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("invocations");
            g.writeStartObject();
            g.writeBooleanField("executionSuccessful", unread.isEmpty());
            g.writeNumberField("exitCode", status);
            g.writeEndObject();
            g.writeEndArray();
            g.writeArrayFieldStart("results");
            for (Unread u : unread) {
                result(g, INPUT, rules.indexOf(INPUT), u.board() + ": " + u.message(), u.at(), u.board(), null);
            }
            for (CheckResult r : results) {
                for (Finding f : r.findings()) {
                    String kind = f.requirement();
                    for (Requirement q : r.requirements()) {
                        if (q.text().equals(f.requirement())) {
                            kind = q.metric();
                        }
                    }
                    result(g, kind, rules.indexOf(kind), f.origin() + ": " + f.requirement() + ": " + f.message(), f.at(),
                            r.board().name, f.requirement());
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void result(JsonGenerator g, String rule, int index, String text, Location at, String board, String requirement)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", rule);
        if (index >= 0) {
            g.writeNumberField("ruleIndex", index);
        }
        g.writeStringField("level", "error");
        g.writeObjectFieldStart("message");
        g.writeStringField("text", text);
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        if (at.hasFile()) {
            g.writeStartObject();
            g.writeObjectFieldStart("physicalLocation");
            g.writeObjectFieldStart("artifactLocation");
            g.writeStringField("uri", uri(at.file()));
            g.writeEndObject();
            if (at.line() > 0) {
                g.writeObjectFieldStart("region");
                g.writeNumberField("startLine", at.line());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("properties");
        g.writeStringField("board", board);
        if (requirement != null) {
            g.writeStringField("requirement", requirement);
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void message(JsonGenerator g, String field, String text) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("text", text);
        g.writeEndObject();
    }

    /** A file name as a relative (or file:) URI reference: spaces and other characters percent-encoded. */
    static String uri(String file) {
        try {
            if (file.startsWith("/")) {
                return new URI("file", null, file, null).toASCIIString();
            }
            return new URI(null, null, file, null).toASCIIString();
        } catch (URISyntaxException e) {
            return file;
        }
    }
}
