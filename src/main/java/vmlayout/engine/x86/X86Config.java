package vmlayout.engine.x86;

import java.util.List;
import vmlayout.config.InputException;
import vmlayout.config.VmSplit;
import vmlayout.engine.Constants;

/**
 * The Kconfig choices the x86_32 layout depends on (arch/x86/Kconfig, verbatim in 3.4): the "High
 * Memory Support" choice (NOHIGHMEM, HIGHMEM4G default, HIGHMEM64G which selects X86_PAE), X86_PAE
 * ("depends on X86_32 && !HIGHMEM4G"), and the "Memory split" choice with CONFIG_PAGE_OFFSET
 * (VMSPLIT_3G 0xC0000000 default, 3G_OPT 0xB0000000 and 2G_OPT 0x78000000 "depends on !X86_PAE",
 * 2G 0x80000000, 1G 0x40000000). Combinations Kconfig refuses are input errors.
 *
 * @param highmem    CONFIG_HIGHMEM (HIGHMEM4G or HIGHMEM64G)
 * @param highmem64g CONFIG_HIGHMEM64G
 * @param pae        CONFIG_X86_PAE
 * @param pageOffset CONFIG_PAGE_OFFSET
 */
record X86Config(boolean highmem, boolean highmem64g, boolean pae, long pageOffset) {

    static X86Config read(X86Era era, Constants c, List<String> defaults) {
        String[] choice = {"NOHIGHMEM", "HIGHMEM4G", "HIGHMEM64G"};
        String chosen = null;
        for (String n : choice) {
            Long p = c.pin(n);
            if (p != null && p != 0) {
                if (chosen != null) {
                    throw new InputException("-D " + n + "=y: only one of NOHIGHMEM, HIGHMEM4G and HIGHMEM64G can be chosen"
                            + " (already " + chosen + ")");
                }
                chosen = n;
            }
        }
        Long hm = c.pin("HIGHMEM");
        if (hm != null) {
            if (hm != 0 && "NOHIGHMEM".equals(chosen) || hm == 0 && chosen != null && !"NOHIGHMEM".equals(chosen)) {
                throw new InputException("-D HIGHMEM=" + (hm != 0 ? "y" : "n") + ": contradicts -D " + chosen + "=y");
            }
            if (chosen == null) {
                chosen = hm != 0 ? "HIGHMEM4G" : "NOHIGHMEM";
            }
            c.flag("HIGHMEM", hm != 0, "-D");
        }
        if (chosen == null) {
            Long h4 = c.pin("HIGHMEM4G");
            chosen = h4 != null && h4 == 0 ? "NOHIGHMEM" : era.highmemDefault.choice;
            if (h4 == null) {
                defaults.add(era.highmemDefault.note);
            }
        }
        if (chosen.equals("HIGHMEM64G") && !era.highmem64gExists) {
            throw new InputException("-D HIGHMEM64G=y: Linux " + era.version + " has no CONFIG_HIGHMEM64G (removed in "
                    + X86Era.HIGHMEM64G_REMOVED + "): use HIGHMEM4G, with X86_PAE=y for PAE page tables");
        }
        for (String n : choice) {
            c.flag(n, n.equals(chosen), "the \"High Memory Support\" choice (default " + era.highmemDefault.choice + ", "
                    + era.highmemDefault.releases() + ")");
        }
        boolean highmem64g = chosen.equals("HIGHMEM64G");
        Long paePin = c.pin("X86_PAE");
        if (highmem64g && paePin != null && paePin == 0) {
            throw new InputException("-D X86_PAE=n: HIGHMEM64G selects X86_PAE");
        }
        if (chosen.equals("HIGHMEM4G") && paePin != null && paePin != 0 && era.highmem64gExists) {
            throw new InputException("-D X86_PAE=y: X86_PAE depends on !HIGHMEM4G (choose HIGHMEM64G or NOHIGHMEM)");
        }
        boolean pae = c.flag("X86_PAE", highmem64g, "selected by HIGHMEM64G");
        long pageOffset = pageOffset(c, pae, defaults);
        return new X86Config(!chosen.equals("NOHIGHMEM"), highmem64g, pae, pageOffset);
    }

    /** CONFIG_PAGE_OFFSET from the "Memory split" choice, unless pinned. */
    private static long pageOffset(Constants c, boolean pae, List<String> defaults) {
        String chosen = c.choice("VMSPLIT_3G", "VMSPLIT_3G_OPT", "VMSPLIT_2G", "VMSPLIT_2G_OPT", "VMSPLIT_1G");
        if (pae && chosen != null && chosen.endsWith("_OPT")) {
            throw new InputException("-D " + chosen + "=y: " + chosen + " depends on !X86_PAE");
        }
        long value = VmSplit.pageOffset(chosen);
        if (chosen == null && !c.pinned("PAGE_OFFSET")) {
            defaults.add("VMSPLIT_3G (PAGE_OFFSET 0xC0000000, the Kconfig default)");
        }
        return c.get("PAGE_OFFSET", value, chosen == null ? "Kconfig default VMSPLIT_3G (0xC0000000)"
                : "Kconfig PAGE_OFFSET for " + chosen);
    }
}
