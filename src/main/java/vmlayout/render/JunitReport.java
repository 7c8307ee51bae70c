package vmlayout.render;

import java.io.PrintWriter;
import java.util.List;
import vmlayout.check.CheckResult;
import vmlayout.check.Finding;
import vmlayout.check.Location;
import vmlayout.check.Requirement;
import vmlayout.check.Unread;

/**
 * `vmlayout check --format junit`: JUnit XML as GitLab (artifacts:reports:junit) and Jenkins (junit step,
 * xUnit) read it: one testsuite per board (its file in {@code file}), one testcase per requirement, a
 * failure per failing requirement with the findings' text, each after the file and line it points at; a
 * board that could not be read is a testsuite with one errored testcase "input". Valid against the
 * Jenkins xUnit plugin's junit-10.xsd (CiReportsSchemaTest). Written by hand: no XML library on the path.
 */
final class JunitReport {

    private final String toolVersion;

    JunitReport(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    void write(List<CheckResult> results, List<Unread> unread, PrintWriter out) {
        int tests = unread.size();
        int failures = 0;
        for (CheckResult r : results) {
            tests += r.requirements().size();
            for (Requirement q : r.requirements()) {
                failures += CheckRenderer.holds(r, q) ? 0 : 1;
            }
        }
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.println("<testsuites name=\"vmlayout check " + attr(toolVersion) + "\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"" + unread.size() + "\">");
        for (CheckResult r : results) {
            suite(r, out);
        }
        for (Unread u : unread) {
            out.println("  <testsuite name=\"" + attr(u.board()) + "\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\""
                    + file(u.at()) + ">");
            out.println("    <testcase name=\"input\" classname=\"" + attr(u.board()) + "\">");
            out.println("      <error type=\"input\" message=\"" + attr(u.message()) + "\">" + text(prefix(u.at()) + u.message())
                    + "</error>");
            out.println("    </testcase>");
            out.println("  </testsuite>");
        }
        out.println("</testsuites>");
    }

    private static void suite(CheckResult r, PrintWriter out) {
        String board = r.board().name;
        int failures = 0;
        for (Requirement q : r.requirements()) {
            failures += CheckRenderer.holds(r, q) ? 0 : 1;
        }
        Location first = r.board().files.isEmpty() ? Location.NONE : r.board().files.get(0);
        out.println("  <testsuite name=\"" + attr(board) + "\" tests=\"" + r.requirements().size() + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"0\"" + file(first) + ">");
        out.println("    <properties>");
        property(out, "arch", r.layout().arch().id());
        property(out, "kernel", r.layout().kernel().toString());
        property(out, "origin", r.origin());
        for (Location f : r.board().files) {
            property(out, "file", f.file());
        }
        out.println("    </properties>");
        for (Requirement q : r.requirements()) {
            out.print("    <testcase name=\"" + attr(q.text()) + "\" classname=\"" + attr(board) + "\"");
            StringBuilder body = new StringBuilder();
            String firstMessage = null;
            for (Finding f : r.findings()) {
                if (f.requirement().equals(q.text())) {
                    firstMessage = firstMessage == null ? f.message() : firstMessage;
                    body.append(prefix(f.at())).append(f.message()).append('\n');
                }
            }
            if (firstMessage == null) {
                out.println("/>");
                continue;
            }
            out.println(">");
            out.println("      <failure type=\"" + attr(q.metric()) + "\" message=\"" + attr(firstMessage) + "\">"
                    + text(body.toString()) + "</failure>");
            out.println("    </testcase>");
        }
        if (r.findings().isEmpty()) {
            out.println("    <system-out>" + text(r.origin() + ": ok (" + CheckRenderer.summary(r) + ")") + "</system-out>");
        }
        out.println("  </testsuite>");
    }

    private static void property(PrintWriter out, String name, String value) {
        out.println("      <property name=\"" + attr(name) + "\" value=\"" + attr(value) + "\"/>");
    }

    private static String file(Location at) {
        return at.hasFile() ? " file=\"" + attr(at.file()) + "\"" : "";
    }

    /** "boards/gw-bootargs.txt:3: " before a finding that points into a file. */
    private static String prefix(Location at) {
        return at.hasFile() ? at.text() + ": " : "";
    }

    /** Character data: &amp; &lt; &gt; escaped, and characters XML 1.0 cannot hold shown as \\uXXXX. */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' || c == 0xfffe || c == 0xffff) {
                        b.append("\\u").append(String.format("%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** An attribute value: as text, with line ends and tabs as character references. */
    static String attr(String s) {
        return text(s).replace("\n", "&#10;").replace("\t", "&#9;");
    }
}
