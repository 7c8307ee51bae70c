package vmlayout.verify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vmlayout.config.Arch;
import vmlayout.config.KernelVersion;
import vmlayout.config.Rx;
import vmlayout.engine.x86.X86Knobs;

/**
 * What a boot log tells about the inputs, the facts a user knew before booting: the release ("Linux
 * version"), the architecture (from lines only one architecture prints), the command line ("Kernel
 * command line:") and the RAM where the log states it (x86 BIOS-e820 lines; ARM early memory node
 * ranges, zone ranges or "Memory: NMB = NMB total"; powerpc "Top of RAM" or "Total memory"). Lines of
 * the shapes vmlayout predicts ({@link LineShapes#isPredicted}) are never read here.
 */
public final class LogFacts {

    /**
     * One input read from the log.
     *
     * @param name  the vmlayout option it stands for: --arch, --kernel, --cmdline, --ram, --e820
     * @param value the option's value as vmlayout reads it
     * @param line  the log line it comes from (1-based)
     * @param text  that line's kernel text
     */
    public record Fact(String name, String value, int line, String text) {
    }

    private static final Rx VERSION = Rx.lazy("^Linux version (\\d+\\.\\d+(?:\\.\\d+){0,2}(?:-rc\\d+)?)\\S*");
    private static final Rx CMDLINE = Rx.lazy("^Kernel command line: ?(.*)$");
    private static final Rx E820_OLD = Rx.lazy(
            "^BIOS-e820: ([0-9a-fA-F]{8,16}) - ([0-9a-fA-F]{8,16}) \\(([^)]*)\\)");
    private static final Rx E820_MEM = Rx.lazy(
            "^BIOS-e820: \\[mem 0x([0-9a-fA-F]{1,16})-0x([0-9a-fA-F]{1,16})\\] (.+)$");
    private static final Rx ARM_TOTAL = Rx.lazy("^Memory: ((?:\\d{1,7}MB ?){1,16})= (\\d{1,7})MB total$");
    private static final Rx NODE_RANGE = Rx.lazy("^node\\s+\\d+: \\[mem 0x([0-9a-fA-F]{1,16})-0x([0-9a-fA-F]{1,16})\\]$");
    private static final Rx ZONE_RANGE = Rx.lazy("^(DMA|DMA32|Normal|HighMem)\\s+\\[mem 0x([0-9a-fA-F]{1,16})-0x([0-9a-fA-F]{1,16})\\]$");
    private static final Rx PPC_TOP = Rx.lazy("^Top of RAM: 0x([0-9a-fA-F]{1,16}), Total RAM: 0x([0-9a-fA-F]{1,16})");
    private static final Rx PPC_TOTAL = Rx.lazy("^Total memory = (\\d{1,7})MB");
    /**
     * A distribution's upstream release in the version line's build tag: Debian "#1 SMP Debian 6.1.192-3
     * (2026-11-26)" (uname -r says 6.1.0-57, the ABI), Ubuntu "(Ubuntu 5.15.0-91.101-generic 5.15.131)".
     */
    private static final Rx DISTRO_RELEASE = Rx.lazy("(?: Debian (\\d+\\.\\d+\\.\\d+)-\\S+|\\(Ubuntu \\S+ (\\d+\\.\\d+\\.\\d+)\\)$)");
    /** The release in an oops or warning header (dump_stack_print_info()): "... Not tainted 5.17.0-rc6-next #197". */
    private static final Rx TAINT = Rx.lazy("(?:Not tainted|Tainted: [A-Z ]{1,40}?) (\\d+\\.\\d+(?:\\.\\d+){0,2})\\S* #");
    /** NR_CPUS: x86 setup_per_cpu_areas() and kernel/rcu/tree_plugin.h rcu_bootup_announce_oddness() (only when fewer CPUs). */
    private static final Rx NR_CPUS = Rx.lazy("^(?:setup_percpu: NR_CPUS:(\\d{1,5}) |rcu: RCU restricting CPUs from NR_CPUS=(\\d{1,5}) )");
    /** The device tree's model (setup_machine_fdt(); "OF: fdt: " from 4.x). */
    private static final Rx MODEL = Rx.lazy("^(?:OF: fdt: )?Machine model: (.+)$");
    /** x86 x86_report_nx(): which page tables the kernel was built with. */
    private static final Rx NX_PAE = Rx.lazy("^NX \\(Execute Disable\\) protection: active");
    private static final Rx NX_NONPAE = Rx.lazy("^(Notice: NX \\(Execute Disable\\) protection cannot be enabled: non-PAE kernel!"
            + "|L1TF: Kernel not compiled for PAE)");
    /** A physical address printed with %pa: 16 digits when phys_addr_t is 64-bit (ARM: LPAE), 8 when it is 32-bit. */
    private static final Rx PA_WIDTH = Rx.lazy("^(?:cma: Reserved \\d+ MiB at|Reserved memory: created \\S+ memory pool at) 0x([0-9a-f]+)\\b");
    /** The header of free_area_init()'s zone lines: the source of the zone names, an input, so not compared. */
    static final String ZONES_HEADER = "Zone ranges:";
    /** mm free_area_init(): the zones the kernel was built with ("  %-8s " then the range or "empty"). */
    private static final Rx ZONE = Rx.lazy("^(DMA|DMA32|Normal|HighMem|Device)\\s+(?:\\[mem |empty$)");

