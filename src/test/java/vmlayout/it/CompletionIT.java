package vmlayout.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vmlayout.Tools;

/**
 * Tab in real shells. The release archive's bin, lib and share are copied under a prefix (~/.local, as
 * the README says), and an interactive bash (with bash-completion, which loads the script lazily from
 * ~/.local/share/bash-completion/completions on the first Tab) and zsh (with share/zsh/site-functions in
 * $fpath and compinit) get keystrokes through a pseudo-terminal (util-linux script(1)): the words, then
 * Tab, then Ctrl-A and Ctrl-E to wrap the edited line in an echo, so the completed line comes back as
 * output. fish answers {@code complete -C LINE}, which is what its Tab calls, with the script found in
 * ~/.local/share/fish/vendor_completions.d. A shell that is not installed is skipped, unless
 * VMLAYOUT_REQUIRE_TOOLS is set (.ci/run sets it after installing them).
 */
class CompletionIT {

    static final String VERSION = System.getProperty("vmlayout.version", "0.1.0");

    @TempDir
    Path tmp;
    Path home;

    /** Each case: what is typed before Tab, and the line after Tab (null: Tab changes nothing). */
    static final Map<String, String> CASES = new LinkedHashMap<>();

    static {
        CASES.put("vmlayout --ar", "vmlayout --arch ");
        CASES.put("vmlayout --arch x", "vmlayout --arch x86 ");
        CASES.put("vmlayout --arch=p", "vmlayout --arch=ppc ");
        CASES.put("vmlayout ch", "vmlayout check ");
        CASES.put("vmlayout check --form", "vmlayout check --format ");
        CASES.put("vmlayout check --format g", "vmlayout check --format github ");
        CASES.put("vmlayout --arch x86 -D HIGHMEM6", "vmlayout --arch x86 -D HIGHMEM64G=");
        CASES.put("vmlayout --arch arm -D ARM_L", "vmlayout --arch arm -D ARM_LPAE=");
        CASES.put("vmlayout --arch x86 -D ARM_L", null); // an ARM name is not offered for x86
        CASES.put("vmlayout vmal", "vmlayout vmalloc=");
        CASES.put("vmlayout --kernel 2.6.3", null); // several: Tab lists them (see kernelReleasesAreListed)
        CASES.put("vmlayout --kernel 6.1", null);
        CASES.put("vmlayout --config boa", "vmlayout --config board.dtb ");
        CASES.put("vmlayout verify boo", "vmlayout verify boot.log ");
        CASES.put("vmlayout --profile socf", "vmlayout --profile socfpga-de0 ");
        CASES.put("vmlayout diff --kernel 3.18 jorn", "vmlayout diff --kernel 3.18 jornada720 ");
        CASES.put("vmlayout generate-completion z", "vmlayout generate-completion zsh ");
        CASES.put("vmlayout names --ar", "vmlayout names --arch ");
        // every option whose value is a path completes paths, those added since too
        CASES.put("vmlayout --e820-file boo", "vmlayout --e820-file boot.log ");
        CASES.put("vmlayout verify --e820-file boo", "vmlayout verify --e820-file boot.log ");
        CASES.put("vmlayout check --cmdline-file boo", "vmlayout check --cmdline-file boot.log ");
        CASES.put("vmlayout --system-map boa", "vmlayout --system-map board.dtb ");
        CASES.put("vmlayout batch boo", "vmlayout batch boot.log ");
        // --board PROFILE[:BOOTARGS]: a built-in profile's name or a profile file
        CASES.put("vmlayout check --board socf", "vmlayout check --board socfpga-de0 ");
        CASES.put("vmlayout check --board boa", "vmlayout check --board board.dtb ");
        CASES.put("vmlayout --profile boa", "vmlayout --profile board.dtb ");
        CASES.put("vmlayout --dtb boa", "vmlayout --dtb board.dtb ");
        CASES.put("vmlayout explain --uboot-env boo", "vmlayout explain --uboot-env boot.log ");
        // the other value lists: --color on every command, the main command's --format
        CASES.put("vmlayout --color al", "vmlayout --color always ");
        CASES.put("vmlayout names --color n", "vmlayout names --color never ");
        CASES.put("vmlayout --format j", "vmlayout --format json ");
    }

