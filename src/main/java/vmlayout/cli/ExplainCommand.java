package vmlayout.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vmlayout.config.Machine;
import vmlayout.engine.Engine;
import vmlayout.engine.Engines;
import vmlayout.engine.Layout;
import vmlayout.render.ExplainRenderer;
import vmlayout.render.JsonRenderer;

/** Shows how the engine derived the layout, step by step, with the kernel rule behind each step. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Show how the kernel derives the layout, step by step.",
            "",
            "The steps carry your numbers and name the kernel rule (file, function,",
            "release range) that sets each boundary: PAGE_OFFSET, VMALLOC_END, the",
            "vmalloc reserve, the lowmem limit, each RAM bank's fate, high_memory,",
            "VMALLOC_START, the areas above and below. Then the layout itself, as",
            "vmlayout prints it. Takes the same board options as vmlayout."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  vmlayout explain --profile embeddedbits-arm-512M",
            "  vmlayout explain --arch x86 --kernel 3.2 --ram 2G mem=1G 'memmap=1G$1G'",
            "  vmlayout explain --profile ppc7448-2G --format json"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:the kernel would boot this layout without a memory warning",
            "1:the kernel would warn, drop RAM or ignore a parameter",
            "2:bad input or usage (one line on stderr names the token)",
            "3:internal error (a bug in vmlayout: please report it)",
            "74:the output could not be written (disk full, closed pipe)"})
final class ExplainCommand extends SubCommand {

    enum Format { text, json }

    @Mixin
    transient ColorOption color;

    @Mixin
    transient MachineOptions machine;

    @Parameters(paramLabel = LeadingArgs.PARAM_LABEL, arity = "0..*", description = "Kernel parameters as bare arguments, e.g. vmalloc=300M.")
    transient List<String> params = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (the layout object with a derivation array).")
    Format format = Format.text;

    @Override
    boolean operands(List<String> words) {
        params.addAll(words);
        return true;
    }

    @Override
    public Integer call() {
        machine.params = params;
        Machine m = machine.toMachine();
        Layout l = Engines.forArch(m.arch()).compute(m, Engine.Detail.DERIVATION);
        int status = l.exitCode().code;
        PrintWriter out = out();
        if (format == Format.json) {
            new JsonRenderer(Version.get(), true).render(l, status, out);
        } else {
            ExplainRenderer.render(l, out);
        }
        out.flush();
        return status;
    }
}
