package vmlayout.inputs;

import java.util.List;
import vmlayout.bootargs.KernelCmdline;
import vmlayout.bootargs.Param;

/** Reads a kernel command line from a file ("-" is standard input), the way /proc/cmdline holds one. */
public final class CmdlineFiles {

    private CmdlineFiles() {
    }

    public static List<Param> read(String name) {
        InputFile f = InputFile.read("--cmdline-file", name, CmdlineFile.CAP);
        return KernelCmdline.parse(CmdlineFile.read(f), f.label()).params();
    }
}
