package vmlayout.inputs;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import vmlayout.bootargs.KernelCmdline;
import vmlayout.bootargs.Param;
import vmlayout.config.Arch;
import vmlayout.config.Boundary;
import vmlayout.config.Defines;
import vmlayout.config.E820Entry;
import vmlayout.config.InputException;
import vmlayout.config.KernelVersion;
import vmlayout.config.Machine;
import vmlayout.config.RamBank;
import vmlayout.config.ReservedRegion;
import vmlayout.config.Sizes;
import vmlayout.config.SymbolCatalog;
import vmlayout.inputs.CommandLineRules.Piece;
import vmlayout.report.Message;

/**
 * The input-merging policy: the board options as given ({@link OptionValues}), a profile, the files they
 * name and a bootargs file become one machine description. Explicit options win over files, and every
 * conflict is reported ({@link ArtifactSources} says which file lost):
 * <ul>
 *   <li>--arch, --kernel, --ram and --e820 (or --e820-file) replace the profile's; -D settings (and their shorthands) are
 *       added after the profile's, so they win;</li>
 *   <li>the bootloader's command line is --cmdline, else a bootargs file, else the profile's bootargs,
 *       else --uboot-env's bootargs, else the DTB's /chosen bootargs;</li>
 *   <li>bare PARAM=VALUE arguments, then --mem, --memmap, --vmalloc and --highmem are appended to it,
 *       each replacing the board's parameters of the same name;</li>
 *   <li>the kernel then combines that line with a built-in command line from --config as its
 *       architecture and release do.</li>
 * </ul>
 * The files are read once per architecture: check and batch build many machines from one set of options.
 */
public final class MachineInputs {

    // the options this policy reads, by their long names (the command line declares them)
    public static final String PROFILE = "--profile";
    public static final String CMDLINE_FILE = "--cmdline-file";
    public static final String ARCH = "--arch";
    /** The release boundaries of the command-line rules (CmdlineEra), for the upgrade report of diff. */
    public static List<Boundary> boundaries() {
        return Boundary.of(CmdlineEra.class);
    }

    public static final String KERNEL = "--kernel";
    public static final String RAM = "--ram";
    public static final String E820 = "--e820";
    public static final String E820_FILE = "--e820-file";
    public static final String CMDLINE = "--cmdline";
    public static final String DEFINE = "--define";
    public static final String PAGE_OFFSET = "--page-offset";
    public static final String VMALLOC_END = "--vmalloc-end";
    public static final String LOWMEM_SIZE = "--lowmem-size";
    public static final String CONFIG = "--config";
    public static final String SYSTEM_MAP = "--system-map";
    public static final String DTB = "--dtb";
    public static final String UBOOT_ENV = "--uboot-env";
    public static final String INITRD = "--initrd";

    /** Options that are kernel parameters written as options, with the parameter each one is. */
    public static final Map<String, String> PARAM_OPTIONS = Map.of("--mem", "mem", "--memmap", "memmap",
            "--vmalloc", "vmalloc", "--highmem", "highmem");

    /** Options that are shorthands for a -D setting, with the name each sets (in this order). */
    public static final List<Map.Entry<String, String>> DEFINE_SHORTHANDS = List.of(Map.entry(PAGE_OFFSET, "PAGE_OFFSET"),
            Map.entry(VMALLOC_END, "VMALLOC_END"), Map.entry(LOWMEM_SIZE, "LOWMEM_SIZE"));

    /** Where a bare PARAM=VALUE came from, in notes and messages. */
    public static final String ARGUMENT = "argument";

    private final OptionValues given;
    private final Function<Arch, SymbolCatalog> catalogs;
    private ArtifactSources sources;
    private String sourcesArch;

    /** @param catalogs the -D names each architecture's engine knows (for the files' values) */
    public MachineInputs(OptionValues given, Function<Arch, SymbolCatalog> catalogs) {
        this.given = given;
        this.catalogs = catalogs;
    }

