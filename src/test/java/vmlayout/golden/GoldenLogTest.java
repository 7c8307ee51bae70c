package vmlayout.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vmlayout.CliRunner;

/**
 * Golden tests from real boot logs. Each testdata/ARCH/NAME.log is a verbatim excerpt of a kernel log
 * (its first lines say where it comes from); NAME.args holds the vmlayout arguments that describe what
 * was known before that boot (release, RAM, Kconfig, command line, image symbols), one per line.
 * vmlayout runs with them and two things must hold, byte for byte after removing the log's own
 * decoration (timestamps, mail quoting, indentation named by a directive):
 * <ol>
 *   <li>every kernel line vmlayout prints appears in the log, in the same order;</li>
 *   <li>every line of the log's layout table, and every memory message of the log (truncation,
 *       lowmem/highmem, e820 ...), appears in vmlayout's output.</li>
 * </ol>
 * Directives in the .args file ("#! ..."): {@code strip-prefix TEXT} (removed from the start of log
 * lines that have it), {@code whitespace-insensitive} (the source collapsed or mangled spaces: compare
 * with all white space removed), {@code last-line-truncated} (the excerpt ends mid-line),
 * {@code no-table} (the log holds messages only), {@code sections-not-given} (the log's section rows
 * are not reproduced: their addresses are not known), {@code messages-outside-excerpt} (the excerpt
 * starts after the early messages, so vmlayout's messages are not looked for in it),
 * {@code skip-log-line "PREFIX"} (a log line that no release printed, e.g. from a patch under test),
 * {@code rows-without-header} (a mail quotes some rows of the table without its header: each quoted row
 * must be printed by vmlayout, in the log's order; vmlayout's other table rows are not looked for in the
 * excerpt, its messages still are), {@code zone-ranges} (the log's "Zone ranges:" block is checked
 * against where vmlayout ends lowmem, see {@link ZoneRangesGoldenTest}), {@code no-debug-lines} (a serial
 * console capture at the default log level, which shows no KERN_DEBUG line: vmlayout's KERN_DEBUG lines,
 * as its JSON marks them, are not looked for), {@code exit N} (expected exit status).
 */
class GoldenLogTest {

    static final Path TESTDATA = Paths.get("testdata");

    private static final Pattern TIMESTAMP = Pattern.compile("^\\[\\s*\\d+\\.\\d+\\] ");

    /** Messages about memory that, when a log has them, vmlayout must reproduce. */
    static final Pattern MEMORY_MESSAGE = Pattern.compile(
            "^(Truncating RAM|Ignoring RAM|Truncating memory|Ignoring memory|Consider using a HIGHMEM"
                    + "|vmalloc area|NR_BANKS too low|HIGHMEM is not supported|\\d+MB (HIGH|LOW)MEM available\\."
                    + "|Warning only|Warning: only|Use a (HIGHMEM|PAE)|highmem size|only \\d+MB highmem"
                    + "|ignoring highmem size|Only using first contiguous"
                    + "|(e820: )?user-defined physical RAM map:|\\s?BIOS-e820: |\\s?user: |(e820: )?BIOS-provided physical RAM map:"
                    // the early reservations (src/docs/reservations.md)
                    + "|cma: |Reserved memory: |OF: reserved mem: |Reserving \\d+MB of memory at \\d+MB for crashkernel"
                    + "|crashkernel reservation failed|crashkernel: |crashkernel reserved: |cannot allocate crashkernel|INITRD: "
                    + "|Kernel panic - not syncing: Failed to allocate \\d+ bytes for node \\d+ memory map)");

    static final class Case {
        final String name;
        final Path log;
        final List<String> args = new ArrayList<>();
        final List<String> stripPrefixes = new ArrayList<>();
        boolean whitespaceInsensitive;
        boolean lastLineTruncated;
        boolean noTable;
        boolean sectionsNotGiven;
        boolean messagesOutsideExcerpt;
        boolean rowsWithoutHeader;
        boolean zoneRanges;
        boolean noDebugLines;
        final List<String> skipLogLines = new ArrayList<>();
        Integer exit;

        Case(Path argsFile) {
            String file = argsFile.getFileName().toString();
            this.name = argsFile.getParent().getFileName() + "/" + file.substring(0, file.length() - ".args".length());
            this.log = argsFile.resolveSibling(file.replaceAll("\\.args$", ".log"));
            for (String line : readLines(argsFile)) {
                if (line.startsWith("#!")) {
                    directive(line.substring(2).strip());
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    args.add(line.strip());
                }
            }
        }

