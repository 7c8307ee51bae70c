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
        // only the paths a CI job runs hundreds of times: a bigger archive costs more to map than it saves
        String[][] runs = {
            {"--mem=512M", "--vmalloc=300M"},
            {"--mem=512M", "--vmalloc=300M", "--format", "json"},
        };
        for (String[] r : runs) {
            StringWriter sink = new StringWriter();
            Cli.run(r, new PrintWriter(sink), new PrintWriter(sink));
        }
    }
}