    /** The machine of the options alone: at most one profile and one bootargs file. */
    public Machine machine() {
        List<String> profiles = given.all(PROFILE);
        List<String> files = given.all(CMDLINE_FILE);
        if (profiles.size() > 1) {
            throw new InputException("--profile: give one profile here (vmlayout check takes several)");
        }
        if (files.size() > 1) {
            throw new InputException("--cmdline-file: give one file here (vmlayout check takes several)");
        }
        List<Param> extra = files.isEmpty() ? List.of() : CmdlineFiles.read(files.get(0));
        return machine(profiles.isEmpty() ? null : Profile.load(profiles.get(0)), extra, files.isEmpty() ? null : files.get(0));
    }

    /**
     * The machine of a profile (may be null) with the options over it. The board's bootargs are those of
     * a bootargs file if one is given, else the profile's (unless --cmdline replaces them); --cmdline, bare
     * and option parameters come after them, and each drops every board parameter of the same name.
     *
     * @param extra      parameters read from a bootargs file, placed after the profile's
     * @param extraLabel where {@code extra} came from, for notes (null when none)
     */
    public Machine machine(Profile prof, List<Param> extra, String extraLabel) {
        if (prof != null) {
            checkProfile(prof);
        }
        Machine.Builder b = new Machine.Builder();
        String a = given.one(ARCH) != null ? given.one(ARCH) : prof != null ? prof.arch : null;
        ArtifactSources files = sources(a);
        if (a != null) {
            b.arch(Arch.parse(a));
        }
        String k = given.one(KERNEL) != null ? given.one(KERNEL) : prof != null ? prof.kernel : null;
        if (k != null) {
            b.kernel(KernelVersion.parse(k));
        }
        for (String r : given.has(RAM) || prof == null ? given.all(RAM) : prof.ram) {
            b.ram(RamBank.parse(r));
        }
        if (given.has(E820_FILE)) {
            biosMapFile(b);
        } else {
            for (String e : given.has(E820) || prof == null ? given.all(E820) : prof.e820) {
                b.e820(E820Entry.parse(e));
            }
        }
        // the bootloader's line: --cmdline, else a bootargs file, else the profile's bootargs (files such as
        // --uboot-env and --dtb come after these in ArtifactSources' order)
        List<Piece> explicitLine = new ArrayList<>();
        for (String line : given.all(CMDLINE)) {
            KernelCmdline.parse(line, CMDLINE);
            explicitLine.add(new Piece(line, CMDLINE));
        }
        if (explicitLine.isEmpty() && extraLabel != null) {
            StringBuilder t = new StringBuilder();
            for (Param p : extra) {
                t.append(t.length() == 0 ? "" : " ").append(quoted(p));
            }
            explicitLine.add(new Piece(t.toString(), extraLabel));
        } else if (explicitLine.isEmpty() && prof != null && prof.bootargs != null) {
            explicitLine.add(new Piece(prof.bootargs, "profile " + prof.name));
        }
        List<Piece> additions = additions();
        Defines explicit = new Defines();
        if (prof != null) {
            for (Map.Entry<String, String> e : prof.defines.entrySet()) {
                explicit.put(e.getKey(), e.getValue(), prof.where("defines." + e.getKey()));
            }
        }
        for (String d : given.all(DEFINE)) {
            explicit.add(d);
        }
        for (Map.Entry<String, String> s : DEFINE_SHORTHANDS) {
            String v = given.one(s.getKey());
            if (v != null) {
                Sizes.parse32(v, s.getKey());
                explicit.put(s.getValue(), v, s.getKey());
            }
        }
        files.apply(b, explicit, explicitLine, additions, catalogs);
        if (given.one(INITRD) != null) {
            initrd(b, given.one(INITRD));
        }
        // a parameter given on the command line replaces the board's parameters of the same name
        List<Param> combined = new ArrayList<>(b.params());
        for (Piece add : additions) {
            for (Param p : KernelCmdline.parse(add.text(), add.origin()).params()) {
                for (Iterator<Param> it = combined.iterator(); it.hasNext(); ) {
                    Param q = it.next();
                    if (q.is(p.name()) && !isAddition(q.origin())) {
                        it.remove();
                    }
                }
            }
        }
        b.replaceParams(combined);
        for (Message near : NearMisses.of(combined)) {
            b.message(near);
        }
        for (Message hint : SizeHints.of(combined, PARAM_OPTIONS)) {
            b.message(hint);
        }
        if (given.has(E820_FILE) && b.arch() != null && b.arch() != Arch.X86) {
            throw new InputException(E820_FILE + " " + given.one(E820_FILE) + ": a BIOS e820 map is x86's, but the"
                    + " architecture is " + b.arch().id() + ": give --arch x86 (or leave --arch out)");
        }
        if (given.has(E820_FILE) && b.arch() == null) {
            b.arch(Arch.X86);
            b.note("--arch x86 (" + E820_FILE + " gives an x86 BIOS map)");
        }
        if (prof != null) {
            b.note("profile " + prof.name + " (" + prof.origin + ")");
        }
        return b.build();
    }