    @BeforeEach
    void installUnderAPrefix() throws Exception {
        Path tarball = Paths.get("target/vmlayout-" + VERSION + ".tar.gz").toAbsolutePath();
        home = Files.createDirectories(tmp.resolve("home"));
        Path local = Files.createDirectories(home.resolve(".local"));
        // tar -xzf vmlayout-VERSION.tar.gz -C ~/.local --strip-components=1 vmlayout-VERSION/bin ... (the README's line)
        String dir = "vmlayout-" + VERSION;
        Process p = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", local.toString(), "--strip-components=1",
                dir + "/bin", dir + "/lib", dir + "/share").inheritIO().start();
        assertEquals(0, p.waitFor());
        Files.createDirectories(tmp.resolve("work/subdir"));
        Files.writeString(tmp.resolve("work/board.dtb"), "");
        Files.writeString(tmp.resolve("work/boot.log"), "");
    }

    @Test
    void bash() throws Exception {
        Tools.require("bash");
        Path loader = Paths.get("/usr/share/bash-completion/bash_completion");
        Tools.requireThat("bash-completion", Files.exists(loader), "bash-completion (/usr/share/bash-completion/bash_completion) is not installed");
        String out = interactive(List.of("bash", "--norc", "--noprofile", "-i"), "\t\t",
                List.of("PS1='$ '", "source " + loader, "cd " + tmp.resolve("work")));
        assertCases("bash", out, false);
        assertTrue(out.contains("2.6.30") && out.contains("2.6.39"), "double Tab lists the releases: " + out);
    }

    @Test
    void zsh() throws Exception {
        Tools.require("zsh");
        String out = interactive(List.of("zsh", "-f", "-i"), "\t",
                List.of("PS1='$ '", "bindkey -e", "fpath=(~/.local/share/zsh/site-functions $fpath)",
                        "autoload -Uz compinit && compinit -u", "cd " + tmp.resolve("work")));
        assertCases("zsh", out, true);
        assertFalse(out.contains("command not found"), "no errors (compopt, ...) on Tab: " + out);
        assertTrue(out.contains("2.6.30") && out.contains("2.6.39"), "Tab lists the releases: " + out);
    }

    @Test
    void fish() throws Exception {
        Tools.require("fish");
        StringBuilder script = new StringBuilder("cd " + tmp.resolve("work") + "\n");
        int i = 0;
        for (String typed : CASES.keySet()) {
            script.append("echo '@@").append(i++).append("'; complete -C ").append(fishQuote(typed)).append('\n');
        }
        Process p = start(List.of("fish", "-c", script.toString())); // HOME is the temporary one: no user config
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        Map<Integer, List<String>> answers = new LinkedHashMap<>();
        int current = -1;
        for (String line : out.split("\n")) {
            if (line.startsWith("@@")) {
                current = Integer.parseInt(line.substring(2));
                answers.put(current, new ArrayList<>());
            } else if (current >= 0) {
                answers.get(current).add(line.split("\t")[0]);
            }
        }
        i = 0;
        for (Map.Entry<String, String> c : CASES.entrySet()) {
            List<String> got = answers.get(i++);
            String typed = c.getKey();
            String lastWord = typed.substring(typed.lastIndexOf(' ') + 1);
            String prefix = typed.substring(0, typed.length() - lastWord.length());
            if (c.getValue() == null) {
                assertTrue(got.size() != 1, "fish: '" + typed + "' must not complete to one word: " + got);
            } else {
                assertEquals(List.of(c.getValue().substring(prefix.length()).strip()), got, "fish: '" + typed + "'");
            }
        }
        assertTrue(answers.get(List.copyOf(CASES.keySet()).indexOf("vmlayout --kernel 2.6.3")).containsAll(List.of("2.6.30", "2.6.39")));
    }

    // --- a shell on a pseudo-terminal

    /** zsh takes back the space after a completed word when the next key is not a space (Ctrl-A here). */
    private void assertCases(String shell, String out, boolean spaceTakenBack) {
        Map<Integer, String> lines = new LinkedHashMap<>();
        Matcher m = Pattern.compile("^@@(\\d+):(.*)@@$", Pattern.MULTILINE).matcher(out);
        while (m.find()) {
            lines.put(Integer.parseInt(m.group(1)), m.group(2));
        }
        int i = 0;
        for (Map.Entry<String, String> c : CASES.entrySet()) {
            String expected = c.getValue() == null ? c.getKey() : c.getValue();
            String got = lines.get(i++);
            if (spaceTakenBack && got != null) {
                expected = expected.stripTrailing();
            }
            assertEquals(expected, got, shell + ": '" + c.getKey() + "<Tab>' (whole session:\n" + out + ")");
        }
    }

    /**
     * Types the setup lines, then each case: the words, Tab (listTab where a list is expected: bash lists
     * on the second Tab, zsh on the first and starts a menu on the second), Ctrl-A, "echo '@@N:",
     * Ctrl-E, "@@'", Enter. Returns what the terminal showed, without escape sequences and carriage returns.
     */
    private String interactive(List<String> shell, String listTab, List<String> setup) throws Exception {
        StringBuilder keys = new StringBuilder();
        for (String s : setup) {
            keys.append(s).append('\n');
        }
        int i = 0;
        for (Map.Entry<String, String> c : CASES.entrySet()) {
            keys.append(c.getKey()).append(c.getValue() == null ? listTab : "\t").append('\u0001').append("echo '@@").append(i++).append(':')
                    .append('\u0005').append("@@'\n");
        }
        keys.append("exit\n");
        StringBuilder cmd = new StringBuilder();
        for (String w : shell) {
            cmd.append(w).append(' ');
        }
        Process p = start(List.of("script", "-qfec", cmd.toString().strip(), "/dev/null"));
        try (OutputStream in = p.getOutputStream()) {
            // line by line, so that a slow start (compinit, bash-completion) cannot reorder anything
            for (String line : keys.toString().split("(?<=\n)")) {
                in.write(line.getBytes(StandardCharsets.UTF_8));
                in.flush();
                Thread.sleep(150);
            }
            Thread.sleep(500);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the shell did not exit: " + out);
        return out.replaceAll("\u001b\\[[0-9;?]*[a-zA-Z]", "").replaceAll("\u001b[=>]", "").replace("\u0007", "")
                .replace("\r", "");
    }

    private Process start(List<String> cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("XDG_") || k.startsWith("BASH") || k.equals("ZDOTDIR") || k.equals("ENV"));
        env.put("HOME", home.toString());
        env.put("PATH", home.resolve(".local/bin") + ":/usr/local/bin:/usr/bin:/bin");
        env.put("TERM", "dumb");
        env.put("LANG", "C.UTF-8");
        pb.directory(tmp.resolve("work").toFile());
        pb.redirectErrorStream(true);
        return pb.start();
    }

    private static String fishQuote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
