package vmlayout.engine.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmlayout.CliRunner;

/**
 * src/docs/x86.md shows commands and what they print: each ``` block that starts with "vmlayout " is run
 * and must print exactly the next ``` block (its last line is "exit status N").
 */
class X86DocExamplesTest {

    @Test
    void theExamplesPrintWhatTheDocSays() throws IOException {
        List<String> blocks = blocks(Files.readString(Paths.get("src/docs/x86.md"), StandardCharsets.UTF_8));
        int examples = 0;
        for (int i = 0; i + 1 < blocks.size(); i++) {
            if (!blocks.get(i).startsWith("vmlayout ")) {
                continue;
            }
            List<String> args = words(blocks.get(i).substring("vmlayout ".length()));
            CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
            assertEquals(blocks.get(i + 1), r.out().stripTrailing() + "\nexit status " + r.status(), blocks.get(i));
            examples++;
        }
        assertTrue(examples >= 2, "src/docs/x86.md has " + examples + " examples");
    }

    private static List<String> blocks(String md) {
        List<String> out = new ArrayList<>();
        String[] parts = md.split("```", -1);
        for (int i = 1; i < parts.length; i += 2) {
            String b = parts[i];
            out.add(b.substring(b.indexOf('\n') + 1).stripTrailing());
        }
        return out;
    }

    /** The shell's word splitting for what the examples use: blanks, '...' quotes, backslash-newline. */
    private static List<String> words(String cmd) {
        List<String> out = new ArrayList<>();
        StringBuilder w = null;
        for (int i = 0; i < cmd.length(); i++) {
            char c = cmd.charAt(i);
            if (c == '\\' && i + 1 < cmd.length() && cmd.charAt(i + 1) == '\n') {
                i++;
            } else if (c == '\'') {
                int end = cmd.indexOf('\'', i + 1);
                w = w == null ? new StringBuilder() : w;
                w.append(cmd, i + 1, end);
                i = end;
            } else if (Character.isWhitespace(c)) {
                if (w != null) {
                    out.add(w.toString());
                    w = null;
                }
            } else {
                w = w == null ? new StringBuilder() : w;
                w.append(c);
            }
        }
        if (w != null) {
            out.add(w.toString());
        }
        out.add("--color=never");
        return out;
    }
}
