package vmlayout.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vmlayout.bootargs.KernelCmdline;
import vmlayout.bootargs.Param;
import vmlayout.config.Fmt;
import vmlayout.config.Machine;
import vmlayout.inputs.MachineInputs;
import vmlayout.inputs.OptionValues;
import vmlayout.suggest.Change;

/**
 * Writes the options that describe a board back as a vmlayout command line, with changes applied, so
 * that each suggestion can be run as printed. Kernel parameters of a change are added as bare
 * arguments where that gives the same command line (a bare parameter drops the profile's parameters of
 * its name); otherwise the whole changed command line is given with --cmdline.
 */
final class MachineArgs {

    private MachineArgs() {
    }

    /**
     * "vmlayout ..." for the board of {@code o} (whose machine is {@code m}) with {@code parts} applied:
     * every option as given, in the order of its declaration (so an option added to MachineOptions is
     * written here too), then the changes.
     */
    static String command(OptionValues o, Machine m, List<Change> parts) {
        boolean bare = bareIsEnough(o, m, parts);
        List<String> w = new ArrayList<>();
        w.add("vmlayout");
        for (Map.Entry<String, List<String>> e : o.given().entrySet()) {
            String name = e.getKey();
            if (!bare && commandLineOption(name)) {
                continue; // the whole changed command line is written with --cmdline below
            }
            for (String v : e.getValue()) {
                w.add(name.equals(MachineInputs.DEFINE) ? OptionFields.SHORT_DEFINE : name);
                w.add(v);
            }
        }
        if (bare) {
            w.addAll(o.params());
            for (Change c : parts) {
                for (Param p : c.params()) {
                    w.add(p.text());
                }
            }
        } else {
            StringBuilder line = new StringBuilder();
            for (Param p : Change.apply(m, parts).params()) {
                line.append(line.length() == 0 ? "" : " ").append(p.text());
            }
            w.add(MachineInputs.CMDLINE);
            w.add(line.toString());
        }
        for (Change c : parts) {
            for (Map.Entry<String, String> e : c.defines().entrySet()) {
                w.add(OptionFields.SHORT_DEFINE);
                w.add(e.getKey() + "=" + e.getValue());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String s : w) {
            b.append(b.length() == 0 ? "" : " ").append(Fmt.shell(s));
        }
        return b.toString();
    }

    /** The options that write the command line (replaced by one --cmdline when the change needs it). */
    private static boolean commandLineOption(String name) {
        return name.equals(MachineInputs.CMDLINE) || name.equals(MachineInputs.CMDLINE_FILE)
                || MachineInputs.PARAM_OPTIONS.containsKey(name);
    }

    /**
     * Bare parameters give the changed command line when the user's own parameters (--cmdline, bare,
     * --mem ...) have none of the changed names and, for a change that adds to rather than replaces a
     * parameter, the board's command line (a profile's bootargs, --uboot-env, a DTB's /chosen, a built-in
     * line) has none either. A bootargs file is always written out whole.
     */
    private static boolean bareIsEnough(OptionValues o, Machine m, List<Change> parts) {
        if (o.has(MachineInputs.CMDLINE_FILE)) {
            return false;
        }
        List<Param> own = new ArrayList<>();
        for (String line : o.all(MachineInputs.CMDLINE)) {
            own.addAll(KernelCmdline.parse(line, MachineInputs.CMDLINE).params());
        }
        for (String p : o.params()) {
            own.addAll(KernelCmdline.parse(p, MachineInputs.ARGUMENT).params());
        }
        List<Param> board = new ArrayList<>();
        for (Param p : m.params()) {
            if (!p.origin().equals(MachineInputs.CMDLINE) && !p.origin().equals(MachineInputs.ARGUMENT)
                    && !MachineInputs.PARAM_OPTIONS.containsKey(p.origin())) {
                board.add(p);
            }
        }
        for (Change c : parts) {
            for (Param p : c.params()) {
                String n = p.name();
                if (Param.anyIs(own, n) || ownOption(o, n) || (!c.replaces().contains(n) && Param.anyIs(board, n))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A parameter option (--mem ...) gives parameter {@code name}. */
    private static boolean ownOption(OptionValues o, String name) {
        for (Map.Entry<String, String> e : MachineInputs.PARAM_OPTIONS.entrySet()) {
            if (e.getValue().equals(name) && o.has(e.getKey())) {
                return true;
            }
        }
        return false;
    }

}
