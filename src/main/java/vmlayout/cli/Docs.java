package vmlayout.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import picocli.CommandLine;

/**
 * Shell completions and the man page, generated from the picocli model (so they cannot drift from
 * the options). The build runs {@link #main} at prepare-package to write completions/ and
 * src/docs/man/vmlayout.1; a test fails when the committed files are stale.
 */
public final class Docs {

    static final String BASH = "completions/vmlayout.bash";
    static final String ZSH = "completions/_vmlayout";
    static final String FISH = "completions/vmlayout.fish";
    static final String MAN = "src/docs/man/vmlayout.1";

    private Docs() {
    }

    static CommandLine model() {
        return Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    public static String bash() {
        return Completions.script(Completions.Shell.bash);
    }

    public static String zsh() {
        return Completions.script(Completions.Shell.zsh);
    }

    public static String fish() {
        return Completions.script(Completions.Shell.fish);
    }

    /** vmlayout(1), dated with the pom's release date (-Dvmlayout.date, set by the build and the tests). */
    public static String man() {
        return ManPage.render(model(), System.getProperty("vmlayout.date", "1970-01-01"));
    }

    /** Writes the completions and the man page below {@code root} (the project directory). */
    public static void main(String[] args) throws IOException {
        Path root = Paths.get(args.length > 0 ? args[0] : ".");
        write(root.resolve(BASH), bash());
        write(root.resolve(ZSH), zsh());
        write(root.resolve(FISH), fish());
        write(root.resolve(MAN), man());
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    /** The files this class writes, relative to the project directory, with their contents now. */
    static List<String[]> generated() {
        return List.of(new String[]{BASH, bash()}, new String[]{ZSH, zsh()}, new String[]{FISH, fish()}, new String[]{MAN, man()});
    }
}
