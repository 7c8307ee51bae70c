package vmlayout.engine.ppc;

import java.util.ArrayList;
import java.util.List;
import vmlayout.bootargs.Param;
import vmlayout.config.Arch;
import vmlayout.config.Boundary;
import vmlayout.config.Checked;
import vmlayout.config.Fmt;
import vmlayout.config.KernelVersion;
import vmlayout.config.Machine;
import vmlayout.config.RamBank;
import vmlayout.config.SymbolCatalog;
import vmlayout.engine.Boot;
import vmlayout.engine.Constants;
import vmlayout.engine.DerivationLog;
import vmlayout.engine.Engine;
import vmlayout.engine.Layout;
import vmlayout.engine.RangeSet;
import vmlayout.engine.mm.FreeAreaInit;
import vmlayout.report.Message;

/**
 * 32-bit PowerPC: the Kconfig of the build, the early parameters (mem=), MMU_init()'s memory rules,
 * then the virtual layout mem_init() prints (arch/powerpc, and arch/ppc before 2.6.27).
 */
public final class PpcEngine implements Engine {

    static final long DEFAULT_RAM = 512L << 20;

    @Override
    public Arch arch() {
        return Arch.PPC;
    }

    @Override
    public List<Boundary> boundaries() {
        // the arch's own boundaries, then those of the shared code this engine runs (its reservations, mm's lines)
        List<Boundary> out = new ArrayList<>(Boundary.of(PpcEra.class));
        out.addAll(FreeAreaInit.boundaries());
        return out;
    }

    @Override
    public List<String> carriedFacts(KernelVersion v) {
        return PpcEra.of(v).carriedFacts();
    }

    @Override
    public Checked checked() {
        return PpcEra.CHECKED;
    }

    @Override
    public SymbolCatalog symbols() {
        return PpcSymbols.CATALOG;
    }

    @Override
    public Layout compute(Machine m, Detail detail) {
        Boot boot = new Boot(m, PpcSymbols.CATALOG, detail);
        PpcEra era = PpcEra.of(m.kernel());
        if (era.beforeModelled) {
            boot.message(Message.note("vmlayout's powerpc rules start at " + PpcEra.OLDEST_MODELLED + "; Linux " + m.kernel()
                    + " is computed with them."));
        }
        PpcConfig k = PpcConfig.read(era, boot.constants, boot.messages);
        kconfigSteps(boot, era, k);
        RangeSet board = boardRam(boot);
        PpcEarlyParams.Result params = PpcEarlyParams.read(era, k, m.params(), boot.messages);
        // early_init_devtree(): parse_early_param(), then reserve_crashkernel() before memblock_enforce_memory_limit()
        PpcCrashkernel.reserveCrashkernel(boot, era, k, board, params);
        PpcLowmem.Result mem = PpcLowmem.mmuInit(era, k, board, params, boot.messages, boot.log);
        startKernel(boot, era, params);
        pagingInit(boot, m, k, mem);
        PpcFixmap f = PpcFixmap.compute(era, k, boot.constants);
        PpcKernelVirt v = PpcKernelVirt.compute(era, k, f, mem.highMemory, boot.constants, boot.messages);
        PpcMemInit.Table table = PpcMemInit.memInit(boot, era, k, f, v, mem);
        notes(boot, era, k, f);
        if (era.pastChecked) {
            boot.notePastChecked(PpcEra.CHECKED, era.carriedFacts());
        }
        boot.noteUnusedDefines();
        return boot.layout(table.regions(), PpcRamFate.of(mem, params), table.lines(), era.printsListing);
    }

    /** The Kconfig values the derivation starts from: the kernel base, PAGE_OFFSET, LOWMEM_SIZE, HIGHMEM, TASK_SIZE. */
    private static void kconfigSteps(Boot boot, PpcEra era, PpcConfig k) {
        Constants c = boot.constants;
        DerivationLog log = boot.log;
        log.constant(c, "KERNEL_START", "the kernel's virtual base (\"Set custom kernel base address\")");
        if (era.pageOffsetOption.holds()) {
            log.constant(c, "PAGE_OFFSET", "lowmem is mapped from here");
        } else if (log.on()) {
            log.add("PAGE_OFFSET", "PAGE_OFFSET = KERNELBASE = CONFIG_KERNEL_START = " + Fmt.hex8(k.pageOffset) + ": lowmem is mapped"
                    + " from here.", era.pageOffsetOption.source("include/asm-powerpc/page.h"));
        }
        log.constant(c, "LOWMEM_SIZE", "the most RAM lowmem may map (\"Set maximum low memory\"); the build requires"
                + " LOWMEM_SIZE <= 0xF0000000 - PAGE_OFFSET = " + Fmt.hex8(PpcConfig.LOWMEM_CEILING - k.pageOffset));
        log.constant(c, "HIGHMEM", k.highmem ? "RAM above lowmem becomes highmem" : "RAM above lowmem cannot be used");
        log.constant(c, "TASK_SIZE", era.taskSizeAdapts.holds()
                ? "the most user space may take (\"Size of maximum user task space\"); the build requires TASK_SIZE <= KERNEL_START"
                : "the top of user space; the build requires TASK_SIZE <= KERNEL_START");
        if (era.taskSizeAdapts.holds() && log.on()) {
            long top = PpcConfig.userTop(k);
            long taskSize = Long.compareUnsigned(k.taskSize, top) < 0 ? k.taskSize : top;
            String where = k.platform.isBook3s32() ? "the 256 MB segment below the module area's"
                    : k.platform == PpcPlatform.PPC_8XX ? "the 4 MB PGDIR entry below the module area's" : "PAGE_OFFSET";
            log.add("TASK_SIZE", "the kernel's TASK_SIZE = CONFIG_TASK_SIZE " + Fmt.hex8(k.taskSize) + " if below USER_TOP "
                    + Fmt.hex8(top) + " (" + where + "), else USER_TOP: " + Fmt.hex8(taskSize) + ".",
                    era.taskSizeAdapts.source("arch/powerpc/include/asm/task_size_32.h"));
        }
    }

