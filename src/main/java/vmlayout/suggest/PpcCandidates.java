package vmlayout.suggest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import vmlayout.check.Requirement;
import vmlayout.config.Fmt;
import vmlayout.config.Machine;
import vmlayout.config.Sizes;
import vmlayout.engine.Layout;
import vmlayout.engine.ppc.PpcKnobs;

/**
 * 32-bit powerpc: CONFIG_LOWMEM_SIZE ("Set maximum low memory"), a lower kernel base (KERNEL_START, or
 * PAGE_OFFSET from 2.6.27, with TASK_SIZE lowered to match), CONFIG_HIGHMEM, and mem=START to keep the
 * top of RAM from the kernel (vmalloc= and memmap= do nothing on powerpc). The engine refuses what the
 * kernel's build-time checks refuse; such a try is not suggested.
 */
final class PpcCandidates implements Candidates {

    private static final long MB = 1L << 20;
    private static final long SEGMENT = 256L << 20;

    @Override
    public List<Change> fixed(Machine m, Layout base, Goals goals) {
        List<Change> out = new ArrayList<>();
        if (!Candidates.on(base, "HIGHMEM")) {
            out.add(Change.defines(Map.of("HIGHMEM", "y"), Cost.KCONFIG, "highmem", "CONFIG_HIGHMEM: RAM above lowmem is used through kmap()"));
        }
        if (goals.reserves().size() == 1) {
            Reserve r = goals.reserves().get(0);
            if (r.start() > 0 && r.end() >= Candidates.topOfRam(base)) {
                out.add(Change.param("mem", Sizes.param(r.start()), Cost.BOOT, "reserve",
                        "memory_limit: the kernel keeps the first " + Sizes.human(r.start()) + " of RAM"));
            }
        }
        return out;
    }

    /**
     * At boot, powerpc keeps RAM from the kernel only with mem=, which keeps the first SIZE bytes
     * (early_parse_mem(), memblock_enforce_memory_limit()); memmap= does nothing here.
     */
    @Override
    public List<String> limits(Machine m, Layout base, Goals goals) {
        List<String> out = new ArrayList<>();
        long top = Candidates.topOfRam(base);
        for (Requirement w : goals.wants()) {
            if (w.metric().equals("cma")) {
                out.add(w.text() + ": vmlayout models the CMA area on arm and x86 only (the powerpc engine places no early"
                        + " reservation), so no change it can try here is measured against this goal.");
            }
        }
        for (Reserve r : goals.reserves()) {
            if (goals.reserves().size() > 1 || r.end() < top || r.start() == 0) {
                out.add(r + ": on powerpc only mem= keeps RAM from the kernel at boot, and it keeps the first SIZE bytes"
                        + " (arch/powerpc/kernel/prom.c early_parse_mem()), so it can keep only one range that reaches the"
                        + " top of RAM (" + Fmt.hex8(top) + "); memmap= does nothing on powerpc. Any other range needs a"
                        + " /reserved-memory node with no-map in the device tree, which vmlayout does not model.");
            }
        }
        return out;
    }

    @Override
    public List<Knob> knobs(Machine m, Layout l) {
        List<Knob> out = new ArrayList<>();
        long pageOffset = l.constant("PAGE_OFFSET", 0xC0000000L);
        long lowmemSize = l.constant("LOWMEM_SIZE", 0x30000000L);
        long ceiling = PpcKnobs.LOWMEM_CEILING - pageOffset;
        if (ceiling >= 16 * MB) {
            out.add(new Knob("LOWMEM_SIZE", 16 * MB, ceiling & -MB, MB, lowmemSize, true,
                    Change.defineAt("LOWMEM_SIZE", Cost.KCONFIG, "lowmem_size", "\"Set maximum low memory\" (Advanced setup)")));
        }
        long hi = pageOffset - SEGMENT;
        long taskSize = l.constant("TASK_SIZE", pageOffset);
        boolean option = PpcKnobs.pageOffsetOption(m.kernel());
        boolean kernelStartPinned = m.defines().has("KERNEL_START");
        if (hi >= 0x40000000L) {
            out.add(new Knob(option ? "PAGE_OFFSET" : "KERNEL_START", 0x40000000L, hi, SEGMENT, pageOffset, true,
                    new LongFunction<Change>() { // a class, not a lambda: see cli.FastPath
                @Override
                public Change apply(long v) {
                    Map<String, String> d = new LinkedHashMap<>();
                    if (option) {
                        d.put("PAGE_OFFSET", Fmt.hex8(v));
                        if (kernelStartPinned) {
                            d.put("KERNEL_START", Fmt.hex8(v));
                        }
                    } else {
                        d.put("KERNEL_START", Fmt.hex8(v));
                    }
                    if (Long.compareUnsigned(taskSize, v) > 0) {
                        d.put("TASK_SIZE", Fmt.hex8(v));
                    }
                    return Change.defines(d, Cost.SPLIT, "kernel_start", option ? "\"Set custom page offset address\" and"
                            + " \"Size of user task space\" (Advanced setup)" : "\"Set custom kernel base address\" and"
                            + " \"Size of user task space\" (Advanced setup)");
                }
            }));
        }
        return out;
    }
}
