package vmlayout.inputs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vmlayout.config.E820Entry;
import vmlayout.config.InputException;
import vmlayout.config.UserFiles;

/**
 * The x86 BIOS (e820) map from where users have it (--e820-file):
 * <ul>
 *   <li>a boot log or a dmesg excerpt: its {@code BIOS-e820:} lines, in the form of any release (up to
 *       3.4 {@code " BIOS-e820: %016Lx - %016Lx (usable)"}, end exclusive; from 3.5
 *       {@code "BIOS-e820: [mem %#018Lx-%#018Lx] usable"}, end inclusive; arch/x86/kernel/e820.c), with
 *       the decoration of {@link KernelLogText} (timestamps, syslog, mail quoting ...);</li>
 *   <li>a /sys/firmware/memmap directory (drivers/firmware/memmap.c: one directory per entry, numbered
 *       from 0, each with {@code start}, {@code end} (inclusive) and {@code type}), or the output of
 *       {@code grep . /sys/firmware/memmap/}{@code *}{@code /*} saved in a file.</li>
 * </ul>
 * The type words are the kernel's ({@link E820Entry#typeOf}). A log that holds the boot twice (a console
 * capture followed by a dmesg dump) gives the same map twice: it is read once; two different maps are
 * refused.
 */
public final class BiosMapFile {

    /** Largest file read: the kernel's ring buffer is at most 32 MB (CONFIG_LOG_BUF_SHIFT 25). */
    static final long MAX_BYTES = 32L << 20;
    /** Entries of a /sys/firmware/memmap directory read at most (the kernel keeps 3 x 128 + extended). */
    static final int MAX_DIR_ENTRIES = 4096;

    /**
     * The map read.
     *
     * @param entries the entries in the order the kernel printed (or numbered) them
     * @param source  what they were read from, for "defaults used" and notes: "BIOS-e820 lines 8-13 of F"
     * @param notes   what the reader noticed (the map given twice)
     */
    public record Result(List<E820Entry> entries, String source, List<String> notes) {
    }

    private static final Pattern MEM_FORM = Pattern.compile(
            "^BIOS-e820: \\[mem 0x([0-9a-fA-F]{1,16})-0x([0-9a-fA-F]{1,16})\\] (.+)$");
    private static final Pattern OLD_FORM = Pattern.compile(
            "^BIOS-e820: ([0-9a-fA-F]{8,16}) - ([0-9a-fA-F]{8,16}) (.+)$");
    private static final Pattern SYSFS_LINE = Pattern.compile("^(?:.*/)?(\\d{1,9})/(start|end|type):(.*)$");

    private BiosMapFile() {
    }

    /** Reads {@code path} for option {@code option} (a file, "-" for standard input, or a directory). */
    public static Result read(String option, String path) {
        if (path != null && !path.equals("-") && !path.isEmpty()) {
            Path p = UserFiles.path(option, path);
            if (Files.isDirectory(p)) {
                return sysfsDir(option + " " + path, p);
            }
        }
        InputFile f = InputFile.read(option, path, MAX_BYTES);
        return text(f.label(), KernelLogText.decode(f.label(), f.bytes()));
    }

