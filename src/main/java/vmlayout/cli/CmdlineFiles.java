package vmlayout.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.util.List;
import vmlayout.bootargs.KernelCmdline;
import vmlayout.bootargs.Param;
import vmlayout.config.InputException;

/** Reads a kernel command line from a file ("-" is standard input), the way /proc/cmdline holds one. */
final class CmdlineFiles {

    /** Largest file read: the biggest COMMAND_LINE_SIZE of the three arches is 4096; be generous. */
    static final int MAX = 64 * 1024;

    private CmdlineFiles() {
    }

    static List<Param> read(String name) {
        byte[] bytes;
        try {
            if (name.equals("-")) {
                bytes = readBounded(System.in, name);
            } else {
                try (InputStream in = Files.newInputStream(vmlayout.config.UserFiles.path("--cmdline-file", name))) {
                    bytes = readBounded(in, name);
                }
            }
        } catch (NoSuchFileException e) {
            throw new InputException("--cmdline-file " + name + ": no such file");
        } catch (IOException e) {
            throw new InputException("--cmdline-file " + name + ": cannot read it: " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException("--cmdline-file " + name + ": not text (invalid UTF-8): expected a kernel command line");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\0') {
                throw new InputException("--cmdline-file " + name + ": control character 0x"
                        + Integer.toHexString(c) + " at byte " + i + ": expected a kernel command line");
            }
        }
        // /proc/cmdline ends with a newline; some dumps separate parameters with NULs
        return KernelCmdline.parse(text.replace('\0', ' '), name).params();
    }

    private static byte[] readBounded(InputStream in, String name) throws IOException {
        byte[] b = in.readNBytes(MAX + 1);
        if (b.length > MAX) {
            throw new InputException("--cmdline-file " + name + ": larger than " + MAX + " bytes: expected a kernel command line");
        }
        return b;
    }
}
