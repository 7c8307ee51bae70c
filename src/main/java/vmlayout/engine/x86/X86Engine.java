package vmlayout.engine.x86;

import static vmlayout.engine.Ulong.M32;

import java.util.ArrayList;
import java.util.List;
import vmlayout.bootargs.Param;
import vmlayout.config.Arch;
import vmlayout.config.Boundary;
import vmlayout.config.Checked;
import vmlayout.config.E820Entry;
import vmlayout.config.Fmt;
import vmlayout.config.KernelVersion;
import vmlayout.config.Machine;
import vmlayout.config.Releases;
import vmlayout.config.Sizes;
import vmlayout.config.SymbolCatalog;
import vmlayout.engine.Boot;
import vmlayout.engine.Constants;
import vmlayout.engine.DerivationLog;
import vmlayout.engine.Engine;
import vmlayout.engine.Layout;
import vmlayout.engine.RamRange;
import vmlayout.engine.RamUse;
import vmlayout.engine.RangeSet;
import vmlayout.engine.mm.FreeAreaInit;
import vmlayout.engine.reserve.ReserveEra;
import vmlayout.report.Message.Level;
import vmlayout.report.Message;

/**
 * 32-bit x86 (arch/i386, then arch/x86 with CONFIG_X86_32): setup_arch()'s memory steps in the
 * kernel's order, each a port of the function it is named after (the BIOS map, parse_early_param(),
 * finish_e820_parsing(), e820_end_of_ram_pfn(), the top of the address space and MAXMEM,
 * find_low_pfn_range()), then mem_init()'s table. Values go from step to step as the kernel's globals
 * carry them: the early parameters leave the e820 map, __VMALLOC_RESERVE, highmem_pages and
 * __FIXADDR_TOP in {@link X86EarlyParams.State}; max_pfn and MAXMEM go to the lowmem split
 * ({@link X86Lowmem}), whose highstart_pfn mem_init() prints.
 */
public final class X86Engine implements Engine {

    private static final long PAGE = 4096;
    /** BIOS_BEGIN and BIOS_END (arch/x86/include/asm/e820/types.h): the legacy BIOS area, 640 kB to 1 MB. */
    private static final long BIOS_BEGIN = 0xa0000;
    private static final long BIOS_END = 0x100000;

    @Override
    public Arch arch() {
        return Arch.X86;
    }

    @Override
    public List<Boundary> boundaries() {
        // the arch's own boundaries, then those of the shared code this engine runs (its reservations, mm's lines)
        List<Boundary> out = new ArrayList<>(Boundary.of(X86Era.class));
        out.addAll(ReserveEra.boundaries());
        out.addAll(FreeAreaInit.boundaries());
        return out;
    }

    @Override
    public List<String> carriedFacts(KernelVersion v) {
        return X86Era.of(v).carriedFacts();
    }

    @Override
    public Checked checked() {
        return X86Era.CHECKED;
    }

    @Override
    public SymbolCatalog symbols() {
        return X86Symbols.CATALOG;
    }