    /** A boot log, a dmesg excerpt or a saved /sys/firmware/memmap listing. */
    public static Result text(String label, String text) {
        String[] raw = text.split("\r?\n", -1);
        List<List<E820Entry>> blocks = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        List<E820Entry> current = null;
        int n = 0;
        TreeMap<Integer, String[]> sysfs = new TreeMap<>();
        int sysfsFirst = 0;
        for (String r : raw) {
            n++;
            String t = KernelLogText.kernelText(r);
            if (t.startsWith("BIOS-e820:")) {
                E820Entry e = logLine(label, n, t);
                if (current == null) {
                    current = new ArrayList<>();
                    blocks.add(current);
                    spans.add(new int[]{n, n});
                }
                current.add(e);
                spans.get(spans.size() - 1)[1] = n;
                continue;
            }
            if (!t.isEmpty()) {
                current = null;
            }
            Matcher m = SYSFS_LINE.matcher(t);
            if (m.matches()) {
                if (sysfs.isEmpty()) {
                    sysfsFirst = n;
                }
                String[] f = sysfs.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new String[3]);
                int i = m.group(2).equals("start") ? 0 : m.group(2).equals("end") ? 1 : 2;
                if (f[i] != null) {
                    throw new InputException(label + ": line " + n + ": entry " + m.group(1) + " has two " + m.group(2) + " lines");
                }
                f[i] = m.group(3);
            }
        }
        if (!blocks.isEmpty()) {
            if (!sysfs.isEmpty()) {
                throw new InputException(label + ": holds both BIOS-e820 lines (line " + spans.get(0)[0] + ") and"
                        + " /sys/firmware/memmap lines (line " + sysfsFirst + "): give one of them");
            }
            return logBlocks(label, blocks, spans);
        }
        if (!sysfs.isEmpty()) {
            List<E820Entry> out = new ArrayList<>();
            for (var e : sysfs.entrySet()) {
                out.add(sysfsEntry(label + ": entry " + e.getKey(), e.getValue()));
            }
            return new Result(out, "/sys/firmware/memmap entries in " + label, List.of());
        }
        throw new InputException(label + ": no BIOS-e820: line: expected a boot log or dmesg excerpt with the"
                + " kernel's \"BIOS-provided physical RAM map:\", a /sys/firmware/memmap directory, or the output of"
                + " 'grep . /sys/firmware/memmap/*/*'");
    }

    /** One {@code BIOS-e820:} line in either form. */
    private static E820Entry logLine(String label, int n, String t) {
        String where = label + ": line " + n;
        Matcher m = MEM_FORM.matcher(t);
        long start;
        long end; // exclusive
        String word;
        if (m.matches()) {
            start = Long.parseUnsignedLong(m.group(1), 16);
            long last = Long.parseUnsignedLong(m.group(2), 16);
            if (Long.compareUnsigned(last, start) < 0) {
                throw new InputException(where + ": the entry ends before it starts: " + InputFile.quote(t));
            }
            end = last + 1;
            word = m.group(3);
        } else if ((m = OLD_FORM.matcher(t)).matches()) {
            start = Long.parseUnsignedLong(m.group(1), 16);
            end = Long.parseUnsignedLong(m.group(2), 16);
            if (Long.compareUnsigned(end, start) <= 0) {
                throw new InputException(where + ": the entry is empty or ends before it starts: " + InputFile.quote(t));
            }
            word = m.group(3);
        } else {
            throw new InputException(where + ": cannot read " + InputFile.quote(t) + ": expected 'BIOS-e820: [mem"
                    + " 0xSTART-0xEND] TYPE' (3.5 on) or 'BIOS-e820: START - END (TYPE)' (up to 3.4)");
        }
        return entry(where, start, end - start, word);
    }

    private static E820Entry entry(String where, long start, long size, String word) {
        int type = E820Entry.typeOf(word);
        if (type == E820Entry.UNKNOWN) {
            throw new InputException(where + ": unknown type " + InputFile.quote(word.strip()) + ": expected one the kernel"
                    + " prints (usable, reserved, ACPI data, ACPI NVS, unusable, persistent (type N), soft reserved, type N)"
                    + " or a /sys/firmware/memmap type (System RAM, Reserved, ACPI Tables ...)");
        }
        E820Entry.checkRange(start, size, where);
        return new E820Entry(start, size, type);
    }

    /** The map printed more than once: the same map is read once, different ones are refused. */
    private static Result logBlocks(String label, List<List<E820Entry>> blocks, List<int[]> spans) {
        List<String> notes = new ArrayList<>();
        for (int i = 1; i < blocks.size(); i++) {
            if (!blocks.get(i).equals(blocks.get(0))) {
                throw new InputException(label + ": two different BIOS maps (lines " + lines(spans.get(0)) + " and "
                        + lines(spans.get(i)) + "): give a log of one boot");
            }
        }
        if (blocks.size() > 1) {
            StringBuilder b = new StringBuilder();
            for (int[] s : spans) {
                b.append(b.length() == 0 ? "" : ", ").append(lines(s));
            }
            notes.add(label + " prints the same BIOS map " + blocks.size() + " times (lines " + b + "): read once");
        }
        return new Result(blocks.get(0), "BIOS-e820 lines " + lines(spans.get(0)) + " of " + label, notes);
    }

    private static String lines(int[] span) {
        return span[0] == span[1] ? Integer.toString(span[0]) : span[0] + "-" + span[1];
    }

    /** A /sys/firmware/memmap directory: numbered entries, each with start, end and type. */
    private static Result sysfsDir(String label, Path dir) {
        TreeMap<Integer, Path> numbered = new TreeMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (name.matches("\\d{1,9}") && Files.isDirectory(p)) {
                    if (numbered.size() >= MAX_DIR_ENTRIES) {
                        throw new InputException(label + ": more than " + MAX_DIR_ENTRIES + " entries: not a /sys/firmware/memmap directory");
                    }
                    numbered.put(Integer.parseInt(name), p);
                }
            }
        } catch (IOException e) {
            throw new InputException(label + ": cannot list the directory: " + e.getClass().getSimpleName());
        }
        if (numbered.isEmpty()) {
            throw new InputException(label + ": no numbered entries (0, 1, 2 ...): expected /sys/firmware/memmap or a"
                    + " copy of it, or a boot log with BIOS-e820: lines");
        }
        List<E820Entry> out = new ArrayList<>();
        for (var e : numbered.entrySet()) {
            String where = label + "/" + e.getKey();
            out.add(sysfsEntry(where, new String[]{
                small(where, e.getValue().resolve("start")),
                small(where, e.getValue().resolve("end")),
                small(where, e.getValue().resolve("type"))}));
        }
        return new Result(out, "/sys/firmware/memmap directory " + label.substring(label.indexOf(' ') + 1), List.of());
    }

    /** One file of an entry: a line of text. */
    private static String small(String where, Path p) {
        try {
            if (!Files.isRegularFile(p)) {
                throw new InputException(where + ": no file " + p.getFileName() + " (an entry has start, end and type)");
            }
            byte[] b = Files.readAllBytes(p);
            if (b.length > 128) {
                throw new InputException(where + "/" + p.getFileName() + ": " + b.length + " bytes: not a memmap value");
            }
            return new String(b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(where + "/" + p.getFileName() + ": cannot read: " + e.getClass().getSimpleName());
        }
    }

    /** start and end as the kernel shows them ("0x%llx", end inclusive) and the type string. */
    private static E820Entry sysfsEntry(String where, String[] f) {
        for (int i = 0; i < 3; i++) {
            if (f[i] == null) {
                throw new InputException(where + ": no " + (i == 0 ? "start" : i == 1 ? "end" : "type") + " value");
            }
        }
        long start = hex(where + " start", f[0]);
        long last = hex(where + " end", f[1]);
        if (Long.compareUnsigned(last, start) < 0) {
            throw new InputException(where + ": end " + f[1].strip() + " is below start " + f[0].strip());
        }
        if (f[2].strip().equalsIgnoreCase("Unknown E820 type")) {
            throw new InputException(where + ": type 'Unknown E820 type': /sys/firmware/memmap does not say which number;"
                    + " read the map from the boot log's BIOS-e820: lines instead (they print 'type N')");
        }
        return entry(where, start, last - start + 1, f[2]);
    }

    private static long hex(String where, String v) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("0x")) {
            s = s.substring(2);
        }
        if (!s.matches("[0-9a-f]{1,16}")) {
            throw new InputException(where + ": cannot read " + InputFile.quote(v.strip()) + ": expected a hexadecimal address");
        }
        return Long.parseUnsignedLong(s, 16);
    }
}
