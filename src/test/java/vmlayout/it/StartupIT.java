package vmlayout.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What keeps start-up where src/bench/bench.py measures it (issue 18: the main command within 1.3x of a
 * bare JVM, each subcommand within 1.5x): the launcher's runs of the benchmarked commands load every
 * vmlayout class from its class-data-sharing archive, build no picocli model (a field's type, SubCommand's
 * CommandSpec, may load as a class), and start none of what a
 * cold JVM pays milliseconds for the first time: a lambda or method reference (java.lang.invoke spins
 * classes), a regular expression (its character classes are lambdas), String.format's Formatter. This is
 * not a timing test (bench.py is); it fails on the cause, naming the class, so the cause can be found.
 * verify reads its boot log with config.Rx, not java.util.regex.
 */
class StartupIT {

    static final List<List<String>> COMMANDS = List.of(
            List.of("--mem=512M", "--vmalloc=300M"),
            List.of("--mem=512M", "--vmalloc=300M", "--format", "json"),
            List.of("check", "--profile", "socfpga-de0"),
            List.of("explain", "--profile", "socfpga-de0"),
            List.of("suggest", "--profile", "embeddedbits-arm-512M", "--want", "dropped==0"),
            List.of("diff", "--kernel", "3.18", "--ram", "0:1G", "--", "vmalloc=300M"),
            List.of("profiles"),
            List.of("names", "--arch", "arm"),
            List.of("verify", "testdata/arm/log01_rascal_2.6.36_at91.log"));

    @Test
    void benchmarkedCommandsLoadNothingSlow() throws Exception {
        for (List<String> args : COMMANDS) {
            Path log = Files.createTempFile("vmlayout", ".classes");
            List<String> cmd = new ArrayList<>(List.of("target/bin/vmlayout"));
            cmd.addAll(args);
            JarIT.Run r = JarIT.exec(cmd, Map.of("VMLAYOUT_OPTS", "-Xlog:class+load=info:file=" + log));
            String what = String.join(" ", args);
            assertTrue(r.status() == 0 || r.status() == 1, what + ": " + r);
            List<String> slow = new ArrayList<>();
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                String[] w = line.split(" ");
                if (w.length < 2) {
                    continue;
                }
                String name = w[1];
                boolean fromArchive = line.contains("source: shared objects file");
                if (name.contains("$$Lambda") || name.startsWith("java.lang.invoke.LambdaForm$")
                        || name.startsWith("java.util.regex.") || name.equals("java.util.Formatter")
                        || name.equals("picocli.CommandLine") || name.equals("picocli.CommandLine$Model$CommandReflection")
                        || (name.startsWith("vmlayout.") && !fromArchive)) {
                    slow.add(name + (fromArchive ? "" : " (not from the archive)"));
                }
            }
            Files.delete(log);
            assertEquals(List.of(), slow, "vmlayout " + what + " loads what costs a cold run milliseconds (see FastPath)");
        }
    }
}
