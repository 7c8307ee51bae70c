package vmlayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import vmlayout.config.Machine;

/** The fast path reads every option it knows exactly as picocli does, and knows no option picocli lacks. */
class FastPathTest {

    /** A valid sample value for each option of the main command (the test fails when one is missing). */
    static final Map<String, List<String>> SAMPLES = Map.ofEntries(
            Map.entry("--arch", List.of("--arch", "arm")),
            Map.entry("--kernel", List.of("--kernel=3.18")),
            Map.entry("--ram", List.of("--ram", "0x80000000:512M", "--ram=0xa0000000:256M")),
            Map.entry("--e820", List.of("--e820", "0:0x9fc00:usable")),
            Map.entry("--e820-file", List.of("--e820-file", "testdata/artifacts/sysfs-memmap-qemu-pc-3G")),
            Map.entry("--cmdline", List.of("--cmdline", "console=ttyS0 mem=512M \"dyndbg=a b\"")),
            Map.entry("--mem", List.of("--mem", "256M@0x80000000", "--mem=128M")),
            Map.entry("--memmap", List.of("--memmap=64K$0x18690000")),
            Map.entry("--vmalloc", List.of("--vmalloc", "300M")),
            Map.entry("--highmem", List.of("--highmem=512M")),
            Map.entry("--define", List.of("-D", "HIGHMEM=y", "--define", "CONFIG_VMSPLIT_2G=y")),
            Map.entry("--page-offset", List.of("--page-offset=0x80000000")),
            Map.entry("--vmalloc-end", List.of("--vmalloc-end", "0xff000000")),
            Map.entry("--lowmem-size", List.of("--lowmem-size=0x20000000")),
            Map.entry("--profile", List.of("--profile", "socfpga-de0")),
            Map.entry("--cmdline-file", List.of("--cmdline-file", "/dev/null")),
            Map.entry("--format", List.of("--format", "JSON")),
            Map.entry("--color", List.of("--color=never")),
            Map.entry("--kernel-only", List.of("--kernel-only")),
            Map.entry("--map", List.of("--map")),
            Map.entry("--config", List.of("--config", "testdata/artifacts/cmdline-force-arm.config")),
            Map.entry("--system-map", List.of("--system-map=testdata/artifacts/System.map-6.1.0-50-armmp.gz")),
            Map.entry("--dtb", List.of("--dtb", "testdata/artifacts/stm32mp135f-dk.dts")),
            Map.entry("--uboot-env", List.of("--uboot-env", "testdata/artifacts/seed002-uboot-env.txt")),
            Map.entry("--initrd", List.of("--initrd", "0x48000000:8M")));

    /** Options only picocli handles. */
    static final List<String> PICOCLI_ONLY = List.of("--help", "--version");

    @Test
    void everyOptionOfTheMainCommandHasASample() {
        CommandLine cl = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        for (OptionSpec o : cl.getCommandSpec().options()) {
            if (!SAMPLES.containsKey(o.longestName()) && !PICOCLI_ONLY.contains(o.longestName())) {
                fail("option " + o.longestName() + " has no sample here: add one (and to FastPath, or it will take picocli's slower path)");
            }
        }
    }

    @Test
    void bothPathsReadTheSameMachine() {
        List<String> all = new ArrayList<>();
        for (List<String> s : SAMPLES.values()) {
            all.addAll(s);
        }
        all.remove("--profile");
        all.remove("socfpga-de0");
        all.remove("--e820-file"); // one BIOS map: --e820 or --e820-file, compared below
        all.remove("testdata/artifacts/sysfs-memmap-qemu-pc-3G");
        all.add("mem=64M");
        all.add("vmalloc=1G");
        compare(all.toArray(new String[0]));
        compare("--profile", "socfpga-de0", "--kernel", "3.18", "vmalloc=300M");
        compare("--e820-file", "testdata/artifacts/sysfs-memmap-qemu-pc-3G", "--kernel", "6.1", "mem=1G");
    }

    @Test
    void fallsBackForWhatItDoesNotRead() {
        for (String[] args : new String[][]{{"--help"}, {"check"}, {"-DHIGHMEM=y"}, {"--vmalloc", "1G", "--vmalloc", "2G"},
            {"--no-such"}, {"-D"}, {"-D", "--ram=1G"}, {"stray"}, {"--"}, {"--kernel-only=true"}}) {
            assertFalse(FastPath.parse(args, new MachineOptions(), new OutputOptions()), String.join(" ", args));
        }
    }

