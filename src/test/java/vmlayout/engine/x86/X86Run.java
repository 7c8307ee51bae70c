package vmlayout.engine.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import vmlayout.CliRunner;

/** Runs vmlayout for x86 and checks what it prints. */
final class X86Run {

    private X86Run() {
    }

    /** The full run (kernel lines and vmlayout's block), --arch x86 prepended. */
    static CliRunner.Result run(String... args) {
        List<String> a = new ArrayList<>(List.of("--arch=x86", "--color=never"));
        a.addAll(List.of(args));
        return CliRunner.run(a.toArray(new String[0]));
    }

    /** Only the kernel's lines. */
    static List<String> kernel(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.add("--kernel-only");
        CliRunner.Result r = run(a.toArray(new String[0]));
        if (r.status() > 1) {
            fail("vmlayout failed\n" + r);
        }
        List<String> out = new ArrayList<>();
        for (String s : r.outLines()) {
            out.add(s.stripTrailing());
        }
        return out;
    }

    /** The lines from the first one equal to {@code from} (inclusive), {@code count} of them. */
    static List<String> slice(List<String> lines, String from, int count) {
        int i = lines.indexOf(from);
        if (i < 0) {
            fail("no line '" + from + "' in\n" + String.join("\n", lines));
        }
        return lines.subList(i, Math.min(lines.size(), i + count));
    }

    /** Asserts that {@code want} appear in {@code lines} as consecutive lines. */
    static void assertBlock(List<String> lines, String... want) {
        assertEquals(List.of(want), slice(lines, want[0], want.length), String.join("\n", lines));
    }

    /** Asserts that each of {@code want} appears, in this order (other lines may come between). */
    static void assertInOrder(List<String> lines, String... want) {
        int pos = 0;
        for (String w : want) {
            int i = lines.subList(pos, lines.size()).indexOf(w);
            if (i < 0) {
                fail("missing or out of order: '" + w + "' in\n" + String.join("\n", lines));
            }
            pos += i + 1;
        }
    }

    /** The kernel lines that match none of the e820 prints (for checking that a message is absent). */
    static boolean hasLineStarting(List<String> lines, String prefix) {
        for (String s : lines) {
            if (s.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
