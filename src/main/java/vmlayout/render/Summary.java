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

    static List<String> lines(Layout l) {
        List<String> out = new ArrayList<>();
        long total = 0;
        for (RamRange r : l.ram()) {
            total += r.size();
        }
        StringBuilder b = new StringBuilder("RAM ").append(Sizes.summary(total)).append(": lowmem ")
                .append(Sizes.summary(l.ramBytes(RamUse.LOWMEM))).append(", highmem ").append(Sizes.summary(l.ramBytes(RamUse.HIGHMEM)))
                .append(", dropped ").append(Sizes.summary(l.ramBytes(RamUse.DROPPED)));
        if (l.ramBytes(RamUse.RESERVED) > 0) {
            b.append(", reserved ").append(Sizes.summary(l.ramBytes(RamUse.RESERVED)));
        }
        out.add(b.toString());
        for (RamRange r : l.ram()) {
            out.add("  " + Fmt.hex8(r.start()) + "-" + Fmt.hex8(r.end()) + " " + Fmt.pad(r.use().id(), 8, true) + " "
                    + Fmt.pad(Sizes.summary(r.size()), 9, false) + (r.why().isEmpty() ? "" : "  " + r.why()));
        }
        return out;
    }
}