    private static void compare(String... args) {
        MachineOptions fm = new MachineOptions();
        OutputOptions fo = new OutputOptions();
        assertTrue(FastPath.parse(args, fm, fo), String.join(" ", args));
        VmlayoutCommand picked = new VmlayoutCommand();
        new CommandLine(picked).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        Machine viaFast = fm.toMachine();
        picked.machine.params = picked.params; // as VmlayoutCommand.call() does
        Machine viaPicocli = picked.machine.toMachine();
        assertEquals(viaPicocli.arch(), viaFast.arch());
        assertEquals(viaPicocli.kernel(), viaFast.kernel());
        assertEquals(viaPicocli.ram(), viaFast.ram());
        assertEquals(viaPicocli.e820(), viaFast.e820());
        assertEquals(viaPicocli.params(), viaFast.params());
        assertEquals(viaPicocli.defines().raw(), viaFast.defines().raw());
        assertEquals(viaPicocli.defaultsUsed(), viaFast.defaultsUsed());
        assertEquals(picked.output.format, fo.format);
        assertEquals(picked.output.color, fo.color);
        assertEquals(picked.output.kernelOnly, fo.kernelOnly);
        assertEquals(picked.output.map, fo.map);
    }

    // --- the subcommands

    /** Samples of each fast subcommand: its own options and operands (the board options come from SAMPLES). */
    static final Map<String, List<List<String>>> SUB_SAMPLES = Map.of(
            "check", List.of(List.of("--require", "vmalloc>=256M", "--require=dropped==0", "--format", "GitHub", "mem=512M", "vmalloc=300M"),
                    List.of("--board", "socfpga-de0:/dev/null", "--board=hi3518"),
                    List.of("--project", "ci/vmlayout.json", "--no-fail", "--format=sarif")),
            "explain", List.of(List.of("--format=json", "vmalloc=300M")),
            "suggest", List.of(List.of("--want", "dropped==0", "--want=vmalloc>=300M", "--reserve", "1G:1G", "--max-cost", "kconfig",
                    "mem=1G"), List.of("--want", "dropped==0", "--format=json")),
            "diff", List.of(List.of("--format", "svg", "--", "", "-D HIGHMEM=y"), List.of("socfpga-de0"), List.of("--format=json", "a", "b"), List.of()),
            "verify", List.of(List.of("--format", "json", "-", "mem=512M", "vmalloc=1G"), List.of("--boot", "2", "boot.log")),
            "batch", List.of(List.of("--full", "-"), List.of()),
            "profiles", List.of(List.of("socfpga-de0"), List.of(), List.of("--format", "json", "hi3518")),
            "names", List.of(List.of("--arch", "x86"), List.of("--arch=ppc", "--color", "always")),
            "schema", List.of(List.of(), List.of("--color", "never")));

    @Test
    void everyOptionOfEveryFastSubcommandHasASample() {
        CommandLine root = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        for (String name : SUB_SAMPLES.keySet()) {
            String all = String.join(" ", SUB_SAMPLES.get(name).stream().flatMap(List::stream).toList());
            for (OptionSpec o : root.getSubcommands().get(name).getCommandSpec().options()) {
                String n = o.longestName();
                if (!PICOCLI_ONLY.contains(n) && !SAMPLES.containsKey(n) && !all.contains(n)) {
                    fail(name + " " + n + " has no sample here: add one");
                }
            }
        }
        for (String name : root.getSubcommands().keySet()) {
            if (FastPath.subcommand(name) != null) {
                assertTrue(SUB_SAMPLES.containsKey(name), name + " runs on the fast path: give it samples here");
            }
        }
    }

