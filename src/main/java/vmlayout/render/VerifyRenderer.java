package vmlayout.render;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import vmlayout.bootargs.Param;
import vmlayout.config.Fmt;
import vmlayout.verify.Guesses;
import vmlayout.verify.Verdict.Entry;
import vmlayout.verify.Verdict.Status;
import vmlayout.verify.Verdict;
import vmlayout.verify.VerifyReport;

/** Output of {@code vmlayout verify}: text (the inputs, then the log and the prediction line by line) or JSON. */
public final class VerifyRenderer {

    public enum Format { text, json }

    /** Said in every output: what verify never does. */
    public static final String NOT_INPUTS = "The lines vmlayout predicts (the layout table and the memory messages) are"
            + " compared, never read as inputs.";

    private final String toolVersion;

    public VerifyRenderer(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    public void render(Format format, VerifyReport r, PrintWriter raw) {
        PrintWriter out = TerminalSafe.strict(raw); // control characters from inputs shown escaped
        if (format == Format.json) {
            json(r, out);
        } else {
            text(r, out);
        }
    }

    private static void text(VerifyReport r, PrintWriter out) {
        out.println("vmlayout verify " + r.log() + ": " + r.layout().arch().id() + ", Linux " + r.layout().kernel());
        out.println("inputs:");
        for (VerifyReport.Input in : r.inputs()) {
            String opt = in.option().equals("PARAM") ? in.value() : in.option() + " " + Fmt.shell(in.value());
            out.println("  " + Fmt.pad(opt, 40, true) + " " + in.source()
                    + (in.text() == null || in.option().equals("--cmdline") ? "" : ": " + cut(in.text(), 60)));
        }
        String cl = cmdline(r);
        out.println("  kernel command line as read: " + (cl.isEmpty() ? "(none)" : cl));
        for (String n : r.notes()) {
            out.println("  note: " + n);
        }
        if (!r.layout().defaults().isEmpty()) {
            out.println("  defaults used: " + String.join(", ", r.layout().defaults()));
        }
        out.println(NOT_INPUTS);
        out.println();
        out.println("mark  log line  kernel line");
        for (Entry e : r.verdict().lines()) {
            String where = e.logLine() > 0 ? Integer.toString(e.logLine()) : "-";
            String head = "  " + e.status().mark + "   " + Fmt.pad(where, 8, true) + "  ";
            String blank = "                ";
            switch (e.status()) {
                case DIFFER:
                    out.println(head + "predicted: " + e.predicted());
                    out.println(blank + "log:       " + indent(e.predicted()) + e.logText());
                    break;
                case EXTRA:
                case UNKNOWN:
                    out.println(head + e.logText());
                    break;
                case CUT:
                    out.println(head + e.predicted());
                    out.println(blank + "(the log ends inside this line: " + e.logText() + ")");
                    break;
                case CANNOT_CHECK:
                    if (e.predicted() != null) {
                        out.println(head + "predicted: " + e.predicted());
                        out.println(blank + "log:       " + indent(e.predicted()) + (e.logText() == null ? "(none)" : e.logText()));
                    } else {
                        out.println(head + e.logText());
                    }
                    out.println(blank + "cannot check: depends on " + e.because().because());
                    break;
                default:
                    out.println(head + e.predicted());
                    if (e.status() == Status.INPUT && e.logText() != null
                            && !squeeze(e.logText()).equals(squeeze(e.predicted()))) {
                        out.println(blank + "log:       " + indent(e.predicted()) + e.logText());
                    }
            }
        }
        out.println();
        out.println(summary(r.verdict()));
        if (r.pin() != null) {
            out.println("The log pins " + r.pin().text() + ": with it every compared line agrees:");
            out.println("  " + r.command() + " " + r.pin().text());
        } else {
            StringBuilder b = new StringBuilder();
            for (Guesses.Guess g : r.unchecked()) {
                if (g != Guesses.RESERVATIONS) {
                    b.append(b.length() == 0 ? "" : ", ").append(g.settle());
                }
            }
            if (b.length() > 0) {
                out.println("No single value the log shows makes every line agree: give " + b + " to check these lines.");
            }
        }
        out.println(r.verdictLine());
        out.flush();
    }

    /** "7 of 8 predicted lines agree (1 differs); not compared: 2 inputs, 3 outside the log's excerpt". */
    public static String summary(Verdict v) {
        StringBuilder b = new StringBuilder();
        b.append(v.agreeing()).append(" of ").append(v.compared()).append(" compared lines agree");
        StringBuilder not = new StringBuilder();
        String sep = " (";
        for (Status s : new Status[]{Status.AGREE_SPACING, Status.DIFFER, Status.MISSING, Status.EXTRA}) {
            int n = v.count(s);
            if (n > 0) {
                b.append(sep).append(n).append(' ').append(s == Status.DIFFER && n == 1 ? "differs" : phrase(s));
                sep = ", ";
            }
        }
        if (!sep.equals(" (")) {
            b.append(')');
        }
        int cannot = v.count(Status.CANNOT_CHECK);
        if (cannot > 0) {
            b.append("; ").append(cannot).append(" cannot be checked (they depend on a guessed input)");
        }
        sep = "; not compared: ";
        for (Status s : new Status[]{Status.INPUT, Status.CUT, Status.OUTSIDE, Status.UNKNOWN}) {
            int n = v.count(s);
            if (n > 0) {
                not.append(sep).append(n).append(' ').append(phrase(s));
                sep = ", ";
            }
        }
        return b.append(not).append('.').toString();
    }

    private static String phrase(Status s) {
        switch (s) {
            case AGREE_SPACING:
                return "of them apart from white space";
            case DIFFER:
                return "differ";
            case MISSING:
                return "missing from the log";
            case EXTRA:
                return "in the log but not predicted";
            case INPUT:
                return "inputs";
            case CUT:
                return "cut by the end of the log";
            case OUTSIDE:
                return "outside the log's excerpt";
            default:
                return "section rows without System.map symbols";
        }
    }

    private void json(VerifyReport r, PrintWriter out) {
        try (JsonGenerator g = JsonRenderer.generator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            JsonRenderer.header(g, toolVersion);
            g.writeStringField("command", "verify");
            g.writeStringField("log", r.log());
            g.writeStringField("arch", r.layout().arch().id());
            g.writeStringField("kernel", r.layout().kernel().toString());
            g.writeArrayFieldStart("inputs");
            for (VerifyReport.Input in : r.inputs()) {
                g.writeStartObject();
                g.writeStringField("option", in.option());
                g.writeStringField("value", in.value());
                g.writeStringField("source", in.source());
                if (in.text() != null) {
                    g.writeStringField("logText", in.text());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("cmdline", cmdline(r));
            g.writeArrayFieldStart("notes");
            for (String n : r.notes()) {
                g.writeString(n);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("defaults");
            for (String d : r.layout().defaults()) {
                g.writeString(d);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("lines");
            for (Entry e : r.verdict().lines()) {
                g.writeStartObject();
                g.writeStringField("status", e.status().id());
                if (e.predicted() != null) {
                    g.writeStringField("predicted", e.predicted());
                }
                if (e.logLine() > 0) {
                    g.writeNumberField("logLine", e.logLine());
                    g.writeStringField("logText", e.logText());
                }
                if (e.because() != null) {
                    g.writeObjectFieldStart("because");
                    guess(g, e.because());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            Verdict v = r.verdict();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("compared", v.compared());
            g.writeNumberField("agreeing", v.agreeing());
            for (Status s : Status.values()) {
                g.writeNumberField(s.id(), v.count(s));
            }
            g.writeEndObject();
            g.writeArrayFieldStart("guesses");
            for (Guesses.Guess x : r.guesses()) {
                g.writeStartObject();
                guess(g, x);
                g.writeEndObject();
            }
            g.writeEndArray();
            if (r.pin() != null) {
                g.writeObjectFieldStart("pin");
                g.writeStringField("options", r.pin().text());
                g.writeStringField("command", r.command() + " " + r.pin().text());
                g.writeEndObject();
            }
            g.writeStringField("verdict", r.verdictLine());
            g.writeNumberField("exitStatus", r.exitStatus());
            g.writeEndObject();
            g.flush();
            out.write(System.lineSeparator());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void guess(JsonGenerator g, Guesses.Guess x) throws IOException {
        g.writeStringField("option", x.option());
        g.writeStringField("name", x.name());
        g.writeStringField("guessed", x.guessed());
        g.writeBooleanField("groundless", x.groundless());
        g.writeStringField("text", x.because());
    }

    private static String cmdline(VerifyReport r) {
        StringBuilder b = new StringBuilder();
        for (Param p : r.layout().params()) {
            b.append(b.length() > 0 ? " " : "").append(p.text());
        }
        return b.toString();
    }

    /** The kernel's indentation of a predicted line, to show the log's line under it aligned. */
    private static String indent(String predicted) {
        int i = 0;
        while (i < predicted.length() && predicted.charAt(i) == ' ') {
            i++;
        }
        return predicted.substring(0, i);
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 3) + "...";
    }

    private static String squeeze(String s) {
        StringBuilder b = new StringBuilder(s.length()); // replaceAll("\\s+", ""): the six characters of \s
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && (c < '\t' || c > '\r')) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
