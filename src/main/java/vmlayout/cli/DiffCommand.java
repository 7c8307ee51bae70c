package vmlayout.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vmlayout.config.InputException;
import vmlayout.diff.LayoutDiff;
import vmlayout.diff.Upgrade;
import vmlayout.engine.Engine;
import vmlayout.engine.Engines;
import vmlayout.engine.Layout;
import vmlayout.inputs.MachineInputs;
import vmlayout.render.DiffRenderer;
import vmlayout.report.ExitCode;

/** Two configurations side by side. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Compare two configurations of a board, side by side.",
            "",
            "Shows which regions move and by how much, where the RAM goes, which",
            "kernel messages appear or vanish, and the kernel lines that differ.",
            "The options give the board both sides share. Each side A and B is one",
            "argument: a profile (a built-in name or a .json file), a bootargs",
            "file, or an option set in quotes ('vmalloc=300M', '-D HIGHMEM=y",
            "--kernel 3.16'), taken over the common options: a side's profile or",
            "bootargs file replaces the common one; its options and kernel",
            "parameters replace the common ones of the same name (-D settings are",
            "added and win). With one side, A is the common options alone and B",
            "is them plus that side. Put -- before the sides when one starts with",
            "'-' (or always).",
            "",
            "--kernel A..B instead of sides: the same board under release A and",
            "under release B, the question an upgrade asks."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  vmlayout diff --profile marvell-88pa6220-granite2 -- vmalloc=300M",
            "  vmlayout diff --arch x86 --ram 2G --kernel 4.4..4.19",
            "  vmlayout diff --kernel 3.18 --ram 0:1G -- '' '-D HIGHMEM=y'",
            "  vmlayout diff --profile socfpga-de0 old-bootargs.txt new-bootargs.txt",
            "  vmlayout diff socfpga-de0 marvell-88pa6220-granite2 --format svg > two.svg"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:both kernels print the same lines",
            "1:they differ",
            "2:bad input or usage (one line on stderr names the token)",
            "3:internal error (a bug in vmlayout: please report it)",
            "74:the output could not be written (disk full, closed pipe)"})
final class DiffCommand extends SubCommand {

    @Mixin
    transient ColorOption color;

    @Mixin
    transient MachineOptions machine;

    @Parameters(paramLabel = "SIDE", arity = "0..2",
            description = "A then B (one argument each); with one, A is the common options and B adds it; none"
                    + " with --kernel A..B (the same board under two releases).")
    transient List<String> sides = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or svg (default: text).")
    DiffRenderer.Format format = DiffRenderer.Format.text;

    @Override
    boolean operands(List<String> words) {
        if (words.size() > 2) {
            return false;
        }
        sides = new ArrayList<>(words);
        return true;
    }

    @Override
    public Integer call() {
        if (sides.size() > 2) {
            throw new InputException("diff: give two sides, A and B (quote an option set with spaces)");
        }
        DiffSides.Side a;
        DiffSides.Side b;
        KernelRange range = KernelRange.of(machine.kernel);
        if (range != null) {
            if (!sides.isEmpty()) {
                throw new InputException("diff: --kernel " + machine.kernel + " gives both sides (the board under "
                        + range.a() + " and under " + range.b() + "): give no side A or B with it");
            }
            a = DiffSides.resolve(machine, "--kernel " + range.a());
            b = DiffSides.resolve(machine, "--kernel " + range.b());
        } else if (sides.isEmpty()) {
            throw new InputException("diff: give a side B (and A), or --kernel A..B to compare two releases");
        } else {
            a = DiffSides.resolve(machine, sides.size() == 2 ? sides.get(0) : null);
            b = DiffSides.resolve(machine, sides.get(sides.size() - 1));
        }
        Layout la = Engines.forArch(a.machine().arch()).compute(a.machine());
        Layout lb = Engines.forArch(b.machine().arch()).compute(b.machine());
        LayoutDiff d = LayoutDiff.of(la, lb);
        int status = ExitCode.of(!d.sameKernelLines()).code;
        PrintWriter out = out();
        String common = commonOptions();
        Upgrade upgrade = null;
        String[] kernels = range != null ? new String[]{range.a(), range.b()} : kernelOnly(sides);
        if (kernels != null) {
            // the same board under two releases: every boundary between them, with its effect on this board
            Engine engine = Engines.forArch(a.machine().arch());
            upgrade = Upgrade.of(engine, MachineInputs.boundaries(), a.machine().kernel(), b.machine().kernel(),
                    v -> DiffSides.resolve(machine, "--kernel " + v).machine());
        }
        new DiffRenderer(Version.get()).render(format, label(common, a), label(common, b), d, upgrade, status, out);
        return status;
    }

    /** The two releases when both sides are option sets of only "--kernel V" (or "--kernel=V"), else null. */
    private static String[] kernelOnly(List<String> sides) {
        if (sides.size() != 2) {
            return null;
        }
        String[] out = new String[2];
        for (int i = 0; i < 2; i++) {
            String[] w = sides.get(i).strip().split("\\s+|=", -1);
            if (w.length != 2 || !w[0].equals("--kernel")) {
                return null;
            }
            out[i] = w[1];
        }
        return out;
    }

    /** The board options as given (also those given before 'diff'), for the labels ("--profile NAME --kernel 3.18"). */
    private String commonOptions() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, List<String>> e : machine.values().given().entrySet()) {
            if (e.getKey().equals("--kernel") && KernelRange.of(machine.kernel) != null) {
                continue; // each side names its release
            }
            for (String v : e.getValue()) {
                b.append(b.length() > 0 ? " " : "").append(e.getKey()).append(' ')
                        .append(needsQuotes(v) ? "'" + v + "'" : v);
            }
        }
        return b.toString();
    }

    /** Empty, or with a blank or a quote in it (a loop, not a regular expression: see FastPath). */
    private static boolean needsQuotes(String v) {
        boolean q = v.isEmpty();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            q |= Character.isWhitespace(c) || c == '\'' || c == '"';
        }
        return q;
    }

    private static String label(String common, DiffSides.Side s) {
        String base = common.isEmpty() ? "" : common + " + ";
        switch (s.kind()) {
            case PROFILE:
                return base + "profile " + s.label();
            case BOOTARGS:
                return base + "bootargs file " + s.label();
            case OPTIONS:
                if (!s.label().isBlank()) {
                    return base + "'" + s.label() + "'";
                }
                return common.isEmpty() ? "(vmlayout's defaults)" : common;
            default:
                return common.isEmpty() ? "(vmlayout's defaults)" : common;
        }
    }
}
