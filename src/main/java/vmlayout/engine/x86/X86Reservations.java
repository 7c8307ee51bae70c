package vmlayout.engine.x86;

import java.util.ArrayList;
import java.util.List;
import vmlayout.bootargs.CmaParam;
import vmlayout.bootargs.CrashkernelParam;
import vmlayout.bootargs.Param;
import vmlayout.config.Fmt;
import vmlayout.config.InputException;
import vmlayout.config.ReservedRegion;
import vmlayout.config.Sizes;
import vmlayout.engine.Boot;
import vmlayout.engine.Constants;
import vmlayout.engine.RangeSet;
import vmlayout.engine.Reservation;
import vmlayout.engine.mm.AllocNodeMemMap;
import vmlayout.engine.reserve.Cma;
import vmlayout.engine.reserve.DmaContiguous;
import vmlayout.engine.reserve.Memblock;
import vmlayout.engine.reserve.ReserveEra;
import vmlayout.engine.reserve.Swiotlb;
import vmlayout.report.Message;
import vmlayout.report.Message.Level;

/**
 * The early reservations of 32-bit x86, in setup_arch()'s order after initmem_init() (arch/x86/kernel/setup.c):
 * {@code dma_contiguous_reserve(max_pfn_mapped << PAGE_SHIFT)} (CMA below the end of lowmem, "the DMA contiguous
 * memory allocator on x86 assumes that page_address() works", Akinobu Mita), then reserve_crashkernel(), and
 * pci_swiotlb_detect() for PAE kernels with RAM above 4 GB. The memblock they search holds the e820 RAM, with
 * the kernel image reserved at CONFIG_PHYSICAL_START.
 */
final class X86Reservations {

    private static final long M16 = 16L << 20;
    private static final long M512 = 512L << 20;
    /** A Debian 686 6.1 image with its data and bss is ~16 MB (vmlayout's default when no System.map is given). */
    private static final long TYPICAL_KERNEL = 16L << 20;

    private final Boot boot;
    private final X86Era era;
    private final ReserveEra rera;
    private final boolean pae;
    private final long pageOffset;
    private Memblock mb;
    private boolean kernelDefaulted;

    X86Reservations(Boot boot, X86Era era, boolean pae, long pageOffset) {
        this.boot = boot;
        this.era = era;
        this.rera = ReserveEra.of(boot.machine.kernel());
        this.pae = pae;
        this.pageOffset = pageOffset;
    }

    /** The reservations after initmem_init(): their lines, in log order. */
    List<Message> reserve(E820Table table, long maxPfn, long maxLowPfn) {
        List<Message> lines = new ArrayList<>();
        CmaParam cma = CmaParam.parse(boot.machine.params(), era.suffixes, rera.cmaPlacement);
        boolean crash = crashkernelWanted();
        boolean cmaAsked = cma.given() || boot.constants.pinned("DMA_CMA") || boot.constants.pinned("CMA_SIZE_MBYTES");
        if (!crash && !cmaAsked) {
            // values a .config gives that only matter with crashkernel=: read, so that they are not called unused
            if (boot.constants.pinned(era.crashKconfig)) {
                boot.constants.flag(era.crashKconfig, false, "-D");
            }
            if (boot.constants.pinned("PHYSICAL_START")) {
                physicalStart();
            }
            if (boot.constants.pinned("__bss_stop")) {
                boot.constants.get("__bss_stop", 0, "-D"); // System.map's: the image matters only to a reservation
            }
            return lines;
        }
        for (String n : cma.notes()) {
            boot.message(Message.note(n));
        }
        memblock(table, maxPfn, maxLowPfn);
        long lowmemEnd = maxLowPfn << 12;
        if (cmaAsked) {
            lines.addAll(dmaContiguousReserve(cma, lowmemEnd));
        }
        if (crash) {
            lines.addAll(reserveCrashkernel(maxPfn, lowmemEnd));
        }
        if (kernelDefaulted && (era.crashRule == X86Era.CrashRule.BOTTOM_UP
                || Reservation.imageMayMatter(boot.reservations, physicalStart() + TYPICAL_KERNEL))) {
            imageDefaultUsed();
        }
        return lines;
    }

