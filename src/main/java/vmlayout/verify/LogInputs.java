package vmlayout.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vmlayout.config.Fmt;

/** Which inputs read from a log are used, given what the options, a profile or a .config already say. */
public final class LogInputs {

    private LogInputs() {
    }

    /**
     * The -D values read from the log that are used: those of which no option, profile or --config says
     * anything. One choice of Kconfig is one name here: any of NOHIGHMEM, HIGHMEM4G, HIGHMEM64G, HIGHMEM and
     * X86_PAE given another way wins over every highmem value the log reveals.
     */
    public static List<LogFacts.Fact> definesToApply(LogFacts facts, List<String> options, Map<String, String> profile,
                                                    boolean config) {
        Set<String> given = new HashSet<>();
        for (String d : options) {
            given.add(family(d.split("=", 2)[0]));
        }
        for (String k : profile.keySet()) {
            given.add(family(k));
        }
        List<LogFacts.Fact> out = new ArrayList<>();
        for (LogFacts.Fact f : facts.facts()) {
            if (!f.name().equals("-D")) {
                continue;
            }
            String fam = family(f.value().split("=", 2)[0]);
            // a .config knows the build better than the shape of a log line does
            if (!given.contains(fam) && !config) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * The -D values of a built-in profile matched by the log's "Machine model:" that are used: those of which
     * neither the options nor the log say anything (the log's own values win: they are what ran).
     */
    public static List<String> matchedDefines(Map<String, String> profile, List<String> given) {
        Set<String> known = new HashSet<>();
        for (String d : given) {
            known.add(family(d.split("=", 2)[0]));
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : profile.entrySet()) {
            if (!known.contains(family(e.getKey()))) {
                out.add(e.getKey() + "=" + e.getValue());
            }
        }
        return out;
    }

    private static String family(String name) {
        String n = name.startsWith("CONFIG_") ? name.substring(7) : name;
        return n.contains("HIGHMEM") || n.equals("X86_PAE") ? "HIGHMEM" : n;
    }

    /**
     * The log lines that echo an input: the RAM and the BIOS map, read from lines the kernel prints about them
     * (memblock's node ranges, BIOS-e820), and "Zone ranges:", which heads the zone names the Kconfig is read
     * from. A Kconfig value read from the shape of a line with values (the width of an address) is not an echo:
     * that line's values are still compared.
     */
    public static Set<Integer> lines(List<VerifyReport.Input> inputs) {
        Set<Integer> out = new HashSet<>();
        for (VerifyReport.Input in : inputs) {
            boolean echo = !in.option().equals("-D") || LogFacts.ZONES_HEADER.equals(in.text());
            if (in.source().startsWith("log line ") && echo) {
                out.add(Integer.parseInt(in.source().substring("log line ".length())));
            }
        }
        return out;
    }

    /** The command as the user can run it again: "vmlayout verify boot.log --ram 0:1G". */
    public static String command(List<String> args) {
        StringBuilder b = new StringBuilder("vmlayout");
        for (String a : args) {
            b.append(' ').append(Fmt.shell(a));
        }
        return b.toString();
    }
}
