package vmlayout;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import vmlayout.cli.Cli;

/** Runs vmlayout in-process and captures what it prints. */
public final class CliRunner {

    /** Exit status, standard output and standard error of one run. */
    public record Result(int status, String out, String err) {
        public List<String> outLines() {
            String[] a = out.split("\n", -1);
            int n = out.endsWith("\n") ? a.length - 1 : a.length;
            return out.isEmpty() ? List.of() : List.of(a).subList(0, n);
        }

        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private CliRunner() {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
    }
}
