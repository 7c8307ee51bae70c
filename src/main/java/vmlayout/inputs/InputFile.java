package vmlayout.inputs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.util.zip.GZIPInputStream;
import vmlayout.config.Escapes;
import vmlayout.config.InputException;

/**
 * One input file as the user named it on the command line: read whole, with a size cap (so that
 * /dev/zero or a 2 GB file is refused, not read), gzip-compressed content (.gz, /proc/config.gz)
 * decompressed transparently, and every failure turned into one line that names the option and the
 * file. "-" is standard input.
 */
public final class InputFile {

    private final String option;
    private final String path;
    private final byte[] bytes;

    private InputFile(String option, String path, byte[] bytes) {
        this.option = option;
        this.path = path;
        this.bytes = bytes;
    }

    /** The option and file as messages name them, e.g. "--dtb board.dtb". */
    public String label() {
        return option + " " + path;
    }

    public String path() {
        return path;
    }

    public byte[] bytes() {
        return bytes;
    }

    /** An error about this file, for {@code throw}. */
    public InputException error(String what) {
        return new InputException(label() + ": " + what);
    }

    /** An in-memory input (tests, and content already read). */
    public static InputFile of(String option, String path, byte[] bytes) {
        return new InputFile(option, path, bytes);
    }

    /**
     * Reads {@code path} ("-" for standard input) for {@code option}, at most {@code cap} bytes after
     * decompression.
     */
    public static InputFile read(String option, String path, long cap) {
        return read(option, path, cap, System.in);
    }

    static InputFile read(String option, String path, long cap, InputStream stdin) {
        String label = option + " " + path;
        byte[] raw;
        try (InputStream in = open(option, path, stdin)) {
            raw = readCapped(in, cap, label);
        } catch (IOException e) {
            throw new InputException(label + ": cannot read: " + reason(e));
        }
        if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                raw = readCapped(in, cap, label + " (gzip)");
            } catch (InputException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new InputException(label + ": gzip data is damaged: " + oneLine(e.getMessage()));
            }
        }
        return new InputFile(option, path, raw);
    }

    /**
     * Opens {@code path} ("-" is {@code stdin}, which is not closed) for {@code option}, refusing with one
     * line what is not a readable file: an empty name, a name the OS cannot take, a directory, a missing
     * file, one without read permission, a symbolic link loop, a name too long. Special files are opened
     * like any file and read like {@code cat} reads them: a FIFO (a pipe, {@code <(...)}) or a terminal
     * blocks until it is written to or closed; an endless device (/dev/zero) meets the reader's cap.
     */
    public static InputStream open(String option, String path, InputStream stdin) {
        if (path == null || path.isEmpty()) {
            throw new InputException(option + ": empty file name");
        }
        if (path.equals("-")) {
            return new FilterInputStream(stdin) {
                @Override
                public void close() {
                    // standard input stays open for whoever reads it next
                }
            };
        }
        String label = option + " " + path;
        if (path.indexOf('\u0000') >= 0) { // the one character a Unix path cannot hold (Paths.get refuses it too)
            throw new InputException(label + ": not a valid file name");
        }
        // java.io, loaded with the JVM: java.nio.file's Paths and Files load its file system classes and
        // libnio (~1 ms of every run), and Files.newInputStream ~40 channel classes more
        File f = new File(path);
        if (f.isDirectory()) {
            throw new InputException(label + ": is a directory, expected a file");
        }
        try {
            return new FileInputStream(f);
        } catch (FileNotFoundException e) {
            // java.io says why only in its message: open it again through java.nio.file for the reason as a type
            try {
                Files.newInputStream(Paths.get(path)).close();
            } catch (NoSuchFileException x) {
                throw new InputException(label + ": no such file");
            } catch (AccessDeniedException x) {
                throw new InputException(label + ": permission denied");
            } catch (IOException x) {
                throw new InputException(label + ": cannot open: " + reason(x));
            }
            throw new InputException(label + ": cannot open: " + oneLine(e.getMessage()));
        }
    }

    /** What went wrong, without the file name the message already has ("Too many levels of symbolic links"). */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return oneLine(f.getReason());
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        return oneLine(e.getMessage());
    }

    private static byte[] readCapped(InputStream in, long cap, String label) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        long total = 0;
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > cap) {
                    throw new InputException(label + ": larger than " + cap + " bytes, too big for this kind of file");
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw new InputException(label + ": cannot read: " + reason(e));
        }
        return out.toByteArray();
    }

    /**
     * The content as text: UTF-8 (ASCII in practice), with no NUL byte and no control character other
     * than tab, CR, LF, vertical tab and form feed; otherwise one line naming the first bad byte.
     */
    public String text() {
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x0b && b != 0x0c) || b == 0x7f) {
                throw error("byte 0x" + String.format("%02x", b) + " at offset " + i + " (line " + lineOf(i)
                        + "): binary data, expected text");
            }
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in).toString();
        } catch (CharacterCodingException e) {
            int at = Math.min(in.position(), bytes.length - 1);
            throw error("byte 0x" + String.format("%02x", bytes[at] & 0xff) + " at offset " + at + " (line " + lineOf(at)
                    + "): not UTF-8 text");
        }
    }

    private int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** A short, printable quotation of a piece of input for an error message. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 60; i++) {
            Escapes.append(b, s.charAt(i));
        }
        if (b.length() >= 60) {
            b.append("...");
        }
        return "'" + b + "'";
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "I/O error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
