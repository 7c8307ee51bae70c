package vmlayout.verify;

import java.util.HashMap;
import java.util.Map;

import vmlayout.config.Rx;

/**
 * The shapes of the kernel lines vmlayout predicts, used to find them in a log: the layout table (its
 * header and rows, ARM/x86 "label : 0x... - 0x... (size)" and powerpc "* 0x...0x... : label") and the
 * memory messages of the three engines. A log line of one of these shapes is a predicted line: it is
 * compared with the prediction and never read as an input. Lines are the kernel's text without
 * leading and trailing white space (see {@link BootLog}).
 */
public final class LineShapes {

    private LineShapes() {
    }

    /** "Virtual kernel memory layout:" (ARM), "virtual kernel memory layout:" (x86), "Kernel virtual memory layout:" (ppc). */
    private static final Rx HEADER = Rx.lazy("(?i)^(virtual\\s*kernel|kernel\\s*virtual)\\s*memory\\s*layout\\b");

    /** ARM and x86 rows, also with the spaces a copy collapsed; a row cut at the end of an excerpt matches too. */
    // possessive (++, *+): neither the digits nor the blanks can give back a character the next token
    // needs, and without them a row of 600 kB of digits and no '-' backtracked through every one (seconds)
    private static final Rx ROW = Rx.lazy("^([.A-Za-z_][A-Za-z0-9_ ]{0,15}?)\\s*+:\\s*+0x[0-9a-fA-F(ptrval)]++\\s*+-.*");

    /** powerpc rows: "* 0xffbdf000..0xfffff000  : fixmap". */
    private static final Rx PPC_ROW = Rx.lazy("^\\*\\s*+0x[0-9a-fA-F]++\\s*+\\.\\.\\s*+0x[0-9a-fA-F]++\\s*+:\\s*(.+)$");

    /**
     * The memory messages the engines print (kernel texts from arch/arm/mm, arch/x86, arch/powerpc/mm). The x86
     * e820 KERN_DEBUG lines: every "remove" (mem=, memmap=nn and trim_bios_range()'s 640 kB-1 MB), but of the
     * "update" lines only trim_bios_range()'s, from address 0 (others, such as the MTRR trim's, are not predicted).
     */
    private static final Rx MESSAGE = Rx.lazy(
            "^(Truncating RAM at|Ignoring RAM at|Truncating memory at|Ignoring memory at|Ignoring memory below PHYS_OFFSET"
                    + "|Consider using a HIGHMEM|vmalloc area (is )?too (small|big)|NR_BANKS too low|HIGHMEM is not supported"
                    + "|\\d+MB (HIGH|LOW)MEM available\\.|Warning only \\d+MB will be used|Use a (HIGHMEM|PAE)"
                    + "|Use a HIGHMEM64G|highmem size|only \\d+MB highmem|ignoring highmem size"
                    + "|Only using first contiguous|(e820: )?user-defined physical RAM map:|user: |(e820: )?last_pfn = "
                    + "|Reserving virtual address space above|Malformed early option|Ooops! Too many entries"
                    + "|(e820: )?too many entries; ignoring|Kernel panic - not syncing: Invalid user supplied memory map"
                    + "|4GB seen, but kernel|Warning: only \\d+MB will be used|Warning: only 4GB will be used"
                    + "|(e820: )?remove \\[mem |e820 remove range: |(e820: )?update \\[mem 0x0+-|e820 update range: 0+ - "

                    // the early reservations (engine.reserve, src/docs/reservations.md)
                    + "|cma: (CMA: )?(Reserved|reserved|Failed|failed) |cma: Region at |cma: Size \\("
                    + "|Reserved memory: (created|bypass|regions without no-map|incorrect alignment)"
                    + "|OF: reserved mem: (initialized node|node \\S+ compatible matching fail|failed to allocate memory|0x[0-9a-f]+\\.\\."
                    + "|Reserved memory: No reserved-memory node)"
                    + "|Reserving \\d+MB of memory at \\d+MB for crashkernel|crashkernel reservation failed|crashkernel: "
                    + "|crashkernel reserved: |cannot allocate crashkernel"
                    + "|INITRD: 0x[0-9a-f]+\\+0x[0-9a-f]+ (is not a memory region|overlaps in-use memory region)|- disabling initrd"
                    + "|Kernel panic - not syncing: Failed to allocate \\d+ bytes for node \\d+ memory map)");

    /** 5.8+ mem_init_print_info(): vmlayout predicts some of its fields (see MemoryFacts), never reads it. */
    private static final Rx MEMORY = Rx.lazy("^Memory: \\d+K/\\d+K available \\(");

    /** /proc/meminfo values vmlayout predicts (a dump users paste after dmesg). */
    private static final Rx MEMINFO = Rx.lazy("^(VmallocTotal|HighTotal|LowTotal):\\s+\\d+ kB$");

    /** mm free_area_init() (5.8+ predicted, see FreeAreaInit): the zone limits and memblock's node ranges. */
    private static final Rx ZONE_FAMILY = Rx.lazy(
            "^(Zone ranges:|Movable zone start for each node|Early memory node ranges"
                    + "|(DMA|DMA32|Normal|HighMem|Device)\\s+(\\[mem 0x[0-9a-fA-F]+-0x[0-9a-fA-F]+\\]|empty)"
                    + "|node\\s+\\d+: \\[mem 0x[0-9a-fA-F]+-0x[0-9a-fA-F]+\\]"
                    + "|Initmem setup node \\d+ \\[mem 0x[0-9a-fA-F]+-0x[0-9a-fA-F]+\\])");

