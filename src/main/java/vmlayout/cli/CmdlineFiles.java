package vmlayout.cli;

import java.util.List;
import vmlayout.bootargs.KernelCmdline;
import vmlayout.bootargs.Param;
import vmlayout.inputs.CmdlineFile;
import vmlayout.inputs.InputFile;

/** Reads a kernel command line from a file ("-" is standard input), the way /proc/cmdline holds one. */
final class CmdlineFiles {

    private CmdlineFiles() {
    }

    static List<Param> read(String name) {
        InputFile f = InputFile.read("--cmdline-file", name, CmdlineFile.CAP);
        return KernelCmdline.parse(CmdlineFile.read(f), f.label()).params();
    }
}
