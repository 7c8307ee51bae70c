package vmlayout;

import java.io.PrintWriter;
import vmlayout.cli.Cli;
import vmlayout.render.Utf8Writer;

/** Entry point: runs the command line and exits with its status. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // UTF-8 encoded by hand into an 8 KB buffer (the JDK's encoder chain costs a cold run ~1 ms); the renderers
        // write a line in pieces, and they are gathered until the end; Cli flushes stdout before an error
        PrintWriter out = new PrintWriter(new Utf8Writer(System.out), true);
        PrintWriter err = new PrintWriter(new Utf8Writer(System.err), true);
        int status = Cli.main(args, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }
}
