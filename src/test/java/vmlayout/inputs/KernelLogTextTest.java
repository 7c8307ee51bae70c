package vmlayout.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vmlayout.config.Rx;
import vmlayout.config.RxTest;

class KernelLogTextTest {

    /** A decoration is tried only where canStart says it can start: never skipped where its pattern could match. */
    @Test
    void aDecorationIsSkippedOnlyWhereItsPatternCannotStart() {
        for (int k = 0; k < KernelLogText.DECORATIONS.length; k++) {
            Rx rx = KernelLogText.DECORATIONS[k];
            for (char c = 0; c < 0xffff; c++) {
                if (rx.canStartWith(c)) {
                    assertTrue(KernelLogText.canStart(k, c), rx + " can start with " + (int) c);
                }
            }
        }
    }

    @Test
    void handWorkedLines() {
        assertEquals("Linux version 6.1.0", KernelLogText.kernelText("[    0.000000] Linux version 6.1.0"));
        // syslog, then the timestamp of the kernel's own line: two layers
        assertEquals("Memory: 64MB = 64MB total",
                KernelLogText.kernelText("Nov 25 04:07:01 host kernel: [    0.000000] Memory: 64MB = 64MB total"));
        // mail quoting, the console level, the caller id
        assertEquals("Zone ranges:", KernelLogText.kernelText("> > <6>[    0.000000] [    T0] Zone ranges:"));
        // dmesg -x and -T
        assertEquals("CPU: ARMv7", KernelLogText.kernelText("kern  :info  : [Tue Nov 25 04:07:01 2014] CPU: ARMv7"));
        assertEquals("", KernelLogText.kernelText("[    0.000000]   "));
    }

    /** The same text as the algorithm that tried every decoration at every step (before canStart), on testdata and mutations. */
    @Test
    void agreesWithTryingEveryDecoration() throws IOException {
        List<String> lines = RxTest.testdataLines();
        assertTrue(lines.size() > 20_000, "expected testdata's logs, read " + lines.size() + " lines");
        Random r = new Random(20261203);
        String alphabet = " \\t>[]<6.:0123456789TCabzAZkernel\u00a0\u001b";
        List<String> all = new ArrayList<>(lines);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder(lines.get(r.nextInt(lines.size())));
            for (int k = 1 + r.nextInt(4); k > 0; k--) {
                int at = r.nextInt(Math.min(b.length(), 40) + 1);
                b.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
            }
            all.add(b.toString());
        }
        for (String line : all) {
            assertEquals(everyDecoration(line), KernelLogText.kernelText(line), line);
        }
    }

    private static final Pattern[] DECORATIONS = new Pattern[KernelLogText.DECORATIONS.length];

    static {
        for (int k = 0; k < DECORATIONS.length; k++) {
            DECORATIONS[k] = Pattern.compile(KernelLogText.DECORATIONS[k].pattern());
        }
    }

    /** The former kernelText, with java.util.regex: every decoration tried at each step, until none is left. */
    private static String everyDecoration(String raw) {
        String s = raw.replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "");
        StringBuilder c = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch == '\u00a0' || ch == '\t') {
                c.append(' ');
            } else if (ch >= 0x20 && ch != 0x7f && ch != '\ufeff') {
                c.append(ch);
            }
        }
        s = c.toString();
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        int at = 0;
        while (true) {
            int before = at;
            while (at < end && (Character.isWhitespace(s.charAt(at)) || s.charAt(at) == '>')) {
                at++;
            }
            for (Pattern p : DECORATIONS) {
                Matcher m = p.matcher(s).region(at, end);
                if (m.lookingAt()) {
                    at = m.end();
                }
                while (at < end && Character.isWhitespace(s.charAt(at))) {
                    at++;
                }
            }
            if (at == before) {
                return s.substring(at, end);
            }
        }
    }
}
