package vmlayout.diff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import vmlayout.config.Boundary;

/**
 * The rows of src/docs/eras.md (shipped in the jar as vmlayout/eras.md), by era class and constant: what
 * a boundary changes and its evidence, for the upgrade report. ErasDocTest holds every boundary to its row.
 */
final class ErasDoc {

    private static Map<String, String> rows;

    private ErasDoc() {
    }

    /** What {@code b} changes, with its evidence, as its row says; the constant's name if the page lacks it. */
    static synchronized String describe(Boundary b) {
        if (rows == null) {
            rows = load();
        }
        String r = rows.get(b.era() + "." + b.name());
        return r != null ? r : b.name() + " (src/docs/eras.md)";
    }

    private static Map<String, String> load() {
        Map<String, String> out = new HashMap<>();
        String doc;
        try (InputStream in = ErasDoc.class.getResourceAsStream("/vmlayout/eras.md")) {
            if (in == null) {
                return out;
            }
            doc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return out;
        }
        String era = null;
        for (String line : doc.split("\n")) {
            if (line.startsWith("## ")) {
                era = line.startsWith("## ARM") ? "ArmEra" : line.startsWith("## x86") ? "X86Era"
                        : line.startsWith("## PowerPC") ? "PpcEra" : line.startsWith("## The command line") ? "CmdlineEra"
                        : line.startsWith("## Every arch") ? "MmEra"
                        : line.startsWith("## Early reservations") ? "ReserveEra" : null;
                continue;
            }
            if (era == null || !line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split(" \\| ");
            String names = cells[0].strip();
            // ARM and mm: | constant | what changes | release | evidence |; the others: | constant | release | what and evidence |
            String text = cells.length >= 4 ? cells[1].strip() + " (" + cells[3].strip() + ")" : cells[cells.length - 1].strip();
            for (String n : names.split(",")) {
                out.put(era + "." + n.strip().replace("`", ""), text);
            }
        }
        return out;
    }
}
