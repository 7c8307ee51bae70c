package vmlayout.engine.ppc;

import static vmlayout.engine.Ulong.M32;

import java.util.ArrayList;
import java.util.List;
import vmlayout.config.Fmt;
import vmlayout.config.KernelVersion;
import vmlayout.config.Sizes;
import vmlayout.engine.Boot;
import vmlayout.engine.Constants;
import vmlayout.engine.DerivationLog;
import vmlayout.engine.Region;
import vmlayout.report.Message;

/**
 * "Kernel virtual memory layout:" of arch/powerpc/mm/mem.c mem_init() (CONFIG_PPC32), one pr_info() per
 * line, each row {@code "  * 0x%08lx..0x%08lx  : <name>"}. Rows and their order by era:
 * <ul>
 *   <li>2.6.29-5.1: fixmap; [HIGHMEM] highmem PTEs; [NOT_COHERENT_CACHE] consistent mem; early ioremap
 *       (always, even empty); vmalloc &amp; ioremap;</li>
 *   <li>5.2-5.3: [KASAN] kasan shadow mem first;</li>
 *   <li>5.4-5.13: consistent mem gone; early ioremap only {@code if (ioremap_bot != IOREMAP_TOP)};</li>
 *   <li>5.14-6.14: {@code #ifdef MODULES_VADDR} modules last;</li>
 *   <li>6.15: removed. Releases before 2.6.29 and from 6.15 are shown in the nearest form.</li>
 * </ul>
 * The regions follow the rows, with lowmem (PAGE_OFFSET..high_memory, not a row) placed by address.
 */
final class PpcMemInit {

    static final String HEADER = "Kernel virtual memory layout:";

    /** The lines and the regions in the same order. */
    record Table(List<String> lines, List<Region> regions) {
    }

    private PpcMemInit() {
    }

    /**
     * mem_init(): the steps that explain the virtual layout from the top down, the listing this release
     * prints (its regions; its lines unless a batch line needs none), the sizes it does not print, and
     * the note for a release that prints no listing.
     */
    static Table memInit(Boot boot, PpcEra era, PpcConfig k, PpcFixmap f, PpcKernelVirt v, PpcLowmem.Result mem) {
        virtSteps(era, k, f, v, boot.constants, mem.highMemory, boot.log);
        Table table = render(era, k, f, v, k.pageOffset, mem.highMemory, boot.tableText());
        boot.message(sizes(k, mem, v));
        KernelVersion kernel = era.version;
        if (era.listingNotYet) {
            boot.message(Message.note("Linux " + kernel + " does not print this listing (powerpc first prints it in "
                    + PpcEra.LISTING_ADDED + ", commit f637a49e507c); shown in its first form with this release's values."));
        } else if (!era.printsListing) {
            boot.message(Message.note("Linux " + kernel + " no longer prints this listing (removed in " + PpcEra.LISTING_REMOVED
                    + " by \"powerpc/32: Stop printing Kernel virtual memory layout\"); shown in the last form the kernel"
                    + " printed, with this release's values."));
        }
        return table;
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
                        era.modulesSegment.source("asm/book3s/32/pgtable.h (asm/nohash/32/mmu-8xx.h) MODULES_VADDR/MODULES_END"));
            }
        }
    }

    /** The sizes the powerpc listing does not print: lowmem (not a row) and the vmalloc area. */
    private static Message sizes(PpcConfig k, PpcLowmem.Result mem, PpcKernelVirt v) {
        long vmalloc = Long.compareUnsigned(v.vmallocEnd, v.vmallocStart) > 0 ? v.vmallocEnd - v.vmallocStart : 0;
        return Message.note("lowmem " + Fmt.hex8(k.pageOffset) + ".." + Fmt.hex8(mem.highMemory) + " ("
                + Sizes.human(mem.totalLowmem) + ", PAGE_OFFSET to high_memory); vmalloc & ioremap "
                + Fmt.hex8(v.vmallocStart) + ".." + Fmt.hex8(v.vmallocEnd) + " (" + Sizes.human(vmalloc) + ")");
    }


    /** The regions, and with {@code text} the listing's lines (without, an empty list: nothing is formatted). */
    private static Table render(PpcEra era, PpcConfig k, PpcFixmap f, PpcKernelVirt v, long pageOffset, long highMemory,
                        boolean text) {
        List<String> lines = text ? new ArrayList<>() : null;
        List<Region> regions = new ArrayList<>();
        if (text) {
            lines.add(HEADER);
        }
        if (k.kasan) {
            row(lines, regions, "kasan", "kasan shadow mem", f.kasanStart, f.kasanEnd);
        }
        if (f.exists) {
            row(lines, regions, "fixmap", "fixmap", f.start, f.top);
        }
        if (k.highmem) {
            row(lines, regions, "pkmap", "highmem PTEs", f.pkmapBase, f.pkmapEnd);
        }
        if (v.consistent) {
            row(lines, regions, "consistent", "consistent mem", v.consistentStart, v.consistentEnd);
        }
        if (era.consistentArea || v.ioremapBot != v.ioremapTop) {
            row(lines, regions, "early_ioremap", "early ioremap", v.ioremapBot, v.ioremapTop);
        }
        row(lines, regions, "vmalloc", "vmalloc & ioremap", v.vmallocStart, v.vmallocEnd);
        regions.add(new Region("lowmem", pageOffset, pageOffset + (highMemory - pageOffset & M32)));
        if (v.modules && era.modulesRow) {
            row(lines, regions, "modules", "modules", v.modulesStart, v.modulesEnd);
        } else if (v.modules) {
            regions.add(new Region("modules", v.modulesStart, v.modulesEnd));
        }
        return new Table(text ? lines : List.of(), regions);
    }

    /** One row; an end printed as 0x00000000 (KASAN_SHADOW_END 0UL) is the top of the address space. */
    private static void row(List<String> lines, List<Region> regions, String id, String name, long start, long end) {
        if (lines != null) {
            lines.add("  * " + Fmt.hex8(start & M32) + ".." + Fmt.hex8(end & M32) + "  : " + name);
        }
        long e = end == 0 ? 1L << 32 : end;
        regions.add(new Region(id, start, e));
    }
}
