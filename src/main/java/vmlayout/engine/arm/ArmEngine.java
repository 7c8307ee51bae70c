package vmlayout.engine.arm;

import java.util.ArrayList;
import java.util.List;
import vmlayout.config.Arch;
import vmlayout.config.Fmt;
import vmlayout.config.Machine;
import vmlayout.config.RamBank;
import vmlayout.config.Sizes;
import vmlayout.config.SymbolCatalog;
import vmlayout.engine.Boot;
import vmlayout.engine.Constants;
import vmlayout.engine.Derivation;
import vmlayout.engine.DerivationLog;
import vmlayout.engine.Engine;
import vmlayout.engine.Layout;
import vmlayout.engine.RamRange;
import vmlayout.engine.RamUse;
import vmlayout.engine.RangeSet;
import vmlayout.report.Message;

/**
 * 32-bit ARM: setup_arch()'s memory steps in order (RAM banks from firmware, early parameters,
 * the lowmem/highmem split), then mem_init()'s table.
 */
public final class ArmEngine implements Engine {

    private static final long M32 = 0xffffffffL;
    private static final long PAGE_SIZE = 4096;
    private static final long PMD_SIZE = 1L << 21;
    /** PTRS_PER_PTE: kmap slots (arch/arm/include/asm/highmem.h LAST_PKMAP). */
    private static final long LAST_PKMAP = 512;
    static final long DEFAULT_RAM = 512L << 20;
    private static final java.util.Comparator<RamRange> BY_START = new java.util.Comparator<RamRange>() {
        @Override
        public int compare(RamRange a, RamRange b) {
            return Long.compare(a.start(), b.start());
        }
    };
    static final String SECTIONS_NOTE = "section rows (.text .init .data .bss) left out: they need the image's"
            + " System.map symbols (-D _text= _etext= __init_begin= __init_end= _sdata= _edata= __bss_start="
            + " __bss_stop=).";

    @Override
    public Arch arch() {
        return Arch.ARM;
    }

    @Override
    public SymbolCatalog symbols() {
        return ArmSymbols.CATALOG;
    }

