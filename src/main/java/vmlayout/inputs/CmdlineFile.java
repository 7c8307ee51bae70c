package vmlayout.inputs;

/**
 * A kernel command line kept in a file: bootargs.txt, a Raspberry Pi cmdline.txt, a saved
 * /proc/cmdline, or standard input ("-"). Line breaks count as spaces (the kernel's isspace()); binary
 * bytes are refused.
 */
public final class CmdlineFile {

    /** Far above any COMMAND_LINE_SIZE (at most 4096 on the 32-bit architectures vmlayout models). */
    public static final long CAP = 64 * 1024;

    private CmdlineFile() {
    }

    public static String read(InputFile file) {
        String t = file.text();
        if (t.startsWith("\uFEFF")) {
            t = t.substring(1);
        }
        return t.strip();
    }
}
