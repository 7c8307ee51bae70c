package vmlayout.render;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * A Writer that encodes UTF-8 by hand into an 8 KB buffer over a byte stream.
 *
 * <p>It replaces {@code OutputStreamWriter(out, UTF_8)} on vmlayout's standard output and error: the JDK's encoder
 * is a chain of StreamEncoder, CharsetEncoder, CharBuffer and ByteBuffer classes whose loading and first calls cost a
 * cold run about a millisecond, for text that is almost all ASCII. A high surrogate at the end of one write waits for
 * its low half in the next; a surrogate without its other half is written as '?', as the JDK's encoder replaces it.
 */
public final class Utf8Writer extends Writer {

    private final OutputStream out;
    private final byte[] buf = new byte[8192];
    private int len;
    /** A high surrogate whose low half has not been written yet, or 0. */
    private char high;

    public Utf8Writer(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        put((char) c);
    }

    @Override
    public void write(String s, int off, int n) throws IOException {
        int end = off + n;
        int i = off;
        while (i < end) {
            if (high == 0) {
                // the common case: a run of ASCII copied straight into the buffer
                int room = buf.length - len;
                int stop = Math.min(end, i + room);
                while (i < stop) {
                    char c = s.charAt(i);
                    if (c >= 0x80) {
                        break;
                    }
                    buf[len++] = (byte) c;
                    i++;
                }
                if (i == end) {
                    break;
                }
                if (len == buf.length) {
                    drain();
                    continue;
                }
            }
            put(s.charAt(i++));
        }
    }

    @Override
    public void write(char[] a, int off, int n) throws IOException {
        for (int i = off, end = off + n; i < end; i++) {
            put(a[i]);
        }
    }

    private void put(char c) throws IOException {
        if (buf.length - len < 4) {
            drain();
        }
        if (high != 0) {
            char h = high;
            high = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(h, c);
                buf[len++] = (byte) (0xF0 | (cp >> 18));
                buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (cp & 0x3F));
                return;
            }
            buf[len++] = '?';
            if (buf.length - len < 4) {
                drain();
            }
        }
        if (c < 0x80) {
            buf[len++] = (byte) c;
        } else if (c < 0x800) {
            buf[len++] = (byte) (0xC0 | (c >> 6));
            buf[len++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c)) {
            high = c;
        } else if (Character.isLowSurrogate(c)) {
            buf[len++] = '?';
        } else {
            buf[len++] = (byte) (0xE0 | (c >> 12));
            buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buf[len++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    private void drain() throws IOException {
        if (len > 0) {
            out.write(buf, 0, len);
            len = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (high != 0) {
            high = 0;
            if (buf.length - len < 1) {
                drain();
            }
            buf[len++] = '?';
        }
        flush();
        out.close();
    }
}
