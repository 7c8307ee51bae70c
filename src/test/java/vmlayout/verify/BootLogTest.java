package vmlayout.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmlayout.config.InputException;

/** The decoration of real logs comes off; what is not a log is refused in one line. */
class BootLogTest {

    static final String ROW = "vmalloc : 0xf0000000 - 0xff000000   ( 240 MB)";

    @Test
    void decorationsComeOff() {
        List<String> forms = List.of(
                "    " + ROW,                                                   // plain, the kernel's indentation
                "[    0.000000]     " + ROW,                                    // dmesg timestamp
                "[12345.678901] " + ROW,
                "<5>[    0.000000]     " + ROW,                                 // console log level
                "Nov 25 04:07:01 host kernel: [    0.000000]     " + ROW,      // syslog
                "Nov  5 04:07:01 host kernel:     " + ROW,                      // syslog, no timestamp
                "2014-11-25T04:07:01.123456+00:00 host kernel: " + ROW,         // rsyslog ISO
                "kern  :notice: [    0.000000]     " + ROW,                     // dmesg -x
                "[Tue Nov 25 04:07:01 2014]     " + ROW,                        // dmesg -T
                "> [    0.000000]     " + ROW,                                  // mail quoting
                ">[    0.000000]     " + ROW,
                "> > " + ROW,                                                   // quoted twice
                "\t    " + ROW,                                                 // a tab of the document
                "                    " + ROW,                                   // util-linux continuation line
                "\u001b[32m[    0.000000]\u001b[0m     " + ROW,                // dmesg --color
                "[    0.000000]\u00a0\u00a0\u00a0\u00a0" + ROW + "\r");          // no-break spaces, CRLF
        for (String f : forms) {
            assertEquals(ROW, BootLog.parseText("t", f).lines().get(0).text(), f);
        }
    }

    @Test
    void lineNumbersAndRawTextAreKept() {
        BootLog log = BootLog.parseText("t", "a\r\n\n[    0.000000] b\n");
        assertEquals(3, log.lines().size());
        assertEquals(3, log.lines().get(2).number());
        assertEquals("[    0.000000] b", log.lines().get(2).raw());
        assertEquals("b", log.lines().get(2).text());
        assertEquals("", log.lines().get(1).text());
    }

    @Test
    void binaryDataIsRefused() {
        byte[] b = new byte[4096];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 7);
        }
        InputException e = assertThrows(InputException.class, () -> BootLog.parse("x.bin", b));
        assertTrue(e.getMessage().startsWith("verify x.bin: binary data"), e.getMessage());
    }

    @Test
    void aStrayNulInASerialCaptureIsNotBinary() {
        byte[] b = ("\u0000Linux version 4.4.75 (x)\n" + "x".repeat(200) + "\n").getBytes(StandardCharsets.UTF_8);
        assertEquals("Linux version 4.4.75 (x)", BootLog.parse("serial.txt", b).lines().get(0).text());
    }

    @Test
    void anEmptyLogIsRefused() {
        InputException e = assertThrows(InputException.class, () -> BootLog.parseText("e.log", "\n \n> \n"));
        assertEquals("verify e.log: empty: expected a kernel log (dmesg, a serial console capture, syslog)", e.getMessage());
    }
}
