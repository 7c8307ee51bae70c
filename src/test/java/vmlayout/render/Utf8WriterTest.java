package vmlayout.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8WriterTest {

    private static byte[] mine(String... pieces) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (Writer w = new Utf8Writer(b)) {
            for (String p : pieces) {
                w.write(p);
            }
        }
        return b.toByteArray();
    }

    private static byte[] jdk(String... pieces) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(b, StandardCharsets.UTF_8)) {
            for (String p : pieces) {
                w.write(p);
            }
        }
        return b.toByteArray();
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void encodesEachLengthByHand() throws IOException {
        // 'A' U+0041 -> 41; 'é' U+00E9 = 000 1110 1001 -> 110 00011, 10 101001 = C3 A9;
        // '€' U+20AC = 0010 000010 101100 -> 1110 0010, 10 000010, 10 101100 = E2 82 AC;
        // U+1F600 = 000 011111 011000 000000 -> F0 9F 98 80 (from the pair D83D DE00)
        assertArrayEquals(bytes(0x41, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80),
                mine("A\u00e9\u20ac\ud83d\ude00"));
    }

    @Test
    void aLoneSurrogateIsAQuestionMark() throws IOException {
        // a low half alone, a high half followed by 'x', and a high half left at the end: '?' each, as the
        // JDK's encoder replaces malformed input
        assertArrayEquals(bytes('?', 'a', '?', 'x', '?'), mine("\ude00a\ud83dx\ud83d"));
    }

    @Test
    void aPairSplitAcrossWritesAndTheBufferEdge() throws IOException {
        // 8191 ASCII bytes fill the buffer to one short of its end; the high half ends the first write and the
        // low half starts the second: the four bytes must still come out as one character
        String a = "x".repeat(8191);
        byte[] got = mine(a + "\ud83d", "\ude00" + "y");
        byte[] want = new byte[8191 + 5];
        for (int i = 0; i < 8191; i++) {
            want[i] = 'x';
        }
        System.arraycopy(bytes(0xF0, 0x9F, 0x98, 0x80, 'y'), 0, want, 8191, 5);
        assertArrayEquals(want, got);
    }

    @Test
    void agreesWithTheJdkEncoderOnRandomText() throws IOException {
        Random r = new Random(18);
        char[] alphabet = {'a', ' ', '\n', '\u00e9', '\u0416', '\u20ac', '\uffff', '\ud83d', '\ude00', '\udbff', '\udc00'};
        for (int round = 0; round < 300; round++) {
            int pieces = 1 + r.nextInt(4);
            String[] p = new String[pieces];
            for (int k = 0; k < pieces; k++) {
                StringBuilder s = new StringBuilder();
                int n = r.nextInt(round % 10 == 0 ? 20000 : 40);
                for (int i = 0; i < n; i++) {
                    s.append(r.nextInt(3) == 0 ? alphabet[r.nextInt(alphabet.length)] : (char) ('a' + r.nextInt(26)));
                }
                p[k] = s.toString();
            }
            assertArrayEquals(jdk(p), mine(p), "round " + round);
        }
    }
}