    /** The x86 BIOS map: printed by the kernel, but an echo of the firmware's table, which is an input. */
    private static final Rx BIOS_MAP = Rx.lazy("^((e820: )?BIOS-provided physical RAM map:|BIOS-e820: )");

    public static boolean isHeader(String text) {
        return HEADER.foundIn(text);
    }

    public static boolean isRow(String text) {
        return ROW.matchesWhole(text) || PPC_ROW.matchesWhole(text);
    }

    public static boolean isTableLine(String text) {
        return isHeader(text) || isRow(text);
    }

    public static boolean isMessage(String text) {
        return MESSAGE.foundIn(text);
    }

    public static boolean isBiosMap(String text) {
        return BIOS_MAP.foundIn(text);
    }

    /**
     * Answers by text, for the questions asked of the same line many times: Boots, LogFacts (four readers),
     * LogShapes and BootLog each ask isPredicted of every log line, and rowLabel and kind are asked of a line
     * by several of them and again for each prediction. The answers are pure functions of the text.
     */
    private static final class Memo {
        /** The most answers remembered (a log has thousands of lines at most; the bound is for pathological inputs). */
        private static final int MAX = 65_536;
        /** Stands for a null answer. */
        private static final Object NONE = new Object();
        private final Map<String, Object> answers = new HashMap<>();

        /** The answer remembered, NONE for null, or null when not asked yet. */
        synchronized Object get(String text) {
            return answers.get(text);
        }

        synchronized void put(String text, Object answer) {
            if (answers.size() >= MAX) {
                answers.clear();
            }
            answers.put(text, answer == null ? NONE : answer);
        }
    }

    private static final Memo PREDICTED = new Memo();
    private static final Memo ROW_LABEL = new Memo();
    private static final Memo KIND = new Memo();

    /** True for a line vmlayout predicts (and so never reads as an input). */
    public static boolean isPredicted(String text) {
        Object known = PREDICTED.get(text);
        if (known != null) {
            return known == Boolean.TRUE;
        }
        boolean p = isTableLine(text) || isMessage(text) || isMemoryLine(text) || MEMINFO.foundIn(text) || isZoneLine(text);
        PREDICTED.put(text, p);
        return p;
    }

    /** A line of free_area_init()'s report: "Zone ranges:", a zone, the node ranges, "Initmem setup node". */
    public static boolean isZoneLine(String text) {
        return ZONE_FAMILY.foundIn(text);
    }

    /** The "Memory: ...K/...K available (...)" line, whose predicted fields are compared apart. */
    public static boolean isMemoryLine(String text) {
        return MEMORY.foundIn(text);
    }

    /** A row's label: "vmalloc", ".text", "cpu_entry"; for powerpc the words after the colon. Null for other lines. */
    public static String rowLabel(String text) {
        Object known = ROW_LABEL.get(text);
        if (known != null) {
            return known == Memo.NONE ? null : (String) known;
        }
        String label;
        Rx.Matcher m = PPC_ROW.wholeMatch(text);
        if (m != null) {
            label = collapse(m.group(1)).strip();
        } else {
            m = ROW.wholeMatch(text);
            label = m != null ? squeeze(m.group(1)) : null;
        }
        ROW_LABEL.put(text, label);
        return label;
    }

    /** The line without any white space (copies collapse or add spaces; the kernel's words do not change). */
    public static String squeeze(String text) {
        // by hand: replaceAll("\\s+", "") spent seconds on a 5 MB line of "> > > ..." (a match per blank);
        // over a char array, compacted in place: a cold run interprets this for every line and prediction
        char[] cs = text.toCharArray();
        int k = 0;
        for (char c : cs) {
            boolean blank = c == ' ' || (c >= '\t' && c <= '\r') || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x1f;
            if (!blank) {
                cs[k++] = c;
            }
        }
        return k == cs.length ? text : new String(cs, 0, k);
    }

    /** Each run of white space as one blank (replaceAll("\\s+", " ")). */
    private static String collapse(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!space(c)) {
                b.append(c);
            } else if (i == 0 || !space(text.charAt(i - 1))) {
                b.append(' ');
            }
        }
        return b.toString();
    }

    /** The characters of the regular expression \\s. */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    private static final Rx NUMBER = Rx.lazy("0x[0-9a-fA-F]+|[0-9a-fA-F]{8,}|\\d+");
    private static final Rx ADDRESS = Rx.lazy("0x([0-9a-fA-F]{1,16})");

    /**
     * What kind of line this is, numbers aside: a row's label, or the message with every number replaced,
     * so that "Truncating RAM at 0x00000000-0x40000000 to -0x30000000" and the same with other numbers
     * are one kind.
     */
    public static String kind(String text) {
        Object known = KIND.get(text);
        if (known != null) {
            return (String) known;
        }
        String kind;
        if (isHeader(text)) {
            kind = "header";
        } else {
            String label = rowLabel(text);
            kind = label != null ? "row " + label : "msg " + NUMBER.replaceAll(squeeze(text), "#");
        }
        KIND.put(text, kind);
        return kind;
    }

    /** The second address a table row shows (where its area ends), or -1. */
    public static long rowEnd(String text) {
        Rx.Matcher m = ADDRESS.matcher(text);
        return m.find() && m.find() ? Long.parseUnsignedLong(m.group(1), 16) : -1;
    }

    /** The first address a table row shows, or -1. */
    public static long rowStart(String text) {
        Rx.Matcher m = ADDRESS.matcher(text);
        return m.find() ? Long.parseUnsignedLong(m.group(1), 16) : -1;
    }
}