        private void directive(String d) {
            if (d.startsWith("strip-prefix ")) {
                String p = d.substring("strip-prefix ".length());
                stripPrefixes.add(p.substring(1, p.length() - 1).replace("\\t", "\t")); // quoted
            } else if (d.equals("whitespace-insensitive")) {
                whitespaceInsensitive = true;
            } else if (d.equals("last-line-truncated")) {
                lastLineTruncated = true;
            } else if (d.equals("no-table")) {
                noTable = true;
            } else if (d.equals("sections-not-given")) {
                sectionsNotGiven = true;
            } else if (d.equals("messages-outside-excerpt")) {
                messagesOutsideExcerpt = true;
            } else if (d.equals("rows-without-header")) {
                rowsWithoutHeader = true;
            } else if (d.equals("no-debug-lines")) {
                noDebugLines = true;
            } else if (d.equals("zone-ranges")) {
                zoneRanges = true;
            } else if (d.startsWith("skip-log-line ")) {
                String p = d.substring("skip-log-line ".length());
                skipLogLines.add(p.substring(1, p.length() - 1));
            } else if (d.startsWith("exit ")) {
                exit = Integer.parseInt(d.substring(5).strip());
            } else {
                throw new IllegalArgumentException(name + ": unknown directive " + d);
            }
        }

        /** The log without its header, decoration and timestamps. */
        List<String> logLines() {
            List<String> out = new ArrayList<>();
            boolean header = true;
            for (String raw : readLines(log)) {
                if (header && raw.startsWith("# ")) {
                    continue;
                }
                header = false;
                String s = raw;
                for (String p : stripPrefixes) {
                    if (s.startsWith(p)) {
                        s = s.substring(p.length());
                    }
                }
                s = TIMESTAMP.matcher(s).replaceFirst("");
                String n = norm(s);
                if (whitespaceInsensitive && (n.isEmpty() || n.matches("`+"))) {
                    continue; // blank lines and code fences the source put between the kernel's lines
                }
                out.add(n);
            }
            while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
                out.remove(out.size() - 1);
            }
            return out;
        }

