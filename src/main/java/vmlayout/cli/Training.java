package vmlayout.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import vmlayout.render.Utf8Writer;

/**
 * The training runs for the class-data-sharing archives the launcher makes: runs commands in one JVM so
 * that the classes they load are archived. Not part of the command line. A bigger archive costs every run
 * that maps it about 1 ms of CPU per 4 MB (measured: the main command with the main archive, 9 MB, and with
 * one of everything, 17 MB), so there are three:
 * <ul>
 *   <li>no argument: the main command, text and JSON (vmlayout.jsa);</li>
 *   <li>{@code commands}: each subcommand as FastPath runs it, without picocli (vmlayout-commands.jsa);</li>
 *   <li>{@code help}: those and picocli, with its help and errors (vmlayout-help.jsa, for help, --version
 *       and generate-completion).</li>
 * </ul>
 */
public final class Training {

    private Training() {
    }

    public static void main(String[] args) {
        try {
            Class.forName("vmlayout.Main"); // the entry point too: then no class of a run comes from the jar
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        if (args.length > 0 && args[0].equals("commands")) {
            commands(false);
            return;
        }
        if (args.length > 0 && args[0].equals("help")) {
            commands(true);
            return;
        }
        run("--mem=512M", "--vmalloc=300M");
        run("--mem=512M", "--vmalloc=300M", "--format", "json");
    }

    private static void commands(boolean picocli) {
        Path lines;
        Path log;
        Path board;
        try {
            lines = Files.createTempFile("vmlayout-training", ".txt");
            Files.writeString(lines, "mem=512M vmalloc=300M\n"
                    + "{\"arch\":\"x86\",\"kernel\":\"3.2\",\"ram\":[\"2G\"],\"bootargs\":\"vmalloc=256M\"}\n"
                    + "{\"arch\":\"ppc\",\"kernel\":\"2.6.17\",\"ram\":[\"1G\"],\"defines\":{\"HIGHMEM\":\"y\"}}\n"
                    + "{\"arch\":1}\n", StandardCharsets.UTF_8);
            // a boot log for verify: what vmlayout predicts for a board, under the lines a kernel prints first
            StringWriter predicted = new StringWriter();
            PrintWriter w = new PrintWriter(predicted);
            Cli.run(new String[]{"--kernel", "3.18", "--ram", "0:1G", "--kernel-only", "--color", "never", "mem=768M"}, w, w);
            w.flush();
            log = Files.createTempFile("vmlayout-training", ".log");
            Files.writeString(log, "[    0.000000] Linux version 3.18.20 (builder@host) (gcc version 4.9.2) #1 SMP\n"
                    + "[    0.000000] Kernel command line: console=ttyS0,115200 mem=768M root=/dev/mmcblk0p2\n"
                    + predicted.toString().replace("\n", "\n[    0.000000] ").replaceFirst("^", "[    0.000000] ")
                    + "\n", StandardCharsets.UTF_8);
            // a log that disagrees with a guess: a 2.6.36 board's own VMALLOC_END, which verify tries and pins
            // (its guesses, tries and pin are then archived too: a class read from the jar costs a run ~3 ms)
            StringWriter own = new StringWriter();
            PrintWriter o = new PrintWriter(own);
            Cli.run(new String[]{"--kernel", "2.6.36", "--ram", "0x20000000:64M", "-D", "VMALLOC_END=0xfee00000", "--kernel-only",
                "--color", "never"}, o, o);
            o.flush();
            board = Files.createTempFile("vmlayout-training", ".log");
            Files.writeString(board, "Linux version 2.6.36 (builder@host) (gcc version 4.2.2) #1\n"
                    + "CPU: ARM926EJ-S [41069265] revision 5 (ARMv5TEJ), cr=00053177\n"
                    + "Kernel command line: console=ttyS0,115200\n" + own, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            run("check", "--profile", "socfpga-de0", "--require", "vmalloc>=256M");
            run("check", "--profile", "socfpga-de0", "--format", "json");
            run("check", "--profile", "socfpga-de0", "--format", "github");
            run("batch", "--profile", "socfpga-de0", lines.toString());
            run("explain", "--profile", "embeddedbits-arm-512M");
            run("suggest", "--profile", "embeddedbits-arm-512M", "--want", "dropped==0");
            run("diff", "--kernel", "3.18", "--ram", "0:1G", "--", "vmalloc=300M");
            run("diff", "--kernel", "3.18", "--ram", "0:1G", "--", "", "-D HIGHMEM=y vmalloc=300M");
            run("diff", "socfpga-de0", "marvell-88pa6220-granite2", "--format", "json");
            run("verify", log.toString(), "--arch", "arm", "--ram", "0:1G");
            run("verify", "--format", "json", "--arch", "arm", log.toString());
            run("verify", board.toString());
            run("explain", "--format", "json", "--profile", "ppc7448-2G");
            run("suggest", "--arch", "x86", "--kernel", "3.2", "--ram", "2G", "--reserve", "1G:1G");
            run("profiles");
            run("profiles", "socfpga-de0");
            run("names", "--arch", "arm");
            run("names", "--arch", "x86");
            run("check", "--profile", "no-such-profile");
            run("--arch", "x86", "--mem=512M");
            run("--arch", "ppc", "--mem=512M");
            if (picocli) {
                run("check", "--help");
                run("help", "check");
                run("--help");
                run("--no-such-option");
            }
        } finally {
            try {
                Files.deleteIfExists(lines);
                Files.deleteIfExists(log);
                Files.deleteIfExists(board);
            } catch (IOException e) {
                // a temporary file of the build
            }
        }
    }

    private static void run(String... args) {
        // written as Main writes (Utf8Writer over a byte stream), so its classes are archived too
        PrintWriter sink = new PrintWriter(new Utf8Writer(OutputStream.nullOutputStream()));
        Cli.run(args, sink, sink);
        sink.flush();
    }
}
