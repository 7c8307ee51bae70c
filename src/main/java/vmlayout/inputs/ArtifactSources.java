package vmlayout.inputs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import vmlayout.config.Arch;
import vmlayout.config.BuiltinCmdline;
import vmlayout.config.Defines;
import vmlayout.config.Fmt;
import vmlayout.config.KernelVersion;
import vmlayout.config.Machine;
import vmlayout.config.RamBank;
import vmlayout.config.ReservedRegion;
import vmlayout.config.Sizes;
import vmlayout.config.SymbolCatalog;
import vmlayout.inputs.CommandLineRules.Piece;
import vmlayout.report.Message;

/**
 * The files named by --config, --system-map, --dtb, --uboot-env and --cmdline-file, and the order in
 * which they and the explicit options decide each input (src/docs/artifacts.md):
 * <ul>
 *   <li>architecture: --arch, else the .config's CONFIG_ARM / CONFIG_X86_32 / CONFIG_PPC32 (a mismatch
 *       is an error);</li>
 *   <li>release: --kernel, else the .config's header;</li>
 *   <li>RAM: --ram, else the DTB's memory nodes;</li>
 *   <li>Kconfig values and constants: -D and its shorthands, else System.map, else the .config;</li>
 *   <li>the bootloader's command line: --cmdline, else --cmdline-file, else --uboot-env, else the DTB's
 *       /chosen bootargs; bare parameters and --mem/--memmap/--vmalloc/--highmem are appended.</li>
 * </ul>
 * A file that loses to an option or to another file with a different value is named in a vmlayout
 * warning (RAM, command line) or note (release, Kconfig values); U-Boot's bootargs replacing the DTB's
 * /chosen bootargs is what U-Boot does (fdt_chosen()) and is a note.
 */
final class ArtifactSources {

    private static final long CONFIG_CAP = 16L << 20;
    private static final long MAP_CAP = 64L << 20;
    private static final long DTB_CAP = 16L << 20;
    private static final long ENV_CAP = 16L << 20;

    private KconfigFile config;
    private SystemMap systemMap;
    private InputFile systemMapFile;
    private DeviceTreeMemory dt;
    private InputFile dtbFile;
    private UbootEnv.Result uboot;
    private InputFile ubootFile;
    private String cmdlineText;
    private InputFile cmdlineFile;
    private Arch arch;

    private ArtifactSources() {
    }

    static ArtifactSources read(String config, String systemMap, String dtb, String ubootEnv, String cmdlineFile,
                                String archOption) {
        ArtifactSources s = new ArtifactSources();
        if (config != null) {
            s.config = KconfigFile.parse(InputFile.read("--config", config, CONFIG_CAP));
        }
        Arch explicit = archOption == null ? null : Arch.parse(archOption);
        s.arch = explicit;
        if (s.config != null) {
            Arch fromFile = s.config.arch();
            if (explicit != null && explicit != fromFile) {
                throw s.config.file().error("is a .config for " + fromFile.id() + " but --arch " + explicit.id()
                        + " was given");
            }
            s.arch = fromFile;
        }
        if (systemMap != null) {
            s.systemMapFile = InputFile.read("--system-map", systemMap, MAP_CAP);
            s.systemMap = SystemMap.parse(s.systemMapFile);
        }
        if (dtb != null) {
            s.dtbFile = InputFile.read("--dtb", dtb, DTB_CAP);
            s.dt = DeviceTreeMemory.read(s.dtbFile, s.arch == Arch.PPC);
        }
        if (ubootEnv != null) {
            s.ubootFile = InputFile.read("--uboot-env", ubootEnv, ENV_CAP);
            s.uboot = UbootEnv.read(s.ubootFile);
        }
        if (cmdlineFile != null) {
            s.cmdlineFile = InputFile.read("--cmdline-file", cmdlineFile, CmdlineFile.CAP);
            s.cmdlineText = CmdlineFile.read(s.cmdlineFile);
        }
        return s;
    }

    /**
     * Completes {@code b} (which holds the explicit --arch, --kernel, --ram, --e820) with the files,
     * the explicit -D settings, and the command line.
     */
    void apply(Machine.Builder b, Defines explicitDefines, List<Piece> explicitLine, List<Piece> additions,
               Function<Arch, SymbolCatalog> catalogs) {
        if (b.arch() == null && arch != null) {
            b.arch(arch);
        }
        Arch a = b.arch() == null ? Arch.ARM : b.arch();
        release(b);
        KernelVersion k = b.kernel() == null ? Machine.DEFAULT_KERNEL : b.kernel();
        ram(b);
        defines(b, a, explicitDefines, catalogs);
        commandLine(b, a, k, explicitLine, additions);
    }

