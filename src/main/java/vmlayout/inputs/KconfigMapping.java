package vmlayout.inputs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vmlayout.config.Arch;
import vmlayout.config.InputException;
import vmlayout.config.Symbol;
import vmlayout.config.SymbolCatalog;

/**
 * Which values of a .config reach an engine, and how. The rule is the same for every architecture: a
 * CONFIG_NAME whose NAME is in the engine's catalog ({@code vmlayout names --arch ARCH}) is fed in as if
 * given with {@code -D NAME=value}; every other line is left alone (a distribution .config has thousands).
 * So when an engine adds a name to its catalog, .config files feed it with no change here.
 *
 * <p>What is per architecture is the table of Kconfig choices below: when the user overrides one
 * member of a choice with -D (say -D VMSPLIT_2G=y over a .config with VMSPLIT_3G=y), the file's values
 * for every member of that choice, and for the values Kconfig derives from it (PAGE_OFFSET), are
 * dropped, so that the engine sees one consistent choice.
 */
public final class KconfigMapping {

    /** A Kconfig choice (or a value others derive from) and the symbols whose defaults follow from it. */
    record Choice(List<String> members, List<String> derived, String source) {
    }

    /** The choices per architecture, with the Kconfig file that defines them. */
    static List<Choice> choices(Arch arch) {
        return switch (arch) {
            case ARM -> List.of(new Choice(List.of("VMSPLIT_3G", "VMSPLIT_3G_OPT", "VMSPLIT_2G", "VMSPLIT_1G"),
                        List.of("PAGE_OFFSET"), "arch/arm/Kconfig \"Memory split\" choice, PAGE_OFFSET defaults"));
            case X86 -> List.of(
                        new Choice(List.of("VMSPLIT_3G", "VMSPLIT_3G_OPT", "VMSPLIT_2G", "VMSPLIT_2G_OPT", "VMSPLIT_1G"),
                                List.of("PAGE_OFFSET"), "arch/x86/Kconfig \"Memory split\" choice, PAGE_OFFSET defaults"),
                        new Choice(List.of("NOHIGHMEM", "HIGHMEM4G", "HIGHMEM64G"), List.of("HIGHMEM", "X86_PAE"),
                                "arch/x86/Kconfig \"High Memory Support\" choice; HIGHMEM and X86_PAE follow from it"));
            case PPC -> List.of(new Choice(List.of("KERNEL_START"), List.of("PAGE_OFFSET"),
                        "arch/powerpc/Kconfig KERNEL_START / PAGE_OFFSET (PAGE_OFFSET follows KERNEL_START)"));
        };
    }

    /** The values for the engine, and notes about what was dropped or used. */
    public record Result(Map<String, String> defines, Map<String, Integer> lines, List<String> notes) {
    }

    private KconfigMapping() {
    }

    /**
     * The engine's values in {@code k}, minus those that a choice overridden by {@code explicit} (the
     * names given with -D or its shorthands) makes stale. Each value is checked as the engine will read
     * it, so a bad one names the file and line.
     */
    public static Result map(KconfigFile k, Arch arch, SymbolCatalog catalog, Set<String> explicit) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        Map<String, Symbol> known = new LinkedHashMap<>();
        for (Symbol s : catalog.symbols()) {
            known.put(s.name(), s);
        }
        for (KconfigFile.Entry e : k.entries().values()) {
            Symbol s = known.get(e.name());
            if (s == null || e.name().startsWith("_")) {
                continue;
            }
            try {
                s.read(e.value());
            } catch (InputException ex) {
                String msg = ex.getMessage();
                int colon = msg.indexOf(": ");
                throw k.file().error("line " + e.line() + ": CONFIG_" + e.name() + "=" + e.value() + ": "
                        + (colon >= 0 ? msg.substring(colon + 2) : msg));
            }
            out.put(e.name(), e.value());
            lines.put(e.name(), e.line());
        }
        for (Choice c : choices(arch)) {
            String overriding = null;
            for (String m : c.members()) {
                if (explicit.contains(m)) {
                    overriding = m;
                    break;
                }
            }
            if (overriding == null) {
                continue;
            }
            List<String> dropped = new ArrayList<>();
            for (String m : concat(c.members(), c.derived())) {
                if (!explicit.contains(m) && out.remove(m) != null) {
                    dropped.add("CONFIG_" + m);
                }
            }
            if (!dropped.isEmpty()) {
                notes.add("-D " + overriding + " overrides the choice in " + k.file().label() + ": its "
                        + String.join(", ", dropped) + " left out (" + c.source() + ").");
            }
        }
        return new Result(out, lines, notes);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }
}