    @Test
    void bothPathsFillTheSameSubcommand() throws Exception {
        CommandLine root = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        for (Map.Entry<String, List<List<String>>> e : SUB_SAMPLES.entrySet()) {
            CommandLine sub = root.getSubcommands().get(e.getKey());
            List<String> board = new ArrayList<>();
            if (sub.getCommandSpec().findOption("--profile") != null) {
                for (Map.Entry<String, List<String>> s : SAMPLES.entrySet()) {
                    if (sub.getCommandSpec().findOption(s.getKey()) != null && !s.getKey().equals("--format")) {
                        board.addAll(s.getValue());
                    }
                }
            }
            for (List<String> sample : e.getValue()) {
                for (List<String> board2 : List.of(List.<String>of(), board)) {
                    List<String> args = new ArrayList<>(List.of(e.getKey()));
                    int dashes = sample.indexOf("--");
                    List<String> own = new ArrayList<>(sample);
                    own.addAll(dashes < 0 ? own.size() : dashes, board2);
                    args.addAll(own);
                    compareSub(args.toArray(new String[0]));
                }
            }
        }
    }

    @Test
    void subcommandsFallBackForWhatTheyDoNotRead() {
        for (String[] args : new String[][]{{"check", "--help"}, {"check", "-h"}, {"diff", "a", "b", "c"}, {"verify"},
            {"profiles", "a", "b"}, {"names", "stray"}, {"check", "--format", "yaml"}, {"check", "--no-such"},
            {"explain", "--format", "json", "--format", "text"}, {"check", "--params", "x"}, {"check", "--machine", "x"},
            {"check", "--spec", "x"}, {"check", "--fast-out", "x"}, {"generate-completion", "bash"}, {"help"}, {"chek"},
            {"batch", "--full=true"}, {"check", "--require"}, {"check", "--require", "--format"}}) {
            SubCommand c = FastPath.subcommand(args[0]);
            assertTrue(c == null || !FastPath.read(c, args), String.join(" ", args));
        }
    }

    /** Only options are found by name: every other field of a subcommand (spec, mixins, operands) is transient. */
    @Test
    void everyFieldTheFastPathCanReachIsAnOption() {
        CommandLine root = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!(sub.getCommandSpec().userObject() instanceof SubCommand c)) {
                continue;
            }
            for (java.lang.reflect.Field f : OptionFields.of(c.getClass())) {
                if (f.getType() == List.class) {
                    assertEquals("java.util.List<java.lang.String>", f.getGenericType().getTypeName(),
                            sub.getCommandName() + "." + f.getName() + ": the fast path adds strings to a list option");
                }
                OptionSpec o = sub.getCommandSpec().findOption(OptionFields.longName(f));
                assertTrue(o != null, sub.getCommandName() + "." + f.getName() + " is not an option: make it transient");
                assertEquals(f, OptionFields.field(c.getClass(), o.longestName()), sub.getCommandName() + " " + o.longestName());
            }
        }
    }

    @Test
    void everyListOptionOfTheMixinsHoldsStrings() {
        for (Class<?> c : List.of(MachineOptions.class, OutputOptions.class, ColorOption.class)) {
            for (java.lang.reflect.Field f : OptionFields.of(c)) {
                if (f.getType() == List.class) {
                    assertEquals("java.util.List<java.lang.String>", f.getGenericType().getTypeName(), c.getSimpleName() + "." + f.getName());
                }
            }
        }
    }

    /** FastPath.read and picocli's parse fill every field of the command and its mixins alike. */
    private static void compareSub(String... args) throws Exception {
        SubCommand fast = FastPath.subcommand(args[0]);
        assertTrue(FastPath.read(fast, args), String.join(" ", args));
        CommandLine root = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        CommandLine.ParseResult pr = root.parseArgs(args);
        Object picked = pr.subcommand().commandSpec().userObject();
        assertSameFields(picked, fast, String.join(" ", args));
    }

    private static void assertSameFields(Object expected, Object actual, String where) throws Exception {
        for (Class<?> k = expected.getClass(); k != SubCommand.class && k != Object.class; k = k.getSuperclass()) {
            for (java.lang.reflect.Field f : k.getDeclaredFields()) {
                if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object e = f.get(expected);
                Object a = f.get(actual);
                Class<?> t = f.getType();
                if (t == MachineOptions.class || t == ColorOption.class || t == OutputOptions.class) {
                    assertSameFields(e, a, where + " [" + f.getName() + "]");
                } else if (!(e instanceof vmlayout.inputs.MachineInputs) && !(t == CommandLine.Model.CommandSpec.class)) {
                    assertEquals(e, a, where + ": " + k.getSimpleName() + "." + f.getName());
                }
            }
        }
    }
}
