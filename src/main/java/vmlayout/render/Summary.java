package vmlayout.render;

import java.util.ArrayList;
import java.util.List;
import vmlayout.config.Fmt;
import vmlayout.config.Sizes;
import vmlayout.engine.Layout;
import vmlayout.engine.RamRange;
import vmlayout.engine.RamUse;

/** Where the RAM went, in MB, as vmlayout's own lines (not the kernel's). */
final class Summary {

    private Summary() {
    }

    /**
     * "512 MB"; "887.62 MB"; under 1 MB in kB ("639 kB", "4 kB": "0.00 MB" would hide a dropped page);
     * a whole MB short by less than 0.005 MB as "264 MB - 4 kB" (not "264.00 MB").
     */
    static String mb(long bytes) {
        long mb = bytes >> 20;
        long rest = bytes & ((1 << 20) - 1);
        if (rest == 0) {
            return mb + " MB";
        }
        if (bytes < 1L << 20) {
            return Sizes.human(bytes); // "639 kB", "4 kB", "100 bytes"
        }
        String two = Fmt.mb2(bytes);
        if (two.endsWith(".00")) {
            long under = (1L << 20) - rest;
            return rest < 1L << 19 ? mb + " MB + " + Sizes.human(rest) : (mb + 1) + " MB - " + Sizes.human(under);
        }
        return two + " MB";
    }

    static List<String> lines(Layout l) {
        List<String> out = new ArrayList<>();
        long total = 0;
        for (RamRange r : l.ram()) {
            total += r.size();
        }
        StringBuilder b = new StringBuilder("RAM ").append(mb(total)).append(": lowmem ")
                .append(mb(l.ramBytes(RamUse.LOWMEM))).append(", highmem ").append(mb(l.ramBytes(RamUse.HIGHMEM)))
                .append(", dropped ").append(mb(l.ramBytes(RamUse.DROPPED)));
        if (l.ramBytes(RamUse.RESERVED) > 0) {
            b.append(", reserved ").append(mb(l.ramBytes(RamUse.RESERVED)));
        }
        out.add(b.toString());
        for (RamRange r : l.ram()) {
            out.add("  " + Fmt.hex8(r.start()) + "-" + Fmt.hex8(r.end()) + " " + Fmt.pad(r.use().id(), 8, true) + " "
                    + Fmt.pad(mb(r.size()), 9, false) + (r.why().isEmpty() ? "" : "  " + r.why()));
        }
        return out;
    }
}