    /** memblock as setup_arch() leaves it for the searches: the e820 RAM up to max_pfn, the image and the initrd reserved. */
    private void memblock(E820Table table, long maxPfn, long maxLowPfn) {
        // memblock.memory: the e820 RAM up to max_pfn (phys_addr_t is 32-bit without PAE)
        RangeSet memory = new RangeSet();
        for (E820Table.Entry e : table.entries) {
            if (e.type == E820Table.RAM) {
                long s = Memblock.roundUp(e.addr, 4096);
                long end = Math.min(Memblock.roundDown(e.end(), 4096), maxPfn << 12);
                if (end > s) {
                    memory.add(s, end);
                }
            }
        }
        mb = new Memblock(memory, pae ? (1L << 36) - 1 : 0xffffffffL);
        kernelImage();
        // the initrd where the boot loader put it (--initrd): reserve_initrd() (relocate_initrd() may move it later)
        for (ReservedRegion r : boot.machine.reserved()) {
            if (r.origin() == ReservedRegion.Origin.INITRD && r.size() > 0) { // size 0: --initrd none
                long start = Memblock.roundDown(r.start(), 4096);
                long size = Memblock.roundUp(r.end(), 4096) - start;
                mb.reserve(start, size);
                boot.reservations.add(new Reservation(Reservation.Kind.INITRD, "initrd", start, size, Cma.zone(start, size, maxLowPfn << 12),
                        Reservation.Status.PLACED, r.source(), "arch/x86/kernel/setup.c early_reserve_initrd()", "where the boot loader put it"));
            }
        }
    }

    /**
     * paging_init() -> zone_sizes_init() -> free_area_init() -> alloc_node_mem_map() (FLATMEM, as Debian's 686 kernels):
     * (max_pfn aligned to MAX_ORDER_NR_PAGES, 1024 pages) x sizeof(struct page), top-down below max_low_pfn, after the
     * crash kernel and CMA. With no room the kernel panics (5.1+): the real 6.1 686-pae kernel with 16 GB and
     * vmalloc=800M (199 MB of lowmem, the image at 16 MB) asked 4456448 x 40 = 178257920 bytes. A relocated initrd
     * (relocate_initrd(), when the boot loader's lies above lowmem) takes lowmem too: not modelled.
     */
    List<Message> memMap(E820Table table, long maxPfn, long maxLowPfn) {
        if (mb == null) {
            memblock(table, maxPfn, maxLowPfn);
        }
        long pages = Memblock.roundUp(maxPfn, 1024);
        AllocNodeMemMap.StructPage sp = AllocNodeMemMap.structPage(boot.constants, boot.machine.kernel(), true);
        long lowmemEnd = maxLowPfn << 12;
        if (mb.alloc(pages * sp.bytes(), 64, 0, lowmemEnd, false) != 0) {
            return List.of();
        }
        if (kernelDefaulted) {
            imageDefaultUsed();
        }
        RangeSet.Range free = mb.largestFree(0, lowmemEnd);
        return List.of(AllocNodeMemMap.noRoom(boot.machine.kernel(), pages, sp, free == null ? 0 : free.size(), lowmemEnd,
                kernelDefaulted));
    }

    /** "defaults used": the typical image, once (a reservation or mem_map rested on it). */
    private void imageDefaultUsed() {
        String d = "kernel image " + Fmt.hex8(physicalStart()) + "-" + Fmt.hex8(physicalStart() + TYPICAL_KERNEL)
                + " (CONFIG_PHYSICAL_START + 16 MB, typical, without KASLR: give --system-map or -D KERNEL_SIZE=)";
        if (!boot.defaults.contains(d)) {
            boot.defaults.add(d);
        }
    }

