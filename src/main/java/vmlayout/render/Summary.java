package vmlayout.render;

import java.util.ArrayList;
import java.util.List;
import vmlayout.config.Fmt;
import vmlayout.config.Sizes;
import vmlayout.engine.Layout;
import vmlayout.engine.RamRange;
import vmlayout.engine.RamUse;
import vmlayout.engine.mm.MemoryFacts;

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
        out.addAll(figures(l));
        return out;
    }

    /**
     * The figures the kernel prints about this RAM that are not lines vmlayout prints (5.8+, engine.mm.MemoryFacts):
     * the "Memory:" line's total and highmem, /proc/meminfo's VmallocTotal, HighTotal and LowTotal's bound.
     */
    static List<String> figures(Layout l) {
        List<MemoryFacts.Value> vs = MemoryFacts.of(l);
        StringBuilder memory = new StringBuilder();
        StringBuilder meminfo = new StringBuilder();
        boolean total = false;
        for (MemoryFacts.Value v : vs) {
            switch (v.id()) {
                case "memory-total" -> {
                    memory.append("Memory: ...K/").append(v.kb()).append("K available");
                    total = true;
                }
                case "memory-highmem" -> memory.append(" (..., ").append(v.kb()).append("K highmem less CMA and reserved-memory in highmem)");
                default -> meminfo.append(meminfo.length() == 0 ? "" : ", ").append(v.label()).append(v.atMost() ? " at most " : " ")
                        .append(v.kb()).append(" kB");
            }
        }
        if (!total) {
            return List.of();
        }
        return List.of("the kernel's figures: " + memory + "; /proc/meminfo " + meminfo);
    }
}
