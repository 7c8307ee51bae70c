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
        return Boundary.of(X86Era.class);
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
        X86Reservations reservations = new X86Reservations(boot, era, cfg.pae());
        boot.messages.addAll(reservations.reserve(st.table, maxPfn, split.maxLowPfn));
        reservations.swiotlb(maxPfn);
        X86MemInit.Table table = X86MemInit.memInit(boot, era, cfg, top, split);
        if (st.reservetopGiven && (boot.constants.pinned("FIXADDR_START") || boot.constants.pinned("PKMAP_BASE")
                || boot.constants.pinned("VMALLOC_END") || boot.constants.pinned("CPU_ENTRY_AREA_BASE"))) {
            boot.message(Message.note("reservetop= moves FIXADDR_TOP, but the values pinned with -D are used as given."));
        }
        if (era.pastChecked) {
            boot.notePastChecked(X86Era.CHECKED);
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
        if (!boot.constants.pinned("VMALLOC_RESERVE") && !hasParam(boot.machine, "vmalloc") && !hasParam(boot.machine, "reservetop")) {
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

    private static boolean hasParam(Machine m, String name) {
        for (Param p : m.params()) {
            if (p.is(name)) {
                return true;
            }
        }
        return false;
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