    /** Lines that only one architecture prints (kernel texts of arch/arm, arch/x86, arch/powerpc). */
    private static final Rx ARM_LINE = Rx.lazy(
            "^(CPU: .*\\(ARMv\\d|Machine model: |Machine: |Booting Linux on physical CPU|Memory policy: |CPU: All CPU\\(s\\) started in"
                    + "|Memory: (?:\\d{1,7}MB ?){1,16}= \\d{1,7}MB total)"); // bounded: an unbounded group recursed per repetition
    private static final Rx X86_LINE = Rx.lazy(
            "^((e820: )?BIOS-provided physical RAM map:|BIOS-e820: |x86/|DMI: |Initializing HighMem for node"
                    + "|Checking if this processor honours the WP bit|Notice: NX \\(Execute Disable\\)|NX \\(Execute Disable\\)"
                    + "|Linux version .*(i[3-6]86|x86))");
    private static final Rx PPC_LINE = Rx.lazy(
            "^(Top of RAM: |Total memory = |Using .* machine description|-> early_init_devtree|MMU: |PowerMac |Hash: "
                    + "|Linux version .*(powerpc|ppc))");

    private Arch arch;
    private int archLine;
    private final List<Fact> facts = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> ramNotes = new ArrayList<>();
    private String kernel;
    private String cmdline;
    private final List<String> ram = new ArrayList<>();
    private final List<String> e820 = new ArrayList<>();
    private final List<String> defines = new ArrayList<>();
    private String model;
    private int modelLine;

    private LogFacts() {
    }

    public Arch arch() {
        return arch;
    }

    /** The release as the log states it (e.g. "4.4.75"), or null. */
    public String kernel() {
        return kernel;
    }

    /** The command line the log shows, or null. */
    public String cmdline() {
        return cmdline;
    }

    /** RAM banks (START:SIZE), empty when the log does not state them or is x86. */
    public List<String> ram() {
        return ram;
    }

    /** x86 BIOS map entries (START:SIZE:TYPE), empty when the log has none. */
    public List<String> e820() {
        return e820;
    }

    /** Kconfig and kernel constants the log reveals (NAME=VALUE, for -D). */
    public List<String> defines() {
        return defines;
    }

    /** The device tree's "Machine model:", or null. */
    public String model() {
        return model;
    }

    /** The line of the "Machine model:" (0 when none). */
    public int modelLine() {
        return modelLine;
    }

    /** Every input read, in the order of the log. */
    public List<Fact> facts() {
        return facts;
    }

    /** What was read and how, for the user (several command lines, RAM only as the kernel kept it ...). */
    public List<String> notes() {
        return notes;
    }

    /** How the RAM was read (said only when the RAM read from the log is used). */
    public List<String> ramNotes() {
        return ramNotes;
    }

