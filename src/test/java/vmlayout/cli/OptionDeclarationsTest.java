package vmlayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import vmlayout.CliRunner;
import vmlayout.ShellWords;
import vmlayout.config.Fmt;
import vmlayout.config.Machine;
import vmlayout.inputs.MachineInputs;
import vmlayout.inputs.OptionValues;

/**
 * Issue 13 item 2: each option is declared once (its @Option field) and handled everywhere it must be:
 * read by the fast path as picocli reads it, written back by the machine-argument list (suggest's
 * printed commands), carried by a diff side, and used by the input policy. A new @Option without a
 * sample here fails the first test; one that some path drops fails the others.
 */
class OptionDeclarationsTest {

    /**
     * A sample for each board option that changes the machine (so dropping it shows). Each is given over
     * the same base board, {@link #BASE}.
     */
    static Map<String, List<String>> samples;


    static Path bootargs;

    @BeforeAll
    static void files() throws IOException {
        bootargs = Files.createTempFile("vmlayout-bootargs", ".txt");
        Files.writeString(bootargs, "console=ttyS0 mem=256M\n");
        bootargs.toFile().deleteOnExit();
        samples = Map.ofEntries(
                Map.entry("--profile", List.of("--profile", "socfpga-de0")),
                Map.entry("--cmdline-file", List.of("--cmdline-file", bootargs.toString())),
                Map.entry("--arch", List.of("--arch", "x86")),
                Map.entry("--kernel", List.of("--kernel", "3.18")),
                Map.entry("--ram", List.of("--ram", "0x80000000:512M", "--ram=0xa0000000:256M")),
                Map.entry("--e820", List.of("--arch", "x86", "--e820", "0:0x9fc00:usable", "--e820", "0x100000:0x3ff00000:usable")),
                Map.entry("--e820-file", List.of("--arch", "x86", "--e820-file", "testdata/artifacts/sysfs-memmap-qemu-pc-3G")),
                Map.entry("--cmdline", List.of("--cmdline", "console=ttyS0 mem=512M \"dyndbg=a b\"")),
                Map.entry("--mem", List.of("--mem", "256M")),
                Map.entry("--memmap", List.of("--arch", "x86", "--memmap=64K$0x18690000")),
                Map.entry("--vmalloc", List.of("--vmalloc", "300M")),
                Map.entry("--highmem", List.of("--arch", "x86", "--highmem=512M")),
                Map.entry("--define", List.of("-D", "HIGHMEM=y", "--define", "CONFIG_VMSPLIT_2G=y")),
                Map.entry("--page-offset", List.of("--page-offset=0x80000000")),
                Map.entry("--vmalloc-end", List.of("--vmalloc-end", "0xf0000000")),
                Map.entry("--lowmem-size", List.of("--arch", "ppc", "--lowmem-size=0x20000000")),
                Map.entry("--config", List.of("--config", "testdata/artifacts/cmdline-force-arm.config")),
                Map.entry("--system-map", List.of("--system-map=testdata/artifacts/System.map-6.1.0-50-armmp.gz")),
                Map.entry("--dtb", List.of("--dtb", "testdata/artifacts/stm32mp135f-dk.dts")),
                Map.entry("--uboot-env", List.of("--uboot-env", "testdata/artifacts/seed002-uboot-env.txt")),
                Map.entry("--initrd", List.of("--initrd", "0x48000000:8M")));
    }