    private void release(Machine.Builder b) {
        if (config == null) {
            return;
        }
        KernelVersion v = config.version();
        if (v == null) {
            return;
        }
        if (b.kernel() == null) {
            b.kernel(v);
            b.message(Message.note("kernel release " + v + " from the header of " + config.file().label() + " ("
                    + config.header() + ")."));
        } else if (!b.kernel().equals(v)) {
            b.message(Message.note("--kernel " + b.kernel() + " wins over " + config.file().label() + ", which is "
                    + config.header() + ": the rules of " + b.kernel() + " apply."));
        }
    }

    private void ram(Machine.Builder b) {
        if (dt == null) {
            return;
        }
        for (String n : dt.notes()) {
            b.message(Message.note(dtbFile.label() + ": " + n));
        }
        for (ReservedRegion r : dt.reserved()) {
            b.reserved(r);
        }
        b.reservedMemory(dt.reservedMemory());
        if (dt.banks().isEmpty()) {
            if (b.ram().isEmpty()) {
                b.message(Message.warn(dtbFile.label() + " has no memory node (device_type = \"memory\"): the kernel"
                        + " would find no RAM in it; vmlayout uses its default RAM."));
            }
            return;
        }
        if (b.ram().isEmpty()) {
            for (RamBank r : dt.banks()) {
                b.ram(r);
            }
            return;
        }
        if (!sameRam(b.ram(), dt.banks())) {
            b.message(Message.warn("--ram " + describe(b.ram()) + " wins over the RAM of " + dtbFile.label() + " ("
                    + describe(dt.banks()) + "): the DTB's memory nodes are not used (explicit options win over"
                    + " files)."));
        }
    }

    /**
     * The RAM a file gives, as the user would write it with --ram ("0x40000000:2G", one per bank), or an empty
     * list: the device tree's memory nodes (the only file that states RAM banks).
     */
    List<String> ram() {
        if (dt == null || dt.banks().isEmpty()) {
            return List.of();
        }
        List<String> banks = new ArrayList<>();
        for (RamBank r : dt.banks()) {
            banks.add(describe(List.of(r)));
        }
        return banks;
    }

    private static boolean sameRam(List<RamBank> given, List<RamBank> fromDt) {
        if (given.size() != fromDt.size()) {
            return false;
        }
        for (int i = 0; i < given.size(); i++) {
            RamBank g = given.get(i);
            RamBank d = fromDt.get(i);
            if (g.size() != d.size() || (g.hasStart() && g.start() != d.start())) {
                return false;
            }
        }
        return true;
    }

    private static String describe(List<RamBank> banks) {
        List<String> parts = new ArrayList<>();
        for (RamBank r : banks) {
            parts.add((r.hasStart() ? Fmt.hex8(r.start()) + ":" : "") + Sizes.param(r.size())); // as --ram takes it
        }
        return String.join(" ", parts);
    }

    private void defines(Machine.Builder b, Arch a, Defines explicit, Function<Arch, SymbolCatalog> catalogs) {
        Defines target = b.defines();
        Set<String> explicitNames = explicit.raw().keySet();
        if (config != null || systemMap != null) {
            SymbolCatalog catalog = catalogs.apply(a);
            if (config != null) {
                KconfigMapping.Result r = KconfigMapping.map(config, a, catalog, explicitNames);
                List<String> used = new ArrayList<>();
                for (Map.Entry<String, String> e : r.defines().entrySet()) {
                    String name = e.getKey();
                    if (explicitNames.contains(name)) {
                        if (!explicit.raw().get(name).equalsIgnoreCase(e.getValue())) {
                            b.message(Message.note(explicit.origin(name) + "=" + explicit.raw().get(name) + " wins over "
                                    + config.file().label() + " line " + r.lines().get(name) + " (CONFIG_" + name + "="
                                    + e.getValue() + ")."));
                        }
                        continue;
                    }
                    target.putFromFile(name, e.getValue(), config.file().label() + " line " + r.lines().get(name) + " CONFIG_" + name);
                    used.add(name + "=" + e.getValue());
                }
                for (String n : r.notes()) {
                    b.message(Message.note(n));
                }
                b.message(Message.note(config.file().label() + ": " + (used.isEmpty() ? "no value the " + a.id()
                        + " engine uses" : "read " + String.join(" ", used)) + "."));
            }
            if (systemMap != null) {
                List<String> used = new ArrayList<>();
                for (Map.Entry<String, Long> e : systemMap.symbols().entrySet()) {
                    String name = e.getKey();
                    if (!hasSymbol(catalog, name)) {
                        continue;
                    }
                    String hex = Fmt.hex8(e.getValue());
                    if (explicitNames.contains(name)) {
                        b.message(Message.note(explicit.origin(name) + "=" + explicit.raw().get(name) + " wins over "
                                + systemMapFile.label() + " (" + name + " " + hex + ")."));
                        continue;
                    }
                    target.putFromFile(name, hex, systemMapFile.label() + " " + name);
                    used.add(name);
                }
                if (used.isEmpty()) {
                    b.message(Message.note(systemMapFile.label() + ": no section symbol the " + a.id() + " engine uses."));
                }
            }
        }
        target.addAll(explicit);
    }

