package vmlayout.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vmlayout.config.InputException;
import vmlayout.config.Machine;
import vmlayout.engine.Engines;
import vmlayout.engine.Layout;
import vmlayout.render.JsonRenderer;
import vmlayout.render.TextRenderer;
import vmlayout.render.map.SvgMap;
import vmlayout.render.map.TextMap;

/** The main job: compute and print the layout. */
@Command(name = "vmlayout",
        mixinStandardHelpOptions = true,
        versionProvider = VmlayoutCommand.VersionText.class,
        sortOptions = false,
        subcommands = {CheckCommand.class, ExplainCommand.class, SuggestCommand.class, DiffCommand.class, VerifyCommand.class, BatchCommand.class, ProfilesCommand.class, NamesCommand.class, SchemaCommand.class, CommandLine.HelpCommand.class,
            GenerateCompletionCommand.class},
        headerHeading = "",
        header = "What the 32-bit Linux kernel will do with its memory at boot, computed without a board.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%n",
        description = {
            "Give the board's RAM, the kernel release, Kconfig values and the boot",
            "parameters (mem=, vmalloc=, memmap=, highmem= or a whole --cmdline).",
            "vmlayout applies that release's own arithmetic and prints what the",
            "kernel prints: its memory warnings in boot-log order, then its virtual",
            "memory layout table, character for character. vmlayout's own lines",
            "follow, marked as not the kernel's: where the RAM went (lowmem,",
            "highmem, dropped) and notes.",
            "",
            "Sizes and addresses use the kernel's memparse syntax: 512M, 0x20000000,",
            "1G, 0777 (octal). Kernel parameters on --cmdline or as bare arguments",
            "are read the way the kernel reads them (mem=512MB is 512M, and says",
            "so); option values must be read whole (--mem=512Q is an error).",
            "",
            "Options and parameters given before a command apply to it",
            "(vmlayout -D HIGHMEM=y check ... is vmlayout check -D HIGHMEM=y ...);",
            "one the command does not take is an error. vmlayout help COMMAND",
            "shows a command's help.",
        },
        parameterListHeading = "%nKernel parameters:%n",
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:the kernel would boot this layout without a memory warning",
            "1:the kernel would warn, drop or truncate RAM, clamp or ignore a",
            " :parameter, or a parameter has no effect on this architecture", // (each continuation key unique: picocli keeps them in a map)
            "2:bad input or usage (one line on stderr names the token)",
            "3:internal error (a bug in vmlayout: please report it)",
            "74:the output could not be written (disk full, closed pipe; EX_IOERR",
            "  :of sysexits.h): the result on stdout is incomplete; no message",
            "   :when a reader closed the pipe early (vmlayout ... | head)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  # ARM 3.18, 1 GB at 0, HIGHMEM: what vmalloc=300M does to lowmem",
            "  vmlayout --kernel 3.18 --ram 0:1G -D HIGHMEM=y vmalloc=300M",
            "",
            "  # ARM 2.6.37, VMALLOC_END 0xe0000000, mem=512M: RAM truncated",
            "  vmlayout --kernel 2.6.37 --ram 0x40000000:512M \\",
            "      -D VMALLOC_END=0xe0000000 -D CONSISTENT_DMA_SIZE=32M \\",
            "      --cmdline 'console=ttySC0,115200 mem=512M'",
            "",
            "  # x86: a 2 GB PC keeping its second gigabyte from the kernel",
            "  vmlayout --arch x86 --kernel 4.19 --ram 2G mem=1G 'memmap=1G$1G'",
            "",
            "  # PowerPC: why vmalloc= does nothing, and what LOWMEM_SIZE does",
            "  vmlayout --arch ppc --kernel 2.6.17 --ram 2G -D HIGHMEM=y vmalloc=1024M",
            "  vmlayout --arch ppc --kernel 2.6.17 --ram 2G -D HIGHMEM=y --lowmem-size 0x20000000",
            "",
            "  # a 2G/2G split",
            "  vmlayout --kernel 3.18 --ram 0x60000000:512M -D VMSPLIT_2G=y",
            "",
            "  # JSON for other tools",
            "  vmlayout --kernel 4.4 --ram 0:1G --format json \\",
            "      | jq '.regions[] | select(.name==\"vmalloc\")'",
            "",
            "  # a picture of the address space (or --format svg > map.svg)",
            "  vmlayout --kernel 3.18 --ram 0:1G -D HIGHMEM=y vmalloc=300M --map",
            "",
            "  # every -D name an architecture knows",
            "  vmlayout names --arch arm",
            "",
            "Release boundaries and their kernel sources: src/docs/eras.md.",
            "The picture's rules: src/docs/map.md."})
public final class VmlayoutCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MachineOptions machine;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = LeadingArgs.PARAM_LABEL, arity = "0..*",
            description = "Kernel parameters as bare arguments, e.g. mem=512M vmalloc=300M.")
    List<String> params = new ArrayList<>();

    @Override
    public Integer call() {
        machine.params = params;
        return run(machine, output, spec.commandLine().getOut());
    }

    /** The main job, shared with {@link FastPath}: compute the layout and print it. */
    static int run(MachineOptions machine, OutputOptions output, PrintWriter out) {
        if (output.map && (output.format != OutputOptions.Format.text || output.kernelOnly)) {
            throw new InputException("--map draws the text picture: leave out --format and --kernel-only"
                    + " (--format svg draws it as SVG)");
        }
        Machine m = machine.toMachine();
        Layout layout = Engines.forArch(m.arch()).compute(m);
        int status = layout.exitCode().code;
        if (output.map) {
            new TextMap(output.colour()).render(layout, out);
        } else if (output.format == OutputOptions.Format.svg) {
            out.print(SvgMap.render(layout));
            out.flush();
        } else if (output.format == OutputOptions.Format.json) {
            new JsonRenderer(Version.get()).render(layout, status, out);
        } else {
            new TextRenderer(output.style(), output.kernelOnly).render(layout, out);
        }
        return status;
    }

    /** --version (picocli's interface kept out of {@link Version}, which the fast path loads). */
    static final class VersionText implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            List<String> lines = new ArrayList<>();
            lines.add("vmlayout " + Version.get());
            lines.addAll(ReleasesChecked.versionLines());
            return lines.toArray(new String[0]);
        }
    }
}
