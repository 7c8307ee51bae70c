package vmlayout.render;

import java.util.ArrayList;
import java.util.List;
import vmlayout.config.Fmt;
import vmlayout.config.Sizes;
import vmlayout.engine.Layout;
import vmlayout.engine.RamRange;
import vmlayout.engine.RamUse;
import vmlayout.engine.Reservation;
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
        out.addAll(reservations(l));
        out.addAll(figures(l));
        return out;
    }

    /**
     * The early reservations asked for (cma=, crashkernel=, device-tree regions, SWIOTLB), in the kernel's order:
     * "cma 0x70000000-0x80000000 256 MB (highmem)", "crashkernel FAILED 64 MB: why".
     */
    static List<String> reservations(Layout l) {
        List<String> out = new ArrayList<>();
        for (Reservation r : l.reservations()) {
            if (r.context()) {
                continue;
            }
            if (out.isEmpty()) {
                out.add("reservations (in the kernel's order):");
            }
            String where = switch (r.status()) {
                case PLACED -> Fmt.hex8(r.start()) + "-" + Fmt.hex8(r.end()) + " " + Sizes.summary(r.size()) + " (" + r.zone().id() + ")";
                case FAILED -> "FAILED " + Sizes.summary(r.size()) + ": " + r.why();
                case UNPLACED -> Sizes.summary(r.size()) + " (" + r.zone().id() + ", address not predicted)";
            };
            out.add("  " + r.label() + " " + where);
        }
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
                case "memory-highmem" -> memory.append(" (..., ").append(v.kb()).append("K highmem)");
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
