package vmlayout.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vmlayout.config.InputException;
import vmlayout.config.Rx;

/**
 * The boots a log holds. A file may hold several boots (a serial capture across reboots), or one boot
 * printed twice: the console's output, then a {@code dmesg} dump of the same ring buffer. The log is
 * split at each boot's first line ("Booting Linux on physical CPU" on ARM, else "Linux version N");
 * a later part whose first lines are the same lines, with the same timestamps, as an earlier part's is
 * a copy of that boot and is not counted again. Lines before the first boot's first line (a boot
 * loader's output) belong to the first boot.
 */
public final class Boots {

    /**
     * One part of the file.
     *
     * @param boot     the boot it shows, 1-based, in the order of the file (copies share the number)
     * @param from     its first line (1-based)
     * @param to       its last line
     * @param copyOf   0, or the part (1-based index in {@link #parts()}) whose boot this part repeats
     * @param complete true when it reaches the memory set-up's report ("Memory: ..." or a layout table)
     */
    public record Part(int boot, int from, int to, int copyOf, boolean complete) {
    }

    private static final Rx VERSION = Rx.lazy("^Linux version \\d");
    private static final Rx TIMESTAMP = Rx.lazy("\\[\\s*(\\d+\\.\\d+)\\]");
    /** Lines every boot of every era prints once the memory set-up is done. */
    private static boolean done(String t) {
        return t.startsWith("Memory: ") || t.startsWith("Freeing unused kernel") || t.startsWith("Freeing init memory");
    }

    /** By line number: an anonymous class, not Comparator.comparingInt (a method reference costs start-up, see Rx). */
    private static final Comparator<BootLog.Line> BY_NUMBER = new Comparator<BootLog.Line>() {
        @Override
        public int compare(BootLog.Line a, BootLog.Line b) {
            return Integer.compare(a.number(), b.number());
        }
    };
    /** How many of a part's first lines are compared to tell a copy. */
    private static final int SIGNATURE = 40;

    private final BootLog log;
    private final List<Part> parts;

    private Boots(BootLog log, List<Part> parts) {
        this.log = log;
        this.parts = List.copyOf(parts);
    }

    public List<Part> parts() {
        return parts;
    }

    /** Distinct boots (copies not counted). */
    public int count() {
        int n = 0;
        for (Part p : parts) {
            n = Math.max(n, p.boot());
        }
        return n;
    }

