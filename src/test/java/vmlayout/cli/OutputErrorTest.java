package vmlayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 8: output that cannot be written (vmlayout ... > /dev/full) is one line on stderr and
 * exit 74 (EX_IOERR), never exit 0 with nothing written. JarIT runs the jar into /dev/full.
 */
class OutputErrorTest {

    /** A standard output on a full disk: every write fails, as write(2) does with ENOSPC. */
    static final class Full extends Writer {
        @Override
        public void write(char[] c, int off, int len) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void flush() throws IOException {
        }

        @Override
        public void close() {
        }
    }

    private static void unwritten(String... args) {
        StringWriter err = new StringWriter();
        int status = Cli.run(args, new PrintWriter(new Full()), new PrintWriter(err));
        assertEquals(74, status, String.join(" ", args) + ": " + err);
        assertTrue(err.toString().startsWith("vmlayout: the output could not be written"), err.toString());
        assertEquals(err.toString().length() - 1, err.toString().indexOf('\n'), "one line: " + err);
    }

    @Test
    void theMainJobOnAFullDisk() {
        unwritten("--mem=512M", "--vmalloc=300M");
        unwritten("--kernel", "4.4", "--ram", "0:1G", "--format", "json");
    }

    @Test
    void subcommandsOnAFullDisk() {
        unwritten("check", "--profile", "socfpga-de0");
        unwritten("explain", "--profile", "socfpga-de0");
        unwritten("--help");
        unwritten("profiles");
    }

    /** A writer that works is never reported as failed, whatever the renderer does with it (JSON, SVG, help). */
    @Test
    void everyFormatOnAWorkingOutputIsNotAnError() {
        String[][] runs = {{"--kernel", "4.4", "--ram", "0:1G", "--format", "json"}, {"--kernel", "4.4", "--format", "svg"},
            {"--kernel", "4.4", "--map"}, {"check", "--profile", "socfpga-de0", "--format", "json"},
            {"explain", "--profile", "socfpga-de0", "--format", "json"}, {"diff", "--ram", "1G", "--format", "json", "--", "mem=512M"},
            {"suggest", "--profile", "socfpga-de0", "--want", "dropped==0"}, {"names"}, {"--version"}};
        for (String[] args : runs) {
            StringWriter err = new StringWriter();
            int status = Cli.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertTrue(status <= 1, String.join(" ", args) + ": exit " + status + " " + err);
        }
    }
}
