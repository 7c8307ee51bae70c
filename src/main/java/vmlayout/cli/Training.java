package vmlayout.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The build's training run for the class-data-sharing archive (target/vmlayout.jsa): runs the common
 * commands in one JVM so that the classes they load are archived. Not part of the command line.
 */
public final class Training {

    private Training() {
    }

    public static void main(String[] args) {
        String[][] runs = {
            {"--mem=512M", "--vmalloc=300M"},
            {"--kernel", "2.6.37", "--ram", "0x40000000:512M", "-D", "VMALLOC_END=0xe0000000", "mem=512M"},
            {"--kernel", "3.18", "--ram", "0:1G", "-D", "HIGHMEM=y", "vmalloc=300M", "--format", "json"},
            {"--arch", "x86", "--kernel", "3.2", "--ram", "2G", "vmalloc=256M"},
            {"--arch", "ppc", "--kernel", "2.6.17", "--ram", "0:2G", "-D", "HIGHMEM=y"},
            {"check", "--profile", "socfpga-de0", "--require", "vmalloc>=256M"},
            {"--mem=512Q"},
        };
        for (String[] r : runs) {
            StringWriter sink = new StringWriter();
            Cli.run(r, new PrintWriter(sink), new PrintWriter(sink));
        }
    }
}
