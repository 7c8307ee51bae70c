package vmlayout.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vmlayout.config.Rx;
import vmlayout.engine.Layout;
import vmlayout.engine.mm.MemoryFacts;
import vmlayout.report.Message;
import vmlayout.verify.Verdict.Entry;
import vmlayout.verify.Verdict.Status;

/**
 * Compares the kernel lines vmlayout predicts with a boot log. Lines are found by content, not by
 * position: first every predicted line the log has exactly (indentation aside), then with other white
 * space, then a log line of the same kind (the same table row, the same message with other numbers).
 * A predicted line the log does not have counts as missing only where the log covers it: a message
 * between two lines the log does have (or after the start of the boot, "Linux version"), a table row
 * when the log has the table's header and does not end inside the table; a KERN_DEBUG line only in a log
 * that has one of the KERN_DEBUG lines vmlayout predicts (a boot without debug or ignore_loglevel prints none).
 */
public final class Verifier {

    private static final class Predicted {
        final String orig;
        final String text;
        final boolean table;
        final boolean input;
        /** A /proc/meminfo line (predicted only when the log has a meminfo dump of this boot, "MemTotal:" first). */
        boolean meminfo;
        /** A KERN_DEBUG line (x86's e820 update/remove lines): a boot without debug or ignore_loglevel hides it. */
        boolean debug;
        int log = -1;
        Status how;

        /** What LineShapes says of {@link #text}, remembered across predictions (LogShapes). */
        final LogShapes.Text shape;

        Predicted(String orig, boolean table, boolean input, LogShapes shapes) {
            this.orig = orig;
            this.text = orig.strip();
            this.table = table;
            this.input = input;
            this.shape = shapes.of(text);
        }
    }

    private Verifier() {
    }

    /**
     * @param echoStarts addresses given with -D at which a table row may start (FIXADDR_START, IOREMAP_BOT,
     *                   section symbols): such a row echoes an input and is not a prediction
     */
    public static Verdict compare(BootLog log, Layout layout, Set<Long> echoStarts) {
        return compare(log, layout, echoStarts, List.of(), Set.of());
    }

    /**
     * @param values     values the kernel prints that vmlayout predicts without the whole line (MemoryFacts)
     * @param inputLines log lines an input was read from: a predicted line found there echoes that input
     */
    public static Verdict compare(BootLog log, Layout layout, Set<Long> echoStarts, List<MemoryFacts.Value> values,
                                  Set<Integer> inputLines) {
        LogShapes shapes = log.shapes();
        List<Predicted> ps = new ArrayList<>();
        for (Message m : layout.messages()) {
            if (m.source() == Message.Source.KERNEL) {
                Predicted p = new Predicted(m.text(), false, shapes.of(m.text().strip()).biosMap(), shapes);
                p.debug = m.level() == Message.Level.DEBUG;
                ps.add(p);
            }
        }
        for (String row : layout.tablePrinted() ? layout.table() : List.<String>of()) {
            LogShapes.Text t = shapes.of(row.strip());
            boolean echo = t.rowLabel != null && echoStarts.contains(t.rowStart());
            ps.add(new Predicted(row, true, echo, shapes));
        }
        boolean meminfo = shapes.meminfo;
        for (MemoryFacts.Value v : values) {
            if (meminfo && v.id().startsWith("meminfo-") && !v.atMost()) {
                Predicted p = new Predicted(MemoryFacts.meminfoLine(v), false, false, shapes);
                p.meminfo = true;
                ps.add(p);
            }
        }
        List<BootLog.Line> lines = log.lines();
        boolean[] used = new boolean[lines.size()];

        // each pass compares a key of the log line with the same key of the predicted line; the keys of
        // the log are computed once (a log may have hundreds of thousands of lines)
        // (and once per log, not per prediction: BootLog keeps them)
        String[] exact = new String[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).text();
            exact[i] = t.isEmpty() ? null : t;
        }
        String[] squeezed = log.squeezed();
        String[] kinds = log.kinds();
        match(ps, exact, used, TEXT, Status.AGREE);
        match(ps, squeezed, used, SQUEEZED, Status.AGREE_SPACING);
        int cutAt = cut(ps, lines, shapes, used);
        match(ps, kinds, used, KIND, Status.DIFFER);