    @Override
    public Layout compute(Machine m, Detail detail) {
        ArmEra era = ArmEra.of(m.kernel());
        Boot boot = new Boot(m, ArmSymbols.CATALOG, detail);
        Constants c = boot.constants;
        List<Message> messages = boot.messages;
        List<String> defaults = boot.defaults;
        DerivationLog log = boot.log;

        // ---- Kconfig ----
        boolean highmem = c.flag("HIGHMEM", false, "Kconfig default n (arch/arm/Kconfig HIGHMEM)");
        boolean lpae = c.flag("ARM_LPAE", false, "Kconfig default n");
        boolean modules = c.flag("MODULES", true, "enabled by every board defconfig");
        boolean thumb2 = c.flag("THUMB2_KERNEL", false, "Kconfig default n");
        boolean vipt = c.flag("VIPT_ALIASING", false, "assumed: PIPT or non-aliasing VIPT data cache (cache_is_vipt_aliasing())");
        boolean tlbBroadcast = c.flag("TLB_OPS_NEED_BROADCAST", false, "assumed: hardware TLB broadcast (tlb_ops_need_broadcast())");
        long pageOffset = pageOffset(c);
        log.constant(c, "PAGE_OFFSET", "lowmem is mapped from here; user space gets the " + Sizes.human(pageOffset) + " below it");
        log.constant(c, "HIGHMEM", highmem ? "RAM that does not fit in lowmem becomes highmem"
                : "RAM that does not fit in lowmem cannot be used");
        int nrBanks = (int) c.get("NR_BANKS", 8, "arch/arm/include/asm/setup.h NR_BANKS");
        boolean smp = c.flag("SMP", false, "Kconfig default n");
        boolean genericIoremapOrder = era.version.compareTo(ArmEra.IOREMAP_ORDER_SMP) >= 0 && (smp || lpae);
        c.get("IOREMAP_MAX_ORDER", genericIoremapOrder ? 19 : 24, genericIoremapOrder
                ? "include/linux/vmalloc.h 7 + PAGE_SHIFT (ARM keeps 24 only without SMP and LPAE from 4.0)"
                : "arch/arm/include/asm/memory.h IOREMAP_MAX_ORDER 24 (16 MB-aligned ioremap for supersections)");

        // ---- RAM as firmware describes it ----
        List<RamBank> ram = m.ram();
        long lowestStart = -1;
        for (RamBank b : ram) {
            if (b.hasStart() && (lowestStart < 0 || b.start() < lowestStart)) {
                lowestStart = b.start();
            }
        }
        long physOffset = c.get("PHYS_OFFSET", Math.max(lowestStart, 0),
                lowestStart >= 0 ? "lowest --ram start (the kernel's runtime PHYS_OFFSET, ARM_PATCH_PHYS_VIRT)"
                        : "vmlayout default 0x00000000 (no --ram start given)");
        if (lowestStart < 0 && !c.pinned("PHYS_OFFSET")) {
            defaults.add("PHYS_OFFSET 0x00000000");
        }
        log.constant(c, "PHYS_OFFSET", "the physical address mapped at PAGE_OFFSET");
        if (ram.isEmpty()) {
            ram = List.of(new RamBank(RamBank.AT_PHYS_OFFSET, DEFAULT_RAM));
            defaults.add("--ram " + Fmt.hex8(physOffset) + ":512M");
        }
        if (log.on()) {
            StringBuilder banks = new StringBuilder();
            for (RamBank b : ram) {
                long start = b.hasStart() ? b.start() : physOffset;
                banks.append(banks.length() == 0 ? "" : ", ").append(Fmt.hex8(start)).append('-').append(Fmt.hex8(start + b.size()))
                        .append(" (").append(Sizes.human(b.size())).append(')');
            }
            log.add("RAM", "the RAM banks firmware describes (ATAGs or the device tree; --ram): " + banks + ".",
                    "arch/arm/kernel/setup.c arm_add_memory(), all releases");
        }

        // ---- constants of this era ----
        long vmallocOffset = c.get("VMALLOC_OFFSET", 8L << 20, "arch/arm/include/asm/pgtable.h VMALLOC_OFFSET (8 MB)");
        long vmallocEnd = c.get("VMALLOC_END", era.vmallocEnd, era.perBoardVmallocEnd
                ? "per board in mach/vmalloc.h in this release; vmlayout assumes 0xff000000"
                : era.vmallocEnd == 0xff000000L ? "arch/arm/include/asm/pgtable.h (3.4-3.19)" : "arch/arm/include/asm/pgtable.h (4.0 on)");
        log.constant(c, "VMALLOC_END", "the top of the vmalloc area");
        if (era.perBoardVmallocEnd && !c.pinned("VMALLOC_END")) {
            defaults.add("VMALLOC_END 0xff000000 (per board in " + m.kernel() + ": pin your board's value with -D VMALLOC_END=)");
        }
        long defaultReserve = era.vmalloc == ArmEra.VmallocRule.RESERVE ? 128L << 20 : 240L << 20;
        long vmallocReserve = c.get("VMALLOC_RESERVE", defaultReserve, era.vmalloc == ArmEra.VmallocRule.RESERVE
                ? "arch/arm/mm/mmu.c vmalloc_reserve = SZ_128M" : "arch/arm/mm/mmu.c 240 MB default");

        // ---- setup_arch(): banks from ATAGs/DT through arm_add_memory(), then early params ----
        ArmEarlyParams.State st = new ArmEarlyParams.State();
        st.era = era;
        st.memory = new ArmMemory(!era.meminfo);
        st.messages = messages;
        st.physOffset = physOffset;
        st.pageOffset = pageOffset;
        st.vmallocEnd = vmallocEnd;
        st.vmallocOffset = vmallocOffset;
        st.lpae = lpae;
        st.nrBanks = nrBanks;
        st.vmallocReserve = vmallocReserve;
        st.log = log;
        RangeSet board = new RangeSet();
        for (RamBank b : ram) {
            long start = b.hasStart() ? b.start() : physOffset;
            board.add(start, start + b.size());
            ArmEarlyParams.addMemory(st, start, b.size());
        }
        RangeSet droppedByFirmware = new RangeSet(st.droppedByAdd);
        st.droppedByAdd.clear();
        ArmEarlyParams.apply(st, m.params());
        if (st.usermem && m.ram().isEmpty()) {
            // no board RAM given: the RAM is what mem= says
            board = st.memory.toRangeSet();
        }
        if (era.meminfo) {
            st.memory.sort();
        }
        RangeSet described = st.memory.toRangeSet();

        // ---- the vmalloc boundary (arch/arm/mm/mmu.c) ----
        if (!st.vmallocGiven) {
            if (log.on()) {
                log.add("vmalloc size", "no vmalloc=: the default " + Sizes.human(st.vmallocReserve) + (era.vmalloc == ArmEra.VmallocRule.RESERVE
                        ? " vmalloc_reserve" : " vmalloc area") + (c.pinned("VMALLOC_RESERVE") ? " (pinned with -D VMALLOC_RESERVE)" : "") + ".",
                        era.vmalloc == ArmEra.VmallocRule.RESERVE ? "arch/arm/mm/mmu.c vmalloc_reserve = SZ_128M, "
                        + Derivation.releases(null, ArmEra.VMALLOC_GLOBAL) : "arch/arm/mm/mmu.c 240 MB default, "
                        + Derivation.releases(ArmEra.VMALLOC_GLOBAL, null));
            }
        }
        long vmallocMin;
        switch (era.vmalloc) {
            case RESERVE: // VMALLOC_MIN = VMALLOC_END - vmalloc_reserve
                vmallocMin = (vmallocEnd - st.vmallocReserve) & M32;
                break;
            case MIN_240: // vmalloc_min = VMALLOC_END - (240 << 20) - VMALLOC_OFFSET, or END - vmalloc= value
                vmallocMin = st.vmallocGiven ? (vmallocEnd - st.vmallocReserve) & M32
                        : (vmallocEnd - st.vmallocReserve - vmallocOffset) & M32;
                break;
            default: // VMALLOC_END - vmalloc_size - VMALLOC_OFFSET
                vmallocMin = (vmallocEnd - st.vmallocReserve - vmallocOffset) & M32;
                break;
        }
        if (log.on()) {
            String minText;
            String minSource;
            switch (era.vmalloc) {
                case RESERVE:
                    minText = "VMALLOC_MIN = VMALLOC_END " + Fmt.hex8(vmallocEnd) + " - vmalloc_reserve " + Sizes.human(st.vmallocReserve);
                    minSource = "arch/arm/mm/mmu.c VMALLOC_MIN, " + Derivation.releases(null, ArmEra.VMALLOC_GLOBAL);
                    break;
                case MIN_240:
                    minText = "vmalloc_min = VMALLOC_END " + Fmt.hex8(vmallocEnd) + " - " + Sizes.human(st.vmallocReserve)
                            + (st.vmallocGiven ? " (vmalloc=)" : " - VMALLOC_OFFSET " + Sizes.human(vmallocOffset));
                    minSource = "arch/arm/mm/mmu.c vmalloc_min, " + Derivation.releases(ArmEra.VMALLOC_GLOBAL, ArmEra.VMALLOC_SIZE);
                    break;
                default:
                    minText = "vmalloc_min = VMALLOC_END " + Fmt.hex8(vmallocEnd) + " - vmalloc_size " + Sizes.human(st.vmallocReserve)
                            + " - VMALLOC_OFFSET " + Sizes.human(vmallocOffset);
                    minSource = "arch/arm/mm/mmu.c adjust_lowmem_bounds() vmalloc_min, " + Derivation.releases(ArmEra.VMALLOC_SIZE, null);
                    break;
            }
            log.add("vmalloc_min", minText + " = " + Fmt.hex8(vmallocMin) + ": lowmem must end at or below it.", minSource);
        }

        if (st.memory.count() == 0) {
            messages.add(Message.warn("no RAM is left for the kernel (check mem= and --ram): it would not boot."));
        }
        ArmLowmem.Input in = new ArmLowmem.Input();
        in.era = era;
        in.memory = st.memory;
        in.pageOffset = pageOffset;
        in.physOffset = physOffset;
        in.vmallocMin = vmallocMin;
        in.highmemConfig = highmem;
        in.viptAliasing = vipt;
        in.tlbOpsNeedBroadcast = tlbBroadcast;
        in.lpae = lpae;
        in.nrBanks = nrBanks;
        // device tree /reserved-memory (ArmReservedMemory, ArmEra.NoMapRule)
        List<Message> reservedNotes = new ArrayList<>();
        in.noMap = ArmReservedMemory.noMapRegions(era, m.reserved(), st.memory.toRangeSet(), reservedNotes);
        in.log = log;
        ArmLowmem.Result split = ArmLowmem.split(in);
        messages.addAll(split.messages);
        if (era.noMap == ArmEra.NoMapRule.HOLE_AFTER_LIMIT) {
            ArmReservedMemory.holesAfterLimit(st.memory, in.noMap, split.lowmemLimit);
        }
        messages.addAll(reservedNotes);

        // ---- mem_init() ----
        long highMemory = split.highMemory;
        long vmallocStart = ((highMemory + vmallocOffset) & ~(vmallocOffset - 1)) & M32;
        if (log.on()) {
            log.add("high_memory", "lowmem ends at high_memory = " + Fmt.hex8(highMemory) + " (physical " + Fmt.hex8(split.lowmemLimit)
                    + ", " + Sizes.human(highMemory - pageOffset) + " from PAGE_OFFSET): " + (split.lowmemLimit != 0
                    && ((split.lowmemLimit - physOffset + pageOffset) & M32) == vmallocMin
                    ? "the limit vmalloc_min " + Fmt.hex8(vmallocMin) + ", i.e. VMALLOC_END " + Fmt.hex8(vmallocEnd) + " minus the "
                    + Sizes.human((vmallocEnd - vmallocMin) & M32) + " kept for vmalloc"
                    : "the end of the last RAM below vmalloc_min " + Fmt.hex8(vmallocMin)) + ".",
                    "arch/arm/mm/mmu.c high_memory = __va(arm_lowmem_limit - 1) + 1, all releases");
        }
        if (log.on()) {
            log.add("VMALLOC_START", "VMALLOC_START = (high_memory " + Fmt.hex8(highMemory) + " + VMALLOC_OFFSET " + Sizes.human(vmallocOffset)
                    + ") & ~(VMALLOC_OFFSET - 1) = " + Fmt.hex8(vmallocStart) + "; the vmalloc area " + Fmt.hex8(vmallocStart) + "-"
                    + Fmt.hex8(vmallocEnd) + " is " + Sizes.human(Long.compareUnsigned(vmallocEnd, vmallocStart) > 0 ? vmallocEnd - vmallocStart : 0)
                    + ".", "arch/arm/include/asm/pgtable.h VMALLOC_START, all releases");
        }
        ArmMemInit.Values v = new ArmMemInit.Values();
        v.vectorsBase = c.get("VECTORS_BASE", 0xffff0000L, "arch/arm/include/asm/memory.h VECTORS_BASE (high vectors)");
        v.fixStart = c.get("FIXADDR_START", era.fixaddrStart, "arch/arm/include/asm/fixmap.h FIXADDR_START");
        v.fixEnd = c.get(era.fixmapPrintsEnd ? "FIXADDR_END" : "FIXADDR_TOP", era.fixmapPrintedEnd,
                "arch/arm/include/asm/fixmap.h " + (era.fixmapPrintsEnd ? "FIXADDR_END" : "FIXADDR_TOP"));
        if (era.dmaRow) {
            v.dmaEnd = c.get("CONSISTENT_END", 0xffe00000L, "arch/arm/include/asm/memory.h CONSISTENT_END");
            long dmaSize = c.get("CONSISTENT_DMA_SIZE", 2L << 20, "arch/arm/include/asm/memory.h CONSISTENT_DMA_SIZE default SZ_2M");
            v.dmaStart = (v.dmaEnd - dmaSize) & M32;
        }
        v.vmallocStart = vmallocStart;
        v.vmallocEnd = vmallocEnd;
        v.pageOffset = pageOffset;
        v.highMemory = highMemory;
        v.highmem = highmem;
        if (highmem) {
            v.pkmapStart = c.get("PKMAP_BASE", (pageOffset - PMD_SIZE) & M32, "arch/arm/include/asm/highmem.h PAGE_OFFSET - PMD_SIZE");
            v.pkmapEnd = v.pkmapStart + LAST_PKMAP * PAGE_SIZE;
        }
        if (highmem) {
            if (log.on()) {
                log.add("pkmap", "pkmap (kmap() slots) " + Fmt.hex8(v.pkmapStart) + "-" + Fmt.hex8(v.pkmapEnd) + ": PKMAP_BASE = PAGE_OFFSET - PMD_SIZE"
                        + " (2 MB), " + LAST_PKMAP + " pages.", c.value("PKMAP_BASE").rule());
            }
        }
        v.modules = modules;
        if (!era.modulesIfdef || modules) {
            v.modulesStart = c.get("MODULES_VADDR", (pageOffset - (thumb2 ? 8L << 20 : 16L << 20)) & M32,
                    "arch/arm/include/asm/memory.h PAGE_OFFSET - " + (thumb2 ? "8" : "16") + " MB");
            v.modulesEnd = c.get("MODULES_END", highmem ? (pageOffset - PMD_SIZE) & M32 : pageOffset,
                    "arch/arm/include/asm/memory.h " + (highmem ? "PAGE_OFFSET - PMD_SIZE (HIGHMEM)" : "PAGE_OFFSET"));
            if (log.on()) {
                log.add("modules", "modules " + Fmt.hex8(v.modulesStart) + "-" + Fmt.hex8(v.modulesEnd) + ": MODULES_VADDR = PAGE_OFFSET - "
                        + (thumb2 ? "8" : "16") + " MB, up to " + (highmem ? "the pkmap area" : "PAGE_OFFSET") + " (modules stay within"
                        + " branch range of the kernel text).", "arch/arm/include/asm/memory.h MODULES_VADDR/MODULES_END, all releases");
            }
        }
        if (log.on()) {
            log.add("fixmap", "fixmap " + Fmt.hex8(v.fixStart) + "-" + Fmt.hex8(v.fixEnd) + " (FIXADDR_START to "
                    + (era.fixmapPrintsEnd ? "FIXADDR_END" : "FIXADDR_TOP") + "), above VMALLOC_END.",
                    "arch/arm/include/asm/fixmap.h, " + (era.version.compareTo(ArmEra.FIXMAP_2M) < 0 ? Derivation.releases(null, ArmEra.FIXMAP_2M)
                    : era.version.compareTo(ArmEra.FIXMAP_3M) < 0 ? Derivation.releases(ArmEra.FIXMAP_2M, ArmEra.FIXMAP_3M)
                    : Derivation.releases(ArmEra.FIXMAP_3M, null)));
        }
        if (era.dmaRow) {
            if (log.on()) {
                log.add("DMA", "DMA (consistent) area " + Fmt.hex8(v.dmaStart) + "-" + Fmt.hex8(v.dmaEnd) + ": CONSISTENT_END - CONSISTENT_DMA_SIZE "
                        + Sizes.human((v.dmaEnd - v.dmaStart) & M32) + (c.pinned("CONSISTENT_DMA_SIZE") ? " (pinned with -D)" : " (the default)") + ".",
                        "arch/arm/include/asm/memory.h CONSISTENT_BASE, " + Derivation.releases(null, ArmEra.DMA_ROW_GONE));
            }
        }
        boolean tcm = c.flag("HAVE_TCM", c.pinned("DTCM_END") || c.pinned("ITCM_END"), "implied by DTCM_END/ITCM_END");
        if (tcm && era.tcmRows) {
            if (c.pinned("DTCM_END")) {
                v.dtcmStart = c.get("DTCM_OFFSET", 0xfffe8000L, "arch/arm/include/asm/memory.h DTCM_OFFSET");
                v.dtcmEnd = c.get("DTCM_END", 0, "-D");
            }
            if (c.pinned("ITCM_END")) {
                v.itcmStart = c.get("ITCM_OFFSET", 0xfffe0000L, "arch/arm/include/asm/memory.h ITCM_OFFSET");
                v.itcmEnd = c.get("ITCM_END", 0, "-D");
            }
            if (!c.pinned("DTCM_END") || !c.pinned("ITCM_END")) {
                messages.add(Message.note("the DTCM and ITCM rows need the ends from the kernel image: give -D DTCM_END= and"
                        + " -D ITCM_END= (dtcm_end/itcm_end in System.map)."));
            }
        }
        v.text = section(c, "_text", "_etext");
        v.init = section(c, "__init_begin", "__init_end");
        // the first form prints .data from _data, later forms from _sdata; either name is accepted
        v.data = era.tcmRows ? section(c, "_sdata", "_edata") : section(c, "_data", "_edata");
        if (v.data == null) {
            v.data = era.tcmRows ? section(c, "_data", "_edata") : section(c, "_sdata", "_edata");
        }
        v.bss = section(c, "__bss_start", "__bss_stop");
        if (v.text == null && v.init == null && v.data == null && v.bss == null) {
            messages.add(Message.note(SECTIONS_NOTE));
        }
        ArmMemInit.Table table = ArmMemInit.render(era, v, boot.tableText());
        if (!era.printsTable) {
            messages.add(Message.note(era.version.compareTo(ArmEra.TABLE_ADDED) < 0
                    ? "Linux " + m.kernel() + " does not print this table yet (ARM first prints it in "
                    + ArmEra.TABLE_ADDED + "); shown in its first form."
                    : "Linux " + m.kernel() + " no longer prints this table (removed in " + ArmEra.TABLE_REMOVED
                    + " by \"ARM: 8820/1: mm: Stop printing the virtual memory layout\"); shown in the last form"
                    + " the kernel printed, with this release's values."));
        }
        boot.noteUnusedDefines();

        // ---- where the RAM went ----
        List<RamRange> fate = ramFate(board, described, st, split, droppedByFirmware, highmem, vipt, m.ram().isEmpty());
        fate = ArmReservedMemory.label(fate, era, m.reserved());
        if (!m.ram().isEmpty()) {
            RangeSet invented = new RangeSet(described).removeAll(board);
            for (RangeSet.Range r : invented.ranges()) {
                messages.add(Message.warn("mem= describes RAM at " + Fmt.hex8(r.start()) + "-" + Fmt.hex8(r.end())
                        + " that --ram does not have: the kernel would use memory that is not there."));
            }
        }
        return boot.layout(table.regions(), fate, table.lines(), era.printsTable);
    }