    private static CommandLine model() {
        return Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    /** The board options of the model: those whose field is MachineOptions'. */
    private static List<OptionSpec> boardOptions() {
        List<OptionSpec> out = new ArrayList<>();
        for (OptionSpec o : model().getCommandSpec().options()) {
            if (o.userObject() instanceof Field f && f.getDeclaringClass() == MachineOptions.class) {
                out.add(o);
            }
        }
        return out;
    }

    @Test
    void everyOptionFieldIsNamedAfterItsOption() {
        Set<String> checked = new HashSet<>();
        CommandLine root = model();
        List<CommandLine> all = new ArrayList<>(List.of(root));
        all.addAll(root.getSubcommands().values());
        for (CommandLine cl : all) {
            for (OptionSpec o : cl.getCommandSpec().options()) {
                if (!(o.userObject() instanceof Field f) || !List.of(MachineOptions.class, OutputOptions.class, ColorOption.class)
                        .contains(f.getDeclaringClass())) {
                    continue;
                }
                Class<?> owner = f.getDeclaringClass() == ColorOption.class ? OutputOptions.class : f.getDeclaringClass();
                for (String name : o.names()) {
                    assertEquals(f, OptionFields.field(owner, name), name + ": the field must be named after the option"
                            + " (OptionFields), or the fast path, suggest and diff cannot find it");
                    checked.add(name);
                }
                assertEquals(o.longestName(), OptionFields.longName(f));
            }
        }
        assertTrue(checked.containsAll(List.of("-D", "--define", "--ram", "--format", "--color", "--kernel-only")), checked.toString());
    }

    @Test
    void everyBoardOptionHasASampleAndThePolicyReadsIt() {
        Set<String> read = new HashSet<>(List.of(MachineInputs.PROFILE, MachineInputs.CMDLINE_FILE, MachineInputs.ARCH,
                MachineInputs.KERNEL, MachineInputs.RAM, MachineInputs.E820, MachineInputs.E820_FILE, MachineInputs.CMDLINE, MachineInputs.DEFINE,
                MachineInputs.CONFIG, MachineInputs.SYSTEM_MAP, MachineInputs.DTB, MachineInputs.UBOOT_ENV, MachineInputs.INITRD));
        read.addAll(MachineInputs.PARAM_OPTIONS.keySet());
        MachineInputs.DEFINE_SHORTHANDS.forEach(e -> read.add(e.getKey()));
        Set<String> declared = new HashSet<>();
        for (OptionSpec o : boardOptions()) {
            declared.add(o.longestName());
            if (!samples.containsKey(o.longestName())) {
                fail("board option " + o.longestName() + " has no sample here: add one, so that the tests below check"
                        + " that the fast path, suggest's commands and diff's sides keep it");
            }
        }
        assertEquals(declared, read, "the options inputs.MachineInputs reads are the options MachineOptions declares");
    }

    /** Each sample changes the machine, and the fast path, suggest's command and a diff side give that same machine. */
    @Test
    void everyBoardOptionIsKeptEverywhere() {
        Machine none = picocli(List.of());
        for (OptionSpec o : boardOptions()) {
            List<String> args = samples.get(o.longestName());
            String what = o.longestName() + " " + args;
            Machine viaPicocli = picocli(args);
            assertNotEquals(print(none), print(viaPicocli), what + ": the sample must change the machine");
            // the fast path
            MachineOptions fm = new MachineOptions();
            assertTrue(FastPath.parse(args.toArray(new String[0]), fm, new OutputOptions()), what + ": the fast path reads it");
            assertEquals(print(viaPicocli), print(fm.toMachine()), what + ": fast path");
            // suggest's printed command, with no change: run as printed, the same machine
            MachineOptions parsed = parsed(args);
            String command = MachineArgs.command(parsed.values(), viaPicocli, List.of());
            List<String> words = ShellWords.split(command);
            assertEquals("vmlayout", words.get(0));
            assertEquals(print(viaPicocli), print(picocli(words.subList(1, words.size()))), what + ": suggest writes " + command);
            // a diff side of these options over no common options, and the common options with an empty side
            String side = String.join(" ", args.stream().map(Fmt::shell).toList());
            assertEquals(print(viaPicocli), print(DiffSides.resolve(new MachineOptions(), side).machine()), what + ": diff side");
            assertEquals(print(viaPicocli), print(DiffSides.resolve(parsed, "").machine()), what + ": diff common options");
            OptionValues over = DiffSides.over(new OptionValues(), parsed.values());
            assertNotNull(over);
        }
    }

    /** Through the CLI: suggest's printed commands keep the files the board came from (they were dropped). */
    @Test
    void suggestsCommandsKeepTheFilesOptions() {
        CliRunner.Result r = CliRunner.run("suggest", "--config", "testdata/artifacts/cmdline-force-arm.config", "--ram", "1G",
                "--dtb", "testdata/artifacts/stm32mp135f-dk.dts", "--want", "vmalloc>=600M");
        assertTrue(r.out().contains("try:"), r.toString());
        for (String line : r.out().split("\n")) {
            if (line.strip().startsWith("try:")) {
                assertTrue(line.contains("--config testdata/artifacts/cmdline-force-arm.config"), line);
                assertTrue(line.contains("--dtb testdata/artifacts/stm32mp135f-dk.dts"), line);
            }
        }
    }

    /** Through the CLI: a diff side's --config is used (it was dropped: both sides were the same). */
    @Test
    void aDiffSidesConfigIsUsed() {
        CliRunner.Result r = CliRunner.run("diff", "--ram", "1G", "--", "--config testdata/artifacts/cmdline-force-arm.config");
        assertEquals(1, r.status(), "the sides differ: " + r);
    }

    private static MachineOptions parsed(List<String> args) {
        VmlayoutCommand c = new VmlayoutCommand();
        new CommandLine(c).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args.toArray(new String[0]));
        c.machine.params = c.params;
        return c.machine;
    }

    private static Machine picocli(List<String> args) {
        return parsed(args).toMachine();
    }

    /**
     * Everything a machine holds, as text (Defines compares by its values; a parameter by its text, not
     * where it came from: suggest writes a bootargs file's line out with --cmdline).
     */
    static String print(Machine m) {
        return m.arch() + " " + m.kernel() + " " + m.ram() + " " + m.e820() + " " + m.params().stream().map(p -> p.text()).toList()
                + " " + m.defines().raw() + " "
                + m.defaultsUsed() + " " + m.reserved() + " " + m.builtin() + " " + m.inputMessages();
    }
}