        boolean bootStart = shapes.bootStart;
        boolean header = shapes.header;
        boolean sectionsPredicted = false;
        for (Predicted p : ps) {
            String label = p.shape.rowLabel;
            sectionsPredicted |= label != null && label.startsWith(".");
        }

        // a log shows KERN_DEBUG lines when it has one of those vmlayout predicts
        boolean debugShown = false;
        for (Predicted p : ps) {
            debugShown |= p.debug && p.log >= 0;
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            Predicted p = ps.get(i);
            BootLog.Line l = p.log >= 0 ? lines.get(p.log) : null;
            Status s;
            if (p.input || l != null && inputLines.contains(l.number())) {
                s = Status.INPUT;
            } else if (p.how != null) {
                s = p.how;
            } else if (cutAt >= 0 && i > cutAt && p.table || p.meminfo || p.debug && !debugShown) {
                s = Status.OUTSIDE;
            } else {
                s = covered(ps, i, bootStart, header, cutAt) ? Status.MISSING : Status.OUTSIDE;
            }
            out.add(new Entry(s, p.orig, l == null ? 0 : l.number(), l == null ? null : l.text()));
        }
        out.addAll(memoryLine(lines, shapes, values, used));
        out.addAll(meminfoBounds(lines, values, used, meminfo));
        boolean zonesPredicted = false;
        for (Predicted p : ps) {
            zonesPredicted |= p.shape.zone;
        }
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).text();
            if (used[i] || !shapes.predictedNotMemory[i] || inputLines.contains(lines.get(i).number())
                    || shapes.zone[i] && !zonesPredicted) {
                continue;
            }
            String label = shapes.rowLabel[i];
            Status s = label != null && label.startsWith(".") && !sectionsPredicted ? Status.UNKNOWN : Status.EXTRA;
            out.add(new Entry(s, null, lines.get(i).number(), t));
        }
        return new Verdict(out);
    }

    /** The "Memory: ...K/...K available (...)" line of 5.8+ and the fields of it vmlayout predicts. */
    private static final Rx MEMORY = Rx.lazy(
            "^Memory: (\\d+)K/(\\d+)K available \\((.*?)(?:, (\\d+)K highmem)?\\)$");

    private static List<Entry> memoryLine(List<BootLog.Line> lines, LogShapes shapes, List<MemoryFacts.Value> values,
                                          boolean[] used) {
        List<Entry> out = new ArrayList<>();
        if (shapes.memoryLine == -2) { // looked for once per log
            shapes.memoryLine = -1;
            for (int i = 0; i < lines.size() && shapes.memoryLine < 0; i++) {
                if (MEMORY.matchesWhole(lines.get(i).text())) {
                    shapes.memoryLine = i;
                }
            }
        }
        BootLog.Line found = null;
        Rx.Matcher m = null;
        if (shapes.memoryLine >= 0) {
            found = lines.get(shapes.memoryLine);
            m = MEMORY.matcher(found.text());
            m.matches();
            used[shapes.memoryLine] = true;
        }
        for (MemoryFacts.Value v : values) {
            String predicted = MemoryFacts.memoryField(v);
            if (predicted == null) {
                continue;
            }
            if (found == null) {
                out.add(new Entry(Status.OUTSIDE, predicted, 0, null));
                continue;
            }
            String logValue = v.id().equals("memory-total") ? m.group(2) : m.group(4);
            boolean same = logValue != null && Long.parseLong(logValue) == v.kb();
            out.add(new Entry(same ? Status.AGREE : Status.DIFFER, predicted, found.number(), found.text()));
        }
        return out;
    }

    private static final Rx MEMINFO_VALUE = Rx.lazy("^(\\w+):\\s+(\\d{1,18}) kB$");

    /**
     * The /proc/meminfo values vmlayout predicts as a bound (LowTotal: at most the lowmem RAM): the log's value
     * agrees when it is within the bound. Compared only when the log has a meminfo dump.
     */
    private static List<Entry> meminfoBounds(List<BootLog.Line> lines, List<MemoryFacts.Value> values, boolean[] used,
                                             boolean meminfo) {
        List<Entry> out = new ArrayList<>();
        for (MemoryFacts.Value v : values) {
            if (!meminfo || !v.atMost()) {
                continue;
            }
            String predicted = MemoryFacts.meminfoLine(v);
            Entry e = new Entry(Status.OUTSIDE, predicted, 0, null);
            for (int i = 0; i < lines.size(); i++) {
                Rx.Matcher m = used[i] ? null : MEMINFO_VALUE.wholeMatch(lines.get(i).text());
                if (m != null && (m.group(1) + ":").equals(v.label())) {
                    used[i] = true;
                    boolean within = Long.parseLong(m.group(2)) <= v.kb();
                    e = new Entry(within ? Status.AGREE : Status.DIFFER, predicted, lines.get(i).number(), lines.get(i).text());
                    break;
                }
            }
            out.add(e);
        }
        return out;
    }

    /**
     * One pass: each predicted line not matched yet takes the first free log line with the same key,
     * after the previous match if it can, else before it.
     */
    /** The keys match() compares: an int, not a lambda (a lambda's first use costs start-up, see Rx). */
    private static final int TEXT = 0;
    private static final int SQUEEZED = 1;
    private static final int KIND = 2;

    private static String key(Predicted p, int key) {
        return key == TEXT ? p.text : key == SQUEEZED ? p.shape.squeezed : p.shape.kind();
    }

    private static void match(List<Predicted> ps, String[] keys, boolean[] used, int key, Status how) {
        int after = -1;
        for (Predicted p : ps) {
            if (p.log >= 0) {
                after = p.log;
                continue;
            }
            String want = key(p, key);
            int found = find(keys, used, want, after + 1, keys.length);
            if (found < 0) {
                found = find(keys, used, want, 0, Math.min(after + 1, keys.length));
            }
            if (found >= 0) {
                used[found] = true;
                p.log = found;
                p.how = how;
                after = found;
            }
        }
    }

    private static int find(String[] keys, boolean[] used, String want, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!used[i] && keys[i] != null && keys[i].equals(want)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * An excerpt that ends in the middle of a table row (its last line is a row without its closing size):
     * a predicted row it starts is cut, and the table's rows after that row are outside the excerpt.
     * Runs before the pass by kind, which would take a cut row with other numbers as differing.
     */
    private static int cut(List<Predicted> ps, List<BootLog.Line> lines, LogShapes shapes, boolean[] used) {
        if (shapes.cutLine == -2) { // the last line's shape, once per log (not once per prediction)
            int last = lines.size() - 1;
            while (last >= 0 && lines.get(last).text().isEmpty()) {
                last--;
            }
            String t = last < 0 ? "" : lines.get(last).text();
            String label = last < 0 ? null : LineShapes.rowLabel(t);
            if (label == null || t.endsWith(")") || t.startsWith("*")) {
                shapes.cutLine = -1;
            } else {
                shapes.cutLine = last;
                shapes.cutLabel = label;
                shapes.cutTail = LineShapes.squeeze(t);
            }
        }
        if (shapes.cutLine < 0) {
            return -1;
        }
        int last = shapes.cutLine;
        String label = shapes.cutLabel;
        String tail = shapes.cutTail;
        for (int i = 0; i < ps.size(); i++) {
            Predicted p = ps.get(i);
            if (p.table && label.equals(p.shape.rowLabel)) {
                if (p.log < 0 && !used[last]) {
                    used[last] = true;
                    p.log = last;
                    p.how = p.shape.squeezed.startsWith(tail) ? Status.CUT : Status.DIFFER;
                }
                return i;
            }
        }
        return -1;
    }

    private static boolean covered(List<Predicted> ps, int i, boolean bootStart, boolean header, int cutAt) {
        boolean before = bootStart;
        boolean after = false;
        for (int j = 0; j < ps.size(); j++) {
            if (ps.get(j).log >= 0 && ps.get(j).how != Status.CUT) {
                before |= j < i;
                after |= j > i;
            }
        }
        Predicted p = ps.get(i);
        boolean row = p.table && !p.shape.header;
        if (row) {
            return header && (cutAt < 0 || i < cutAt);
        }
        return before && after;
    }
}
