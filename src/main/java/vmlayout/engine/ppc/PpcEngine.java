package vmlayout.engine.ppc;

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
    public SymbolCatalog symbols() {
        return PpcSymbols.CATALOG;
    }

    @Override
    public Layout compute(Machine m, Detail detail) {
        PpcEra era = PpcEra.of(m.kernel());
        Boot boot = new Boot(m, PpcSymbols.CATALOG, detail);
        Constants c = boot.constants;
        List<Message> messages = boot.messages;
        List<String> defaults = boot.defaults;
        if (!era.atLeast(PpcEra.OLDEST_MODELLED)) {
            messages.add(Message.note("vmlayout's powerpc rules start at " + PpcEra.OLDEST_MODELLED + "; Linux " + m.kernel()
                    + " is computed with them."));
        }

        DerivationLog log = boot.log;

        // ---- the build ----
        PpcConfig k = PpcConfig.read(era, c, messages);
        log.constant(c, "KERNEL_START", "the kernel's virtual base (\"Set custom kernel base address\")");
        if (era.atLeast(PpcEra.PAGE_OFFSET_OPTION)) {
            log.constant(c, "PAGE_OFFSET", "lowmem is mapped from here");
        } else {
            if (log.on()) {
                log.add("PAGE_OFFSET", "PAGE_OFFSET = KERNELBASE = CONFIG_KERNEL_START = " + Fmt.hex8(k.pageOffset) + ": lowmem is mapped"
                        + " from here.", "include/asm-powerpc/page.h, " + Derivation.releases(null, PpcEra.PAGE_OFFSET_OPTION));
            }
        }
        log.constant(c, "LOWMEM_SIZE", "the most RAM lowmem may map (\"Set maximum low memory\"); the build requires"
                + " LOWMEM_SIZE <= 0xF0000000 - PAGE_OFFSET = " + Fmt.hex8(PpcConfig.LOWMEM_CEILING - k.pageOffset));
        log.constant(c, "HIGHMEM", k.highmem ? "RAM above lowmem becomes highmem" : "RAM above lowmem cannot be used");
        log.constant(c, "TASK_SIZE", "the top of user space; the build requires TASK_SIZE <= KERNEL_START");

        // ---- RAM from the device tree / board code ----
        List<RamBank> ram = m.ram();
        if (ram.isEmpty()) {
            ram = List.of(new RamBank(0, DEFAULT_RAM));
            defaults.add("--ram 0x00000000:512M");
        }
        RangeSet board = new RangeSet();
        for (RamBank b : ram) {
            long start = b.hasStart() ? b.start() : 0;
            board.add(start, start + b.size());
        }

        // ---- early parameters, MMU_init() ----
        PpcEarlyParams.Result params = PpcEarlyParams.read(era, k, m.params(), messages);
        PpcMemory.Result mem = PpcMemory.split(era, k, board, params, messages, log);
        Message unknown = PpcEarlyParams.unknownParamsLine(era, params.unclaimed);
        if (unknown != null) {
            // start_kernel(), after "Kernel command line:", so after MMU_init()'s warning
            messages.add(unknown);
            if (!params.unclassified.isEmpty()) {
                messages.add(Message.note("the kernel's list would also name any of these parameters that no built-in code"
                        + " of this kernel claims (vmlayout cannot tell): " + texts(params.unclassified) + "."));
            }
        }

        // ---- the virtual layout ----
        PpcFixmap f = PpcFixmap.compute(era, k, c);
        PpcKernelVirt v = PpcKernelVirt.compute(era, k, f, mem.highMemory, c, messages);
        virtSteps(era, k, f, v, c, mem.highMemory, log);
        PpcListing.Table table = PpcListing.render(era, k, f, v, k.pageOffset, mem.highMemory, boot.tableText());
        messages.add(sizes(k, mem, v));
        notes(era, k, f, c, m, messages, defaults);
        boot.noteUnusedDefines();
        return boot.layout(table.regions(), fate(mem, params), table.lines(), era.printsListing());
    }

    /** The steps from the top of the address space down: fixmap, pkmap, ioremap_bot, the vmalloc area, modules. */
    private static void virtSteps(PpcEra era, PpcConfig k, PpcFixmap f, PpcKernelVirt v, Constants c, long highMemory,
                                  DerivationLog log) {
        if (f.exists) {
            log.constant(c, "FIXADDR_TOP", "the top of the fixmap");
            log.constant(c, "FIXADDR_START", "the bottom of the fixmap");
        }
        if (k.highmem) {
            log.constant(c, "PKMAP_BASE", "the kmap() area (" + f.lastPkmap + " pages)");
        }
        log.constant(c, "IOREMAP_TOP", "where early ioremaps start, growing down");
        Constants.Value bot = c.value("IOREMAP_BOT");
        if (bot != null) {
            if (log.on()) {
                log.add("ioremap_bot", "ioremap_bot = " + Fmt.hex8(v.ioremapBot) + (bot.pinned() ? " (pinned with -D: where the board's early"
                        + " ioremaps ended)" : ": no early ioremap is modelled, so it stays at the top") + "; VMALLOC_END = ioremap_bot"
                        + (k.kasanVmalloc ? " aligned down to 8 pages (KASAN_VMALLOC)" : "") + " = " + Fmt.hex8(v.vmallocEnd) + ".",
                        "arch/powerpc/mm/pgtable_32.c ioremap_bot, asm/*32/pgtable.h VMALLOC_END, all releases");
            }
        }
        long vs = v.vmallocStart;
        if (log.on()) {
            log.add("VMALLOC_START", "VMALLOC_START = (high_memory " + Fmt.hex8(highMemory) + (k.platform == PpcPlatform.PPC_44X
                    ? " rounded up to PPC_PIN_SIZE 256 MB" : "") + " + VMALLOC_OFFSET 16 MB) & ~(16 MB - 1) = " + Fmt.hex8(vs)
                    + "; the vmalloc & ioremap area " + Fmt.hex8(vs) + "-" + Fmt.hex8(v.vmallocEnd) + " is "
                    + Sizes.human(Long.compareUnsigned(v.vmallocEnd, vs) > 0 ? v.vmallocEnd - vs : 0) + ".",
                    "asm/pgtable-ppc32.h (later asm/book3s/32/pgtable.h, asm/nohash/32/pgtable.h) VMALLOC_START, all releases");
        }
        if (v.modules) {
            if (log.on()) {
                log.add("modules", "modules " + Fmt.hex8(v.modulesStart) + "-" + Fmt.hex8(v.modulesEnd) + ", below PAGE_OFFSET.",
                        "asm/book3s/32/pgtable.h (asm/nohash/32/mmu-8xx.h) MODULES_VADDR/MODULES_END, " + Derivation.releases(PpcEra.MODULES_SEGMENT, null));
            }
        }
    }

    private static void notes(PpcEra era, PpcConfig k, PpcFixmap f, Constants c, Machine m, List<Message> messages,
                              List<String> defaults) {
        if (!era.atLeast(PpcEra.LISTING_ADDED)) {
            messages.add(Message.note("Linux " + m.kernel() + " does not print this listing (powerpc first prints it in "
                    + PpcEra.LISTING_ADDED + ", commit f637a49e507c); shown in its first form with this release's values."));
        } else if (era.atLeast(PpcEra.LISTING_REMOVED)) {
            messages.add(Message.note("Linux " + m.kernel() + " no longer prints this listing (removed in " + PpcEra.LISTING_REMOVED
                    + " by \"powerpc/32: Stop printing Kernel virtual memory layout\"); shown in the last form the kernel"
                    + " printed, with this release's values."));
        }
        if (!f.exists) {
            messages.add(Message.note(k.archPpc ? "arch/ppc has no fixmap: the fixmap row is left out."
                    : "powerpc has no fixmap before " + PpcEra.FIXMAP + ": the fixmap row is left out."));
        } else if (f.pages > 0) {
            defaults.add("fixmap " + f.pages + " pages (" + String.join(" + ", f.parts) + "): pin with -D FIXADDR_START=");
        }
        if (!c.pinned("IOREMAP_BOT") && !c.pinned("VMALLOC_END")) {
            defaults.add("no early ioremaps (ioremap_bot = " + (era.ioremapTop() ? "IOREMAP_TOP" : "ioremap_base")
                    + "): give a boot log's value with -D IOREMAP_BOT=");
        }
        if (k.platform == PpcPlatform.PPC_85XX) {
            messages.add(Message.note("e500 maps lowmem with CAM entries and rounds it to their sizes (adjust_total_lowmem(),"
                    + " not modelled): if the boot log's \"Memory CAM mapping\" total is smaller, give it with --lowmem-size."));
        }
    }

    /** The sizes the powerpc listing does not print: lowmem (not a row) and the vmalloc area. */
    private static Message sizes(PpcConfig k, PpcMemory.Result mem, PpcKernelVirt v) {
        long vmalloc = Long.compareUnsigned(v.vmallocEnd, v.vmallocStart) > 0 ? v.vmallocEnd - v.vmallocStart : 0;
        return Message.note("lowmem " + Fmt.hex8(k.pageOffset) + ".." + Fmt.hex8(mem.highMemory) + " ("
                + Sizes.human(mem.totalLowmem) + ", PAGE_OFFSET to high_memory); vmalloc & ioremap "
                + Fmt.hex8(v.vmallocStart) + ".." + Fmt.hex8(v.vmallocEnd) + " (" + Sizes.human(vmalloc) + ")");
    }

    /** Splits the board's RAM by what became of it. */
    private static List<RamRange> fate(PpcMemory.Result mem, PpcEarlyParams.Result params) {
        List<RamRange> out = new ArrayList<>();
        add(out, mem.lowmem, RamUse.LOWMEM, "");
        add(out, mem.highmem, RamUse.HIGHMEM, "");
        add(out, mem.cutByMem, RamUse.RESERVED, params.memParam == null ? ""
                : "above " + params.memParam.text() + ": left out of the kernel's memory by mem=");
        add(out, mem.otherRegions, RamUse.DROPPED, "not in the first contiguous memory region (MMU_init)");
        add(out, mem.noHighmem, RamUse.DROPPED, "above lowmem, kernel without CONFIG_HIGHMEM (MMU_init drops it silently)");
        RangeSet rest = new RangeSet(mem.board).removeAll(mem.lowmem).removeAll(mem.highmem).removeAll(mem.cutByMem)
                .removeAll(mem.otherRegions).removeAll(mem.noHighmem);
        add(out, rest, RamUse.DROPPED, "not used");
        out.sort(RamRange.BY_START);
        return out;
    }

    private static void add(List<RamRange> out, RangeSet s, RamUse use, String why) {
        for (RangeSet.Range r : s.ranges()) {
            out.add(new RamRange(r.start(), r.end(), use, why));
        }
    }

    private static String texts(List<vmlayout.bootargs.Param> ps) {
        List<String> t = new ArrayList<>();
        for (vmlayout.bootargs.Param p : ps) {
            t.add(p.text());
        }
        return String.join(" ", t);
    }
}
