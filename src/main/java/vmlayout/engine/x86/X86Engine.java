package vmlayout.engine.x86;

import java.util.ArrayList;
import java.util.List;
import vmlayout.config.Arch;
import vmlayout.config.E820Entry;
import vmlayout.config.Fmt;
import vmlayout.config.Machine;
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
import vmlayout.report.Message.Level;
import vmlayout.report.Message;

/**
 * 32-bit x86 (arch/i386, then arch/x86 with CONFIG_X86_32): setup_arch()'s memory steps in order
 * (the BIOS e820 map, the early parameters, the user-defined map, max_pfn, the lowmem/highmem split
 * and its messages), then mem_init()'s table.
 */
public final class X86Engine implements Engine {

    private static final long M32 = 0xffffffffL;
    private static final long PAGE = 4096;
    private static final long VMALLOC_OFFSET = 8L << 20;

    @Override
    public Arch arch() {
        return Arch.X86;
    }

    @Override
    public SymbolCatalog symbols() {
        return X86Symbols.CATALOG;
    }

    @Override
    public Layout compute(Machine m, Detail detail) {
        X86Era era = X86Era.of(m.kernel());
        Boot boot = new Boot(m, X86Symbols.CATALOG, detail);
        Constants c = boot.constants;
        List<Message> messages = boot.messages;
        List<String> defaults = boot.defaults;
        if (m.kernel().compareTo(X86Era.TABLE_ADDED) < 0) {
            messages.add(Message.note("Linux " + m.kernel() + " parses mem=, memmap= and vmalloc= in parse_cmdline_early();"
                    + " vmlayout reads them with the rules of " + X86Era.TABLE_ADDED + ", the first release it models."));
        }

        DerivationLog log = boot.log;

        // ---- Kconfig ----
        X86Config cfg = X86Config.read(era, c, defaults);
        log.constant(c, "PAGE_OFFSET", "lowmem is mapped from here; user space gets the " + Sizes.human(cfg.pageOffset) + " below it");
        if (log.on()) {
            log.add("HIGHMEM", "the \"High Memory Support\" choice is " + (cfg.highmem64g ? "HIGHMEM64G (PAE page tables, RAM up to 64 GB)"
                    : cfg.highmem ? "HIGHMEM4G (RAM up to 4 GB" + (cfg.pae ? ", PAE page tables)" : ")")
                    : "NOHIGHMEM: RAM beyond lowmem cannot be used") + (c.pinned("HIGHMEM") || c.pinned("NOHIGHMEM")
                    || c.pinned("HIGHMEM4G") || c.pinned("HIGHMEM64G") ? ", as pinned with -D." : ", the Kconfig default."),
                    "arch/x86/Kconfig \"High Memory Support\" choice");
        }

        // ---- the BIOS map: sanitized, then printed (setup_memory_region() / setup_memory_map()) ----
        List<E820Entry> given = X86BiosMap.entries(m, defaults);
        E820Table bios = new E820Table(X86BiosMap.E820MAX);
        for (E820Entry e : given) {
            bios.add(e.start(), e.size(), e.type());
        }
        if (!bios.sanitize(noMerge(era))) {
            messages.add(Message.warn("a BIOS map needs at least two entries (or one wraps past 2^64): Linux would"
                    + " ignore it and fall back to the BIOS-e801 memory size, which vmlayout does not model; the map is"
                    + " used as given."));
        }
        messages.add(E820Format.biosHeader(era));
        messages.addAll(E820Format.table(era, "BIOS-e820", bios, Level.INFO));
        if (log.on()) {
            log.add("e820", "the BIOS map (sanitized): usable RAM " + ramWords(bios) + ".", "arch/x86/kernel/e820.c sanitize_e820_map()"
                    + " (arch/i386/kernel/e820.c before 2.6.27), all releases");
        }

        // ---- early parameters, in command-line order ----
        X86EarlyParams.State st = new X86EarlyParams.State();
        st.era = era;
        st.table = new E820Table(era.e820Unified ? 131 : X86BiosMap.E820MAX);
        for (E820Table.Entry e : bios.entries) {
            st.table.add(e.addr, e.size, e.type);
        }
        st.vmallocReserve = c.get("VMALLOC_RESERVE", 128L << 20, "__VMALLOC_RESERVE = 128 << 20 (arch/x86/mm/pgtable_32.c)") & M32;
        st.fixaddrTop = 0xfffff000L;
        st.pmdSize = cfg.pae ? 1L << 21 : 1L << 22;
        st.log = log;
        X86EarlyParams.apply(st, m.params());
        messages.addAll(st.messages);
        if (st.halted != null) {
            return halted(m, c, messages, defaults, bios, log, st.halted);
        }

        // ---- the user-defined map: finish_e820_parsing() (sanitized from 2.6.27) ----
        if (st.userdef) {
            if (era.e820Unified && !st.table.sanitize(noMerge(era))) {
                messages.add(Message.kernel(Level.EMERG, "Kernel panic - not syncing: Invalid user supplied memory map", true));
                return halted(m, c, messages, defaults, bios, log, "sanitize_e820_map() refuses a user map with fewer than two"
                        + " entries: early_panic() stops the kernel.");
            }
            messages.add(E820Format.userHeader(era));
            messages.addAll(E820Format.table(era, "user", st.table, Level.INFO));
            if (log.on()) {
                log.add("e820", "the user-defined map after the parameters" + (era.e820Unified ? " (sanitized)" : "") + ": usable RAM "
                        + ramWords(st.table) + ".", era.e820Unified ? "arch/x86/kernel/e820.c finish_e820_parsing(), "
                        + Derivation.releases(X86Era.E820_UNIFIED, null) : "arch/i386/kernel/setup.c, " + Derivation.releases(null, X86Era.E820_UNIFIED));
            }
        }

        // ---- max_pfn: find_max_pfn() up to 2.6.26, then e820_end_of_ram_pfn() with MAX_ARCH_PFN ----
        long maxArchPfn = cfg.pae ? 1L << 24 : 1L << 20;
        long maxPfn;
        if (era.e820Unified) {
            maxPfn = Math.min(st.table.endPfn(maxArchPfn), maxArchPfn);
            messages.add(E820Format.lastPfn(era, maxPfn, maxArchPfn));
        } else {
            maxPfn = st.table.findMaxPfn();
        }
        if (log.on()) {
            log.add("max_pfn", "max_pfn = 0x" + Long.toHexString(maxPfn) + ": usable RAM ends at " + Fmt.hex8(maxPfn << 12) + " ("
                    + Sizes.human(maxPfn << 12) + ")" + (era.e820Unified ? ", capped at MAX_ARCH_PFN (" + (cfg.pae ? "64 GB with PAE)" : "4 GB)")
                    : "") + ".", era.e820Unified ? "arch/x86/kernel/e820.c e820_end_of_ram_pfn(), " + Derivation.releases(X86Era.E820_UNIFIED, null)
                    : "arch/i386/kernel/e820.c find_max_pfn(), " + Derivation.releases(null, X86Era.E820_UNIFIED));
        }

        // ---- the top of the address space, MAXMEM ----
        X86Fixmap.Values top = X86Fixmap.compute(era, c, st.fixaddrTop, cfg.highmem, cfg.pae, defaults);
        log.constant(c, "FIXADDR_TOP", "the top of the fixmap");
        log.constant(c, "FIXADDR_START", "the bottom of the permanent fixmap");
        log.constant(c, "FIXADDR_BOOT_START", "below the boot-time fixmap slots");
        log.constant(c, "FIXADDR_TOT_START", "below the boot-time fixmap slots");
        log.constant(c, "CPU_ENTRY_AREA_BASE", "the cpu_entry_area, under the fixmap");
        log.constant(c, "LDT_BASE_ADDR", "the LDT remap PMD, under the cpu_entry_area");
        log.constant(c, "PKMAP_BASE", "the kmap() area");
        log.constant(c, "VMALLOC_END", "the top of the vmalloc area");
        long reserve = st.vmallocReserve;
        if (!c.pinned("VMALLOC_RESERVE") && !hasParam(m, "vmalloc") && !hasParam(m, "reservetop")) {
            if (log.on()) {
                log.add("vmalloc size", "no vmalloc=: __VMALLOC_RESERVE is the default 128 MB.", "arch/x86/mm/pgtable_32.c"
                        + " __VMALLOC_RESERVE, all releases");
            }
        }
        long maxmem = era.newVmallocFormula ? (top.vmallocEnd - cfg.pageOffset - reserve) & M32 // VMALLOC_END - PAGE_OFFSET - reserve
                : (-cfg.pageOffset - reserve) & M32; // -__PAGE_OFFSET - __VMALLOC_RESERVE
        long room = era.newVmallocFormula ? (top.vmallocEnd - cfg.pageOffset) & M32 : (-cfg.pageOffset) & M32;
        if (log.on()) {
            log.add("MAXMEM", (era.newVmallocFormula ? "MAXMEM = VMALLOC_END " + Fmt.hex8(top.vmallocEnd) + " - PAGE_OFFSET "
                    + Fmt.hex8(cfg.pageOffset) + " - __VMALLOC_RESERVE " + Sizes.human(reserve)
                    : "MAXMEM = -PAGE_OFFSET " + Fmt.hex8(cfg.pageOffset) + " - __VMALLOC_RESERVE " + Sizes.human(reserve)) + " = "
                    + Fmt.hex8(maxmem) + " (" + Sizes.human(maxmem) + "): the most RAM lowmem can map.",
                    "arch/x86/include/asm/pgtable_32_types.h MAXMEM, " + (era.newVmallocFormula ? Derivation.releases(X86Era.VMALLOC_FIX, null)
                    : Derivation.releases(null, X86Era.VMALLOC_FIX)));
        }
        if (Long.compareUnsigned(top.vmallocEnd, cfg.pageOffset) <= 0) {
            messages.add(Message.warn("VMALLOC_END " + Fmt.hex8(top.vmallocEnd) + " is not above PAGE_OFFSET " + Fmt.hex8(cfg.pageOffset)
                    + " (reservetop= or a pinned value): there is no room for the kernel's mappings; it would not boot."));
        } else if (Long.compareUnsigned(reserve, room) > 0) {
            messages.add(Message.warn("the vmalloc reserve (" + (reserve >> 20) + " MB) is larger than the " + (room >> 20) + " MB above PAGE_OFFSET "
                    + Fmt.hex8(cfg.pageOffset) + ": MAXMEM wraps around and lowmem runs into vmalloc; the kernel would not boot."));
        }

        // ---- the split ----
        X86Lowmem.Input in = new X86Lowmem.Input();
        in.era = era;
        in.maxPfn = maxPfn;
        in.highmemPages = st.highmemPages;
        in.maxmem = maxmem;
        in.maxmemPfn = maxmem >>> 12;
        in.highmem = cfg.highmem;
        in.highmem64g = cfg.highmem64g;
        in.log = log;
        X86Lowmem.Result split = X86Lowmem.split(in);
        messages.addAll(split.messages);
        if (maxPfn == 0) {
            messages.add(Message.warn("no RAM is left for the kernel (check mem=, memmap= and the map): it would not boot."));
        }

        // ---- mem_init() ----
        long highMemory = cfg.pageOffset + split.highstartPfn * PAGE; // __va(highstart_pfn * PAGE_SIZE - 1) + 1
        long vmallocStart = era.newVmallocFormula ? (highMemory + VMALLOC_OFFSET) & M32
                : (highMemory + 2 * VMALLOC_OFFSET - 1) & ~(VMALLOC_OFFSET - 1) & M32;
        if (log.on()) {
            log.add("high_memory", "lowmem ends at high_memory = PAGE_OFFSET + highstart_pfn 0x" + Long.toHexString(split.highstartPfn)
                    + " pages = " + Fmt.hex8(highMemory & M32) + " (" + Sizes.human(split.highstartPfn << 12) + " of lowmem).",
                    "arch/x86/mm/init_32.c high_memory, all releases");
        }
        if (log.on()) {
            log.add("VMALLOC_START", (era.newVmallocFormula ? "VMALLOC_START = high_memory " + Fmt.hex8(highMemory & M32)
                    + " + VMALLOC_OFFSET 8 MB = " : "VMALLOC_START = (high_memory " + Fmt.hex8(highMemory & M32)
                    + " + 2 * VMALLOC_OFFSET - 1) & ~(VMALLOC_OFFSET - 1) = ") + Fmt.hex8(vmallocStart) + "; the vmalloc area "
                    + Fmt.hex8(vmallocStart) + "-" + Fmt.hex8(top.vmallocEnd) + " is "
                    + Sizes.human(Long.compareUnsigned(top.vmallocEnd, vmallocStart) > 0 ? top.vmallocEnd - vmallocStart : 0) + ".",
                    "arch/x86/include/asm/pgtable_32_types.h VMALLOC_START, " + (era.newVmallocFormula
                    ? Derivation.releases(X86Era.VMALLOC_FIX, null) : Derivation.releases(null, X86Era.VMALLOC_FIX)));
        }
        X86MemInit.Values v = new X86MemInit.Values();
        v.fixStart = top.fixaddrStart;
        v.fixTop = top.fixaddrTop;
        v.cpuEntry = era.cpuEntry;
        v.cpuEntryBase = top.cpuEntryBase;
        v.cpuEntryMapSize = top.cpuEntryMapSize;
        v.highmem = cfg.highmem;
        v.pkmapBase = top.pkmapBase;
        v.lastPkmap = top.lastPkmap;
        v.vmallocStart = vmallocStart;
        v.vmallocEnd = top.vmallocEnd;
        v.pageOffset = cfg.pageOffset;
        v.highMemory = highMemory;
        v.init = section(c, "__init_begin", "__init_end");
        v.data = section(c, "_etext", "_edata");
        v.text = section(c, "_text", "_etext");
        if (v.init == null && v.data == null && v.text == null) {
            messages.add(Message.note("the .init/.data/.text rows depend on the kernel image and are left out: give"
                    + " -D __init_begin= -D __init_end= -D _text= -D _etext= -D _edata= (from System.map) to print them."));
        }
        X86MemInit.Table table = X86MemInit.render(v, boot.tableText());
        if (Long.compareUnsigned(vmallocStart, top.vmallocEnd) >= 0 || Long.compareUnsigned(highMemory & M32, vmallocStart) > 0
                && (highMemory & M32) != 0) {
            messages.add(Message.warn("VMALLOC_START " + Fmt.hex8(vmallocStart) + " is not below VMALLOC_END " + Fmt.hex8(top.vmallocEnd)
                    + ": mem_init()'s BUG_ON() checks stop the kernel right after it prints this table."));
        }
        if (!era.printsTable) {
            messages.add(Message.note(era.version.compareTo(X86Era.TABLE_ADDED) < 0
                    ? "Linux " + m.kernel() + " does not print this table yet (i386 first prints it in " + X86Era.TABLE_ADDED
                    + "); shown in its first form."
                    : "Linux " + m.kernel() + " no longer prints this table (removed in " + X86Era.TABLE_REMOVED + " by"
                    + " \"x86/mm/init_32: Stop printing the virtual memory layout\"); shown in the last form the kernel"
                    + " printed, with this release's values."));
        }
        if (st.reservetopGiven && (c.pinned("FIXADDR_START") || c.pinned("PKMAP_BASE") || c.pinned("VMALLOC_END")
                || c.pinned("CPU_ENTRY_AREA_BASE"))) {
            messages.add(Message.note("reservetop= moves FIXADDR_TOP, but the values pinned with -D are used as given."));
        }
        boot.noteUnusedDefines();

        // ---- where the RAM went ----
        List<RamRange> fate = X86RamFate.of(bios, st, split, maxArchPfn, era.e820Unified, cfg.highmem, messages);
        return boot.layout(table.regions(), fate, table.lines(), era.printsTable);
    }

