package vmlayout;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import vmlayout.cli.Cli;

/** Entry point: runs the command line and exits with its status. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int status = Cli.main(args, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }
}
