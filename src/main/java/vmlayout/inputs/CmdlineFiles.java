package vmlayout.inputs;

import java.util.ArrayList;
import java.util.List;
import vmlayout.bootargs.KernelCmdline;
import vmlayout.bootargs.Param;

/** Reads a kernel command line from a file ("-" is standard input), the way /proc/cmdline holds one. */
public final class CmdlineFiles {

    private CmdlineFiles() {
    }

    public static List<Param> read(String name) {
        return readLocated(name).params();
    }

    /**
     * The parameters of a bootargs file with the line each was written on (1-based), for CI reports that
     * point at the line to change.
     */
    public record Located(List<Param> params, List<Integer> lines) {
    }

    public static Located readLocated(String name) {
        InputFile f = InputFile.read("--cmdline-file", name, CmdlineFile.CAP);
        String raw = f.text();
        List<Param> params = KernelCmdline.parse(CmdlineFile.read(f), f.label()).params();
        return new Located(params, lines(raw, params));
    }

    /**
     * The line of each parameter in {@code raw}: next_arg() reads the words in order, so each one is found
     * after the one before (by its name, or its '=' when the name is empty).
     */
    public static List<Integer> lines(String raw, List<Param> params) {
        List<Integer> out = new ArrayList<>();
        int from = 0;
        int line = 1;
        for (Param p : params) {
            String word = p.name().isEmpty() ? "=" : p.name();
            int at = raw.indexOf(word, from);
            if (at < 0) {
                out.add(line);
                continue;
            }
            for (int i = from; i < at; i++) {
                if (raw.charAt(i) == '\n') {
                    line++;
                }
            }
            out.add(line);
            from = at + word.length();
        }
        return out;
    }
}
