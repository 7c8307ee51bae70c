package vmlayout.fuzz;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import vmlayout.bootargs.KernelCmdline;
import vmlayout.bootargs.MemParse;
import vmlayout.cli.Cli;
import vmlayout.config.Defines;
import vmlayout.config.E820Entry;
import vmlayout.config.InputException;
import vmlayout.config.KernelVersion;
import vmlayout.config.RamBank;
import vmlayout.config.Sizes;
import vmlayout.inputs.Profile;
import vmlayout.suggest.Cost;
import vmlayout.suggest.Goals;
import vmlayout.suggest.Reserve;
import vmlayout.verify.BootLog;
import vmlayout.verify.LogFacts;
import vmlayout.verify.Verifier;

/** The parsers the fuzz run covers, each with seeds taken from real inputs. */
final class FuzzTargets {

    private FuzzTargets() {
    }

    static List<Fuzz.Target> all() {
        List<Fuzz.Target> t = new ArrayList<>();
        List<String> sizes = List.of("512M", "0x20000000", "1G", "0777", "256MB", "16E", "4k", "0x", "08", "64M@0x80000000");
        t.add(new Fuzz.Target("memparse", sizes, s -> {
            MemParse.Result r = MemParse.parse(s, MemParse.Suffixes.KMGTPE);
            if (r.end() < 0 || r.end() > s.length() || r.digitsEnd() > r.end()) {
                throw new IllegalStateException("bad end " + r.end());
            }
            MemParse.parse(s, MemParse.Suffixes.KMG);
        }));
        t.add(new Fuzz.Target("cmdline", List.of("console=ttyS0,115200 mem=512M vmalloc=300M",
                "root=/dev/nfs rw mem=1920M vmalloc=1024M nfsroot=1.2.3.4:/x", "dyndbg=\"file a.c +p\" \"mem=64M\" -- init=1",
                "memmap=exactmap memmap=640K@0 memmap=511M@1M", "mem=1G memmap=1G$1G"), s -> {
                    KernelCmdline c = KernelCmdline.parse(s, "fuzz");
                    c.params().forEach(p -> p.text());
                }));
        t.add(new Fuzz.Target("option-values", sizes, s -> {
            Sizes.parse(s, "--x");
            Sizes.parse32(s, "--x");
        }));
        t.add(new Fuzz.Target("ram-e820", List.of("0x80000000:512M", "512M", "0:0x9fc00:usable", "0x100000:0x7fec0000:acpi"), s -> {
            try {
                RamBank.parse(s);
            } catch (InputException e) {
                E820Entry.parse(s);
                throw e;
            }
        }));
        t.add(new Fuzz.Target("kernel-version", List.of("2.6.37", "3.18", "4.4.75-cip6", "v5.10", "5.1.0-rc2", "2.6.32.9"),
                KernelVersion::parse));
        t.add(new Fuzz.Target("defines", List.of("HIGHMEM=y", "CONFIG_VMSPLIT_2G=y", "VMALLOC_END=0xe0000000", "_text=0xc0008000"),
                s -> new Defines().add(s)));
        t.add(new Fuzz.Target("profile-json", List.of("{\"name\":\"b\",\"arch\":\"arm\",\"kernel\":\"3.18\",\"ram\":[\"0:1G\"],"
                + "\"defines\":{\"HIGHMEM\":\"y\"},\"bootargs\":\"vmalloc=300M\"}", "{}", "[]", "{\"ram\":[1,2]}"),
                s -> Profile.parse(s, "fuzz")));
        t.add(new Fuzz.Target("suggest-want", List.of("vmalloc>=512M", "ioremap=1G", "dropped==0", "lowmem>=768M", "dropped=0",
                "highmem!=0", "reserved<1G", "no-kernel-warning", "vmalloc >= 0x20000000"), Goals::parseWant));
        t.add(new Fuzz.Target("suggest-reserve", List.of("0x60000000:256M", "1G:1G", "0x90000000:64M", "0:4k", "0xffff000000:1M"),
                Reserve::parse));
        t.add(new Fuzz.Target("suggest-max-cost", List.of("boot", "kconfig", "split", "board", "BOOT"), Cost::parse));
        t.add(new Fuzz.Target("cli", List.of("--kernel 3.18 --ram 0:1G -D HIGHMEM=y vmalloc=300M",
                "--kernel 2.6.37 --ram 0x40000000:512M -D VMALLOC_END=0xe0000000 mem=512M",
                "--arch ppc --kernel 2.6.17 --ram 0:2G -D HIGHMEM=y --lowmem-size 0x20000000",
                "--arch x86 --kernel 3.2 --ram 2G vmalloc=256M highmem=512M",
                "check --profile socfpga-de0 --require vmalloc>=256M --format github",
                "explain --arch x86 --kernel 3.2 --ram 2G mem=1G memmap=1G$1G --format json",
                "--kernel 4.19 --ram 0:1G --format json mem=256M@0x10000000 mem=64M"), FuzzTargets::cli));
        // issue 13: what is given before a subcommand, check's boards, near misses, unitless sizes, constants
        t.add(new Fuzz.Target("leading-args", List.of("vmalloc=2G check --profile socfpga-de0",
                "-D HIGHMEM=y check --profile socfpga-de0 --require vmalloc>=128M", "--format json check --profile socfpga-de0",
                "--profile socfpga-de0 check", "--arch x86 names", "help check", "--help check", "--map check --ram 1G",
                "--kernel 3.18 check --kernel 3.16 --ram 1G", "vmalloc=1G diff --ram 1G -- mem=512M", "check",
                "--format svg check --profile socfpga-de0"), FuzzTargets::cli));
        t.add(new Fuzz.Target("check-boards", List.of("socfpga-de0:/dev/null", "marvell-88pa6220-granite2",
                "testdata/artifacts/seed002-uboot-env.txt:/dev/null", "nosuch:/dev/null", "socfpga-de0:", ":x"),
                s -> status(new String[]{"check", "--format", "github", "--board", s, "--board", "socfpga-de0"})));
        t.add(new Fuzz.Target("near-miss", List.of("vmaloc=300M", "VMALLOC=300M Mem=512M", "vmalloc 300M",
                "memap=64M$0x1000000", "crash-kernel=64M cma=16M", "highres=off memtest mem=512"),
                s -> status(new String[]{"--kernel", "3.18", "--ram", "0:1G", "--cmdline", s})));
        t.add(new Fuzz.Target("check-require", List.of("vmalloc>=128", "dropped<=512K", "ioremap > 0x40", "dropped==0",
                "vmalloc>=1M", "lowmem>=0x100000"), vmlayout.check.Requirement::parse));
        t.add(new Fuzz.Target("pinned-constants", List.of("VMALLOC_END=0xe000000", "FIXADDR_START=0xfff00000 FIXADDR_END=0xffc00000",
                "MODULES_VADDR=0xc1000000", "PHYS_OFFSET=0xa0000000", "PKMAP_BASE=0xf0000000 VMALLOC_END=0xf8000000",
                "IOREMAP_BOT=0xb0000000", "PAGE_OFFSET=0x40000000 VMALLOC_END=0x50000000", "_text=0xc0100000 _etext=0xc0008000"),
                FuzzTargets::pinnedConstants));
        t.add(new Fuzz.Target("batch-lines", List.of("mem=512M\nvmalloc=300M\n# c\n\nvmalloc=2G",
                "{\"arch\":\"x86\",\"kernel\":\"3.2\",\"ram\":[\"2G\"],\"bootargs\":\"vmalloc=256M mem=1G\"}\nmem=256M",
                "{\"arch\":\"ppc\",\"kernel\":\"2.6.17\",\"ram\":[\"1G\"],\"defines\":{\"HIGHMEM\":\"y\"}}",
                "{\"arch\":\"arm\",\"kernel\":\"6.1\",\"ram\":[\"0x80000000:1G\"],\"e820\":[],\"bootargs\":\"mem=64M@0x90000000\"}",
                "{\"arch\":1}\nroot=/dev/sda1 mem=0x20000000@0x40000000 memmap=64M$0x10000000"), FuzzTargets::batchLines));
        t.add(new Fuzz.Target("boot-log", BOOT_LOGS, FuzzTargets::bootLog));
        t.add(new Fuzz.Target("verify-cli", BOOT_LOGS, FuzzTargets::verifyCli));
        t.add(new Fuzz.Target("diff-side", List.of("vmalloc=300M", "-D HIGHMEM=y vmalloc=240M", "--kernel 3.16 'mem=512M'",
                "--cmdline \"console=ttyS0 vmalloc=300M\" -D VMSPLIT_2G=y", "marvell-88pa6220-granite2", "",
                "--ram 0x60000000:512M --arch arm"), FuzzTargets::diffSide));
        // the artifact readers (issue 6): real files as seeds, mutated
        t.add(new Fuzz.Target("kconfig", List.of(text("testdata/artifacts/cmdline-force-arm.config"),
                head("testdata/artifacts/config-6.1.0-50-armmp", 40000)),
                s -> vmlayout.inputs.KconfigFile.parse(file("--config", s))));
        t.add(new Fuzz.Target("system-map", List.of("c0008000 T _text\nc0a05394 T _etext\nc0b39e64 B __bss_stop\n",
                "00000000 A VMLINUX_SYMBOL_TEST\n"), s -> vmlayout.inputs.SystemMap.parse(file("--system-map", s))));
        t.add(new Fuzz.Target("uboot-env", List.of(text("testdata/artifacts/seed002-uboot-env.txt"),
                "bootargs=console=ttyS0 mem=512M\nbootcmd=run x; bootm\nx=setenv bootargs ${bootargs} vmalloc=300M\n"),
                s -> vmlayout.inputs.UbootEnv.read(file("--uboot-env", s))));
        t.add(new Fuzz.Target("dts", List.of(head("testdata/artifacts/stm32mp135f-dk.dts", 20000)),
                s -> vmlayout.inputs.DeviceTreeMemory.read(file("--dtb", s), false)));
        t.add(new Fuzz.Target("dtb", List.of(latin1("testdata/artifacts/am335x-boneblack.dtb"),
                latin1("testdata/artifacts/armada-xp-gp.dtb")),
                s -> vmlayout.inputs.DeviceTreeMemory.read(vmlayout.inputs.InputFile.of("--dtb", "fuzz.dtb",
                        s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)), false)));
        hostile(t);
        return t;
    }

    /** Largest generated whole file: past every reader's cap (16 MB for .config, DTB, U-Boot env). */
    private static final int WHOLE_MAX = 24 << 20;
    /** Whole hostile files get 1 in this many of the run's N inputs (each is up to megabytes). */
    private static final int WHOLE_SHARE = 100;

    /**
     * Whole hostile files through the command line, one target per reader (issue 14): each generated
     * file is written and read by the option that reads it; exit 0-2 only, a rejection one line, no
     * raw control character on standard output or error, and within the run's bound.
     */
    private static void hostile(List<Fuzz.Target> t) {
        t.add(whole("file-config", r -> WholeFiles.next(r, WholeFiles.CONFIG, WHOLE_MAX), "--config"));
        t.add(whole("file-dts", r -> WholeFiles.next(r, WholeFiles.DTS, WHOLE_MAX), "--dtb"));
        t.add(whole("file-dtb", r -> WholeFiles.dtb(r, WHOLE_MAX), "--dtb"));
        t.add(whole("file-uboot", r -> WholeFiles.next(r, WholeFiles.UBOOT, WHOLE_MAX), "--uboot-env"));
        t.add(whole("file-profile", r -> WholeFiles.next(r, WholeFiles.PROFILE, 2 << 20), "--profile"));
        t.add(whole("file-cmdline", r -> WholeFiles.next(r, WholeFiles.CMDLINE, 1 << 20), "--cmdline-file"));
        t.add(whole("file-log", r -> WholeFiles.next(r, WholeFiles.LOG, 40 << 20), "verify"));
        t.add(whole("file-batch", r -> WholeFiles.next(r, WholeFiles.BATCH, 8 << 20), "batch"));
        // a special file's reader meets its cap (16 MB of /dev/zero, 64 MB of an endless line through a pipe)
        t.add(new Fuzz.Target("special-files", SpecialFiles.CASES, SpecialFiles::run, r -> SpecialFiles.CASES.get(
                r.nextInt(SpecialFiles.CASES.size())), WHOLE_SHARE, s -> 4 * Fuzz.BOUND_MS + (64 << 20) / MIN_BYTES_PER_MS));
        t.add(new Fuzz.Target("hostile-args", List.of("--x\u001b]0;PWNED\u0007"), FuzzTargets::hostileArgs,
                FuzzTargets::hostileArgsInput, 1, s -> Fuzz.BOUND_MS));
    }

    /** The slowest a linear reader may be: 2 MB/s on a busy machine (a quadratic one reading 1 MB takes minutes). */
    static final long MIN_BYTES_PER_MS = 2000;
    /** The slowest a batch or log line may be on a busy machine: 5 per ms (batch computes about 60 layouts per ms). */
    static final long MIN_LINES_PER_MS = 5;

    private static Fuzz.Target whole(String name, java.util.function.Function<java.util.Random, String> gen, String option) {
        return new Fuzz.Target(name, List.of(), s -> readWhole(option, s), gen, WHOLE_SHARE, FuzzTargets::linearBound);
    }

    /**
     * The bound for a whole file: the run's bound plus the time a linear reader needs for its bytes
     * and (batch) its lines. It grows with the size, so a large file that is read in linear time passes
     * on a busy machine, while a quadratic reader still fails by orders of magnitude.
     */
    static long linearBound(String bytes) {
        long lines = 0;
        for (int i = 0; i < bytes.length(); i++) {
            char c = bytes.charAt(i);
            if (c == '\n' || c == '\r') {
                lines++;
            }
        }
        return Fuzz.BOUND_MS + bytes.length() / MIN_BYTES_PER_MS + lines / MIN_LINES_PER_MS;
    }

    /** Runs {@code args} with the checks of {@link #status} (or of a batch run). */
    static void readArgs(String[] args, boolean batch) {
        if (batch) {
            batchRun(args);
        } else {
            status(args);
        }
    }

    /** The generated bytes in a file, read by {@code option}; the checks every hostile target makes. */
    static void readWhole(String option, String bytes) {
        java.nio.file.Path f = WHOLE_FILE.get();
        try {
            java.nio.file.Files.write(f, bytes.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String[] args = switch (option) {
            case "verify" -> new String[]{"verify", f.toString(), "--kernel", "4.4", "--ram", "0:1G"};
            case "batch" -> new String[]{"batch", "--kernel", "4.4", "--ram", "0:1G", f.toString()};
            default -> new String[]{option, f.toString()};
        };
        if (option.equals("batch")) {
            batchRun(args);
        } else {
            status(args);
        }
    }

    private static final ThreadLocal<java.nio.file.Path> WHOLE_FILE = ThreadLocal.withInitial(() -> {
        try {
            java.nio.file.Path p = java.nio.file.Files.createTempFile("vmlayout-fuzz-whole", ".bin");
            p.toFile().deleteOnExit();
            return p;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    });

    /** Arguments that picocli itself rejects, carrying terminal escapes, line breaks and @files. */
    static String hostileArgsInput(java.util.Random r) {
        String[] shapes = {"--x%s", "--format %s", "--color %s", "check --format %s", "verify %s", "@%s", "--kernel %s",
            "suggest --max-cost %s", "check --require vmalloc>=%s", "batch --x%s", "%s=1", "-D %s"};
        String bad = WholeFiles.badEncoding(r);
        String text = new String(bad.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                java.nio.charset.StandardCharsets.UTF_8) + (r.nextBoolean() ? "\n" + "x".repeat(r.nextInt(9)) : "")
                + (r.nextInt(4) == 0 ? "\u2028\u202e\u0085" : "");
        return String.format(shapes[r.nextInt(shapes.length)], "a" + text + "b");
    }

    /** The words of {@code s} split on spaces, run; a terminal escape in any of them never comes out raw. */
    static void hostileArgs(String s) {
        status(s.split(" "));
    }

    /** Every result line of batch is one JSON object; errors are objects, the run goes on (or ends in one line). */
    private static void batchRun(String[] args) {
        Ran r = ran(args);
        for (String line : r.out().split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            try {
                JSON.readTree(line);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("batch wrote a line that is not JSON: " + Mutator.show(line), e);
            }
        }
        if (r.status() == 2 && !r.err().isEmpty()) {
            throw rejection(r.err());
        }
    }

    /**
     * Nothing an input carries acts on a terminal: no control character but line ends and tabs, and
     * an ESC only as vmlayout's own SGR colour sequence.
     */
    static void terminalSafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t') {
                continue;
            }
            if (c == 0x1b && s.startsWith("[", i + 1)) {
                int j = i + 2;
                while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == ';')) {
                    j++;
                }
                if (j < s.length() && s.charAt(j) == 'm') {
                    i = j;
                    continue;
                }
            }
            if (vmlayout.config.Escapes.needsEscape(c)) {
                throw new IllegalStateException(String.format("raw U+%04X reaches the terminal: %s", (int) c,
                        Mutator.show(s.substring(Math.max(0, i - 40), Math.min(s.length(), i + 40)))));
            }
        }
    }

    /** Boot logs in the forms verify reads: dmesg, syslog, mail-quoted, util-linux continuation lines. */
    static final List<String> BOOT_LOGS = List.of(
            "[    0.000000] Linux version 4.4.75-cip6 (b@h) (gcc version 4.9.2 (GCC) ) #2 SMP\n"
                    + "[    0.000000] Booting Linux on physical CPU 0x0\n"
                    + "[    0.000000] Truncating RAM at 0x00000000-0x40000000 to -0x30000000\n"
                    + "[    0.000000] Kernel command line: console=ttyS0,115200 vmalloc=300M mem=1G\n"
                    + "[    0.000000] Virtual kernel memory layout:\n"
                    + "[    0.000000]     vector  : 0xffff0000 - 0xffff1000   (   4 kB)\n"
                    + "[    0.000000]     vmalloc : 0xf0800000 -",
            "Nov 25 04:07:01 host kernel: [    0.000000] Linux version 3.2.0-29-generic (x) #46\n"
                    + "Nov 25 04:07:01 host kernel: [    0.000000]  BIOS-e820: 0000000000000000 - 000000000009fc00 (usable)\n"
                    + "Nov 25 04:07:01 host kernel: [    0.000000]  BIOS-e820: [mem 0x0000000000100000-0x000000007fffbfff] usable\n"
                    + "Nov 25 04:07:01 host kernel: [    0.000000] 751MB LOWMEM available.\n"
                    + "Nov 25 04:07:01 host kernel: [    0.000000] virtual kernel memory layout:\n"
                    + "                    fixmap  : 0xfff16000 - 0xfffff000   ( 932 kB)\n",
            "> Kernel command line: ro root=/dev/sda5\n> Top of RAM: 0x30000000, Total RAM: 0x30000000\n"
                    + "> Kernel virtual memory layout:\n>   * 0xffbdf000..0xfffff000  : fixmap\n",
            "\tMachine: x\n\tMemory: 64MB 64MB = 128MB total\n\tEarly memory node ranges\n"
                    + "\t  node   0: [mem 0x0000000060000000-0x000000009fffffff]\n\tZone ranges:\n"
                    + "\t  Normal   [mem 0x0000000060000000-0x000000008fffffff]\n");

    /** A log read, its facts taken and compared with a layout: accepted or one-line rejections only. */
    static void bootLog(String s) {
        BootLog log = BootLog.parse("fuzz.log", s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (vmlayout.config.Arch a : vmlayout.config.Arch.values()) {
            LogFacts.of(log, a);
        }
        LogFacts f = LogFacts.of(log, null);
        vmlayout.config.Machine m = new vmlayout.config.Machine.Builder().arch(vmlayout.config.Arch.X86)
                .kernel(KernelVersion.of(3, 2)).build();
        Verifier.compare(log, vmlayout.engine.Engines.forArch(m.arch()).compute(m), java.util.Set.of(0xfff16000L));
        if (f.kernel() != null) {
            KernelVersion.parse(f.kernel());
        }
        for (String r : f.ram()) {
            RamBank.parse(r);
        }
        for (String e : f.e820()) {
            E820Entry.parse(e);
        }
    }

    /** vmlayout verify on a log file: inferred inputs reach the engines; exit 0-2 only, a rejection is one line. */
    static void verifyCli(String s) {
        java.nio.file.Path f = null;
        try {
            f = java.nio.file.Files.createTempFile("fuzz", ".log");
            java.nio.file.Files.writeString(f, s);
            status(new String[]{"verify", f.toString()});
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (f != null) {
                f.toFile().delete();
            }
        }
    }

    /** One side of vmlayout diff over a fixed board: exit 0-2 only, a rejection is one line. */
    static void diffSide(String s) {
        status(new String[]{"diff", "--kernel", "3.18", "--ram", "0:1G", "--", s});
    }

    private static vmlayout.inputs.InputFile file(String option, String text) {
        return vmlayout.inputs.InputFile.of(option, "fuzz", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String text(String path) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Paths.get(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String head(String path, int chars) {
        String t = text(path);
        return t.length() > chars ? t.substring(0, chars) : t;
    }

    /** A binary file as a string of chars 0-255, so the string mutator can damage its bytes. */
    private static String latin1(String path) {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Paths.get(path)), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Each word a -D setting, on the arch the input's hash picks: exit 0-2 only, a rejection is one line. */
    static void pinnedConstants(String s) {
        List<String> args = new ArrayList<>(List.of("--arch", List.of("arm", "x86", "ppc").get(Math.floorMod(s.hashCode(), 3)),
                "--kernel", "4.19", "--ram", "0x80000000:512M"));
        for (String w : s.trim().split(" +")) {
            if (!w.isEmpty()) {
                args.add("-D");
                args.add(w);
            }
        }
        status(args.toArray(new String[0]));
    }

    /** The whole command line, words split on spaces: exit 0-2 only, and a rejection is one line. */
    static void cli(String s) {
        status(s.isBlank() ? new String[0] : s.trim().split(" +"));
    }

    /** One in-process run: exit status and what it wrote, checked to be terminal-safe and not an internal error. */
    private record Ran(int status, String out, String err) {
    }

    private static Ran ran(String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        terminalSafe(out.toString());
        terminalSafe(err.toString());
        if (status == 3) {
            throw new IllegalStateException("internal error: " + err);
        }
        return new Ran(status, out.toString(), err.toString());
    }

    /**
     * A rejection as the fuzz run counts it: one line is an InputException; more lines or none is a
     * failure (an InputException would escape the line breaks of its text, hiding them).
     */
    private static RuntimeException rejection(String err) {
        if (err.isEmpty() || err.indexOf('\n') != err.length() - 1) {
            return new IllegalStateException("not one line on stderr: " + Mutator.show(err));
        }
        return new InputException(err.strip());
    }

    private static void status(String[] args) {
        Ran r = ran(args);
        if (r.status() == 2) {
            throw rejection(r.err());
        }
    }

    /** A batch file: every line gets a result or a one-line error result; nothing escapes (exit 3). */
    static void batchLines(String s) {
        java.nio.file.Path f = BATCH_FILE.get();
        try {
            java.nio.file.Files.writeString(f, s, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(new String[]{"batch", "--profile", "socfpga-de0", f.toString()}, new PrintWriter(out),
                new PrintWriter(err));
        if (status == 3 || !err.toString().isEmpty()) {
            throw new IllegalStateException("batch: exit " + status + ": " + err);
        }
        String firstError = null;
        for (String line : out.toString().split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode r;
            try {
                r = JSON.readTree(line); // every result is one JSON object on one line
            } catch (java.io.IOException e) {
                throw new IllegalStateException("batch wrote a line that is not JSON: " + line, e);
            }
            if (r.has("error") && firstError == null) {
                firstError = r.get("error").asText();
            }
        }
        if (status == 2) {
            throw new InputException(firstError == null ? "" : firstError); // a blank or multi-line error counts as a failure
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static final ThreadLocal<java.nio.file.Path> BATCH_FILE = ThreadLocal.withInitial(() -> {
        try {
            java.nio.file.Path p = java.nio.file.Files.createTempFile("vmlayout-fuzz", ".txt");
            p.toFile().deleteOnExit();
            return p;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    });
}
