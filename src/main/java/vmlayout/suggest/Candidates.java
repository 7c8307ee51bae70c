package vmlayout.suggest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vmlayout.bootargs.MemParse;
import vmlayout.bootargs.Param;
import vmlayout.check.Requirement;
import vmlayout.config.Arch;
import vmlayout.config.Fmt;
import vmlayout.config.Machine;
import vmlayout.config.Sizes;
import vmlayout.engine.Layout;
import vmlayout.engine.RamRange;
import vmlayout.engine.RamUse;
import vmlayout.engine.RangeSet;

/**
 * The changes suggest may try on one architecture: fixed changes (a Kconfig value, a memory split, a
 * way to keep a range from the kernel) and searched settings ({@link Knob}).
 */
interface Candidates {

    /** Fixed changes that make sense for this board and these goals. */
    List<Change> fixed(Machine m, Layout base, Goals goals);

    /** Settings to search, given the layout with some fixed changes applied. */
    List<Knob> knobs(Machine m, Layout l);

    /** Goals no change of this architecture can address, each with the reason (empty when none). */
    default List<String> limits(Machine m, Layout base, Goals goals) {
        return List.of();
    }

    static Candidates forArch(Arch a) {
        return switch (a) {
            case ARM -> new ArmCandidates();
            case X86 -> new X86Candidates();
            case PPC -> new PpcCandidates();
        };
    }

    // ---- helpers shared by the architectures ----

    static boolean on(Layout l, String name) {
        return l.constant(name, 0) != 0;
    }

    /** The value of the last parameter of this name, read with memparse, or {@code dflt}. */
    static long paramValue(Machine m, String name, long dflt) {
        long v = dflt;
        for (Param p : m.params()) {
            if (p.is(name) && p.value() != null) {
                v = MemParse.parse(p.value(), MemParse.Suffixes.KMGTPE).value();
            }
        }
        return v;
    }

    /** RAM the kernel was told about (lowmem, highmem and dropped), without what is already kept from it. */
    static RangeSet described(Layout l) {
        RangeSet s = new RangeSet();
        for (RamRange r : l.ram()) {
            if (r.use() != RamUse.RESERVED) {
                s.add(r.start(), r.end());
            }
        }
        return s;
    }

    /** The end of the highest RAM the board has (any use). */
    static long topOfRam(Layout l) {
        long top = 0;
        for (RamRange r : l.ram()) {
            top = Math.max(top, r.end());
        }
        return top;
    }

    /**
     * A choice symbol set to y, and every other symbol of the choice that -D set to y set to n (so
     * that the engine sees one choice).
     */
    static Map<String, String> choice(Machine m, String chosen, String... siblings) {
        Map<String, String> d = new LinkedHashMap<>();
        for (String s : siblings) {
            if (!s.equals(chosen) && m.defines().has(s) && !"n".equalsIgnoreCase(m.defines().raw().get(s))) {
                d.put(s, "n");
            }
        }
        d.put(chosen, "y");
        return d;
    }

    /** The memory splits below the current PAGE_OFFSET, as changes (none when PAGE_OFFSET is pinned). */
    static List<Change> splits(Machine m, Layout base, String[] names, long[] values) {
        List<Change> out = new ArrayList<>();
        if (m.defines().has("PAGE_OFFSET")) {
            return out;
        }
        long now = base.constant("PAGE_OFFSET", 0xC0000000L);
        for (int i = 0; i < names.length; i++) {
            if (values[i] < now) {
                out.add(Change.defines(choice(m, names[i], names), Cost.SPLIT, "split",
                        "PAGE_OFFSET " + Fmt.hex8(values[i]) + ": user space shrinks to "
                        + Sizes.human(values[i])));
            }
        }
        return out;
    }

    /**
     * For a CMA goal ({@code --want cma=SIZE}): cma=SIZE in place of the cma= in use (the size the goal asks for,
     * anywhere: a fixed or ranged cma= is one reason an area fails), and CONFIG_DMA_CMA=y when the board's kernel
     * is built without it (cma= does nothing then). Empty without a CMA goal.
     */
    static List<Change> cma(Machine m, Layout base, Goals goals) {
        List<Change> out = new ArrayList<>();
        long want = 0;
        for (Requirement r : goals.wants()) {
            if (r.metric().equals("cma") && (r.op().equals(">=") || r.op().equals("==") || r.op().equals(">"))) {
                long v = r.op().equals(">") ? r.value() + (1L << 20) : r.value();
                want = Math.max(want, (v + (1L << 20) - 1) & -(1L << 20));
            }
        }
        if (want == 0) {
            return out;
        }
        String value = Sizes.param(want);
        String current = null;
        for (Param p : m.params()) {
            if (p.is("cma") && p.value() != null) {
                current = p.value();
            }
        }
        if (!value.equals(current)) {
            out.add(Change.param("cma", value, Cost.BOOT, "cma", "the size the goal asks for, placed where the kernel finds room"));
        }
        if (m.defines().has("DMA_CMA") && base.constant("DMA_CMA", 1) == 0) {
            out.add(Change.defines(Map.of("DMA_CMA", "y"), Cost.KCONFIG, "dma_cma", "CONFIG_DMA_CMA: cma= does nothing without it"));
        }
        return out;
    }
}