    /** Reads the facts of a log; {@code archHint} (may be null) picks which RAM lines apply. */
    public static LogFacts of(BootLog log, Arch archHint) {
        LogFacts f = new LogFacts();
        int[] votes = new int[Arch.values().length];
        BootLog.Line[] first = new BootLog.Line[Arch.values().length];
        int cmdlines = 0;
        for (BootLog.Line l : log.lines()) {
            String t = l.text();
            if (t.isEmpty() || LineShapes.isPredicted(t)) {
                continue;
            }
            vote(ARM_LINE, Arch.ARM, l, votes, first);
            vote(X86_LINE, Arch.X86, l, votes, first);
            vote(PPC_LINE, Arch.PPC, l, votes, first);
            Rx.Matcher m = VERSION.firstMatch(t);
            if (m != null && f.kernel == null) {
                f.kernel = m.group(1);
                Rx.Matcher d = DISTRO_RELEASE.firstMatch(t);
                if (d != null && !f.kernel.contains("-rc")) {
                    String up = d.group(1) != null ? d.group(1) : d.group(2);
                    // the same release line (6.1.0-57 is Debian's 6.1.192): its stable updates are era facts too
                    if (up.startsWith(withoutDotZero(f.kernel) + ".")) {
                        f.kernel = up;
                    }
                }
                f.facts.add(new Fact("--kernel", f.kernel, l.number(), t));
            }
            m = CMDLINE.wholeMatch(t);
            if (m != null) {
                cmdlines++;
                if (cmdlines == 1) {
                    f.cmdline = m.group(1).strip();
                    f.facts.add(new Fact("--cmdline", f.cmdline, l.number(), t));
                }
            }
        }
        if (cmdlines > 1) {
            f.notes.add("the log has " + cmdlines + " \"Kernel command line:\" lines (more than one boot?): the first is used");
        }
        f.pickArch(votes, first);
        if (f.kernel == null) {
            f.releaseFromTaint(log);
        }
        Arch ramArch = archHint != null ? archHint : f.arch;
        if (ramArch != null) {
            switch (ramArch) {
                case X86 -> f.readE820(log);
                case ARM -> f.readArmRam(log);
                case PPC -> f.readPpcRam(log);
            }
        }
        f.readModel(log);
        f.readKconfig(log, ramArch);
        return f;
    }

    /** A log without "Linux version" (an excerpt) may show the release in an oops or warning header. */
    private void releaseFromTaint(BootLog log) {
        for (BootLog.Line l : log.lines()) {
            Rx.Matcher m = TAINT.firstMatch(l.text());
            if (m != null) {
                kernel = m.group(1);
                facts.add(new Fact("--kernel", kernel, l.number(), l.text()));
                return;
            }
        }
    }

    private void readModel(BootLog log) {
        for (BootLog.Line l : log.lines()) {
            Rx.Matcher m = MODEL.wholeMatch(l.text());
            if (m != null) {
                model = m.group(1).strip();
                modelLine = l.number();
                return;
            }
        }
    }

    /**
     * Kconfig the log reveals by the shape of what it prints, never by a predicted value: the zones the kernel
     * was built with (the names of the "Zone ranges:" lines, or the highmem field of the 3.11+ "Memory:" line),
     * x86's page-table flavour (x86_report_nx()) and NR_CPUS (x86, where the fixmap and cpu_entry_area depend on it).
     */
    private void readKconfig(BootLog log, Arch a) {
        if (a == null) {
            return;
        }
        BootLog.Line zones = null;
        Set<String> names = new LinkedHashSet<>();
        boolean inZones = false;
        BootLog.Line pae = null;
        boolean nonPae = false;
        BootLog.Line cpus = null;
        String nrCpus = null;
        BootLog.Line width = null;
        for (BootLog.Line l : log.lines()) {
            String t = l.text();
            if (t.equals(ZONES_HEADER)) {
                inZones = zones == null;
                zones = zones == null ? l : zones;
                continue;
            }
            Rx.Matcher m = inZones ? ZONE.firstMatch(t) : null;
            if (m != null) {
                names.add(m.group(1));
                continue;
            }
            inZones = false;
            // each architecture's lines only: the others' are never used below (a pattern not asked is not parsed)
            if (a == Arch.X86) {
                if (NX_PAE.foundIn(t) && pae == null) {
                    pae = l;
                } else if (NX_NONPAE.foundIn(t) && pae == null) {
                    nonPae = true;
                    pae = l;
                }
                m = NR_CPUS.firstMatch(t);
                if (m != null && cpus == null) {
                    cpus = l;
                    nrCpus = m.group(1) != null ? m.group(1) : m.group(2);
                }
            } else if (a == Arch.ARM) {
                m = PA_WIDTH.firstMatch(t);
                if (m != null && width == null && (m.group(1).length() == 8 || m.group(1).length() == 16)) {
                    width = l;
                }
            }
        }
        if (zones != null && !names.isEmpty()) {
            boolean high = names.contains("HighMem");
            String d;
            if (a == Arch.X86) {
                // PAE with highmem is HIGHMEM64G while that exists (removed in 6.15), X86_PAE after
                boolean h64 = kernel == null || X86Knobs.hasHighmem64g(KernelVersion.parse(kernel));
                d = !high ? "NOHIGHMEM=y" : pae == null ? null : nonPae ? "HIGHMEM4G=y" : h64 ? "HIGHMEM64G=y" : "X86_PAE=y";
            } else {
                d = "HIGHMEM=" + (high ? "y" : "n");
            }
            if (d != null) {
                define(d, zones); // the header, not a zone line: the zone lines' values are compared
            }
            if (a != Arch.X86) {
                define("ZONE_DMA=" + (names.contains("DMA") ? "y" : "n"), zones);
            }
        }
        if (a == Arch.ARM && width != null) {
            Rx.Matcher m = PA_WIDTH.matcher(width.text());
            m.find();
            // the width only: the line's address is a prediction (of the reservation), its text is not the input
            defines.add("ARM_LPAE=" + (m.group(1).length() == 16 ? "y" : "n"));
            facts.add(new Fact("-D", defines.get(defines.size() - 1), width.number(), null));
        }
        if (a == Arch.X86 && nrCpus != null) {
            define("NR_CPUS=" + nrCpus, cpus);
        }
    }

