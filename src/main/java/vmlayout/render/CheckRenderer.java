package vmlayout.render;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import vmlayout.check.CheckResult;
import vmlayout.check.Checker;
import vmlayout.check.Finding;
import vmlayout.check.Location;
import vmlayout.check.Requirement;
import vmlayout.check.Unread;
import vmlayout.config.Sizes;
import vmlayout.engine.RamUse;
import vmlayout.report.ExitCode;

/**
 * Output of `vmlayout check`: one line per finding (text), GitHub Actions workflow annotations (github),
 * JSON, JUnit XML (junit: GitLab, Jenkins) or SARIF 2.1.0 (sarif: GitHub code scanning). Findings point
 * at the board's file and line to change; a built-in profile or standard input is named, never a file.
 */
public final class CheckRenderer {

    public enum Format { text, github, json, junit, sarif }

    private final String toolVersion;

    public CheckRenderer(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    /**
     * @param unread the boards that could not be read (github, junit and sarif report them with the rest)
     * @param status the exit status the command returns
     */
    public void render(Format format, List<CheckResult> results, List<Unread> unread, int status, PrintWriter raw) {
        PrintWriter out = TerminalSafe.strict(raw); // control characters from inputs shown escaped
        switch (format) {
            case github:
                github(results, unread, out);
                break;
            case json:
                json(results, status, out);
                break;
            case junit:
                new JunitReport(toolVersion).write(results, unread, out);
                break;
            case sarif:
                new SarifReport(toolVersion).write(results, unread, status, out);
                break;
            default:
                text(results, out);
        }
        out.flush();
    }

    private static void text(List<CheckResult> results, PrintWriter out) {
        for (CheckResult r : results) {
            for (Finding f : r.findings()) {
                out.println(f.origin() + ": " + f.requirement() + ": " + f.message() + where(f.at(), r));
            }
            if (r.findings().isEmpty()) {
                out.println(r.origin() + ": ok (" + summary(r) + ")");
            }
        }
    }

    /** " (boards/gw-bootargs.txt:3)" when the finding points into a file the origin does not already name whole. */
    private static String where(Location at, CheckResult r) {
        if (!at.hasFile() || at.line() == 0 && r.origin().contains(at.file())) {
            return "";
        }
        return " (" + at.text() + ")";
    }

    /** GitHub Actions workflow commands: "::error file=F,line=L,title=T::message", with their escaping rules. */
    private static void github(List<CheckResult> results, List<Unread> unread, PrintWriter out) {
        for (Unread u : unread) {
            out.println(annotation("error", u.at(), "vmlayout input error (" + u.board() + ")", u.message()));
        }
        for (CheckResult r : results) {
            for (Finding f : r.findings()) {
                out.println(annotation("error", f.at(), "vmlayout " + f.requirement() + " (" + r.board().name + ")",
                        f.origin() + ": " + f.message()));
            }
            if (r.findings().isEmpty()) {
                out.println("::notice title=vmlayout::" + data(r.origin() + ": ok (" + summary(r) + ")"));
            }
        }
    }

    private static String annotation(String level, Location at, String title, String message) {
        StringBuilder b = new StringBuilder("::").append(level).append(' ');
        if (at.hasFile()) {
            b.append("file=").append(property(at.file())).append(',');
            if (at.line() > 0) {
                b.append("line=").append(at.line()).append(',');
            }
        }
        b.append("title=").append(property(title)).append("::").append(data(message));
        return b.toString();
    }

    /**
     * An input that could not be read before any board was (a bad --require, no board), as a workflow
     * annotation (--format github) without a file.
     */
    public static void githubInputError(String message, PrintWriter out) {
        out.println(annotation("error", Location.NONE, "vmlayout input error", message));
        out.flush();
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    static String summary(CheckResult r) {
        return "vmalloc " + Sizes.human(Checker.metric(r.layout(), "vmalloc"))
                + ", lowmem " + Sizes.human(r.layout().ramBytes(RamUse.LOWMEM))
                + ", highmem " + Sizes.human(r.layout().ramBytes(RamUse.HIGHMEM))
                + ", dropped " + Sizes.human(r.layout().ramBytes(RamUse.DROPPED))
                + ", largest ioremap " + Sizes.human(Checker.metric(r.layout(), "ioremap"));
    }

    /** Whether requirement {@code q} holds for {@code r}: no finding names it. */
    static boolean holds(CheckResult r, Requirement q) {
        for (Finding f : r.findings()) {
            if (f.requirement().equals(q.text())) {
                return false;
            }
        }
        return true;
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
                g.writeStringField("board", r.board().name);
                g.writeArrayFieldStart("files");
                for (Location f : r.board().files) {
                    g.writeString(f.file());
                }
                g.writeEndArray();
                g.writeArrayFieldStart("requirements");
                for (Requirement q : r.requirements()) {
                    g.writeStartObject();
                    g.writeStringField("text", q.text());
                    g.writeStringField("kind", q.metric());
                    g.writeBooleanField("holds", holds(r, q));
                    if (!q.isFlag()) {
                        g.writeStringField("op", q.op());
                        g.writeNumberField("value", q.value());
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
                    if (f.at().hasFile()) {
                        g.writeStringField("file", f.at().file());
                        if (f.at().line() > 0) {
                            g.writeNumberField("line", f.at().line());
                        }
                    }
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
