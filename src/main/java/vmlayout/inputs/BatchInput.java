package vmlayout.inputs;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import vmlayout.config.InputException;

/**
 * The lines of a batch input (a file, a pipe, standard input), streamed: memory does not grow with the
 * number of lines, and a line that cannot be read is one {@link Line} with an error, after which the
 * batch goes on. A line is cut at "\n", "\r\n" or "\r" (as BufferedReader reads them).
 *
 * <ul>
 *   <li>a line is at most {@link #LINE_CAP} bytes; a longer one is an error line, skipped to its end
 *       without being stored, up to {@link #SKIP_CAP} bytes: past that the input is no batch file
 *       (/dev/zero, a binary stream) and the whole run stops with one line;</li>
 *   <li>a line must be UTF-8 text without control bytes other than tab, vertical tab and form feed; a
 *       line that is not is an error line, standard input and files alike;</li>
 *   <li>a first line that is binary (a NUL byte, seen as soon as it comes; a control byte; bytes that are
 *       not UTF-8) ends the run with one line: the input is not text, and a device such as
 *       /dev/urandom would otherwise give error lines for ever.</li>
 * </ul>
 */
public final class BatchInput implements Closeable {

    /** Longest line: a profile's JSON, or a command line (both far shorter in practice). */
    public static final int LINE_CAP = Profile.CAP;
    /** Longest line skipped to its end before the input is taken for something that is not text. */
    public static final long SKIP_CAP = 64L << 20;

    /**
     * One line: its number and either its text or why it cannot be read.
     *
     * @param number 1-based
     * @param text   the line without its line end, or null
     * @param error  why the line cannot be read ("not UTF-8 text ..."), or null
     */
    public record Line(long number, String text, String error) {
    }

    private final String label;
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;
    private boolean skipLf;
    private long number;
    private byte[] line = new byte[256];
    private int len;

    private BatchInput(String label, InputStream in) {
        this.label = label;
        this.in = in;
    }

    /** Opens {@code file} ("-" or null: {@code stdin}) with {@link InputFile#open}'s one-line errors. */
    public static BatchInput open(String file, InputStream stdin) {
        String name = file == null ? "-" : file;
        return new BatchInput("batch " + name, InputFile.open("batch", name, stdin));
    }

    /** The next line, or null at the end of the input. */
    public Line next() {
        len = 0;
        long skipped = 0;
        int firstBad = -1;
        boolean sawNul = false;
        while (true) {
            if (pos == lim && !fill()) {
                if (len == 0 && skipped == 0) {
                    return null;
                }
                break;
            }
            byte b = buf[pos];
            if (skipLf) {
                skipLf = false;
                if (b == '\n') {
                    pos++;
                    continue;
                }
            }
            pos++;
            if (b == '\n' || b == '\r') {
                skipLf = b == '\r';
                break;
            }
            int c = b & 0xff;
            if (firstBad < 0 && (c < 0x20 && c != '\t' && c != 0x0b && c != 0x0c || c == 0x7f)) {
                firstBad = (int) Math.min(Integer.MAX_VALUE, len + skipped);
                sawNul = c == 0;
                if (sawNul && number == 0) {
                    throw binary(c, firstBad);
                }
            }
            if (len < LINE_CAP) {
                if (len == line.length) {
                    line = Arrays.copyOf(line, Math.min(LINE_CAP, len * 2));
                }
                line[len++] = b;
            } else if (++skipped > SKIP_CAP) {
                throw new InputException(label + ": line " + (number + 1) + " goes on for more than " + (SKIP_CAP >> 20)
                        + " MB without a line end: not a batch file (one configuration per line)");
            }
        }
        number++;
        if (skipped > 0) {
            return new Line(number, null, "longer than " + LINE_CAP + " bytes: too long for a batch line (a profile's"
                    + " JSON or a kernel command line)");
        }
        if (firstBad >= 0) {
            int c = line[firstBad] & 0xff;
            if (number == 1) {
                throw binary(c, firstBad);
            }
            return new Line(number, null, String.format("byte 0x%02x at column %d: binary data, expected text", c,
                    firstBad + 1));
        }
        String text = decode();
        if (text == null) {
            if (number == 1) {
                throw new InputException(label + ": line 1 is not UTF-8 text: expected text lines (a kernel command line"
                        + " or a JSON object each)");
            }
            return new Line(number, null, "not UTF-8 text");
        }
        return new Line(number, number == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text, null);
    }

    private InputException binary(int c, int at) {
        return new InputException(String.format("%s: binary data (byte 0x%02x at column %d of line 1): expected text"
                + " lines (a kernel command line or a JSON object each)", label, c, at + 1));
    }

    /** The line as text (ASCII directly; otherwise strict UTF-8), or null when it is not UTF-8. */
    private String decode() {
        boolean ascii = true;
        for (int i = 0; i < len; i++) {
            if (line[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(line, 0, len, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line, 0, len)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private boolean fill() {
        if (eof) {
            return false;
        }
        try {
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                eof = true;
                return false;
            }
            pos = 0;
            lim = n;
            return true;
        } catch (IOException e) {
            throw new InputException(label + ": cannot read: " + InputFile.reason(e));
        }
    }

    /** True when more input is at hand without waiting (results are flushed before the reader waits). */
    public boolean buffered() {
        if (pos < lim) {
            return true;
        }
        try {
            return !eof && in.available() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // nothing was written: closing an input cannot lose anything
        }
    }
}
