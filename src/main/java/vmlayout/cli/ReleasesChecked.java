package vmlayout.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vmlayout.config.Arch;
import vmlayout.config.Checked;
import vmlayout.engine.Engines;

/**
 * The newest release each engine's era facts are checked against, for --version and --help: read from
 * the engines (their era classes' {@code CHECKED}), never written here.
 */
final class ReleasesChecked {

    private ReleasesChecked() {
    }

    /** "arm 6.19, x86 6.19, ppc 6.19". */
    static String perEngine() {
        List<String> out = new ArrayList<>();
        for (Arch a : Arch.values()) {
            out.add(a.name().toLowerCase(Locale.ROOT) + " " + Engines.forArch(a).checked().newest());
        }
        return String.join(", ", out);
    }

    /** The --version lines after "vmlayout VERSION". */
    static List<String> versionLines() {
        List<String> out = new ArrayList<>();
        out.add("Kernel rules checked to (newest release, per engine):");
        Map<String, Checked> byArch = new LinkedHashMap<>();
        for (Arch a : Arch.values()) {
            byArch.put(a.name().toLowerCase(Locale.ROOT), Engines.forArch(a).checked());
        }
        byArch.forEach((arch, c) -> out.add("  " + arch + " " + c.newest() + ": " + c.evidence()));
        out.add("A newer --kernel is computed with those rules, and a note names what could not be checked.");
        out.add("Every release boundary and its evidence: src/docs/eras.md.");
        return out;
    }

    /** The --help footer line. */
    static String helpLine() {
        return "Kernel rules checked to: " + perEngine() + "; a newer --kernel is computed with those rules and a"
                + " note names what could not be checked.";
    }
}