    private void define(String d, BootLog.Line l) {
        defines.add(d);
        facts.add(new Fact("-D", d, l.number(), l.text()));
    }

    private static void vote(Rx p, Arch a, BootLog.Line l, int[] votes, BootLog.Line[] first) {
        if (p.foundIn(l.text())) {
            if (votes[a.ordinal()]++ == 0) {
                first[a.ordinal()] = l;
            }
        }
    }

    private void pickArch(int[] votes, BootLog.Line[] first) {
        int best = -1;
        boolean tie = false;
        for (int i = 0; i < votes.length; i++) {
            if (votes[i] == 0) {
                continue;
            }
            if (best < 0 || votes[i] > votes[best]) {
                best = i;
                tie = false;
            } else if (votes[i] == votes[best]) {
                tie = true;
            }
        }
        if (best < 0 || tie) {
            if (tie) {
                notes.add("the log has lines of more than one architecture: give --arch");
            }
            return;
        }
        arch = Arch.values()[best];
        archLine = first[best].number();
        facts.add(new Fact("--arch", arch.id(), archLine, first[best].text()));
    }

    /** x86: the BIOS map, printed by setup_memory_map() before anything changes it. */
    private void readE820(BootLog log) {
        for (BootLog.Line l : log.lines()) {
            String t = l.text();
            if (LineShapes.isPredicted(t)) {
                continue;
            }
            Rx.Matcher m = E820_OLD.firstMatch(t);
            long start;
            long end;
            String type;
            if (m != null) {
                start = Long.parseUnsignedLong(m.group(1), 16);
                end = Long.parseUnsignedLong(m.group(2), 16); // exclusive in this form
                type = m.group(3);
            } else if ((m = E820_MEM.firstMatch(t)) != null) {
                start = Long.parseUnsignedLong(m.group(1), 16);
                end = Long.parseUnsignedLong(m.group(2), 16) + 1; // inclusive in the [mem ...] form
                type = m.group(3).strip();
            } else {
                continue;
            }
            if (end <= start) {
                notes.add("line " + l.number() + ": an empty or reversed BIOS-e820 entry is left out");
                continue;
            }
            String entry = "0x" + Long.toHexString(start) + ":0x" + Long.toHexString(end - start) + ":" + e820Type(type);
            e820.add(entry);
            facts.add(new Fact("--e820", entry, l.number(), t));
        }
    }

    /** The type words of arch/x86/kernel/e820.c as --e820 reads them. */
    static String e820Type(String word) {
        String w = word.toLowerCase(Locale.ROOT).strip();
        if (w.equals("usable")) {
            return "usable";
        }
        if (w.equals("acpi data")) {
            return "acpi";
        }
        if (w.equals("acpi nvs")) {
            return "nvs";
        }
        if (w.equals("unusable")) {
            return "unusable";
        }
        if (w.startsWith("persistent")) {
            return "persistent";
        }
        if (w.startsWith("type ") && digits(w.substring(5), 4)) {
            int n = Integer.parseInt(w.substring(5));
            return n == 12 ? "persistent" : n >= 1 && n <= 5 ? Integer.toString(n) : "reserved";
        }
        return "reserved"; // "reserved", "soft reserved" and anything else: not RAM the kernel uses
    }

    /** True for lines never read as RAM: predicted ones, except memblock's node and zone lines, which state the RAM kept. */
    private static boolean notRam(String t) {
        return LineShapes.isPredicted(t) && !LineShapes.isZoneLine(t);
    }