    /** --initrd START:SIZE: the initrd, instead of one a DTB's /chosen names (explicit options win over files). */
    private static void initrd(Machine.Builder b, String token) {
        if (token.strip().equalsIgnoreCase("none")) {
            // the board boots without one: an empty initrd region says "known, none" (nothing is reserved)
            ReservedRegion old = b.replaceInitrd(new ReservedRegion("initrd", 0, 0, false, false, INITRD + " none",
                    ReservedRegion.Origin.INITRD, null, List.of(), 0, false));
            if (old != null) {
                b.message(Message.note(INITRD + " none wins over the initrd of " + old.source() + " ("
                        + String.format("0x%x:0x%x", old.start(), old.size()) + ")."));
            }
            return;
        }
        int colon = token.indexOf(':');
        if (colon < 0 || token.indexOf(':', colon + 1) >= 0) {
            throw new InputException(INITRD + ": cannot read '" + token + "': expected START:SIZE, e.g. 0x48000000:8M,"
                    + " or none (the board boots without an initrd)");
        }
        long start = Sizes.parse(token.substring(0, colon), INITRD + " " + token + " (START)");
        long size = Sizes.parse(token.substring(colon + 1), INITRD + " " + token + " (SIZE)");
        if (size <= 0 || start < 0 || Long.compareUnsigned(start, 1L << 40) >= 0 || start + size > (1L << 40)) {
            throw new InputException(INITRD + ": '" + token + "' is not a range of the 40-bit physical space (START:SIZE,"
                    + " SIZE at least 1 byte)");
        }
        ReservedRegion old = b.replaceInitrd(new ReservedRegion("initrd", start, size, false, false, INITRD,
                ReservedRegion.Origin.INITRD, null, List.of(), 0, false));
        if (old != null && (old.start() != start || old.size() != size)) {
            b.message(Message.note(INITRD + " " + token + " wins over the initrd of " + old.source() + " ("
                    + String.format("0x%x:0x%x", old.start(), old.size()) + ")."));
        }
    }

    /** --e820-file: the BIOS map of a boot log or /sys/firmware/memmap, instead of --e820 entries. */
    private void biosMapFile(Machine.Builder b) {
        String file = given.one(E820_FILE);
        if (given.has(E820)) {
            throw new InputException(E820_FILE + " " + file + " and --e820 " + given.all(E820).get(0) + ": give the BIOS map"
                    + " one way: the file, or each entry with --e820");
        }
        BiosMapFile.Result r = BiosMapFile.read(E820_FILE, file);
        for (E820Entry e : r.entries()) {
            b.e820(e);
        }
        b.note("the BIOS map (" + r.entries().size() + " entries) from " + r.source());
        for (String n : r.notes()) {
            b.message(Message.note(n));
        }
    }