    private static boolean hasSymbol(SymbolCatalog catalog, String name) {
        return catalog.symbols().stream().anyMatch(s -> s.name().equals(name));
    }

    /** The bootloader's line by precedence, the additions, then the built-in line as the kernel combines it. */
    private void commandLine(Machine.Builder b, Arch a, KernelVersion k, List<Piece> explicitLine, List<Piece> additions) {
        List<Source> sources = new ArrayList<>();
        if (!explicitLine.isEmpty()) {
            sources.add(new Source("--cmdline", explicitLine));
        }
        if (cmdlineFile != null) {
            sources.add(new Source(cmdlineFile.label(), List.of(new Piece(cmdlineText, cmdlineFile.label()))));
        }
        if (uboot != null) {
            for (String n : uboot.notes()) {
                b.message(Message.note(n));
            }
            if (uboot.bootargs() != null) {
                sources.add(new Source(ubootFile.label(), List.of(new Piece(uboot.bootargs(), ubootFile.label()))));
            }
        }
        if (dt != null && dt.bootargs() != null) {
            sources.add(new Source(dtbFile.label() + " /chosen bootargs",
                    List.of(new Piece(dt.bootargs(), dtbFile.label() + " /chosen"))));
        }
        List<Piece> bootloader = new ArrayList<>();
        if (!sources.isEmpty()) {
            Source winner = sources.get(0);
            bootloader.addAll(winner.pieces());
            for (Source loser : sources.subList(1, sources.size())) {
                if (loser.text().equals(winner.text()) || loser.text().isBlank()) {
                    continue;
                }
                boolean ubootOverDt = ubootFile != null && winner.name().equals(ubootFile.label())
                        && dtbFile != null && loser.name().startsWith(dtbFile.label());
                if (ubootOverDt) {
                    b.message(Message.note("U-Boot writes its bootargs into the device tree's /chosen (fdt_chosen()):"
                            + " the bootargs of " + ubootFile.label() + " replace \"" + loser.text() + "\" of "
                            + dtbFile.label() + "."));
                } else {
                    b.message(Message.warn(winner.name() + " wins over " + loser.name() + ": its command line \""
                            + loser.text() + "\" is not used (" + (winner.name().equals("--cmdline") ? "explicit options"
                            + " win over files" : "order: --cmdline, --cmdline-file, --uboot-env, --dtb") + ")."));
                }
            }
        }
        bootloader.addAll(additions);
        BuiltinCmdline builtin = config == null ? null : CommandLineRules.builtin(config, a);
        CommandLineRules.Path path = path(a);
        if (builtin != null) {
            b.builtin(builtin);
            String blText = String.join(" ", bootloader.stream().map(Piece::text).toList());
            if (!builtin.text().isBlank() && blText.contains(builtin.text().strip())) {
                b.message(Message.note("the built-in command line \"" + builtin.text() + "\" already appears in the"
                        + " bootloader's (a saved /proc/cmdline shows the combined line): the kernel adds it again."));
            }
            if (a == Arch.ARM && !builtin.text().isBlank()) {
                b.message(Message.note("ARM command line path: " + (path == CommandLineRules.Path.DEVICE_TREE
                        ? "device tree (drivers/of/fdt.c early_init_dt_scan_chosen()), because " + armDtReason()
                        : "ATAGs (arch/arm/kernel/atags_parse.c parse_tag_cmdline()): no DTB given, the U-Boot boot command"
                        + " passes none and the kernel has ATAGS") + "."));
            }
        }
        CommandLineRules.Result r = CommandLineRules.combine(a, k, path, bootloader, builtin);
        for (Message m : r.messages()) {
            b.message(m);
        }
        b.params(r.params());
    }

    private CommandLineRules.Path path(Arch a) {
        return switch (a) {
            case X86 -> CommandLineRules.Path.X86;
            case PPC -> CommandLineRules.Path.DEVICE_TREE;
            case ARM -> armDtReason() != null ? CommandLineRules.Path.DEVICE_TREE : CommandLineRules.Path.ARM_ATAGS;
        };
    }

    /** Why an ARM kernel gets its command line from a device tree, or null when it uses ATAGs. */
    private String armDtReason() {
        if (dtbFile != null) {
            return dtbFile.label() + " is given";
        }
        if (uboot != null && uboot.passesFdt()) {
            return "the U-Boot boot command passes one (" + uboot.bootCommand() + ")";
        }
        if (config != null && config.isSet("ARCH_MULTIPLATFORM")) {
            return "CONFIG_ARCH_MULTIPLATFORM=y kernels boot with a device tree";
        }
        if (config != null && config.get("ATAGS") != null && !config.isSet("ATAGS")) {
            return "the kernel has no ATAGS support";
        }
        return null;
    }

    private record Source(String name, List<Piece> pieces) {
        String text() {
            Set<String> parts = new LinkedHashSet<>();
            for (Piece p : pieces) {
                parts.add(p.text().strip());
            }
            return String.join(" ", parts);
        }
    }

}
