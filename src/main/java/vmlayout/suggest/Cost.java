package vmlayout.suggest;

import vmlayout.config.InputException;

/** What applying a change costs, cheapest first; suggestions are ranked by it. */
public enum Cost {
    BOOT("boot", "boot parameter: no rebuild", "with boot parameters only"),
    KCONFIG("kconfig", "Kconfig: rebuild the kernel", "with boot parameters and Kconfig values (no memory split)"),
    SPLIT("split", "Kconfig memory split: rebuild; every process gets less virtual address space",
            "without board code changes"),
    BOARD("board", "board code: rebuild with a new VMALLOC_END in mach/vmalloc.h, the board's static I/O mappings"
            + " (map_io, IO_ADDRESS) moved above it", "");

    /** The name --max-cost takes. */
    public final String id;
    public final String words;
    /** "with boot parameters only": the limit --max-cost sets, in words. */
    public final String limitWords;

    Cost(String id, String words, String limitWords) {
        this.id = id;
        this.words = words;
        this.limitWords = limitWords;
    }

    public static Cost parse(String s) {
        for (Cost c : values()) {
            if (c.id.equalsIgnoreCase(s.strip())) {
                return c;
            }
        }
        throw new InputException("--max-cost: cannot read '" + s + "': expected boot (boot parameters only),"
                + " kconfig, split or board (everything)");
    }
}