    /**
     * A profile's values read on their own first, so that one that cannot be read is named as the
     * profile's (not as an option the user did not give): check points its annotation at the file.
     */
    private static void checkProfile(Profile prof) {
        read(prof, "arch", prof.arch == null ? null : new Runnable() {
            @Override
            public void run() {
                Arch.parse(prof.arch);
            }
        });
        read(prof, "kernel", prof.kernel == null ? null : new Runnable() {
            @Override
            public void run() {
                KernelVersion.parse(prof.kernel);
            }
        });
        for (int i = 0; i < prof.ram.size(); i++) {
            String r = prof.ram.get(i);
            read(prof, "ram[" + i + "]", new Runnable() {
                @Override
                public void run() {
                    RamBank.parse(r);
                }
            });
        }
        for (int i = 0; i < prof.e820.size(); i++) {
            String e = prof.e820.get(i);
            read(prof, "e820[" + i + "]", new Runnable() {
                @Override
                public void run() {
                    E820Entry.parse(e);
                }
            });
        }
        read(prof, "bootargs", prof.bootargs == null ? null : new Runnable() {
            @Override
            public void run() {
                KernelCmdline.parse(prof.bootargs, "profile " + prof.name);
            }
        });
    }

    /**
     * One value of a profile read on its own: an error names the profile's key and line, not the option
     * the reader would name ("--ram: cannot read ..." is "ram[0]: cannot read ..."). Anonymous classes,
     * not lambdas: see FastPath.
     */
    private static void read(Profile prof, String key, Runnable reader) {
        if (reader == null) {
            return;
        }
        try {
            reader.run();
        } catch (InputException e) {
            String m = e.getMessage();
            for (String option : new String[] {"--ram: ", "--e820: ", "--arch: ", "--kernel: ", "--ram ", "--e820 ", "--arch ", "--kernel "}) {
                if (m.startsWith(option)) {
                    m = m.substring(option.length());
                    break;
                }
            }
            throw new ProfileException(prof, prof.where(key) + ": " + m);
        }
    }

    /** A profile value that cannot be read; {@link #file} is the profile's file (null for a built-in one). */
    public static final class ProfileException extends InputException {
        public final transient String file;

        /** @param message the whole line, starting with {@code prof.where(key)} */
        ProfileException(Profile prof, String message) {
            super(message);
            this.file = prof.origin.startsWith("built-in profile ") || prof.origin.startsWith("line ") ? null : prof.origin;
        }
    }

    /** Bare parameters, then the parameter options in the order of PARAM_OPTIONS' documentation. */
    private List<Piece> additions() {
        List<Piece> additions = new ArrayList<>();
        for (String p : given.params()) {
            if (p.startsWith("@")) {
                throw new InputException("unknown argument '" + p + "': vmlayout reads no @FILE argument files; name a"
                        + " file with the option that reads it (--cmdline-file, --profile, --config, --dtb ...)");
            }
            if (p.indexOf('=') <= 0) {
                throw new InputException("unknown argument '" + p + "': expected PARAM=VALUE (a kernel parameter such as "
                        + "mem=512M), an option, or a command; use --cmdline \"...\" for parameters without a value");
            }
            additions.add(new Piece(p, ARGUMENT));
        }
        for (String m : given.all("--mem")) {
            checkMem(m);
            additions.add(new Piece("mem=" + m, "--mem"));
        }
        for (String m : given.all("--memmap")) {
            checkMemmap(m);
            additions.add(new Piece("memmap=" + m, "--memmap"));
        }
        for (String option : List.of("--vmalloc", "--highmem")) {
            String v = given.one(option);
            if (v != null) {
                Sizes.parse(stripBytes(v), option);
                additions.add(new Piece(PARAM_OPTIONS.get(option) + "=" + v, option));
            }
        }
        return additions;
    }

