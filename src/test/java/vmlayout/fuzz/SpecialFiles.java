package vmlayout.fuzz;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every option that reads a file, given what is not a plain file (issue 14): a directory, endless
 * devices (/dev/zero, /dev/urandom), /dev/null, /proc files that fail or hold NULs, a symbolic link
 * loop, a missing file, a name too long, a name with control characters, an empty name, and named
 * pipes whose writer sends a little, endless zeros or an endless line. Each must end within the
 * bound with a result or one line; a pipe nobody writes to is left out, since it blocks as it does
 * for cat (and process substitution depends on that).
 */
final class SpecialFiles {

    private SpecialFiles() {
    }

    private static final List<String> OPTIONS = List.of("--profile", "--cmdline-file", "--config", "--system-map", "--dtb",
            "--uboot-env", "batch", "verify");

    private static final List<String> PATHS = List.of("DIR", "/dev/zero", "/dev/urandom", "/dev/null", "/proc/self/mem",
            "/proc/self/cmdline", "/proc/self/maps", "LOOP", "MISSING", "LONG", "CONTROL", "EMPTY", "EMPTYNAME",
            "FIFO-LITTLE", "FIFO-ZEROS", "FIFO-ENDLESS-LINE");

    /** Every option with every path: "option path". */
    static final List<String> CASES;

    static {
        List<String> c = new ArrayList<>();
        for (String o : OPTIONS) {
            for (String p : PATHS) {
                c.add(o + " " + p);
            }
        }
        CASES = List.copyOf(c);
    }

    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("vmlayout-special");
            Files.createSymbolicLink(DIR.resolve("loop-a"), DIR.resolve("loop-b"));
            Files.createSymbolicLink(DIR.resolve("loop-b"), DIR.resolve("loop-a"));
            Files.createFile(DIR.resolve("empty"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (java.util.stream.Stream<Path> files = Files.list(DIR)) {
                    files.forEach(f -> f.toFile().delete());
                } catch (IOException e) {
                    // a temp directory
                }
                DIR.toFile().delete();
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void run(String c) {
        int sp = c.indexOf(' ');
        String option = c.substring(0, sp);
        String what = c.substring(sp + 1);
        Thread writer = null;
        String path;
        switch (what) {
            case "DIR" -> path = DIR.toString();
            case "LOOP" -> path = DIR.resolve("loop-a").toString();
            case "MISSING" -> path = DIR.resolve("missing").toString();
            case "LONG" -> path = DIR.resolve("n".repeat(300)).toString();
            case "CONTROL" -> path = DIR.resolve("a\u001b]0;x\u0007\nb\u2028").toString();
            case "EMPTY" -> path = DIR.resolve("empty").toString();
            case "EMPTYNAME" -> path = "";
            default -> {
                if (what.startsWith("FIFO-")) {
                    Path fifo = fifo();
                    writer = writer(fifo, what);
                    path = fifo.toString();
                } else {
                    path = what;
                }
            }
        }
        try {
            String[] args = switch (option) {
                case "verify" -> new String[]{"verify", path, "--kernel", "4.4", "--ram", "0:1G"};
                case "batch" -> new String[]{"batch", "--kernel", "4.4", "--ram", "0:1G", path};
                default -> new String[]{option, path};
            };
            FuzzTargets.readArgs(args, option.equals("batch"));
        } finally {
            if (writer != null) {
                writer.interrupt();
                if (writer.isAlive()) {
                    // vmlayout refused before opening the pipe, and the writer waits in open(): opening it
                    // read-write (which never blocks, even when the writer has just gone) lets the writer
                    // open, and its first write after this close fails
                    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(Path.of(path),
                            java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
                        ch.isOpen();
                    } catch (IOException e) {
                        // gone already
                    }
                }
                try {
                    writer.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                try {
                    Files.deleteIfExists(Path.of(path));
                } catch (IOException e) {
                    // a temp directory
                }
            }
        }
    }

    private static Path fifo() {
        try {
            Path p = DIR.resolve("fifo-" + System.nanoTime());
            Process mk = new ProcessBuilder("mkfifo", p.toString()).start();
            if (mk.waitFor() != 0) {
                throw new IllegalStateException("mkfifo failed");
            }
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A writer thread for the pipe: it stops when the reader closes its end (EPIPE) or after 64 MB more than any cap. */
    private static Thread writer(Path fifo, String what) {
        Thread t = new Thread(() -> {
            try (OutputStream o = Files.newOutputStream(fifo)) {
                byte[] chunk = switch (what) {
                    case "FIFO-ZEROS" -> new byte[1 << 16];
                    case "FIFO-ENDLESS-LINE" -> "mem=512M ".repeat(7000).getBytes(StandardCharsets.US_ASCII);
                    default -> "mem=512M vmalloc=300M\n".getBytes(StandardCharsets.US_ASCII);
                };
                if (what.equals("FIFO-LITTLE")) {
                    o.write(chunk);
                    return;
                }
                for (long sent = 0; sent < (128L << 20) && !Thread.currentThread().isInterrupted(); sent += chunk.length) {
                    o.write(chunk);
                }
            } catch (IOException e) {
                // the reader closed its end: done
            }
        }, "fifo-writer");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