    @Override
    public Layout compute(Machine m, Detail detail) {
        Boot boot = new Boot(m, X86Symbols.CATALOG, detail);
        X86Era era = X86Era.of(m.kernel());
        if (era.tableNotYet) {
            boot.message(Message.note("Linux " + m.kernel() + " parses mem=, memmap= and vmalloc= in parse_cmdline_early();"
                    + " vmlayout reads them with the rules of " + X86Era.TABLE_ADDED + ", the first release it models."));
        }
        X86Config cfg = X86Config.read(era, boot.constants, boot.defaults);
        kconfigSteps(boot, cfg);
        E820Table bios = setupMemoryMap(boot, era);
        X86EarlyParams.State st = parseEarlyParam(boot, era, cfg, bios);
        if (st.halted != null) {
            return halted(boot, bios, st.halted);
        }
        if (!finishE820Parsing(boot, era, st)) {
            return halted(boot, bios, "sanitize_e820_map() refuses a user map with fewer than two entries: early_panic()"
                    + " stops the kernel.");
        }
        trimBiosRange(boot, era, st);
        long maxArchPfn = cfg.pae() ? 1L << 24 : 1L << 20;
        long maxPfn = e820EndOfRamPfn(boot, era, cfg, st, maxArchPfn);
        X86Fixmap.Values top = topOfAddressSpace(boot, era, cfg, st);
        long maxmem = maxmem(boot, era, cfg, st, top);
        X86Lowmem.Result split = X86Lowmem.split(new X86Lowmem.Input(era, maxPfn, st.highmemPages, maxmem, cfg.highmem(),
                cfg.highmem64g(), boot.log));
        boot.messages.addAll(split.messages);
        if (maxPfn == 0) {
            boot.message(Message.warn("no RAM is left for the kernel (check mem=, memmap= and the map): it would not boot."));
        }
        // after initmem_init(): dma_contiguous_reserve(), reserve_crashkernel(); SWIOTLB at pci_iommu_alloc()
        X86Reservations reservations = new X86Reservations(boot, era, cfg.pae(), cfg.pageOffset());
        boot.messages.addAll(reservations.reserve(st.table, maxPfn, split.maxLowPfn));
        reservations.swiotlb(maxPfn);
        zoneSizesInit(boot, era, cfg, st, split);
        boot.messages.addAll(reservations.memMap(st.table, maxPfn, split.maxLowPfn));
        X86MemInit.Table table = X86MemInit.memInit(boot, era, cfg, top, split);
        if (st.reservetopGiven && (boot.constants.pinned("FIXADDR_START") || boot.constants.pinned("PKMAP_BASE")
                || boot.constants.pinned("VMALLOC_END") || boot.constants.pinned("CPU_ENTRY_AREA_BASE"))) {
            boot.message(Message.note("reservetop= moves FIXADDR_TOP, but the values pinned with -D are used as given."));
        }
        if (era.pastChecked) {
            boot.notePastChecked(X86Era.CHECKED, era.carriedFacts());
        }
        boot.noteUnusedDefines();
        List<RamRange> fate = X86RamFate.of(bios, st, split, maxArchPfn, era.e820Unified.holds(), cfg.highmem(), boot.messages);
        return boot.layout(table.regions(), fate, table.lines(), era.printsTable);
    }

    /** The Kconfig values the derivation starts from: PAGE_OFFSET and the "High Memory Support" choice. */
    private static void kconfigSteps(Boot boot, X86Config cfg) {
        Constants c = boot.constants;
        boot.log.constant(c, "PAGE_OFFSET", "lowmem is mapped from here; user space gets the " + Sizes.human(cfg.pageOffset()) + " below it");
        if (boot.log.on()) {
            boot.log.add("HIGHMEM", "the \"High Memory Support\" choice is " + (cfg.highmem64g() ? "HIGHMEM64G (PAE page tables, RAM up to 64 GB)"
                    : cfg.highmem() ? "HIGHMEM4G (RAM up to 4 GB" + (cfg.pae() ? ", PAE page tables)" : ")")
                    : "NOHIGHMEM: RAM beyond lowmem cannot be used") + (c.pinned("HIGHMEM") || c.pinned("NOHIGHMEM")
                    || c.pinned("HIGHMEM4G") || c.pinned("HIGHMEM64G") ? ", as pinned with -D." : ", the Kconfig default."),
                    "arch/x86/Kconfig \"High Memory Support\" choice");
        }
    }

    /** setup_memory_map() (setup_memory_region() before 2.6.27): the BIOS map, sanitized, then printed. */
    private static E820Table setupMemoryMap(Boot boot, X86Era era) {
        List<E820Entry> given = X86BiosMap.entries(boot.machine, boot.defaults);
        E820Table bios = new E820Table(X86BiosMap.E820MAX);
        for (E820Entry e : given) {
            bios.add(e.start(), e.size(), e.type());
        }
        if (!bios.sanitize(era.e820NoMerge())) {
            boot.message(Message.warn("a BIOS map needs at least two entries (or one wraps past 2^64): Linux would"
                    + " ignore it and fall back to the BIOS-e801 memory size, which vmlayout does not model; the map is"
                    + " used as given."));
        }
        boot.message(E820Format.biosHeader(era));
        boot.messages.addAll(E820Format.table(era, "BIOS-e820", bios, Level.INFO));
        if (boot.log.on()) {
            boot.log.add("e820", "the BIOS map (sanitized): usable RAM " + ramWords(bios) + ".", "arch/x86/kernel/e820.c sanitize_e820_map()"
                    + " (arch/i386/kernel/e820.c before 2.6.27), " + Releases.ALL);
        }
        return bios;
    }

