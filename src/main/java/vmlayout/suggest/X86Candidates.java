package vmlayout.suggest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vmlayout.bootargs.Param;
import vmlayout.check.Checker;
import vmlayout.config.Machine;
import vmlayout.config.Sizes;
import vmlayout.config.VmSplit;
import vmlayout.engine.Layout;
import vmlayout.engine.x86.X86Knobs;

/**
 * x86_32: vmalloc=, highmem=, memmap=SIZE$START or mem=START to keep a range from the kernel, the
 * "High Memory Support" choice and the memory splits (the _OPT ones without PAE).
 */
final class X86Candidates implements Candidates {

    private static final long MB = 1L << 20;
    private static final String[] HIGHMEM_CHOICE = {"NOHIGHMEM", "HIGHMEM4G", "HIGHMEM64G"};

    @Override
    public List<Change> fixed(Machine m, Layout base, Goals goals) {
        List<Change> out = new ArrayList<>();
        if (Candidates.on(base, "NOHIGHMEM")) {
            Map<String, String> d = Candidates.choice(m, "HIGHMEM4G", HIGHMEM_CHOICE);
            if (m.defines().has("HIGHMEM")) {
                d.put("HIGHMEM", "y");
            }
            out.add(Change.defines(d, Cost.KCONFIG, "highmem", "CONFIG_HIGHMEM4G: RAM above lowmem is used through kmap()"));
        }
        if (X86Knobs.hasHighmem64g(m.kernel()) && !Candidates.on(base, "HIGHMEM64G") && Candidates.topOfRam(base) > (1L << 32)) {
            Map<String, String> d = Candidates.choice(m, "HIGHMEM64G", HIGHMEM_CHOICE);
            if (m.defines().has("HIGHMEM")) {
                d.put("HIGHMEM", "y");
            }
            if (m.defines().has("X86_PAE")) {
                d.put("X86_PAE", "y");
            }
            out.add(Change.defines(d, Cost.KCONFIG, "highmem", "CONFIG_HIGHMEM64G: PAE page tables, RAM above 4 GB"));
        }
        String[] names = X86Knobs.splits(Candidates.on(base, "X86_PAE"));
        long[] values = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = VmSplit.pageOffset(names[i]);
        }
        out.addAll(Candidates.splits(m, base, names, values));
        out.addAll(Candidates.cma(m, base, goals));
        if (!goals.reserves().isEmpty()) {
            out.add(memmap(goals));
            Change mem = mem(base, goals);
            if (mem != null) {
                out.add(mem);
            }
        }
        return out;
    }

    /** memmap=SIZE$START for each range: an e820 entry of type reserved (arch/x86/kernel/e820.c). */
    private static Change memmap(Goals goals) {
        List<Param> params = new ArrayList<>();
        StringBuilder label = new StringBuilder();
        for (Reserve r : goals.reserves()) {
            String v = Sizes.param(r.size()) + "$" + Sizes.param(r.start());
            params.add(new Param("memmap", v, "suggest"));
            label.append(label.length() == 0 ? "" : " ").append("memmap=").append(v);
        }
        return new Change(label.toString(), Cost.BOOT, "reserve", params, List.of(), new LinkedHashMap<>(),
                "in GRUB write the $ as \\$");
    }

    /** mem=START when one range reaches the top of RAM: e820_remove_range() of all RAM from START up. */
    private static Change mem(Layout base, Goals goals) {
        if (goals.reserves().size() != 1) {
            return null;
        }
        Reserve r = goals.reserves().get(0);
        if (r.end() < Candidates.topOfRam(base) || r.start() == 0) {
            return null;
        }
        return Change.param("mem", Sizes.param(r.start()), Cost.BOOT, "reserve", "");
    }

    @Override
    public List<Knob> knobs(Machine m, Layout l) {
        List<Knob> out = new ArrayList<>();
        long pageOffset = l.constant("PAGE_OFFSET", 0xC0000000L);
        long vmallocEnd = l.constant("VMALLOC_END", 0xff7fe000L);
        long room = vmallocEnd - pageOffset - X86Knobs.minLowmem();
        long current = Candidates.paramValue(m, "vmalloc", X86Knobs.vmallocParamFor(m.kernel(), l.constant("VMALLOC_RESERVE", 128L << 20)));
        if (room > 4 * MB) {
            out.add(new Knob("vmalloc=", 4 * MB, room & -MB, MB, current, false,
                    Change.paramAt("vmalloc", "vmalloc")));
        }
        if (!Candidates.on(l, "NOHIGHMEM")) {
            long ram = Checker.metric(l, "lowmem") + Checker.metric(l, "highmem");
            long hi = (ram - X86Knobs.minLowmem()) & -MB;
            if (hi > MB) {
                out.add(new Knob("highmem=", MB, hi, MB, Candidates.paramValue(m, "highmem", 0), false,
                        Change.paramAt("highmem", "highmem")));
            }
        }
        return out;
    }
}
