package vmlayout.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The build's training runs for the class-data-sharing archives: runs commands in one JVM so that the
 * classes they load are archived. Not part of the command line.
 * <ul>
 *   <li>no argument: the main command, text and JSON (target/vmlayout.jsa). Only these: a bigger
 *       archive costs the main path more to map than it saves (measured: +7 ms);</li>
 *   <li>{@code commands}: the subcommands, picocli and its help (target/vmlayout-commands.jsa; the
 *       launcher uses it for them: check of a profile ~275 -> ~195 ms).</li>
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
            commands();
            return;
        }
        run("--mem=512M", "--vmalloc=300M");
        run("--mem=512M", "--vmalloc=300M", "--format", "json");
    }

    private static void commands() {
        Path lines;
        try {
            lines = Files.createTempFile("vmlayout-training", ".txt");
            Files.writeString(lines, "mem=512M vmalloc=300M\n"
                    + "{\"arch\":\"x86\",\"kernel\":\"3.2\",\"ram\":[\"2G\"],\"bootargs\":\"vmalloc=256M\"}\n"
                    + "{\"arch\":\"ppc\",\"kernel\":\"2.6.17\",\"ram\":[\"1G\"],\"defines\":{\"HIGHMEM\":\"y\"}}\n"
                    + "{\"arch\":1}\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            run("check", "--profile", "socfpga-de0", "--require", "vmalloc>=256M");
            run("check", "--profile", "socfpga-de0", "--format", "json");
            run("check", "--profile", "socfpga-de0", "--format", "github");
            run("batch", "--profile", "socfpga-de0", lines.toString());
            run("explain", "--profile", "embeddedbits-sh4-512M");
            run("suggest", "--profile", "embeddedbits-sh4-512M", "--want", "dropped==0");
            run("diff", "--kernel", "3.18", "--ram", "0:1G", "--", "vmalloc=300M");
            run("profiles");
            run("--help");
            run("--arch", "x86", "--mem=512M");
            run("--arch", "ppc", "--mem=512M");
            run("--no-such-option");
        } finally {
            try {
                Files.deleteIfExists(lines);
            } catch (IOException e) {
                // a temporary file of the build
            }
        }
    }

    private static void run(String... args) {
        // written as Main writes (an encoder over a byte stream), so the encoder's classes are archived too
        PrintWriter sink = new PrintWriter(new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8));
        Cli.run(args, sink, sink);
        sink.flush();
    }
}