    /**
     * parse_early_param(): the kernel's globals as the early parameters find them (a copy of the BIOS
     * map, __VMALLOC_RESERVE, __FIXADDR_TOP), then each parameter x86 has a handler for, in order.
     */
    private static X86EarlyParams.State parseEarlyParam(Boot boot, X86Era era, X86Config cfg, E820Table bios) {
        X86EarlyParams.State st = new X86EarlyParams.State();
        st.era = era;
        st.table = new E820Table(era.e820Unified.holds() ? 131 : X86BiosMap.E820MAX);
        for (E820Table.Entry e : bios.entries) {
            st.table.add(e.addr, e.size, e.type);
        }
        st.vmallocReserve = boot.constants.get("VMALLOC_RESERVE", 128L << 20, "__VMALLOC_RESERVE = 128 << 20 (arch/x86/mm/pgtable_32.c)") & M32;
        st.fixaddrTop = 0xfffff000L;
        st.pmdSize = cfg.pae() ? 1L << 21 : 1L << 22;
        st.log = boot.log;
        X86EarlyParams.apply(st, boot.machine.params());
        boot.messages.addAll(st.messages);
        return st;
    }

    /**
     * finish_e820_parsing(): a map the parameters made user-defined is printed (and from 2.6.27
     * sanitized first); false when the kernel refuses it and stops.
     */
    private static boolean finishE820Parsing(Boot boot, X86Era era, X86EarlyParams.State st) {
        if (!st.userdef) {
            return true;
        }
        if (era.e820Unified.holds() && !st.table.sanitize(era.e820NoMerge())) {
            boot.message(Message.kernel(Level.EMERG, "Kernel panic - not syncing: Invalid user supplied memory map", true));
            return false;
        }
        boot.message(E820Format.userHeader(era));
        boot.messages.addAll(E820Format.table(era, "user", st.table, Level.INFO));
        if (boot.log.on()) {
            boot.log.add("e820", "the user-defined map after the parameters" + (era.e820Unified.holds() ? " (sanitized)" : "") + ": usable RAM "
                    + ramWords(st.table) + ".", era.e820Unified.source(era.e820Unified.holds()
                    ? "arch/x86/kernel/e820.c finish_e820_parsing()" : "arch/i386/kernel/setup.c"));
        }
        return true;
    }

    /**
     * trim_bios_range() (arch/x86/kernel/setup.c, {@link X86Era.TrimBiosRange}): the first page (or
     * reserve_low) of RAM becomes reserved and RAM in the 640 kB-1 MB BIOS area is removed, each with its
     * KERN_DEBUG line, then the map is sanitized again. It changes neither max_pfn nor the lowmem limit.
     */
    private static void trimBiosRange(Boot boot, X86Era era, X86EarlyParams.State st) {
        long low = era.trimBiosRange.updateSize;
        if (low == 0) {
            return;
        }
        RangeSet before = st.table.ranges(E820Table.RAM);
        boot.message(E820Format.update(era, 0, low, E820Table.RAM, E820Table.RESERVED));
        st.table.updateRange(0, low, E820Table.RAM, E820Table.RESERVED);
        boot.message(E820Format.remove(era, BIOS_BEGIN, BIOS_END - BIOS_BEGIN, E820Table.RAM, true));
        st.table.removeRange(BIOS_BEGIN, BIOS_END - BIOS_BEGIN, E820Table.RAM, true, era.percent);
        st.table.sanitize(era.e820NoMerge());
        st.trimmed.addAll(before.removeAll(st.table.ranges(E820Table.RAM)));
        if (boot.log.on()) {
            boot.log.add("trim_bios_range", "the BIOS owns [0, " + Fmt.hex8(low) + ") and [0x000a0000, 0x00100000): RAM there is"
                    + " reserved or removed (" + (st.trimmed.isEmpty() ? "the map had none" : Sizes.human(st.trimmed.total()))
                    + "); max_pfn and lowmem do not move.", era.trimBiosRange.source("arch/x86/kernel/setup.c trim_bios_range()"));
        }
    }

