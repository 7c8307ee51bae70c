package vmlayout.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

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
        try {
            Class.forName("vmlayout.Main"); // the entry point too: then no class of a run comes from the jar
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        for (String[] r : runs) {
            // written as Main writes (an encoder over a byte stream), so the encoder's classes are archived too
            PrintWriter sink = new PrintWriter(new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8));
            Cli.run(r, sink, sink);
            sink.flush();
        }
    }
}