        String norm(String s) {
            String t = s.stripTrailing();
            return whitespaceInsensitive ? t.replaceAll("[\\s\\u00a0]+", "") : t;
        }
    }

    static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> argsFiles() {
        return GoldenCases.argsFiles();
    }

    @Test
    void everyLogHasArgsAndEveryArgsHasALog() throws IOException {
        List<Path> logs;
        try (Stream<Path> s = Files.walk(TESTDATA)) {
            logs = s.filter(p -> p.toString().endsWith(".log")).sorted().collect(Collectors.toList());
        }
        for (Path log : logs) {
            Path args = log.resolveSibling(log.getFileName().toString().replaceAll("\\.log$", ".args"));
            if (!Files.exists(args)) {
                fail("golden log without .args: " + log);
            }
        }
        for (Path args : argsFiles()) {
            Path log = args.resolveSibling(args.getFileName().toString().replaceAll("\\.args$", ".log"));
            if (!Files.exists(log)) {
                fail("golden .args without log: " + args);
            }
        }
        assertFalse(logs.isEmpty(), "no golden logs found under " + TESTDATA.toAbsolutePath());
    }

    @TestFactory
    List<DynamicTest> goldenLogs() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : argsFiles()) {
            Case c = new Case(p);
            tests.add(DynamicTest.dynamicTest(c.name, () -> check(c)));
        }
        return tests;
    }

    static void check(Case c) {
        List<String> args = new ArrayList<>(c.args);
        args.add("--kernel-only");
        args.add("--color=never");
        CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
        if (c.exit != null) {
            assertEquals(c.exit.intValue(), r.status(), c.name + ": exit status\n" + r);
        } else if (r.status() > 1) {
            fail(c.name + ": vmlayout failed\n" + r);
        }
        List<String> out = new ArrayList<>();
        Set<String> debug = c.noDebugLines ? debugLines(c) : Set.of();
        for (String line : r.outLines()) {
            if (!debug.contains(line)) {
                out.add(c.norm(line));
            }
        }
        if (c.noTable) {
            int header = indexOfHeader(out);
            if (header >= 0) {
                out = out.subList(0, header);
            }
        }
        List<String> log = c.logLines();

        // 1. every kernel line vmlayout prints is in the log, in order
        int pos = 0;
        int tableStart = indexOfHeader(out);
        for (int n = 0; n < out.size(); n++) {
            String line = out.get(n);
            if (c.messagesOutsideExcerpt && (tableStart < 0 || n < tableStart)) {
                continue;
            }
            if (c.rowsWithoutHeader && tableStart >= 0 && n >= tableStart) {
                break; // the table's rows are checked the other way round below
            }
            if (c.lastLineTruncated && pos >= log.size()) {
                break; // the excerpt ended mid-table
            }
            int found = -1;
            for (int i = pos; i < log.size(); i++) {
                if (log.get(i).equals(line) || (c.lastLineTruncated && i == log.size() - 1 && line.startsWith(log.get(i)))) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                fail(c.name + ": vmlayout printed a line the kernel did not (or not in this order):\n  " + line
                        + "\n" + r + "\n--- log (normalized)\n" + String.join("\n", log));
            }
            pos = found + 1;
        }

        // 2. every table row and memory message of the log is in vmlayout's output
        List<String> wanted = new ArrayList<>();
        int header = indexOfHeader(log);
        for (int i = 0; i < log.size(); i++) {
            String s = log.get(i);
            boolean tableRow = header >= 0 && i >= header && isTableLine(s, c) && inTableBlock(log, header, i, c);
            boolean section = s.matches("\\s*\\.(text|init|data|bss)\\s*:.*");
            if (c.lastLineTruncated && i == log.size() - 1) {
                continue;
            }
            boolean skipped = c.skipLogLines.stream().anyMatch(s::startsWith);
            if (!skipped && ((tableRow && !(c.sectionsNotGiven && section)) || isMemoryMessage(s, c))) {
                wanted.add(s);
            }
        }
        if (c.rowsWithoutHeader) {
            int at = 0;
            int rows = 0;
            for (String s : log) {
                if (!isTableLine(s, c)) {
                    continue;
                }
                rows++;
                int found = out.subList(at, out.size()).indexOf(s);
                if (found < 0) {
                    fail(c.name + ": the log quotes a row vmlayout did not print (or not in this order):\n  " + s + "\n" + r);
                }
                at += found + 1;
            }
            if (rows == 0) {
                fail(c.name + ": rows-without-header, but the log quotes no table row");
            }
        }
        for (String w : wanted) {
            if (!out.contains(w)) {
                fail(c.name + ": the log has a line vmlayout did not print:\n  " + w + "\n" + r);
            }
        }
    }

    /** The kernel lines vmlayout prints at KERN_DEBUG for this case (its JSON's messages). */
    private static Set<String> debugLines(Case c) {
        List<String> args = new ArrayList<>(c.args);
        args.add("--format=json");
        CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
        Set<String> out = new HashSet<>();
        try {
            for (JsonNode m : new ObjectMapper().readTree(r.out()).get("messages")) {
                if (m.get("source").asText().equals("kernel") && m.get("level").asText().equals("debug")) {
                    out.add(m.get("text").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            fail(c.name + ": no-debug-lines, but vmlayout prints no KERN_DEBUG line here: drop the directive");
        }
        return out;
    }

    static int indexOfHeader(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).toLowerCase();
            if (s.equals("virtual kernel memory layout:") || s.equals("kernel virtual memory layout:")
                    || s.equals("virtualkernelmemorylayout:") || s.equals("kernelvirtualmemorylayout:")) {
                return i;
            }
        }
        return -1;
    }

    static boolean isTableLine(String s, Case c) {
        if (indexOfHeader(List.of(s)) == 0) {
            return true;
        }
        return c.whitespaceInsensitive ? s.matches("[.A-Za-z_*]*:0x.*") || s.matches("\\*0x.*")
                : s.matches("\\s+\\S+\\s*: 0x.*") || s.matches("\\s+\\* 0x.*");
    }

    /** True when line i belongs to the contiguous table block that starts at the header. */
    static boolean inTableBlock(List<String> log, int header, int i, Case c) {
        for (int k = header + 1; k <= i; k++) {
            if (!isTableLine(log.get(k), c)) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern MEMORY_MESSAGE_NO_SPACES = Pattern.compile(MEMORY_MESSAGE.pattern().replace(" ", ""));

    static boolean isMemoryMessage(String s, Case c) {
        return (c.whitespaceInsensitive ? MEMORY_MESSAGE_NO_SPACES : MEMORY_MESSAGE).matcher(s).find();
    }
}