    private static boolean hasParam(Machine m, String name) {
        for (vmlayout.bootargs.Param p : m.params()) {
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

    /** sanitize_e820_map()'s never-merged types: E820_PRAM from 4.1, soft reserved from 5.5. */
    static int[] noMerge(X86Era era) {
        if (era.softReserved) {
            return new int[]{E820Table.PRAM, E820Table.SOFT_RESERVED};
        }
        return era.pram ? new int[]{E820Table.PRAM} : new int[0];
    }

    /** The kernel stops before mem_init(): no table, no RAM in use. */
    private static Layout halted(Machine m, Constants c, List<Message> messages, List<String> defaults, E820Table bios,
                                 DerivationLog log, String why) {
        messages.add(Message.warn(why + " No layout table is printed."));
        if (log.on()) {
            log.add("halt", "the kernel stops here: " + why, "arch/x86/kernel/e820.c, all releases");
        }
        List<RamRange> fate = new ArrayList<>();
        for (RangeSet.Range r : bios.ranges(E820Table.RAM).ranges()) {
            fate.add(new RamRange(r.start(), r.end(), RamUse.DROPPED, "the kernel stops during boot"));
        }
        return new Layout(Arch.X86, m.kernel(), m.params(), List.of(), fate, messages, List.of(), false, c.used(), defaults,
                log.steps());
    }

    private static long[] section(Constants c, String begin, String end) {
        if (!c.pinned(begin) || !c.pinned(end)) {
            return null;
        }
        return new long[]{c.get(begin, 0, "-D"), c.get(end, 0, "-D")};
    }
}
