package vmlayout.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vmlayout.bootargs.KernelCmdline;
import vmlayout.bootargs.Param;
import vmlayout.config.Machine;
import vmlayout.config.Profile;
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

    /** "vmlayout ..." for the board of {@code o} (whose machine is {@code m}) with {@code parts} applied. */
    static String command(MachineOptions o, Machine m, List<Change> parts) {
        List<String> w = new ArrayList<>();
        w.add("vmlayout");
        add(w, "--profile", o.profiles);
        add(w, "--arch", o.arch);
        add(w, "--kernel", o.kernel);
        add(w, "--ram", o.ram);
        add(w, "--e820", o.e820);
        add(w, "-D", o.defines);
        add(w, "--page-offset", o.pageOffset);
        add(w, "--vmalloc-end", o.vmallocEnd);
        add(w, "--lowmem-size", o.lowmemSize);
        if (bareIsEnough(o, parts)) {
            add(w, "--cmdline-file", o.cmdlineFiles);
            add(w, "--cmdline", o.cmdline);
            w.addAll(o.params);
            add(w, "--mem", o.mem);
            add(w, "--memmap", o.memmap);
            add(w, "--vmalloc", o.vmalloc);
            add(w, "--highmem", o.highmem);
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
            w.add("--cmdline");
            w.add(line.toString());
        }
        for (Change c : parts) {
            for (Map.Entry<String, String> e : c.defines().entrySet()) {
                w.add("-D");
                w.add(e.getKey() + "=" + e.getValue());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String s : w) {
            b.append(b.length() == 0 ? "" : " ").append(quote(s));
        }
        return b.toString();
    }

    /**
     * Bare parameters give the changed command line when the user's own parameters (--cmdline, bare,
     * --mem ...) have none of the changed names and, for a change that adds to rather than replaces a
     * parameter, the profile's bootargs have none either. A bootargs file is always written out whole.
     */
    private static boolean bareIsEnough(MachineOptions o, List<Change> parts) {
        if (!o.cmdlineFiles.isEmpty()) {
            return false;
        }
        List<Param> own = new ArrayList<>();
        for (String line : o.cmdline) {
            own.addAll(KernelCmdline.parse(line, "--cmdline").params());
        }
        for (String p : o.params) {
            own.addAll(KernelCmdline.parse(p, "argument").params());
        }
        List<Param> board = new ArrayList<>();
        if (o.cmdline.isEmpty() && !o.profiles.isEmpty()) {
            Profile prof = Profile.load(o.profiles.get(0));
            if (prof.bootargs != null) {
                board.addAll(KernelCmdline.parse(prof.bootargs, "profile").params());
            }
        }
        for (Change c : parts) {
            for (Param p : c.params()) {
                String n = p.name();
                if (has(own, n) || ownOption(o, n) || (!c.replaces().contains(n) && has(board, n))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean ownOption(MachineOptions o, String name) {
        switch (name) {
            case "mem":
                return !o.mem.isEmpty();
            case "memmap":
                return !o.memmap.isEmpty();
            case "vmalloc":
                return o.vmalloc != null;
            case "highmem":
                return o.highmem != null;
            default:
                return false;
        }
    }

    private static boolean has(List<Param> ps, String name) {
        for (Param p : ps) {
            if (p.is(name)) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<String> w, String option, String value) {
        if (value != null) {
            w.add(option);
            w.add(value);
        }
    }

    private static void add(List<String> w, String option, List<String> values) {
        for (String v : values) {
            w.add(option);
            w.add(v);
        }
    }

    /** A word as a POSIX shell reads it back: bare when safe, else in single quotes. */
    static String quote(String s) {
        if (s.isEmpty()) {
            return "''";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_@%+=:,./-".indexOf(c) >= 0;
            if (!safe) {
                return "'" + s.replace("'", "'\\''") + "'";
            }
        }
        return s;
    }
}