    private long physicalStart() {
        return boot.constants.get("PHYSICAL_START", 0x1000000L, "Kconfig default 0x1000000 (arch/x86/Kconfig PHYSICAL_START)");
    }

    /**
     * The kernel image: setup_arch() (early_reserve_memory() from 5.13) memblock_reserve(__pa_symbol(_text),
     * __bss_stop - _text) (__end_of_kernel_reserve, the same end, from 4.20): System.map's _text and __bss_stop
     * (--system-map), or -D KERNEL_SIZE= at CONFIG_PHYSICAL_START, or a typical size there (said so).
     */
    private void kernelImage() {
        Constants c = boot.constants;
        long start;
        long size;
        String request;
        if (c.pinned("_text") && c.pinned("__bss_stop")) {
            long text = c.get("_text", 0, "-D");
            start = text - pageOffset;
            size = c.get("__bss_stop", 0, "-D") - text;
            request = "System.map _text..__bss_stop";
        } else if (c.pinned("KERNEL_SIZE")) {
            start = physicalStart();
            size = c.get("KERNEL_SIZE", 0, "-D");
            request = "-D KERNEL_SIZE";
        } else {
            start = physicalStart();
            size = TYPICAL_KERNEL;
            kernelDefaulted = true;
            request = "typical size";
        }
        if (start < 0 || size <= 0) {
            return; // symbols of another image (below PAGE_OFFSET): the image stays out of the search
        }
        mb.reserve(start, size);
        boot.reservations.add(new Reservation(Reservation.Kind.KERNEL, "kernel", start, size, Reservation.Zone.LOWMEM,
                Reservation.Status.PLACED, request, "arch/x86/kernel/setup.c setup_arch() memblock_reserve(_text..__bss_stop)",
                "the kernel image" + (request.startsWith("System.map") ? "" : " at CONFIG_PHYSICAL_START (KASLR moves it)")));
    }

    /** dma_contiguous_reserve(max_pfn_mapped << PAGE_SHIFT): CMA top-down below the end of lowmem. */
    private List<Message> dmaContiguousReserve(CmaParam p, long lowmemEnd) {
        Constants c = boot.constants;
        if (!rera.cma) {
            return List.of();
        }
        // kernel/dma/Kconfig: DMA_CMA depends on CMA ("# CONFIG_CMA is not set" in Debian's i386 configs)
        if (c.pinned("CMA") && !c.flag("CMA", true, "-D")) {
            if (c.pinned("DMA_CMA") && c.flag("DMA_CMA", false, "-D")) {
                throw new InputException("DMA_CMA=y with CMA=n: CONFIG_DMA_CMA depends on CONFIG_CMA (kernel/dma/Kconfig)");
            }
            if (p.given()) {
                boot.message(DmaContiguous.notBuilt(p, "CONFIG_CMA"));
            }
            return List.of();
        }
        boolean dmaCma = c.flag("DMA_CMA", true, p.given() ? "assumed y: " + p.text() + " is given" : "assumed y: a CMA size is given");
        if (!c.pinned("DMA_CMA")) {
            boot.defaults.add("CONFIG_CMA=y and CONFIG_DMA_CMA=y, guessed because " + (p.given() ? p.text() + " is given"
                    : "a CMA size is given") + " (Debian's i386 kernels have CONFIG_CMA not set and ignore cma=): give --config"
                    + " or -D CMA=n / -D DMA_CMA=y");
        }
        if (!dmaCma) {
            if (p.given()) {
                boot.message(DmaContiguous.notBuilt(p, "CONFIG_DMA_CMA"));
            }
            return List.of();
        }
        // pageblock_order = MAX_ORDER - 1 (x86_32 has no HUGETLB pageblocks below 4 MB): 4 MB blocks, MAX_ORDER 11
        long alignment = 4096L << 10;
        DmaContiguous.Result r = DmaContiguous.reserve(rera, mb, c, p, lowmemEnd, alignment, lowmemEnd, pae,
                "arch/x86/kernel/setup.c setup_arch() dma_contiguous_reserve(max_pfn_mapped << PAGE_SHIFT)");
        if (r.reservation() != null) {
            Reservation x = r.reservation();
            boot.reservations.add(x);
            if (boot.log.on()) {
                boot.log.add("cma", "CMA area of " + Sizes.human(x.size()) + " (" + x.request() + "): " + (x.placed()
                        ? Fmt.hex8(x.start()) + "-" + Fmt.hex8(x.end()) + ", " + x.why() : "not placed: " + x.why())
                        + "; limit max_pfn_mapped " + Fmt.hex8(lowmemEnd) + " (the end of lowmem), alignment " + Sizes.human(alignment)
                        + ".", x.rule());
            }
        }
        return r.lines();
    }

