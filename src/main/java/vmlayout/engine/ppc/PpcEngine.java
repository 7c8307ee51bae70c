package vmlayout.engine.ppc;

import java.util.ArrayList;
import java.util.List;
import vmlayout.bootargs.Param;
import vmlayout.config.Arch;
import vmlayout.config.Boundary;
import vmlayout.config.Checked;
import vmlayout.config.Fmt;
import vmlayout.config.Machine;
import vmlayout.config.RamBank;
import vmlayout.config.SymbolCatalog;
import vmlayout.engine.Boot;
import vmlayout.engine.Constants;
import vmlayout.engine.DerivationLog;
import vmlayout.engine.Engine;
import vmlayout.engine.Layout;
import vmlayout.engine.RangeSet;
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
        return Boundary.of(PpcEra.class);
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
        PpcLowmem.Result mem = PpcLowmem.mmuInit(era, k, board, params, boot.messages, boot.log);
        startKernel(boot, era, params);
        PpcFixmap f = PpcFixmap.compute(era, k, boot.constants);
        PpcKernelVirt v = PpcKernelVirt.compute(era, k, f, mem.highMemory, boot.constants, boot.messages);
        PpcMemInit.Table table = PpcMemInit.memInit(boot, era, k, f, v, mem);
        notes(boot, era, k, f);
        if (era.pastChecked) {
            boot.notePastChecked(PpcEra.CHECKED);
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
        log.constant(c, "TASK_SIZE", "the top of user space; the build requires TASK_SIZE <= KERNEL_START");
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
}
