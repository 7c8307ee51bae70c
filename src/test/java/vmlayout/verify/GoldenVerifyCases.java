package vmlayout.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The golden logs of testdata/ as verify cases. verify reads the log; from NAME.args (the board facts of
 * the golden test) it takes only what the log cannot tell and no predicted line gave:
 * <ul>
 *   <li>always --ram and every -D (and --page-offset, --vmalloc-end, --lowmem-size): the board's RAM as
 *       firmware describes it, before mem=, carve-outs and truncation (a log states RAM only as the kernel
 *       kept it), Kconfig values, board constants (VMALLOC_END, IOREMAP_BOT) and System.map symbols;</li>
 *   <li>--arch, --kernel, --cmdline and --e820 only when the log has no line that states them (no line that
 *       only one architecture prints, no "Linux version", no "Kernel command line:", no BIOS-e820 line).</li>
 * </ul>
 * Rows that start at a -D address (FIXADDR_START, IOREMAP_BOT, section symbols) echo an input: verify
 * marks them as inputs and does not count them.
 */
final class GoldenVerifyCases {

    static final Path TESTDATA = Paths.get("testdata");

    record Case(String name, Path log, List<String> args, List<String> argsFromFile) {
    }

    private GoldenVerifyCases() {
    }

    static List<Case> all() {
        List<Path> files;
        try (Stream<Path> s = Files.walk(TESTDATA)) {
            files = s.filter(p -> p.toString().endsWith(".args")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Case> out = new ArrayList<>();
        for (Path args : files) {
            String file = args.getFileName().toString();
            String base = file.substring(0, file.length() - ".args".length());
            Path log = args.resolveSibling(base + ".log");
            out.add(make(args.getParent().getFileName() + "/" + base, log, read(args)));
        }
        return out;
    }

    static Case make(String name, Path log, List<String> golden) {
        LogFacts facts = LogFacts.of(BootLog.parseText(log.toString(), String.join("\n", readLog(log))), null);
        List<String> args = new ArrayList<>();
        args.add("verify");
        args.add(log.toString());
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < golden.size(); i++) {
            String a = golden.get(i);
            String opt = a.startsWith("--") ? a.split("=", 2)[0] : a;
            boolean take;
            switch (opt) {
                case "--arch":
                    take = facts.arch() == null;
                    break;
                case "--kernel":
                    take = facts.kernel() == null;
                    break;
                case "--cmdline":
                    take = facts.cmdline() == null;
                    break;
                case "--e820":
                    take = facts.e820().isEmpty();
                    break;
                default:
                    take = true; // --ram, -D and the -D shorthands
            }
            if (a.equals("-D")) {
                a = "-D" + golden.get(++i);
            }
            if (take) {
                args.add(a);
                taken.add(a);
            }
        }
        args.add("--format=json");
        return new Case(name, log, args, taken);
    }

    /** The .args lines that are arguments (no comments, no directives). */
    static List<String> read(Path args) {
        List<String> out = new ArrayList<>();
        for (String line : readLog(args)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(line.strip());
            }
        }
        return out;
    }

    static List<String> readLog(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