    /** max_pfn: e820_end_of_ram_pfn() capped at MAX_ARCH_PFN with its "last_pfn = " line, find_max_pfn() up to 2.6.26. */
    private static long e820EndOfRamPfn(Boot boot, X86Era era, X86Config cfg, X86EarlyParams.State st, long maxArchPfn) {
        long maxPfn;
        if (era.e820Unified.holds()) {
            maxPfn = Math.min(st.table.endPfn(maxArchPfn, era.endPfnCountsAcpi), maxArchPfn);
            boot.message(E820Format.lastPfn(era, maxPfn, maxArchPfn));
        } else {
            maxPfn = st.table.findMaxPfn();
        }
        if (boot.log.on()) {
            boot.log.add("max_pfn", "max_pfn = 0x" + Long.toHexString(maxPfn) + ": usable RAM ends at " + Fmt.hex8(maxPfn << 12) + " ("
                    + Sizes.human(maxPfn << 12) + ")" + (era.e820Unified.holds() ? ", capped at MAX_ARCH_PFN (" + (cfg.pae()
                    ? "64 GB with PAE)" : "4 GB)") : "") + ".", era.e820Unified.source(era.e820Unified.holds()
                    ? "arch/x86/kernel/e820.c e820_end_of_ram_pfn()" + (era.endPfnCountsAcpi ? " (RAM and ACPI data entries, 6.11+)"
                    : "") : "arch/i386/kernel/e820.c find_max_pfn()"));
        }
        return maxPfn;
    }

    /** MAX_DMA_PFN (arch/x86/include/asm/dma.h): the 16 MB ISA DMA zone. */
    private static final long MAX_DMA_PFN = (16L << 20) >>> 12;

