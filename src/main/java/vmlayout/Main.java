package vmlayout;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import vmlayout.cli.Cli;

/** Entry point: runs the command line and exits with its status. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // characters gathered before they are encoded: the renderers write a line in pieces, and each write
        // down to the encoder is a cold run's hundred calls (suggest's text ~1 ms); Cli flushes before errors
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 8192), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int status = Cli.main(args, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }
}