    /** Splits a log into its boots. */
    public static Boots of(BootLog log) {
        List<BootLog.Line> lines = log.lines();
        List<Integer> starts = new ArrayList<>();
        int booting = -1; // the last "Booting Linux" start not yet followed by its "Linux version"
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).text();
            if (t.startsWith("Booting Linux on physical CPU")) {
                starts.add(i);
                booting = i;
            } else if (VERSION.foundIn(t)) {
                // ARM prints "Booting Linux on physical CPU" a line or two before "Linux version"
                if (booting < 0 || i - booting > 5) {
                    starts.add(i);
                }
                booting = -1;
            }
        }
        if (starts.isEmpty()) {
            starts.add(0);
        } else {
            starts.set(0, 0); // what comes before the first boot belongs to it
        }
        // a part without a single line of the memory set-up is not a boot (a pasted /proc/version, say)
        List<int[]> ranges = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int from = starts.get(k);
            int to = k + 1 < starts.size() ? starts.get(k + 1) - 1 : lines.size() - 1;
            if (!ranges.isEmpty() && !hasMemoryLine(lines, from, to)) {
                ranges.get(ranges.size() - 1)[1] = to;
            } else {
                ranges.add(new int[]{from, to});
            }
        }
        List<Part> parts = new ArrayList<>();
        List<Set<String>> signatures = new ArrayList<>();
        int boots = 0;
        for (int[] r : ranges) {
            Set<String> sig = signature(lines, r[0], r[1]);
            int copyOf = 0;
            for (int j = 0; j < signatures.size() && copyOf == 0; j++) {
                if (sameBoot(signatures.get(j), sig)) {
                    copyOf = j + 1;
                }
            }
            int boot = copyOf > 0 ? parts.get(copyOf - 1).boot() : ++boots;
            parts.add(new Part(boot, lines.get(r[0]).number(), lines.get(r[1]).number(), copyOf, complete(lines, r[0], r[1])));
            signatures.add(sig);
        }
        return new Boots(log, parts);
    }

    private static boolean hasMemoryLine(List<BootLog.Line> lines, int from, int to) {
        for (int i = from; i <= to; i++) {
            String t = lines.get(i).text();
            if (LineShapes.isPredicted(t) || LineShapes.isBiosMap(t) || done(t)
                    || t.startsWith("Kernel command line:") || t.startsWith("Zone ranges:")) {
                return true;
            }
        }
        return false;
    }

    private static boolean complete(List<BootLog.Line> lines, int from, int to) {
        for (int i = from; i <= to; i++) {
            String t = lines.get(i).text();
            if (done(t) || LineShapes.isHeader(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first lines of a part with their timestamps, as a set: two copies of one boot share them. Lines
     * stamped later than 0.000000 are taken first: every boot prints the same early lines at 0.000000, while
     * two boots never share the microseconds of later ones.
     */
    private static Set<String> signature(List<BootLog.Line> lines, int from, int to) {
        Set<String> stamped = new HashSet<>();
        Set<String> all = new HashSet<>();
        for (int i = from; i <= to && stamped.size() < SIGNATURE; i++) {
            BootLog.Line l = lines.get(i);
            if (l.text().isEmpty()) {
                continue;
            }
            Rx.Matcher m = TIMESTAMP.firstMatch(l.raw());
            boolean has = m != null;
            String key = (has ? m.group(1) + " " : "") + l.text();
            if (has && Double.parseDouble(m.group(1)) > 0) {
                stamped.add(key);
            }
            if (all.size() < SIGNATURE) {
                all.add(key);
            }
        }
        return stamped.size() >= 10 ? stamped : all;
    }

    /** Nine in ten of the shorter part's first lines are the other's: one boot printed twice. */
    private static boolean sameBoot(Set<String> a, Set<String> b) {
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> big = small == a ? b : a;
        if (small.size() < 3) {
            return false;
        }
        int common = 0;
        for (String s : small) {
            if (big.contains(s)) {
                common++;
            }
        }
        return common * 10 >= small.size() * 9;
    }

    /**
     * The part to compare: boot {@code n} (1-based) when given, else the last complete boot (the last boot
     * when none is complete). Of a boot printed twice, the copy with the most lines.
     */
    public Part pick(Integer n) {
        int boot;
        if (n != null) {
            if (n < 1 || n > count()) {
                throw new InputException("verify --boot " + n + ": the log holds " + count() + (count() == 1 ? " boot" : " boots")
                        + ": give a number from 1 to " + count());
            }
            boot = n;
        } else {
            boot = count();
            for (int b = count(); b >= 1; b--) {
                if (anyComplete(b)) {
                    boot = b;
                    break;
                }
            }
        }
        Part best = null;
        for (Part p : parts) {
            if (p.boot() == boot && (best == null || size(p) > size(best))) {
                best = p;
            }
        }
        return best;
    }

    private boolean anyComplete(int boot) {
        for (Part p : parts) {
            if (p.boot() == boot && p.complete()) {
                return true;
            }
        }
        return false;
    }

    private int size(Part p) {
        int n = 0;
        for (BootLog.Line l : log.lines()) {
            if (l.number() >= p.from() && l.number() <= p.to() && !l.text().isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /** The lines of every copy of one boot (a /proc/meminfo dump may follow any of them). */
    public List<BootLog.Line> linesOfBoot(int boot) {
        List<BootLog.Line> out = new ArrayList<>();
        for (Part p : parts) {
            if (p.boot() == boot) {
                for (BootLog.Line l : log.lines()) {
                    if (l.number() >= p.from() && l.number() <= p.to()) {
                        out.add(l);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The lines to compare for one part: the part, and the /proc/meminfo lines printed after any copy of its
     * boot (a console capture often has them after the console's copy, before the dmesg dump).
     */
    public BootLog compared(Part p) {
        List<BootLog.Line> out = new ArrayList<>(logOf(p).lines());
        for (BootLog.Line l : linesOfBoot(p.boot())) {
            if ((l.number() < p.from() || l.number() > p.to()) && MEMINFO.foundIn(l.text())) {
                out.add(l);
            }
        }
        out.sort(BY_NUMBER);
        return BootLog.of(log.name(), out);
    }

    private static final Rx MEMINFO = Rx.lazy("^[A-Za-z_()]+:\\s+\\d+ kB$");

    /** What the user should know about the boots of the file: how many, which one is compared, copies. */
    public List<String> notes(Part chosen) {
        List<String> out = new ArrayList<>();
        int copies = parts.size() - count();
        if (count() > 1) {
            StringBuilder b = new StringBuilder("the log holds " + count() + " boots (");
            for (int k = 1; k <= count(); k++) {
                Part first = null;
                for (Part p : parts) {
                    if (p.boot() == k && first == null) {
                        first = p;
                    }
                }
                b.append(k == 1 ? "" : ", ").append(k).append(": lines ").append(first.from()).append('-').append(first.to());
            }
            b.append("); compared: boot ").append(chosen.boot()).append(" (lines ").append(chosen.from()).append('-')
                    .append(chosen.to()).append(')');
            if (chosen.boot() == count() && anyComplete(count())) {
                b.append(", the last complete one; --boot N picks another");
            }
            out.add(b.toString());
        }
        if (copies > 0) {
            for (Part p : parts) {
                if (p.copyOf() > 0) {
                    Part of = parts.get(p.copyOf() - 1);
                    out.add("lines " + p.from() + "-" + p.to() + " repeat the boot of lines " + of.from() + "-" + of.to()
                            + " (the same lines with the same timestamps: a dmesg dump after the console's copy): counted once");
                }
            }
        }
        if (!chosen.complete()) {
            out.add("the compared boot ends before the kernel's \"Memory:\" report (an excerpt, or a boot that stopped)");
        }
        return out;
    }

    /** The log of one part (line numbers as in the file). */
    public BootLog logOf(Part p) {
        return log.slice(p.from(), p.to());
    }
}