    /** The RAM the device tree (or arch/ppc board code) describes, 512 MB at 0 if none. */
    private static RangeSet boardRam(Boot boot) {
        List<RamBank> ram = boot.machine.ram();
        if (ram.isEmpty()) {
            ram = List.of(new RamBank(0, DEFAULT_RAM));
            boot.defaults.add("--ram 0x00000000:512M");
        }
        RangeSet board = new RangeSet();
        for (RamBank b : ram) {
            long start = b.hasStart() ? b.start() : 0;
            board.add(start, start + b.size());
        }
        return board;
    }

    /** start_kernel(), after "Kernel command line:" and so after MMU_init()'s warning: the unknown parameters. */
    private static void startKernel(Boot boot, PpcEra era, PpcEarlyParams.Result params) {
        Message unknown = PpcEarlyParams.unknownParamsLine(era, params.unclaimed);
        if (unknown == null) {
            return;
        }
        boot.message(unknown);
        if (!params.unclassified.isEmpty()) {
            boot.message(Message.note("the kernel's list would also name any of these parameters that no built-in code"
                    + " of this kernel claims (vmlayout cannot tell): " + texts(params.unclassified) + "."));
        }
    }

    /** What vmlayout adds about the fixmap, the early ioremaps and e500's CAM rounding. */
    private static void notes(Boot boot, PpcEra era, PpcConfig k, PpcFixmap f) {
        Constants c = boot.constants;
        if (!f.exists) {
            boot.message(Message.note(k.archPpc ? "arch/ppc has no fixmap: the fixmap row is left out."
                    : "powerpc has no fixmap before " + PpcEra.FIXMAP + ": the fixmap row is left out."));
        } else if (f.pages > 0) {
            boot.defaults.add("fixmap " + f.pages + " pages (" + String.join(" + ", f.parts) + "): pin with -D FIXADDR_START=");
        }
        if (!c.pinned("IOREMAP_BOT") && !c.pinned("VMALLOC_END")) {
            boot.defaults.add("no early ioremaps (ioremap_bot = " + (era.kvirtTop ? "IOREMAP_TOP" : "ioremap_base")
                    + "): give a boot log's value with -D IOREMAP_BOT=");
        }
        if (k.platform == PpcPlatform.PPC_85XX) {
            boot.message(Message.note("e500 maps lowmem with CAM entries and rounds it to their sizes (adjust_total_lowmem(),"
                    + " not modelled): if the boot log's \"Memory CAM mapping\" total is smaller, give it with --lowmem-size."));
        }
    }

    private static String texts(List<Param> ps) {
        List<String> t = new ArrayList<>();
        for (Param p : ps) {
            t.add(p.text());
        }
        return String.join(" ", t);
    }

    /**
     * arch/powerpc/mm/mem.c paging_init() (5.8+: free_area_init() with zone limits): ZONE_DMA (PPC_PMAC on 32-bit
     * selects it, 9739ab7eda45 "powerpc: enable a 30-bit ZONE_DMA for 32-bit pmac", 5.3) ends at min(max_low_pfn,
     * 1 << (zone_dma_bits - PAGE_SHIFT)) with zone_dma_bits 30 (the 6.x form Michael Ellerman quotes, linuxppc-dev
     * 6 Jun 2024; 5.3 had ((1 << 30) - 1) >> PAGE_SHIFT, one page less, which differs only above 1 GB of lowmem),
     * ZONE_NORMAL at max_low_pfn, ZONE_HIGHMEM at max_pfn. Real 6.8 G4 with 2 GB (ppc32-04): "DMA [mem
     * 0x0000000000000000-0x000000002fffffff]", "Normal empty", "HighMem [mem 0x0000000030000000-0x000000007fffffff]".
     */
    private static void pagingInit(Boot boot, Machine m, PpcConfig k, PpcLowmem.Result mem) {
        boolean zoneDma = boot.constants.flag("ZONE_DMA", false, "Kconfig: selected by PPC_PMAC on 32-bit (5.3+)");
        if (!FreeAreaInit.prints(m.kernel())) {
            return; // the zones exist, but this release's report is not predicted
        }
        RangeSet memblock = new RangeSet(mem.lowmem).addAll(mem.highmem);
        if (mem.lowmem.isEmpty()) {
            return;
        }
        List<RangeSet.Range> low = mem.lowmem.ranges();
        long maxLow = low.get(low.size() - 1).end() >>> 12;
        List<RangeSet.Range> all = memblock.ranges();
        long maxPfn = all.get(all.size() - 1).end() >>> 12;
        List<FreeAreaInit.Zone> zones = new ArrayList<>();
        if (zoneDma) {
            zones.add(new FreeAreaInit.Zone("DMA", Math.min(maxLow, 1L << (30 - 12))));
        }
        zones.add(new FreeAreaInit.Zone("Normal", maxLow));
        if (k.highmem) {
            zones.add(new FreeAreaInit.Zone("HighMem", maxPfn));
        }
        boot.messages.addAll(FreeAreaInit.messages(m.kernel(), zones, memblock));
    }
}