    /**
     * paging_init() -> zone_sizes_init() (arch/x86/mm/init.c; 5.8+ free_area_init() with zone limits, after
     * reserve_crashkernel() in setup_arch()): ZONE_DMA (CONFIG_ZONE_DMA, Kconfig default y) ends at
     * min(MAX_DMA_PFN, max_low_pfn), ZONE_NORMAL at max_low_pfn, ZONE_HIGHMEM (CONFIG_HIGHMEM) at max_pfn.
     * memblock.memory is what e820__memblock_setup() (arch/x86/kernel/e820.c, memblock_x86_fill() before 4.12)
     * added: the E820_TYPE_RAM entries of the table after trim_bios_range(), skipping an entry whose end does
     * not fit resource_size_t ({@code if (end != (resource_size_t)end) continue;}: 32 bits without PAE, so RAM
     * above 4 GB is not there), partial pages trimmed (memblock_trim_memory()), and from 6.15-rc4 nothing above
     * max_pfn ({@link X86Era#MEMBLOCK_CAPPED_RC}). Real Debian 6.1 686, 2048 MB with highmem=512M:
     * "DMA [mem 0x0000000000001000-0x0000000000ffffff]", "Normal [mem 0x0000000001000000-0x0000000036bfdfff]",
     * "HighMem [mem 0x0000000036bfe000-0x0000000056bfdfff]", "node 0: [mem 0x0000000000100000-0x000000007ffdffff]".
     */
    private static void zoneSizesInit(Boot boot, X86Era era, X86Config cfg, X86EarlyParams.State st, X86Lowmem.Result split) {
        if (!FreeAreaInit.prints(boot.machine.kernel())) {
            return; // older releases print the zones in forms this check does not cover
        }
        boolean zoneDma = boot.constants.flag("ZONE_DMA", true, "Kconfig default y (arch/x86/Kconfig ZONE_DMA)");
        RangeSet memblock = new RangeSet();
        for (E820Table.Entry e : st.table.entries) {
            long end = e.addr + e.size;
            boolean wraps = E820Table.ult(end, e.addr);
            if (e.type != E820Table.RAM || e.size == 0 || !cfg.pae() && (wraps || E820Table.ugt(end, M32))
                    || !E820Table.ult(e.addr, E820Table.ACCOUNTING_LIMIT)) {
                continue; // not RAM, or its end does not fit a 32-bit resource_size_t
            }
            long s = (e.addr + 4095) & ~4095L;
            long t = (wraps || E820Table.ugt(end, E820Table.ACCOUNTING_LIMIT) ? E820Table.ACCOUNTING_LIMIT : end) & ~4095L;
            if (era.memblockCappedAtMaxPfn) {
                t = Math.min(t, split.maxPfn << 12);
            }
            if (t > s) {
                memblock.add(s, t);
            }
        }
        List<FreeAreaInit.Zone> zones = new ArrayList<>();
        if (zoneDma) {
            zones.add(new FreeAreaInit.Zone("DMA", Math.min(MAX_DMA_PFN, split.maxLowPfn)));
        }
        zones.add(new FreeAreaInit.Zone("Normal", split.maxLowPfn));
        if (cfg.highmem()) {
            zones.add(new FreeAreaInit.Zone("HighMem", split.maxPfn));
        }
        boot.messages.addAll(FreeAreaInit.messages(boot.machine.kernel(), zones, memblock));
        if (boot.log.on()) {
            boot.log.add("zone_sizes_init", "zones: " + (zoneDma ? "DMA to " + Fmt.hex8(Math.min(MAX_DMA_PFN, split.maxLowPfn) << 12) + ", "
                    : "") + "Normal to max_low_pfn " + Fmt.hex8(split.maxLowPfn << 12) + (cfg.highmem() ? ", HighMem to max_pfn "
                    + Fmt.hex8(split.maxPfn << 12) : "") + "; memblock.memory is the map's usable RAM" + (cfg.pae() ? "" : " below 4 GB")
                    + (era.memblockCappedAtMaxPfn ? " up to max_pfn" : "") + ".", "arch/x86/mm/init.c zone_sizes_init(),"
                    + " arch/x86/kernel/e820.c e820__memblock_setup()");
        }
    }

    /** The top of the address space from __FIXADDR_TOP down: fixmap, cpu_entry_area, LDT, pkmap, VMALLOC_END. */
    private static X86Fixmap.Values topOfAddressSpace(Boot boot, X86Era era, X86Config cfg, X86EarlyParams.State st) {
        Constants c = boot.constants;
        DerivationLog log = boot.log;
        X86Fixmap.Values top = X86Fixmap.compute(era, c, st.fixaddrTop, cfg.highmem(), cfg.pae(), boot.defaults);
        log.constant(c, "FIXADDR_TOP", "the top of the fixmap");
        log.constant(c, "FIXADDR_START", "the bottom of the permanent fixmap");
        log.constant(c, "FIXADDR_BOOT_START", "below the boot-time fixmap slots");
        log.constant(c, "FIXADDR_TOT_START", "below the boot-time fixmap slots");
        log.constant(c, "CPU_ENTRY_AREA_BASE", "the cpu_entry_area, under the fixmap");
        log.constant(c, "LDT_BASE_ADDR", "the LDT remap PMD, under the cpu_entry_area");
        log.constant(c, "PKMAP_BASE", "the kmap() area");
        log.constant(c, "VMALLOC_END", "the top of the vmalloc area");
        return top;
    }

