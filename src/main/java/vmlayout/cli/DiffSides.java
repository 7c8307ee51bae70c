package vmlayout.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;
import vmlayout.bootargs.KernelCmdline;
import vmlayout.bootargs.Param;
import vmlayout.config.InputException;
import vmlayout.config.Machine;
import vmlayout.config.UserFiles;
import vmlayout.inputs.MachineInputs;
import vmlayout.inputs.OptionValues;
import vmlayout.inputs.Profile;

/**
 * One side of {@code vmlayout diff}: the common board options with a profile, a bootargs file or an
 * option set over them. A profile side replaces the common profile; a bootargs side replaces the
 * common --cmdline-file (the board's bootargs); an option set's options replace the common ones of the
 * same name (-D settings are added after them, and win), and its kernel parameters replace the common
 * parameters of the same name.
 */
final class DiffSides {

    /** What a side was read as. */
    enum Kind { COMMON, PROFILE, BOOTARGS, OPTIONS }

    /** A side resolved: its label and the machine it describes. */
    record Side(String label, Kind kind, Machine machine) {
    }

    /** The words of an option set, read by picocli like the main command's options. */
    @Command(name = "side")
    static final class SideOptions {
        @Mixin
        MachineOptions machine;

        @Parameters(arity = "0..*")
        List<String> params = new ArrayList<>();
    }

    private DiffSides() {
    }

    static Side resolve(MachineOptions common, String side) {
        OptionValues base = common.values();
        if (side == null) {
            return new Side("the common options", Kind.COMMON, machine(base));
        }
        if (Profile.builtInNames().contains(side) || side.endsWith(".json") || isJsonFile(side)) {
            return new Side(side, Kind.PROFILE, machine(base.copy().set(MachineInputs.PROFILE, List.of(side))));
        }
        if (!side.isBlank() && Files.isRegularFile(UserFiles.path("diff", side))) {
            return new Side(side, Kind.BOOTARGS, machine(base.copy().set(MachineInputs.CMDLINE_FILE, List.of(side))));
        }
        List<String> words = words(side);
        if (words.size() == 1 && !words.get(0).startsWith("-") && words.get(0).indexOf('=') < 0) {
            throw new InputException("diff: '" + side + "' is not a built-in profile, a file or an option set"
                    + " (no such file; an option set is options and PARAM=VALUE words, e.g. 'vmalloc=300M -D HIGHMEM=y')");
        }
        return new Side(side, Kind.OPTIONS, machine(over(base, optionSet(side, words))));
    }

    /** An option set's options and parameters: read as FastPath reads options, else by picocli (and its errors). */
    private static OptionValues optionSet(String side, List<String> words) {
        MachineOptions fast = new MachineOptions();
        List<String> operands = new ArrayList<>();
        boolean plain = FastPath.parse(words.toArray(new String[0]), 0, List.of(fast), operands);
        for (String w : operands) {
            plain &= w.indexOf('=') > 0; // a stray word: picocli's message
        }
        if (plain) {
            fast.params = operands;
            return fast.values();
        }
        SideOptions o = new SideOptions();
        CommandLine cl = new CommandLine(o);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        try {
            cl.parseArgs(words.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            throw new InputException("diff: option set '" + side + "': " + Cli.oneLine(e.getMessage()));
        }
        o.machine.params = o.params;
        return o.machine.values();
    }

    private static Machine machine(OptionValues v) {
        return MachineOptions.of(v).toMachine();
    }

    private static boolean isJsonFile(String side) {
        try {
            Path p = UserFiles.path("diff", side);
            if (!Files.isRegularFile(p) || Files.size(p) > 1 << 20) {
                return false;
            }
            return Files.readString(p).stripLeading().startsWith("{");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The common options with an option set over them, option by option as declared: -D settings are
     * added after the common ones (and win); kernel parameters (--cmdline's, bare ones, --mem and the
     * other parameter options) replace the common parameters of the same name; every other option the
     * side gives replaces the common one.
     */
    static OptionValues over(OptionValues common, OptionValues side) {
        OptionValues m = common.copy();
        Set<String> names = paramNames(side);
        for (Map.Entry<String, List<String>> e : side.given().entrySet()) {
            String option = e.getKey();
            if (option.equals(MachineInputs.DEFINE)) {
                m.set(option, concat(m.all(option), e.getValue()));
            } else if (!option.equals(MachineInputs.CMDLINE) && !MachineInputs.PARAM_OPTIONS.containsKey(option)) {
                m.set(option, e.getValue());
            }
        }
        // kernel parameters: the side's replace the common ones of the same name
        List<String> cmdline = new ArrayList<>();
        for (String line : m.all(MachineInputs.CMDLINE)) {
            StringBuilder kept = new StringBuilder();
            for (Param p : KernelCmdline.parse(line, MachineInputs.CMDLINE).params()) {
                if (!names.contains(norm(p.name()))) {
                    String v = p.value() != null && p.value().indexOf(' ') >= 0 ? p.name() + "=\"" + p.value() + "\"" : p.text();
                    kept.append(kept.length() > 0 ? " " : "").append(v);
                }
            }
            cmdline.add(kept.toString());
        }
        m.set(MachineInputs.CMDLINE, concat(cmdline, side.all(MachineInputs.CMDLINE)));
        List<String> params = new ArrayList<>();
        for (String p : m.params()) {
            int eq = p.indexOf('=');
            if (!names.contains(norm(eq > 0 ? p.substring(0, eq) : p))) {
                params.add(p);
            }
        }
        m.params(concat(params, side.params()));
        for (Map.Entry<String, String> e : MachineInputs.PARAM_OPTIONS.entrySet()) {
            if (names.contains(e.getValue())) {
                m.set(e.getKey(), side.all(e.getKey()));
            }
        }
        return m;
    }

    /** The kernel parameters an option set gives, by name ('-' read as '_', as the kernel does). */
    private static Set<String> paramNames(OptionValues side) {
        Set<String> out = new HashSet<>();
        for (String line : side.all(MachineInputs.CMDLINE)) {
            for (Param p : KernelCmdline.parse(line, MachineInputs.CMDLINE).params()) {
                out.add(norm(p.name()));
            }
        }
        for (String p : side.params()) {
            int eq = p.indexOf('=');
            out.add(norm(eq > 0 ? p.substring(0, eq) : p));
        }
        for (Map.Entry<String, String> e : MachineInputs.PARAM_OPTIONS.entrySet()) {
            if (side.has(e.getKey())) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    private static String norm(String name) {
        return name.replace('-', '_');
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Splits an option set into words: blanks separate, '...' and "..." quote, a backslash escapes. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder w = null;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < s.length()) {
                    w.append(s.charAt(++i));
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                w = w == null ? new StringBuilder() : w;
            } else if (c == '\\' && i + 1 < s.length()) {
                w = w == null ? new StringBuilder() : w;
                w.append(s.charAt(++i));
            } else if (Character.isWhitespace(c)) {
                if (w != null) {
                    out.add(w.toString());
                    w = null;
                }
            } else {
                w = w == null ? new StringBuilder() : w;
                w.append(c);
            }
        }
        if (quote != 0) {
            throw new InputException("diff: option set '" + s + "': unterminated " + quote + " quote");
        }
        if (w != null) {
            out.add(w.toString());
        }
        return out;
    }
}