    /** PAGE_OFFSET from CONFIG_VMSPLIT_* (arch/arm/Kconfig PAGE_OFFSET defaults), unless pinned. */
    private static long pageOffset(Constants c) {
        String chosen = c.choice("VMSPLIT_3G", "VMSPLIT_3G_OPT", "VMSPLIT_2G", "VMSPLIT_1G");
        long value = vmlayout.config.VmSplit.pageOffset(chosen);
        return c.get("PAGE_OFFSET", value, chosen == null ? "Kconfig default VMSPLIT_3G (0xC0000000)"
                : "Kconfig PAGE_OFFSET for " + chosen);
    }

    private static long[] section(Constants c, String begin, String end) {
        if (!c.pinned(begin) || !c.pinned(end)) {
            return null;
        }
        return new long[]{c.get(begin, 0, "-D"), c.get(end, 0, "-D")};
    }

    /** Splits the board's RAM by fate: lowmem, highmem, dropped (with the rule that dropped it). */
    private static List<RamRange> ramFate(RangeSet board, RangeSet described, ArmEarlyParams.State st,
                                          ArmLowmem.Result split, RangeSet droppedByFirmware, boolean highmem,
                                          boolean vipt, boolean noBoardRam) {
        List<RamRange> out = new ArrayList<>();
        RangeSet low = new RangeSet();
        RangeSet high = new RangeSet();
        for (ArmMemory.Bank b : st.memory.banks) {
            (b.highmem ? high : low).add(b.start, b.end());
        }
        low.removeAll(split.nomap).removeAll(split.dtNoMap);
        high.removeAll(split.dtNoMap);
        add(out, board.intersect(low), RamUse.LOWMEM, "");
        add(out, board.intersect(high), RamUse.HIGHMEM, "");
        add(out, board.intersect(split.nomap), RamUse.RESERVED, "unaligned head of the first bank, not mapped (adjust_lowmem_bounds)");
        RangeSet rest = new RangeSet(board).removeAll(low).removeAll(high).removeAll(split.nomap);
        String splitWhy = !highmem ? "above the lowmem limit, kernel without CONFIG_HIGHMEM"
                : vipt ? "above the lowmem limit, highmem refused with a VIPT aliasing cache"
                : "above the lowmem limit, no room for another bank (NR_BANKS)";
        RangeSet bySplit = rest.intersect(split.removed);
        add(out, bySplit, RamUse.DROPPED, splitWhy);
        rest.removeAll(bySplit);
        RangeSet byAdd = rest.intersect(new RangeSet(st.droppedByAdd).addAll(droppedByFirmware));
        add(out, byAdd, RamUse.DROPPED, "refused by arm_add_memory() (page alignment, 32-bit limit, PHYS_OFFSET or NR_BANKS)");
        rest.removeAll(byAdd);
        if (!noBoardRam) {
            // RAM mem= leaves out is kept from the kernel on purpose (the usual way to reserve RAM for a
            // driver on ARM): reserved, not dropped
            RangeSet byMem = rest.intersect(st.clearedByMem);
            add(out, byMem, RamUse.RESERVED, "left out of the kernel's memory by mem=");
            rest.removeAll(byMem);
        }
        add(out, rest, RamUse.DROPPED, "not used");
        out.sort(BY_START);
        return out;
    }

    private static void add(List<RamRange> out, RangeSet s, RamUse use, String why) {
        for (RangeSet.Range r : s.ranges()) {
            out.add(new RamRange(r.start(), r.end(), use, why));
        }
    }
}