    /**
     * MAXMEM (arch/x86/include/asm/pgtable_32_types.h): the most RAM lowmem can map, VMALLOC_END -
     * PAGE_OFFSET - __VMALLOC_RESERVE from 2.6.28, -PAGE_OFFSET - __VMALLOC_RESERVE before.
     */
    private static long maxmem(Boot boot, X86Era era, X86Config cfg, X86EarlyParams.State st, X86Fixmap.Values top) {
        DerivationLog log = boot.log;
        long reserve = st.vmallocReserve;
        if (!boot.constants.pinned("VMALLOC_RESERVE") && !Param.anyIs(boot.machine.params(), "vmalloc") && !Param.anyIs(boot.machine.params(), "reservetop")) {
            if (log.on()) {
                log.add("vmalloc size", "no vmalloc=: __VMALLOC_RESERVE is the default 128 MB.", "arch/x86/mm/pgtable_32.c"
                        + " __VMALLOC_RESERVE, " + Releases.ALL);
            }
        }
        boolean fromVmallocEnd = era.newVmallocFormula.holds();
        long maxmem = fromVmallocEnd ? (top.vmallocEnd - cfg.pageOffset() - reserve) & M32 : (-cfg.pageOffset() - reserve) & M32;
        long room = fromVmallocEnd ? (top.vmallocEnd - cfg.pageOffset()) & M32 : (-cfg.pageOffset()) & M32;
        if (log.on()) {
            log.add("MAXMEM", (fromVmallocEnd ? "MAXMEM = VMALLOC_END " + Fmt.hex8(top.vmallocEnd) + " - PAGE_OFFSET "
                    + Fmt.hex8(cfg.pageOffset()) + " - __VMALLOC_RESERVE " + Sizes.human(reserve)
                    : "MAXMEM = -PAGE_OFFSET " + Fmt.hex8(cfg.pageOffset()) + " - __VMALLOC_RESERVE " + Sizes.human(reserve)) + " = "
                    + Fmt.hex8(maxmem) + " (" + Sizes.human(maxmem) + "): the most RAM lowmem can map.",
                    era.newVmallocFormula.source("arch/x86/include/asm/pgtable_32_types.h MAXMEM"));
        }
        if (Long.compareUnsigned(top.vmallocEnd, cfg.pageOffset()) <= 0) {
            boot.message(Message.warn("VMALLOC_END " + Fmt.hex8(top.vmallocEnd) + " is not above PAGE_OFFSET " + Fmt.hex8(cfg.pageOffset())
                    + " (reservetop= or a pinned value): there is no room for the kernel's mappings; it would not boot."));
        } else if (Long.compareUnsigned(reserve, room) > 0) {
            boot.message(Message.warn("the vmalloc reserve (" + (reserve >> 20) + " MB) is larger than the " + (room >> 20) + " MB above PAGE_OFFSET "
                    + Fmt.hex8(cfg.pageOffset()) + ": MAXMEM wraps around and lowmem runs into vmalloc; the kernel would not boot."));
        }
        return maxmem;
    }

    /** "0x00000000-0x0009fc00, 0x00100000-0x80000000 (2047.62 MB)": a map's usable RAM. */
    private static String ramWords(E820Table t) {
        RangeSet ram = t.ranges(E820Table.RAM);
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (RangeSet.Range r : ram.ranges()) {
            if (n++ == 4) {
                b.append(", ...");
                break;
            }
            b.append(b.length() == 0 ? "" : ", ").append(Fmt.hex8(r.start())).append('-').append(Fmt.hex8(r.end()));
        }
        return (b.length() == 0 ? "none" : b.toString()) + " (" + Sizes.human(ram.total()) + ")";
    }

    /** The kernel stops before mem_init(): no table, no RAM in use. */
    private static Layout halted(Boot boot, E820Table bios, String why) {
        boot.message(Message.warn(why + " No layout table is printed."));
        if (boot.log.on()) {
            boot.log.add("halt", "the kernel stops here: " + why, "arch/x86/kernel/e820.c, " + Releases.ALL);
        }
        List<RamRange> fate = new ArrayList<>();
        for (RangeSet.Range r : bios.ranges(E820Table.RAM).ranges()) {
            fate.add(new RamRange(r.start(), r.end(), RamUse.DROPPED, "the kernel stops during boot"));
        }
        return boot.layout(List.of(), fate, List.of(), false);
    }
}