    /** ARM: memblock's node ranges, else the zone ranges' span, else the 2.6-3.x "Memory: NMB = NMB total" line. */
    private void readArmRam(BootLog log) {
        List<long[]> nodes = new ArrayList<>();
        List<BootLog.Line> nodeLines = new ArrayList<>();
        long zoneStart = -1;
        long zoneEnd = -1;
        List<BootLog.Line> zoneLines = new ArrayList<>();
        BootLog.Line total = null;
        long totalMb = 0;
        int banks = 0;
        for (BootLog.Line l : log.lines()) {
            String t = l.text();
            if (notRam(t)) {
                continue;
            }
            Rx.Matcher m = NODE_RANGE.wholeMatch(t);
            if (m != null) {
                nodes.add(new long[]{Long.parseUnsignedLong(m.group(1), 16), Long.parseUnsignedLong(m.group(2), 16) + 1});
                nodeLines.add(l);
                continue;
            }
            m = ZONE_RANGE.wholeMatch(t);
            if (m != null) {
                long s = Long.parseUnsignedLong(m.group(2), 16);
                long e = Long.parseUnsignedLong(m.group(3), 16) + 1;
                zoneStart = zoneStart < 0 ? s : Math.min(zoneStart, s);
                zoneEnd = Math.max(zoneEnd, e);
                zoneLines.add(l);
                continue;
            }
            m = ARM_TOTAL.wholeMatch(t);
            if (m != null && total == null) {
                total = l;
                totalMb = Long.parseLong(m.group(2));
                banks = m.group(1).trim().split(" ").length;
            }
        }
        if (!nodes.isEmpty()) {
            for (int i = 0; i < nodes.size(); i++) {
                long[] n = nodes.get(i);
                if (n[1] > n[0]) {
                    addRam(n[0], n[1] - n[0], nodeLines.get(i));
                }
            }
        } else if (zoneEnd > zoneStart && zoneStart >= 0) {
            addRam(zoneStart, zoneEnd - zoneStart, zoneLines.get(0));
            ramNotes.add("RAM from the zone ranges' span: holes between banks are not in these lines");
        } else if (total != null && totalMb > 0) {
            ram.add(totalMb + "M");
            facts.add(new Fact("--ram", totalMb + "M", total.number(), total.text()));
            if (banks > 1) {
                notes.add("the log gives " + banks + " banks' sizes without their addresses: taken as one bank of "
                        + totalMb + " MB at PHYS_OFFSET");
            }
        } else {
            return;
        }
        ramNotes.add("the log states the RAM as the kernel kept it (after mem=, carve-outs and truncation): if the board"
                + " has more, give --ram or its device tree (--dtb)");
    }

    /** powerpc: "Top of RAM" (paging_init) or "Total memory" (book3s/32 MMU_init_hw), RAM from 0. */
    private void readPpcRam(BootLog log) {
        for (BootLog.Line l : log.lines()) {
            if (LineShapes.isPredicted(l.text())) {
                continue;
            }
            Rx.Matcher m = PPC_TOP.firstMatch(l.text());
            if (m != null) {
                long total = Long.parseUnsignedLong(m.group(2), 16);
                if (total > 0) {
                    addRam(0, total, l);
                    ramNotes.add("the log states the RAM as the kernel kept it (after mem= and the lowmem limit): if the"
                            + " board has more, give --ram");
                    return;
                }
            }
        }
        for (BootLog.Line l : log.lines()) {
            if (LineShapes.isPredicted(l.text())) {
                continue;
            }
            Rx.Matcher m = PPC_TOTAL.firstMatch(l.text());
            if (m != null && Long.parseLong(m.group(1)) > 0) {
                String v = "0x0:" + Long.parseLong(m.group(1)) + "M";
                ram.add(v);
                facts.add(new Fact("--ram", v, l.number(), l.text()));
                ramNotes.add("the log states the RAM as the kernel kept it (after mem= and the lowmem limit): if the"
                        + " board has more, give --ram");
                return;
            }
        }
    }

    private void addRam(long start, long size, BootLog.Line l) {
        String v = "0x" + Long.toHexString(start) + ":0x" + Long.toHexString(size);
        ram.add(v);
        facts.add(new Fact("--ram", v, l.number(), l.text()));
    }

    /** replaceAll("\\.0$", "") of a version from the log's "Linux version" (no line terminator in it). */
    private static String withoutDotZero(String version) {
        return version.endsWith(".0") ? version.substring(0, version.length() - 2) : version;
    }

    /** matches("\\d{1,max}"). */
    private static boolean digits(String s, int max) {
        if (s.isEmpty() || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
