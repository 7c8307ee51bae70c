package vmlayout.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import vmlayout.report.ExitCode;

/** Prints the JSON Schema of every JSON document vmlayout prints or reads. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "2:bad input or usage (one line on stderr names the token)",
            "74:the output could not be written (disk full, closed pipe)"},
        description = {"Print the JSON Schema (draft 2020-12) of vmlayout's JSON: the layout (--format json,",
            "explain), check, diff, verify, suggest, profiles, batch lines, and the files vmlayout reads",
            "(a board profile, the project file vmlayout.json). schemaVersion in every document names the",
            "schema's version: its major number changes only on a breaking change."},
        footerHeading = "%nExamples:%n",
        footer = {"  vmlayout schema > vmlayout.schema.json",
            "  vmlayout schema | jq -r '.[\"$defs\"] | keys[]'"})
final class SchemaCommand extends SubCommand {

    /** The schema in the jar: the file the tests validate every output against. */
    static final String RESOURCE = "/vmlayout/vmlayout.schema.json";

    @Mixin
    transient ColorOption color;

    @Override
    boolean operands(List<String> words) {
        return words.isEmpty();
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = out();
        try (InputStream in = SchemaCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + RESOURCE); // a broken build: exit 3
            }
            out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        out.flush();
        return ExitCode.CLEAN.code;
    }
}
