package vmlayout.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vmlayout.check.Requirement;
import vmlayout.config.InputException;
import vmlayout.config.Machine;
import vmlayout.inputs.OptionValues;
import vmlayout.render.SuggestJson;
import vmlayout.render.SuggestRenderer;
import vmlayout.report.ExitCode;
import vmlayout.suggest.Change;
import vmlayout.suggest.Cost;
import vmlayout.suggest.Goals;
import vmlayout.suggest.Reserve;
import vmlayout.suggest.Suggester;

/** Finds changes that reach the user's goals, each measured by re-running the engine with it. */
@Command(name = "suggest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Find changes that make a board reach its goals, each one measured.",
            "",
            "The changes are concrete: a vmalloc= or highmem= value (the working",
            "value nearest to the one in use), mem=/memmap= forms, CONFIG_HIGHMEM,",
            "a memory split, LOWMEM_SIZE or a lower kernel base on powerpc,",
            "VMALLOC_END where it is per board (ARM before 3.4). Each is run",
            "through the engine before it is printed, with its cost, the numbers",
            "it gives and a vmlayout command that shows it; cheapest first (boot",
            "parameters before Kconfig, less lowmem lost first). When nothing",
            "reaches the goals, it says why, with the kernel rule that stops the",
            "closest tries.",
            "",
            "Goals: --want METRIC OP SIZE (as check --require) or METRIC=SIZE (at",
            "least SIZE; for dropped, at most), METRIC one of vmalloc, lowmem,",
            "highmem, dropped, reserved, ioremap (the largest single ioremap() that",
            "fits, guard page and alignment included) or cma (the CMA the kernel",
            "reserves: cma=256M asks for a 256 MB area that is placed; suggest",
            "tries cma= itself, CONFIG_HIGHMEM, vmalloc= and the splits); --reserve",
            "START:SIZE for physical RAM the kernel must never use (it must end up",
            "neither lowmem nor highmem)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  vmlayout suggest --profile embeddedbits-arm-512M --want dropped==0",
            "  vmlayout suggest --profile marvell-88pa6220-granite2 --want 'vmalloc>=296M'",
            "  vmlayout suggest --profile ppc7448-2G -D IOREMAP_BOT=0xf6000000 --want ioremap=128M",
            "  vmlayout suggest --arch x86 --kernel 3.2 --ram 2G --reserve 1G:1G",
            "  vmlayout suggest --kernel 6.1 --ram 0x40000000:1G --want cma=512M",
            "  vmlayout suggest --profile socfpga-de0 --want dropped==0 --format json | jq -r '.suggestions[].command'"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:a change reaches the goals (or they hold already)",
            "1:no change considered reaches them (the output says why)",
            "2:bad input or usage (one line on stderr names the token)",
            "3:internal error (a bug in vmlayout: please report it)",
            "74:the output could not be written (disk full, closed pipe)"})
final class SuggestCommand extends SubCommand {

    @Mixin
    transient ColorOption color;

    @Mixin
    transient MachineOptions machine;

    @Parameters(paramLabel = LeadingArgs.PARAM_LABEL, arity = "0..*", description = "Kernel parameters as bare arguments.")
    transient List<String> params = new ArrayList<>();

    @Option(names = "--want", paramLabel = "GOAL", description = "A goal; repeatable (quote it: the shell reads > and <).")
    List<String> want = new ArrayList<>();

    @Option(names = "--reserve", paramLabel = "START:SIZE", description = "Physical RAM the kernel must never use; repeatable.")
    List<String> reserve = new ArrayList<>();

    @Option(names = "--max-cost", paramLabel = "COST",
            description = "The costliest change to consider: boot (boot parameters only), kconfig, split or board (default: board).")
    String maxCost = "board";

    /** The output formats of suggest. */
    enum Format { text, json }

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text or json (goals, the figures now, every suggestion with its parts, cost, measured result"
                    + " and command; or why nothing works; schema: vmlayout schema).")
    Format format = Format.text;

    @Override
    boolean operands(List<String> words) {
        params.addAll(words);
        return true;
    }

    @Override
    public Integer call() {
        machine.params = params;
        List<Requirement> w = new ArrayList<>();
        for (String s : want) {
            w.add(Goals.parseWant(s));
        }
        List<Reserve> r = new ArrayList<>();
        for (String s : reserve) {
            r.add(Reserve.parse(s));
        }
        if (w.isEmpty() && r.isEmpty()) {
            throw new InputException("suggest: give a goal with --want (e.g. --want 'vmalloc>=512M') or --reserve START:SIZE");
        }
        Cost cost = Cost.parse(maxCost);
        Machine m = machine.toMachine();
        Suggester.Report report = Suggester.run(m, new Goals(w, r), cost);
        PrintWriter out = out();
        OptionValues given = machine.values(); // read once: each suggestion's command is written from them
        Function<List<Change>, String> tryIt
                = new Function<List<Change>, String>() {
            @Override
            public String apply(List<Change> parts) { // a class, not a lambda: see FastPath
                return MachineArgs.command(given, m, parts);
            }
        };
        int status = ExitCode.of(!report.alreadyHolds() && report.suggestions().isEmpty()).code;
        if (format == Format.json) {
            SuggestJson.render(report, tryIt, Version.get(), status, out);
        } else {
            SuggestRenderer.render(report, tryIt, out);
        }
        return status;
    }
}
