package vmlayout.render;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import vmlayout.check.CheckResult;
import vmlayout.check.Checker;
import vmlayout.check.Finding;
import vmlayout.check.Requirement;
import vmlayout.config.Sizes;
import vmlayout.engine.RamUse;
import vmlayout.report.ExitCode;

/** Output of `vmlayout check`: one line per finding (text), workflow annotations (github) or JSON. */
public final class CheckRenderer {

    public enum Format { text, github, json }

    private final String toolVersion;

    public CheckRenderer(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    public void render(Format format, List<CheckResult> results, int status, PrintWriter raw) {
        PrintWriter out = TerminalSafe.strict(raw); // control characters from inputs shown escaped
        switch (format) {
            case github:
                github(results, out);
                break;
            case json:
                json(results, status, out);
                break;
            default:
                text(results, out);
        }
        out.flush();
    }

    private static void text(List<CheckResult> results, PrintWriter out) {
        for (CheckResult r : results) {
            for (Finding f : r.findings()) {
                out.println(f.origin() + ": " + f.requirement() + ": " + f.message());
            }
            if (r.findings().isEmpty()) {
                out.println(r.origin() + ": ok (" + summary(r) + ")");
            }
        }
    }

    /** GitHub Actions workflow commands: "::error file=F,title=T::message", with the kernel's escaping rules. */
    private static void github(List<CheckResult> results, PrintWriter out) {
        for (CheckResult r : results) {
            for (Finding f : r.findings()) {
                StringBuilder b = new StringBuilder("::error ");
                if (!f.origin().equals("-")) {
                    b.append("file=").append(property(fileOf(f.origin()))).append(',');
                }
                b.append("title=").append(property("vmlayout " + f.requirement()));
                b.append("::").append(data(f.origin() + ": " + f.message()));
                out.println(b);
            }
            if (r.findings().isEmpty()) {
                out.println("::notice title=vmlayout::" + data(r.origin() + ": ok (" + summary(r) + ")"));
            }
        }
    }

    /**
     * An input that could not be read, as a workflow annotation (--format github): a board's profile or
     * bootargs file, or the options. {@code file} (may be null) is the file it points at.
     */
    public static void githubInputError(String file, String message, PrintWriter out) {
        StringBuilder b = new StringBuilder("::error ");
        if (file != null && !file.equals("-")) {
            b.append("file=").append(property(file)).append(',');
        }
        b.append("title=").append(property("vmlayout input error")).append("::").append(data(message));
        out.println(b);
        out.flush();
    }

    /** The file an annotation points at: the bootargs file when there is one, else the profile. */
    private static String fileOf(String origin) {
        int plus = origin.indexOf(" + ");
        return plus < 0 ? origin : origin.substring(plus + 3);
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    private static String summary(CheckResult r) {
        return "vmalloc " + Sizes.human(Checker.metric(r.layout(), "vmalloc"))
                + ", lowmem " + Sizes.human(r.layout().ramBytes(RamUse.LOWMEM))
                + ", highmem " + Sizes.human(r.layout().ramBytes(RamUse.HIGHMEM))
                + ", dropped " + Sizes.human(r.layout().ramBytes(RamUse.DROPPED))
                + ", largest ioremap " + Sizes.human(Checker.metric(r.layout(), "ioremap"));
    }

    private void json(List<CheckResult> results, int status, PrintWriter out) {
        try (JsonGenerator g = JsonRenderer.generator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            JsonRenderer.header(g, toolVersion);
            g.writeStringField("command", "check");
            g.writeArrayFieldStart("results");
            JsonRenderer layouts = new JsonRenderer(toolVersion);
            for (CheckResult r : results) {
                g.writeStartObject();
                g.writeStringField("origin", r.origin());
                g.writeArrayFieldStart("requirements");
                for (Requirement q : r.requirements()) {
                    g.writeStartObject();
                    g.writeStringField("text", q.text());
                    boolean failed = false;
                    for (Finding f : r.findings()) {
                        failed |= f.requirement().equals(q.text());
                    }
                    g.writeBooleanField("holds", !failed);
                    if (!q.isFlag()) {
                        g.writeNumberField("actual", Checker.metric(r.layout(), q.metric()));
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("findings");
                for (Finding f : r.findings()) {
                    g.writeStartObject();
                    g.writeStringField("requirement", f.requirement());
                    g.writeStringField("message", f.message());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeFieldName("layout");
                layouts.write(g, r.layout(), ExitCode.of(!r.findings().isEmpty()).code);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("exitStatus", status);
            g.writeEndObject();
            g.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
