package vmlayout.cli;

import java.util.List;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vmlayout.bootargs.KernelCmdline;
import vmlayout.config.InputException;
import vmlayout.config.Machine;
import vmlayout.engine.Engine;
import vmlayout.engine.Engines;
import vmlayout.engine.Layout;
import vmlayout.inputs.BatchInput;
import vmlayout.inputs.Profile;
import vmlayout.render.BatchWriter;
import vmlayout.report.ExitCode;

/** Many configurations in one run: one JSON result per input line, streaming. */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Compute many layouts in one run. Each input line is either a JSON object",
            "with the fields of a profile (arch, kernel, ram, e820, defines, bootargs)",
            "or a plain kernel command line for the machine the options describe",
            "(--profile is their board). Other options apply to every line, over a",
            "JSON line's own settings.",
            "Output: one compact JSON object per input line, in order (blank and #",
            "lines are skipped): schemaVersion, line, arch, kernel, regions, summary",
            "(bytes: total and by use), messages (as --format json's), exitStatus;",
            "with --full also the whole --format json object under \"layout\". A line",
            "that cannot be read gives {\"schemaVersion\", \"line\": N, \"error\": \"...\",",
            "\"field\": the JSON line's field at fault (when one is), \"exitStatus\": 2}",
            "and the batch goes on. Schema: vmlayout schema ($defs/batchLine)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every line computed, none with findings",
            "1:some line has findings (and every line could be read)",
            "2:some line could not be read, or bad input or usage",
            "3:internal error (a bug in vmlayout: please report it)",
            "74:the output could not be written (disk full, closed pipe)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  printf 'mem=512M\\nvmalloc=300M\\n' | vmlayout batch --kernel 3.18 --ram 0:1G -",
            "  vmlayout batch boards.jsonl > results.jsonl"})
final class BatchCommand extends SubCommand {

    @Mixin
    transient ColorOption color;

    @Mixin
    transient MachineOptions machine;

    @Option(names = "--full", description = "Include the whole layout object in each result.")
    boolean full;

    @Parameters(arity = "0..1", paramLabel = "FILE|-", description = "Input file, '-' or nothing for standard input.")
    transient String file;

    @Override
    boolean operands(List<String> words) {
        if (words.size() > 1) {
            return false;
        }
        file = words.isEmpty() ? null : words.get(0);
        return true;
    }

    @Override
    public Integer call() throws IOException {
        Profile base = machine.profile.isEmpty() ? null : Profile.load(machine.profile.get(0));
        Writer w = out();
        boolean direct = w instanceof PrintWriter && System.out != null && out() == Cli.stdout();
        if (direct) {
            w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        }
        int worst = ExitCode.CLEAN.code;
        long done = 0;
        try (BatchInput in = BatchInput.open(file, System.in); BatchWriter out = new BatchWriter(w, full, Version.get())) {
            BatchInput.Line line;
            while ((line = in.next()) != null) {
                long n = line.number();
                if (line.error() != null) {
                    out.error(n, "line " + n + ": " + line.error(), null);
                    worst = ExitCode.USAGE.code;
                    continue;
                }
                String t = line.text().strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                try {
                    // a plain line is the board's bootargs, as a --cmdline-file would be (the files the
                    // options name are read once: MachineOptions keeps them)
                    String label = "line " + n;
                    Machine m = t.startsWith("{") ? machine.inputs().machine(Profile.parse(t, label), List.of(), null)
                            : machine.inputs().machine(base, KernelCmdline.parse(t, label).params(), label);
                    // the table's text only when --full prints it
                    Layout l = Engines.forArch(m.arch()).compute(m, full ? Engine.Detail.TABLE : Engine.Detail.SUMMARY);
                    int status = l.exitCode().code;
                    out.result(n, l, status);
                    worst = Math.max(worst, status);
                } catch (InputException e) {
                    String message = Cli.oneLine(e.getMessage());
                    out.error(n, message, t.startsWith("{") ? Profile.fieldOf(message, "line " + n) : null);
                    worst = ExitCode.USAGE.code;
                }
                if (!in.buffered()) {
                    out.flush(); // results so far reach a reader of the output while the input waits
                }
                // System.out keeps a write error to itself: asked every 1,024 lines, so that a batch whose
                // output nobody reads any more (batch FLEET | head, a full disk) stops instead of computing
                // the rest of its input; Cli reports it (exit 74)
                if (direct && (++done & 1023) == 0 && System.out.checkError()) {
                    break;
                }
            }
        }
        return worst;
    }

}