    private boolean crashkernelWanted() {
        for (Param p : boot.machine.params()) {
            if (p.name().startsWith("crashkernel")) {
                return true;
            }
        }
        return false;
    }

    /**
     * reserve_crashkernel() (arch/x86/kernel/setup.c; kernel/crash_reserve.c reserve_crashkernel_generic() from
     * 6.7), as X86Era.CrashRule says for the release.
     */
    private List<Message> reserveCrashkernel(long maxPfn, long lowmemEnd) {
        Constants c = boot.constants;
        X86Era.CrashRule rule = era.crashRule;
        String gate = era.crashKconfig;
        boolean built = c.flag(gate, true, "assumed y: crashkernel= is given");
        if (!c.pinned(gate)) {
            boot.defaults.add("CONFIG_" + gate + "=y (crashkernel= given; pin with -D " + gate + "=)");
        }
        StringBuilder cmd = new StringBuilder();
        for (Param p : boot.machine.params()) {
            cmd.append(cmd.length() == 0 ? "" : " ").append(p.text());
        }
        // System RAM: max_pfn (2.6.x get_total_mem()), memblock_phys_mem_size() from 3.x
        long total = rule.totalIsMemblock ? mb.physMemSize() : maxPfn << 12;
        CrashkernelParam p = CrashkernelParam.parse(cmd.toString(), total, null, rera.crashRoundUp, rera.crashKnownSuffixes,
                era.suffixes);
        boolean high = false;
        if ((!p.ok() || p.size() == 0) && rera.crashSuffixes) {
            CrashkernelParam h = CrashkernelParam.parse(cmd.toString(), total, ",high", rera.crashRoundUp, rera.crashKnownSuffixes,
                    era.suffixes);
            if (h.found() && h.ok() && h.size() > 0) {
                p = h;
                high = true;
            }
        }
        List<Message> lines = new ArrayList<>();
        for (String l : p.lines()) {
            lines.add(Message.kernel(Level.WARNING, l, true));
        }
        if (!built) {
            if (p.found()) {
                boot.message(Message.warn(p.text() + " has no effect: the kernel is built without CONFIG_" + gate + "."));
            }
            return lines;
        }
        String source = rule.source();
        if (!p.found()) {
            return lines;
        }
        if (!p.ok() || p.size() == 0 || (rera.crashSizeCheck && Long.compareUnsigned(p.size(), total) >= 0)) {
            if (p.ok() && p.size() != 0) {
                boot.message(Message.warn(p.text() + " is ignored: " + Sizes.human(p.size()) + " is not below System RAM ("
                        + (total >> 20) + " MB; parse_crashkernel() returns -EINVAL from 6.7)."));
            }
            failed(p, source, "the parameter is refused");
            return lines;
        }
        long size = p.size();
        long base = p.base();
        if (base == 0 && rule == X86Era.CrashRule.OFFSET_ONLY) {
            boot.message(Message.note(p.text() + ": Linux " + boot.machine.kernel() + " needs crashkernel=SIZE@OFFSET (the place is"
                    + " found automatically from " + X86Era.CrashRule.BOTTOM_UP.releases() + "); nothing is reserved."));
            failed(p, source, "no @OFFSET in a release that needs one");
            return lines;
        }
        long at;
        String why;
        if (base != 0) {
            // fixed: the exact range, or "memory is in use"
            at = mb.alloc(size, era.crashFixedAlign, base, base + size, false);
            why = "at the offset given";
            if (at != base) {
                lines.add(Message.kernel(rule == X86Era.CrashRule.GENERIC ? Level.WARNING : Level.INFO,
                        "crashkernel reservation failed - memory is in use.", true));
                failed(p, source, Fmt.hex8(base) + "-" + Fmt.hex8(base + size) + " is not free RAM");
                return lines;
            }
        } else if (rule == X86Era.CrashRule.BOTTOM_UP) {
            // find_and_reserve_crashkernel(): find_e820_area(start, ULONG_MAX, size, 16 MB) from 0, first fit
            at = mb.alloc(size, M16, 0, Long.MAX_VALUE, true);
            why = "the first free 16 MB-aligned place from the bottom of RAM";
        } else {
            // memblock_phys_alloc_range(size, CRASH_ALIGN, CRASH_ALIGN, CRASH_ADDR_LOW_MAX): 16 MB aligned, below 512 MB
            at = mb.alloc(size, M16, M16, M512, false);
            why = "top-down below 512 MB (CRASH_ADDR_LOW_MAX on 32-bit), 16 MB aligned" + (high ? " (,high is the same range)" : "");
        }
        if (at == 0) {
            lines.add(Message.kernel(rule == X86Era.CrashRule.GENERIC ? Level.WARNING : Level.INFO, rule == X86Era.CrashRule.GENERIC
                    ? "cannot allocate crashkernel (size:0x" + Long.toHexString(size) + ")" : "crashkernel reservation failed - No suitable area found.",
                    true));
            failed(p, source, "no free " + Sizes.human(size) + " at a 16 MB boundary" + (rule == X86Era.CrashRule.BOTTOM_UP ? ""
                    : " below 512 MB; the largest free range there: " + Cma.freeWords(mb, M16, M512)));
            return lines;
        }
        if (rule == X86Era.CrashRule.GENERIC) {
            lines.add(Message.kernel(Level.INFO, String.format("crashkernel reserved: 0x%016x - 0x%016x (%d MB)", at, at + size, size >> 20),
                    false));
        } else {
            lines.add(Message.kernel(Level.INFO, "Reserving " + (size >> 20) + "MB of memory at " + (at >> 20)
                    + "MB for crashkernel (System RAM: " + (total >> 20) + "MB)", false));
        }
        boot.reservations.add(new Reservation(Reservation.Kind.CRASHKERNEL, "crashkernel", at, size, Cma.zone(at, size, lowmemEnd),
                Reservation.Status.PLACED, p.text(), source, why));
        if (boot.log.on()) {
            boot.log.add("crashkernel", "crash kernel " + Sizes.human(size) + " (" + p.text() + "): " + Fmt.hex8(at) + "-" + Fmt.hex8(at + size)
                    + ", " + why + "; System RAM " + (total >> 20) + " MB.", source);
        }
        return lines;
    }

    private void failed(CrashkernelParam p, String source, String why) {
        boot.reservations.add(new Reservation(Reservation.Kind.CRASHKERNEL, "crashkernel", -1, p.size(), Reservation.Zone.NONE,
                Reservation.Status.FAILED, p.text(), source, why));
    }

    /** pci_swiotlb_detect() (arch/x86/kernel/pci-swiotlb.c, x86_swiotlb_init from 6.0): PAE kernels with RAM above 4 GB. */
    void swiotlb(long maxPfn) {
        if (!pae) {
            return;
        }
        Swiotlb.Result s = Swiotlb.setup(boot.machine.params(), maxPfn > (1L << 20), era.suffixes);
        if (s != null) {
            boot.reservations.add(s.reservation("arch/x86/kernel/pci-swiotlb.c pci_swiotlb_detect(): max_possible_pfn > MAX_DMA32_PFN"));
            for (String n : s.notes()) {
                boot.message(Message.note(n));
            }
        }
    }
}