    private static boolean isAddition(String origin) {
        return origin.equals(ARGUMENT) || PARAM_OPTIONS.containsKey(origin);
    }

    /**
     * The RAM banks of a device tree file (its memory nodes) as --ram values ("0x40000000:2G"), or an empty list
     * when it has none: verify takes the RAM from the log only when neither the options nor such a file give it.
     */
    public static List<String> ramOfDeviceTree(String dtb, String arch) {
        return ArtifactSources.read(null, null, dtb, null, null, arch).ram();
    }

    /** The files the options name, read once per architecture. */
    private ArtifactSources sources(String a) {
        if (sources == null || !Objects.equals(a, sourcesArch)) {
            sources = ArtifactSources.read(given.one(CONFIG), given.one(SYSTEM_MAP), given.one(DTB), given.one(UBOOT_ENV),
                    null, a);
            sourcesArch = a;
        }
        return sources;
    }

    /**
     * True when the options name a board: a profile, RAM (--ram, --e820, --e820-file, --dtb) or its bootargs
     * (--cmdline-file, --cmdline, --uboot-env). A release, -D settings or parameters alone describe a
     * kernel and its command line, not a board.
     */
    public boolean describesABoard() {
        for (String o : List.of(PROFILE, RAM, E820, E820_FILE, DTB, CMDLINE_FILE, CMDLINE, UBOOT_ENV)) {
            if (given.has(o)) {
                return true;
            }
        }
        return false;
    }

    /** A parameter as it would be written on a command line (quoted when its value has blanks). */
    private static String quoted(Param p) {
        if (p.value() == null) {
            return p.name();
        }
        return p.value().indexOf(' ') >= 0 || p.value().indexOf('\t') >= 0 ? p.name() + "=\"" + p.value() + "\"" : p.text();
    }

    /**
     * "256MB" and "256MiB" are how people write sizes; the kernel reads them as 256M and ignores the
     * rest, so as option values they are accepted and reach the engine, which says what was read.
     */
    static String stripBytes(String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        int cut = lower.endsWith("ib") ? 2 : lower.endsWith("b") ? 1 : 0;
        if (cut > 0 && lower.length() > cut && "kmgtpe".indexOf(lower.charAt(lower.length() - cut - 1)) >= 0) {
            return v.substring(0, v.length() - cut);
        }
        return v;
    }

    private static void checkMem(String m) {
        if (m.equals("nopentium")) {
            return; // x86: mem=nopentium turns off 4 MB pages
        }
        int at = m.indexOf('@');
        if (at < 0) {
            Sizes.parse(stripBytes(m), "--mem");
        } else {
            Sizes.parse(stripBytes(m.substring(0, at)), "--mem " + m + " (SIZE)");
            Sizes.parse(m.substring(at + 1), "--mem " + m + " (START)");
        }
    }

    /** memmap= items: exactmap, or SIZE with an optional @ # $ ! START, comma-separated. */
    private static void checkMemmap(String spec) {
        for (String item : spec.split(",", -1)) {
            if (item.equals("exactmap")) {
                continue;
            }
            int sep = -1;
            for (int i = 0; i < item.length(); i++) {
                if ("@#$!%".indexOf(item.charAt(i)) >= 0) {
                    sep = i;
                    break;
                }
            }
            if (sep < 0) {
                Sizes.parse(item, "--memmap " + spec);
            } else {
                Sizes.parse(item.substring(0, sep), "--memmap " + spec + " (SIZE)");
                String start = item.substring(sep + 1);
                if (item.charAt(sep) == '%') {
                    // nn%ss[-old][+new]: the start is followed by the type change
                    int end = start.length();
                    for (int i = 0; i < start.length(); i++) {
                        if (start.charAt(i) == '-' || start.charAt(i) == '+') {
                            end = i;
                            break;
                        }
                    }
                    start = start.substring(0, end);
                }
                Sizes.parse(start, "--memmap " + spec + " (START)");
            }
        }
    }
}
