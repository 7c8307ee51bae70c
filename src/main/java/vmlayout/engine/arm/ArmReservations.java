package vmlayout.engine.arm;

import java.util.ArrayList;
import java.util.List;
import vmlayout.bootargs.CmaParam;
import vmlayout.bootargs.CrashkernelParam;
import vmlayout.bootargs.MemParse;
import vmlayout.bootargs.Param;
import vmlayout.config.Fmt;
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
import vmlayout.engine.reserve.OfReservedMem;
import vmlayout.engine.reserve.ReserveEra;
import vmlayout.engine.reserve.Swiotlb;
import vmlayout.report.Message;
import vmlayout.report.Message.Level;

/**
 * The early reservations of 32-bit ARM, as setup_arch() makes them (arch/arm/kernel/setup.c,
 * arch/arm/mm/init.c): arm_memblock_init() (the kernel image, the initrd, the page directory, the device
 * tree's /memreserve/ and /reserved-memory, then dma_contiguous_reserve()), paging_init()'s mem_map,
 * reserve_crashkernel() and mem_init()'s SWIOTLB. One memblock model carries what each step reserves
 * to the next, as memblock.reserved does.
 */
final class ArmReservations implements ArmLowmem.MemblockInit {

    private static final long CRASH_ALIGN = 128L << 20;
    private static final long M32 = 0xffffffffL;
    /** The kernel image vmlayout assumes without System.map: a multi_v7 6.x image with its data is ~16-20 MB. */
    private static final long TYPICAL_KERNEL = 16L << 20;
    /**
     * Room beside the assumed image below which mem_map's fit rests on that guess: an image of 16 MB + this (32 MB) is
     * larger than any distribution ARM kernel seen (Debian 6.1/6.12 armmp: _end at PHYS_OFFSET + 22 MB).
     */
    private static final long IMAGE_MARGIN = 16L << 20;
    private boolean kernelDefaulted;
    /** alloc_node_mem_map() found no room: the boot stops there. */
    private boolean panicked;
    /** The command line's initrd= decided the initrd (none is assumed). */
    private boolean initrdParam;
    /** Where mem_map was placed (0: not placed) and its size: a top-down placement that came near the image. */
    private long memMapAt;
    private long memMapBytes;

    private final Boot boot;
    private final ArmEra era;
    private final ReserveEra rera;
    private final ArmConfig k;
    private final long physOffset;
    /** memblock as arm_memblock_init() leaves it, for the later steps; null before. */
    private Memblock mb;
    /** The end of lowmem as the crash kernel's search sees it (the second adjust_lowmem_bounds()). */
    private long cmaHighmemStart;

    ArmReservations(Boot boot, ArmEra era, ArmConfig k, long physOffset) {
        this.boot = boot;
        this.era = era;
        this.rera = ReserveEra.of(boot.machine.kernel());
        this.k = k;
        this.physOffset = physOffset;
    }

    /** The largest phys_addr_t: 2^32 - 1, or (with LPAE's 64-bit phys_addr_t) the 40-bit physical space. */
    private long maxAddr() {
        return k.lpae() ? (1L << 40) - 1 : M32;
    }

    private long pa(long virt) {
        return (virt - k.pageOffset() + physOffset) & (k.lpae() ? -1L : M32);
    }

    /** The lowmem step's call of arm_memblock_init() (an interface, not a method reference: no lambda on the start-up path). */
    @Override
    public RangeSet run(RangeSet memory, RangeSet dtNoMap, long lowmemLimit, List<Message> messages) {
        return armMemblockInit(memory, dtNoMap, lowmemLimit, messages);
    }

    /**
     * arm_memblock_init() (arch/arm/mm/init.c), between the two adjust_lowmem_bounds() of 4.12+ or after
     * sanity_check_meminfo() before: the kernel image, the initrd, the device tree's /memreserve/ and
     * /reserved-memory (early_init_fdt_scan_reserved_mem(), 3.15+), then dma_contiguous_reserve().
     *
     * @param memory      memblock.memory after the first lowmem step
     * @param dtNoMap     the device tree's no-map regions as this era leaves them (removed or NOMAP)
     * @param lowmemLimit arm_lowmem_limit after the first lowmem step (high_memory's physical address)
     * @param lines       where the kernel's lines go, in order
     * @return the dynamic no-map regions placed (not mapped by the second lowmem step)
     */
    RangeSet armMemblockInit(RangeSet memory, RangeSet dtNoMap, long lowmemLimit, List<Message> lines) {
        mb = new Memblock(memory, maxAddr());
        for (RangeSet.Range r : dtNoMap.ranges()) {
            mb.markNomap(r.start(), r.size());
        }
        cmaHighmemStart = lowmemLimit;
        // memblock_reserve(__pa(KERNEL_START), KERNEL_END - KERNEL_START); arm_mm_memblock_reserve() (swapper_pg_dir)
        kernelImage();
        // the initrd (arm_memblock_init(), arm_initrd_init(), reserve_initrd_mem() from 5.18): page-aligned, when it lies
        // in memory and nothing holds it yet
        ReservedRegion rd = initrd();
        if (rd != null) {
            long start = Memblock.roundDown(rd.start(), 4096);
            long size = Memblock.roundUp(rd.end(), 4096) - start;
            boolean inMemory = mb.isMemory(start, size);
            boolean inUse = inMemory && era.initrdNotMemoryText && mb.isRegionReserved(start, size);
            String shown = "INITRD: " + Fmt.hex8(era.initrdPages ? start : rd.start()) + "+"
                    + Fmt.hex8(era.initrdPages ? size : rd.size());
            if (inMemory && !inUse) {
                mb.reserve(start, size);
                initrdAboveLowmem(rd, lowmemLimit);
            } else if (inUse && era.initrdGeneric) {
                // pr_err("...overlaps in-use memory region\n") then pr_cont(" - disabling initrd\n"): two records
                lines.add(Message.kernel(Level.ERR, shown + " overlaps in-use memory region", true));
                lines.add(Message.kernel(Level.ERR, " - disabling initrd", true));
            } else if (inUse) {
                lines.add(Message.kernel(Level.ERR, shown + " overlaps in-use memory region - disabling initrd", true));
            } else if (era.initrdNotMemoryText) {
                lines.add(Message.kernel(Level.ERR, shown + " is not a memory region - disabling initrd", true));
            }
            boolean placed = inMemory && !inUse;
            boot.reservations.add(new Reservation(Reservation.Kind.INITRD, "initrd", start, size, Cma.zone(start, size, lowmemLimit),
                    placed ? Reservation.Status.PLACED : Reservation.Status.FAILED, rd.source(),
                    "arch/arm/mm/init.c arm_memblock_init() initrd", placed ? "where the boot loader put it"
                    : inUse ? "over memory already reserved (the kernel image): the kernel disables the initrd"
                    : "not in memory: the kernel disables the initrd"));
        }
        // early_init_fdt_scan_reserved_mem(): /memreserve/, /reserved-memory
        if (era.noMap != ArmEra.NoMapRule.IGNORED) {
            scan = OfReservedMem.scan(rera, mb, boot.machine.reserved(), boot.machine.reservedMemory(),
                    new OfReservedMem.Config(cmaRelevant() ? cmaAlignment() : 0, cmaConfig(), dmaCma(), cmaParam().given(), lowmemLimit,
                            k.lpae(), true));
            lines.addAll(scan.lines);
            boot.reservations.addAll(scan.reservations);
            if (boot.log.on()) {
                for (Reservation x : scan.reservations) {
                    explainHeld();
                    boot.log.add("reserved-memory", x.words() + " (" + x.request() + ", " + Sizes.human(x.size()) + "): " + (x.placed()
                            ? Fmt.hex8(x.start()) + "-" + Fmt.hex8(x.end()) + " (" + x.zone().id() + "), " + x.why()
                            : "not placed: " + x.why()) + ".", x.rule());
                }
            }
            for (String n : scan.notes) {
                boot.message(Message.note(n));
            }
            if (!rera.rmemLines && !scan.reservations.isEmpty()) {
                boot.message(Message.note("Linux " + boot.machine.kernel() + ": vmlayout places the device tree's reserved regions"
                        + " but does not print their lines (the texts of drivers/of/of_reserved_mem.c before 5.10 were not read)."));
            }
        } else {
            // arm_dt_memblock_reserve(): the /memreserve/ entries only
            for (ReservedRegion r : boot.machine.reserved()) {
                if (r.origin() == ReservedRegion.Origin.MEMRESERVE) {
                    mb.reserve(r.start(), r.size());
                }
            }
        }
        // dma_contiguous_reserve(arm_dma_limit) (min(arm_dma_limit, arm_lowmem_limit) before 3.18)
        if (scan == null || !scan.defaultCmaArea) {
            lines.addAll(dmaContiguousReserve(lowmemLimit));
        } else if (cmaParam().given()) {
            boot.log.add("cma", "no global CMA area: the device tree's linux,cma-default pool is the default area"
                    + " (dma_contiguous_reserve() adds one only when none exists).", "kernel/dma/contiguous.c dma_contiguous_reserve()");
        }
        return scan == null ? new RangeSet() : scan.dynamicNoMap;
    }

    private boolean heldExplained;

    /**
     * The initrd the kernel reserves: the boot loader's (--initrd, or the device tree's /chosen linux,initrd-start/-end),
     * unless the command line has "initrd=START,SIZE": early_initrd() (arch/arm/mm/init.c; init/do_mounts_initrd.c
     * early_initrdmem() once generic) memparses both and sets phys_initrd_start/size, after the device tree was read,
     * so it wins; the last one counts. Without ",SIZE" it changes nothing (the real 6.1 and 6.12 kernels honour
     * initrd=0x40300000,1M over QEMU's initrd at 0x48000000: testdata/arm/realboot-6.1-1024-initrd-param-overlaps-image).
     */
    private ReservedRegion initrd() {
        ReservedRegion board = null;
        for (ReservedRegion r : boot.machine.reserved()) {
            if (r.origin() == ReservedRegion.Origin.INITRD && r.size() > 0) {
                board = r;
            }
        }
        ReservedRegion param = null;
        boolean given = false;
        for (Param p : boot.machine.params()) {
            if (!p.is("initrd") || p.value() == null) {
                continue;
            }
            MemParse.Result start = MemParse.parse(p.value(), era.suffixes);
            if (start.end() < p.value().length() && p.value().charAt(start.end()) == ',') {
                MemParse.Result size = MemParse.parse(p.value(), start.end() + 1, era.suffixes);
                long at = start.value() & (k.lpae() ? -1L : M32); // phys_addr_t
                param = new ReservedRegion("initrd", at, size.value() & M32, false, false, p.text(), // unsigned long
                        ReservedRegion.Origin.INITRD, null, List.of(), 0, false);
                given = true;
            } else {
                boot.message(Message.note(p.text() + " is ignored: early_initrd() takes initrd=START,SIZE (no ',' after the"
                        + " start here)."));
            }
        }
        if (!given) {
            return board;
        }
        if (board != null) {
            boot.message(Message.note(param.source() + " wins over the initrd of " + board.source() + " ("
                    + Fmt.hex8(board.start()) + "-" + Fmt.hex8(board.end()) + "): the kernel reads the command line after the"
                    + " device tree."));
        }
        initrdParam = true;
        return param.size() > 0 ? param : null;
    }

    /**
     * An initrd in memory above arm_lowmem_limit passes the kernel's checks (memblock_is_region_memory() counts
     * highmem; every release from 2.6 to 6.x), and its virtual address is taken as lowmem's
     * (initrd_start = __phys_to_virt(phys_initrd_start): arch/arm/mm/init.c arm_memblock_init(), arm_initrd_init(),
     * init/initramfs.c reserve_initrd_mem()), where nothing is mapped: the first read of it faults, with no message
     * before (a real 6.1 boot with vmalloc=1000M on 1 GB: "Unable to handle kernel paging request" in start_kernel,
     * reading the initrd's end for a boot config).
     */
    private void initrdAboveLowmem(ReservedRegion r, long lowmemLimit) {
        if (r.end() <= lowmemLimit) {
            return;
        }
        boot.message(Message.warn("the initrd at " + Fmt.hex8(r.start()) + "-" + Fmt.hex8(r.end()) + " (" + r.source()
                + ") is not in lowmem, which ends at " + Fmt.hex8(lowmemLimit) + ": the kernel does not check this; it takes"
                + " the initrd's virtual address as if it were lowmem and faults when it reads it (no message before the"
                + " Oops). Load the initrd below " + Fmt.hex8(lowmemLimit) + ", or give lowmem more room (a smaller vmalloc=)."));
    }

    /** explain: what memblock already held when the device tree's regions were placed (the kernel image, the initrd). */
    private void explainHeld() {
        if (heldExplained) {
            return;
        }
        heldExplained = true;
        StringBuilder held = new StringBuilder();
        for (Reservation x : boot.reservations) {
            if (x.context() && x.placed()) {
                held.append(held.length() == 0 ? "" : ", ").append(x.words()).append(' ').append(Fmt.hex8(x.start())).append('-')
                        .append(Fmt.hex8(x.end())).append(" (").append(x.request()).append(')');
            }
        }
        boot.log.add("reserved-memory", "already reserved when the searches start: " + (held.length() == 0 ? "nothing" : held)
                + "; the later regions are placed around them.", "arch/arm/mm/init.c arm_memblock_init()");
    }

    /** The device tree's regions for the RAM accounting: the static ones and the dynamic ones where the kernel put them. */
    List<ReservedRegion> placedRegions() {
        List<ReservedRegion> out = new ArrayList<>();
        for (ReservedRegion r : boot.machine.reserved()) {
            if (!r.dynamic() && r.origin() != ReservedRegion.Origin.INITRD) {
                out.add(r);
            }
        }
        if (scan != null) {
            out.addAll(scan.placedDynamic);
        }
        return out;
    }

    /** The scan of the device tree's reserved memory; null before arm_memblock_init() or in a release without it. */
    private OfReservedMem.Scan scan;

    /**
     * Whether anything about CMA is asked: cma=, a CMA Kconfig value, or a shared-dma-pool in the device tree.
     * When not, vmlayout reads no CMA constant (they stay out of the JSON constants) and reserves no CMA area.
     */
    private boolean cmaRelevant() {
        Constants c = boot.constants;
        if (cmaParam().given() || c.pinned("DMA_CMA") || c.pinned("CMA") || c.pinned("CMA_SIZE_MBYTES")
                || c.pinned("CMA_SIZE_PERCENTAGE")) {
            return true;
        }
        for (ReservedRegion r : boot.machine.reserved()) {
            if (r.sharedDmaPool()) {
                return true;
            }
        }
        return false;
    }

    /** CONFIG_CMA: on when CONFIG_DMA_CMA is (it depends on it) or when pinned. */
    private boolean cmaConfig() {
        return boot.constants.pinned("CMA") ? boot.constants.flag("CMA", false, "-D") : dmaCma();
    }

    private Boolean dmaCma;

    /**
     * CONFIG_DMA_CMA: as pinned; else assumed on (and said so) when cma= is given, a CMA size is pinned or the
     * device tree has a reusable shared-dma-pool; else off (the Kconfig default).
     */
    private boolean dmaCma() {
        if (dmaCma != null) {
            return dmaCma;
        }
        if (!cmaRelevant()) {
            dmaCma = false;
            return false;
        }
        Constants c = boot.constants;
        if (c.pinned("CMA") && !c.flag("CMA", true, "-D")) {
            dmaCma = false; // kernel/dma/Kconfig: DMA_CMA depends on CMA
            return false;
        }
        String why = null;
        if (cmaParam().given()) {
            why = cmaParam().text() + " given";
        } else if (c.pinned("CMA_SIZE_MBYTES") || c.pinned("CMA_SIZE_PERCENTAGE")) {
            why = "a CMA size given";
        } else {
            for (ReservedRegion r : boot.machine.reserved()) {
                if (r.sharedDmaPool() && r.reusable()) {
                    why = "the device tree has a reusable shared-dma-pool";
                    break;
                }
            }
        }
        boolean pinned = c.pinned("DMA_CMA");
        dmaCma = c.flag("DMA_CMA", why != null, why != null ? "assumed y: " + why : "Kconfig default n");
        if (dmaCma && !pinned) {
            boot.defaults.add("CONFIG_DMA_CMA=y (" + why + "; pin with -D DMA_CMA=)");
        }
        return dmaCma;
    }

    /** The kernel image: System.map's _text to __bss_stop, or PHYS_OFFSET and a typical size (said so). */
    private void kernelImage() {
        Constants c = boot.constants;
        long start;
        long size;
        if (c.pinned("_text") && c.pinned("__bss_stop")) {
            // KERNEL_START is _stext (the section after head.S), swapper_pg_dir is 16 kB below _text
            start = pa(c.get("_text", 0, "-D")) - 0x4000;
            size = pa(c.get("__bss_stop", 0, "-D")) - start;
        } else if (c.pinned("KERNEL_SIZE")) {
            start = physOffset;
            size = c.get("KERNEL_SIZE", 0, "-D");
        } else {
            // said under "defaults used" only when a reservation was placed against it (kernelDefaulted())
            start = physOffset;
            size = TYPICAL_KERNEL;
            kernelDefaulted = true;
        }
        mb.reserve(start, size);
        boot.reservations.add(new Reservation(Reservation.Kind.KERNEL, "kernel", start, size, Reservation.Zone.LOWMEM, Reservation.Status.PLACED,
                c.pinned("_text") ? "System.map _text..__bss_stop" : "typical size", "arch/arm/mm/init.c arm_memblock_init()",
                "the kernel image and its page directory"));
    }

    private CmaParam cmaParam;

    private CmaParam cmaParam() {
        if (cmaParam == null) {
            cmaParam = CmaParam.parse(boot.machine.params(), era.suffixes, rera.cmaPlacement);
            for (String n : cmaParam.notes()) {
                boot.message(Message.note(n));
            }
        }
        return cmaParam;
    }

    /**
     * The CMA alignment of this release: PAGE_SIZE << pageblock_order (5.19+), PAGE_SIZE << max(MAX_ORDER - 1,
     * pageblock_order) before. pageblock_order is HUGETLB_PAGE_ORDER (9: 2 MB sections) with LPAE and
     * CONFIG_HUGETLB_PAGE, else the largest buddy order: ARCH_FORCE_MAX_ORDER - 1, or ARCH_FORCE_MAX_ORDER itself
     * from 6.4 (arch/arm/Kconfig default 11, 10 from 6.4).
     */
    long cmaAlignment() {
        Constants c = boot.constants;
        long largest = maxOrder();
        boolean huge = k.lpae() && c.flag("HUGETLB_PAGE", false, "Kconfig default n (ARM hugetlb needs LPAE)");
        long pageblock = huge ? Math.min(9, largest) : largest;
        long order = rera.cmaPageblockAlign.holds() ? pageblock : Math.max(largest, pageblock);
        return 4096L << order;
    }

    /** kernel/dma/contiguous.c dma_contiguous_reserve(): the global CMA area. */
    private List<Message> dmaContiguousReserve(long lowmemLimit) {
        CmaParam p = cmaParam();
        Constants c = boot.constants;
        if (!rera.cma) {
            if (p.given()) {
                boot.message(Message.warn(p.text() + " has no effect on ARM " + boot.machine.kernel() + ": CMA (and cma=) came in "
                        + ReserveEra.cmaAdded() + "."));
            }
            return List.of();
        }
        if (!dmaCma()) {
            if (p.given()) {
                boot.message(DmaContiguous.notBuilt(p, c.pinned("CMA") && !cmaConfig() ? "CONFIG_CMA" : "CONFIG_DMA_CMA"));
            }
            return List.of();
        }
        long armDmaLimit = armDmaLimit();
        long limit = era.cmaDmaLimit.holds() ? armDmaLimit : Math.min(armDmaLimit, lowmemLimit);
        DmaContiguous.Result r = DmaContiguous.reserve(rera, mb, c, p, limit, cmaAlignment(), cmaHighmemStart, k.lpae(),
                "arch/arm/mm/init.c arm_memblock_init() dma_contiguous_reserve(" + (era.cmaDmaLimit.holds() ? "arm_dma_limit"
                        : "min(arm_dma_limit, arm_lowmem_limit)") + "), " + era.cmaDmaLimit.releases());
        if (r.reservation() != null) {
            boot.reservations.add(r.reservation());
        }
        if (boot.log.on() && r.reservation() != null) {
            explainHeld();
            Reservation x = r.reservation();
            boot.log.add("cma", "CMA area of " + Sizes.human(x.size()) + " (" + x.request() + "): " + (x.placed()
                    ? Fmt.hex8(x.start()) + "-" + Fmt.hex8(x.end()) + ", " + x.why() : "not placed: " + x.why()) + "; limit "
                    + Fmt.hex8(limit) + ", alignment " + Sizes.human(cmaAlignment()) + ".", x.rule());
        }
        return r.lines();
    }

    /**
     * paging_init() -> bootmem_init() -> free_area_init() -> alloc_node_mem_map(): the FLATMEM mem_map, (the node's
     * pages, aligned to MAX_ORDER_NR_PAGES) x sizeof(struct page), allocated top-down below the lowmem limit (memblock's
     * current limit) before reserve_crashkernel() runs (the real 6.1 and 6.12 kernels place crashkernel=128M on 1 GB
     * at 1536MB, not 1664MB, because of it). When lowmem has no room for it the kernel panics (5.1+: "Failed to
     * allocate %ld bytes for node %d memory map", mm/page_alloc.c, mm/mm_init.c from 6.4; a real 6.1 LPAE boot with
     * 3 GB and vmalloc=2G, lowmem 32 MB: 28311552 bytes). Then, 6.12+, the device tree's static regions are
     * initialised (unflatten_device_tree()).
     */
    List<Message> pagingInit(long lowmemLimit, long memStart, long memEnd) {
        if (mb == null) {
            return List.of();
        }
        long largest = maxOrder();
        long start = Memblock.roundDown(memStart >>> 12, 1L << largest);
        long end = Memblock.roundUp(memEnd >>> 12, 1L << largest);
        long pages = end - start;
        AllocNodeMemMap.StructPage sp = AllocNodeMemMap.structPage(boot.constants, boot.machine.kernel(), false);
        long bytes = pages * sp.bytes();
        long at = mb.alloc(bytes, 64, 0, lowmemLimit, false); // SMP_CACHE_BYTES 64 (ARMv7)
        if (at == 0 && bytes > 0) {
            panicked = true;
            RangeSet.Range free = mb.largestFree(0, lowmemLimit);
            return List.of(AllocNodeMemMap.noRoom(boot.machine.kernel(), pages, sp, free == null ? 0 : free.size(), lowmemLimit,
                    kernelDefaulted));
        }
        memMapAt = at;
        memMapBytes = bytes;
        if (at != 0 && crashkernelWanted()) {
            boot.reservations.add(new Reservation(Reservation.Kind.KERNEL, "mem_map", at, bytes, Reservation.Zone.LOWMEM,
                    Reservation.Status.PLACED, "paging_init()", "mm/mm_init.c alloc_node_mem_map()",
                    pages + " struct pages, top-down in lowmem"));
        }
        return OfReservedMem.initLate(scan);
    }

    /** The boot stopped in paging_init(): nothing after it is printed. */
    boolean panicked() {
        return panicked;
    }

    /** The largest buddy order (MAX_ORDER - 1 before 6.4, MAX_ORDER from 6.4): MAX_ORDER_NR_PAGES is 1 << it. */
    private long maxOrder() {
        Constants c = boot.constants;
        String rule = "arch/arm/Kconfig ARCH_FORCE_MAX_ORDER default " + (rera.maxOrderInclusive ? "10 (6.4+)" : "11");
        long forced = !c.pinned("ARCH_FORCE_MAX_ORDER") && c.pinned("FORCE_MAX_ZONEORDER")
                ? c.get("FORCE_MAX_ZONEORDER", rera.maxOrderInclusive ? 10 : 11, rule)
                : c.get("ARCH_FORCE_MAX_ORDER", rera.maxOrderInclusive ? 10 : 11, rule);
        return rera.maxOrderInclusive ? forced : forced - 1;
    }

    /** crashkernel= is on the command line (a pinned CONFIG_KEXEC alone reserves nothing). */
    private boolean crashkernelWanted() {
        for (Param p : boot.machine.params()) {
            if (p.name().startsWith("crashkernel")) {
                return true;
            }
        }
        if (boot.constants.pinned(era.crashKconfig)) {
            boot.constants.flag(era.crashKconfig, false, "-D"); // read: it only matters with crashkernel=
        }
        return false;
    }

    /**
     * reserve_crashkernel() (arch/arm/kernel/setup.c, 4.1+ form): parse_crashkernel() against get_total_mem() =
     * lowmem; without @OFFSET memblock_phys_alloc_range(size, CRASH_ALIGN 128 MB, CRASH_ALIGN, min(idmap reach,
     * lowmem end)) top-down; with it the exact range (SECTION_SIZE aligned).
     */
    List<Message> reserveCrashkernel(long lowmemLimit, long memStart) {
        if (mb == null || !crashkernelWanted()) {
            return List.of();
        }
        Constants c = boot.constants;
        StringBuilder cmd = new StringBuilder();
        for (Param p : boot.machine.params()) {
            cmd.append(cmd.length() == 0 ? "" : " ").append(p.text());
        }
        long total = lowmemLimit - memStart;
        CrashkernelParam p = CrashkernelParam.parse(cmd.toString(), total, null, rera.crashRoundUp, rera.crashKnownSuffixes, era.suffixes);
        if (!p.found()) {
            return List.of();
        }
        boolean built = c.flag(era.crashKconfig, p.found(), p.found() ? "assumed y: crashkernel= is given" : "Kconfig default n");
        if (built && !c.pinned(era.crashKconfig)) {
            boot.defaults.add("CONFIG_" + era.crashKconfig + "=y (crashkernel= given; pin with -D " + era.crashKconfig + "=)");
        }
        if (!built) {
            if (p.found()) {
                boot.message(Message.warn(p.text() + " has no effect: the kernel is built without CONFIG_" + era.crashKconfig + "."));
            }
            return List.of();
        }
        List<Message> lines = new ArrayList<>();
        for (String l : p.lines()) {
            lines.add(Message.kernel(Level.WARNING, l, true));
        }
        if (!p.ok() || p.size() == 0 || (rera.crashSizeCheck && Long.compareUnsigned(p.size(), total) >= 0)) {
            if (p.ok() && p.size() != 0) {
                boot.message(Message.warn(p.text() + " is ignored: " + Sizes.human(p.size()) + " is not below the System RAM the kernel"
                        + " counts (" + (total >> 20) + " MB of lowmem; parse_crashkernel() returns -EINVAL from 6.7)."));
            }
            if (p.found()) {
                boot.reservations.add(new Reservation(Reservation.Kind.CRASHKERNEL, "crashkernel", -1, p.size(), Reservation.Zone.NONE,
                        Reservation.Status.FAILED, p.text(), "kernel/crash_core.c parse_crashkernel()", "the parameter is refused"));
            }
            return lines;
        }
        long size = p.size();
        long base = p.base();
        String rule = "arch/arm/kernel/setup.c reserve_crashkernel(), " + era.crashAuto.releases();
        if (base == 0 && !era.crashAuto.holds()) {
            boot.message(Message.note(p.text() + ": this release needs crashkernel=SIZE@OFFSET (reserve_crashkernel() finds no place"
                    + " itself before " + era.crashAuto.releases() + "); vmlayout does not place it."));
            boot.reservations.add(new Reservation(Reservation.Kind.CRASHKERNEL, "crashkernel", -1, size, Reservation.Zone.NONE,
                    Reservation.Status.UNPLACED, p.text(), rule, "no @OFFSET in a release that needs one"));
            return lines;
        }
        long at;
        String why;
        if (base == 0) {
            at = mb.alloc(size, CRASH_ALIGN, CRASH_ALIGN, lowmemLimit, false);
            why = "top-down in lowmem below " + Fmt.hex8(lowmemLimit) + ", 128 MB aligned";
            if (at == 0) {
                lines.add(Message.kernel(Level.ERR, "crashkernel reservation failed - No suitable area found.", true));
                boot.reservations.add(new Reservation(Reservation.Kind.CRASHKERNEL, "crashkernel", -1, size, Reservation.Zone.NONE,
                        Reservation.Status.FAILED, p.text(), rule, "no free " + Sizes.human(size) + " at a 128 MB boundary in lowmem below "
                        + Fmt.hex8(lowmemLimit) + "; the largest free range there: " + Cma.freeWords(mb, CRASH_ALIGN, lowmemLimit)));
                explainCrashFailure(boot.reservations.get(boot.reservations.size() - 1));
                return lines;
            }
        } else {
            long section = k.lpae() ? 2L << 20 : 1L << 20;
            at = mb.alloc(size, section, base, base + size, false);
            why = "at the offset given";
            if (at == 0) {
                lines.add(Message.kernel(Level.ERR, "crashkernel reservation failed - memory is in use.", true));
                boot.reservations.add(new Reservation(Reservation.Kind.CRASHKERNEL, "crashkernel", -1, size, Reservation.Zone.NONE,
                        Reservation.Status.FAILED, p.text(), rule, Fmt.hex8(base) + "-" + Fmt.hex8(base + size)
                        + " is not free RAM (or not section aligned)"));
                explainCrashFailure(boot.reservations.get(boot.reservations.size() - 1));
                return lines;
            }
        }
        lines.add(Message.kernel(Level.INFO, "Reserving " + (size >> 20) + "MB of memory at " + (at >> 20) + "MB for crashkernel (System RAM: "
                + (total >> 20) + "MB)", false));
        boot.reservations.add(new Reservation(Reservation.Kind.CRASHKERNEL, "crashkernel", at, size, Cma.zone(at, size, lowmemLimit),
                Reservation.Status.PLACED, p.text(), rule, why));
        if (boot.log.on()) {
            explainHeld();
            if (base == 0) {
                why += higherCandidate(at, size, lowmemLimit);
            }
            boot.log.add("crashkernel", "crash kernel " + Sizes.human(size) + " (" + p.text() + "): " + Fmt.hex8(at) + "-" + Fmt.hex8(at + size)
                    + ", " + why + "; System RAM is lowmem, " + (total >> 20) + " MB.", rule);
        }
        return lines;
    }

    /** explain: a crash kernel that failed, with why. */
    private void explainCrashFailure(Reservation x) {
        if (boot.log.on()) {
            explainHeld();
            boot.log.add("crashkernel", "crash kernel " + Sizes.human(x.size()) + " (" + x.request() + "): not placed: " + x.why() + ".",
                    x.rule());
        }
    }

    /**
     * explain: why a top-down crash kernel is below the highest 128 MB boundary it could have had: what holds that
     * candidate (mem_map at the top of lowmem, the CMA area, a device-tree pool).
     */
    private String higherCandidate(long at, long size, long lowmemLimit) {
        long top = Memblock.roundDown(lowmemLimit - size, CRASH_ALIGN);
        if (at >= top) {
            return "";
        }
        StringBuilder by = new StringBuilder();
        for (Reservation x : boot.reservations) {
            if (x.placed() && x.kind() != Reservation.Kind.CRASHKERNEL && x.start() < top + size && x.end() > at + size) {
                by.append(by.length() == 0 ? "" : ", ").append(x.kind() == Reservation.Kind.KERNEL ? x.name() : x.label()).append(' ').append(Fmt.hex8(x.start())).append('-')
                        .append(Fmt.hex8(x.end()));
            }
        }
        return " (the higher boundaries up to " + Fmt.hex8(top) + " are not free for " + Sizes.human(size) + ": "
                + (by.length() == 0 ? "memory holes" : by) + ")";
    }

    /**
     * Ends the steps: says which kernel image was assumed, when it may have decided a reservation: one that
     * failed, or one placed below the end of the image plus its own size (a top-down search that met the image).
     */
    void finish() {
        long imageEnd = physOffset + TYPICAL_KERNEL;
        // mem_map too, placed top-down within its own size of the image: a bigger image would leave it no room
        boolean memMapNear = memMapAt != 0 && memMapAt - imageEnd < memMapBytes;
        if (kernelDefaulted && memMapAt != 0 && memMapAt >= imageEnd && memMapAt - imageEnd < IMAGE_MARGIN) {
            long most = TYPICAL_KERNEL + (memMapAt - imageEnd);
            // a note, not a finding: the image is a guess ("defaults used" names it), and small images are common
            boot.message(Message.note("mem_map (" + Sizes.human(memMapBytes) + ") fits in lowmem only if the kernel image"
                    + " takes at most " + Sizes.human(most) + " from PHYS_OFFSET (vmlayout assumed the typical "
                    + Sizes.human(TYPICAL_KERNEL) + "; Debian's 6.x armmp images reach 22 MB): with a bigger one the kernel"
                    + " panics in paging_init(). Give --system-map or -D KERNEL_SIZE= to know."));
        }
        if (kernelDefaulted && (panicked || memMapNear || Reservation.imageMayMatter(boot.reservations, imageEnd))) {
            boot.defaults.add("kernel image " + Fmt.hex8(physOffset) + "-" + Fmt.hex8(physOffset + TYPICAL_KERNEL)
                    + " (PHYS_OFFSET + 16 MB, typical: give --system-map or -D KERNEL_SIZE=)");
        }
        unknownInitrd();
    }

    /**
     * Where the boot loader puts the device tree and the initrd when nobody says: Documentation/arm/Booting
     * (all releases) recommends "just above the 128MiB boundary from start of RAM" for the dtb and the initramfs
     * "just above the device tree blob"; QEMU's -kernel loader does so (real 6.1 boots: the initrd at 0x48000000
     * on RAM at 0x40000000, the 1 MiB dtb right after it).
     */
    static final long BOOTING_INITRD_OFFSET = 128L << 20;

    /**
     * The initrd vmlayout was not told of: arm_memblock_init() reserves it before /reserved-memory, CMA and
     * the crash kernel are placed, so a reservation over it fails (a fixed base: "cma: Failed to reserve") or
     * lands elsewhere. Without --initrd or a device tree's /chosen linux,initrd-*, vmlayout assumes none: a
     * warning when a reservation it placed covers the address Booting recommends (the sweep's
     * arm-1024-cma64M@0x48000000: vmlayout said "Reserved", the real 6.1 kernel "Failed"), else a default
     * used, when a reservation was placed in lowmem or failed.
     */
    private void unknownInitrd() {
        if (initrdParam) {
            return;
        }
        for (ReservedRegion r : boot.machine.reserved()) {
            if (r.origin() == ReservedRegion.Origin.INITRD) {
                return;
            }
        }
        boolean searched = false;
        long at = physOffset + BOOTING_INITRD_OFFSET;
        boolean inRam = mb != null && mb.isMemory(at, 4096);
        boolean dt = boot.machine.reservedMemory() != ReservedRegion.Node.NO_DEVICE_TREE;
        for (Reservation x : boot.reservations) {
            if (x.context() || x.kind() == Reservation.Kind.SWIOTLB || (x.kind() == Reservation.Kind.KERNEL)) {
                continue;
            }
            // the initrd lies in lowmem (Booting: "placed ... in lowmem"): one placed in highmem did not meet it
            searched |= !x.placed() || x.zone() != Reservation.Zone.HIGHMEM;
            if (!dt && inRam && x.placed() && x.start() <= at && at < x.end()) {
                boolean fixed = x.request() != null && x.request().contains("@") && !x.request().contains("-");
                boot.message(Message.warn(x.request() + ": " + x.words() + " at " + Fmt.hex8(x.start()) + "-" + Fmt.hex8(x.end())
                        + " covers " + Fmt.hex8(at) + " (RAM start + 128 MB), where Documentation/arm/Booting puts the device tree and"
                        + " the initrd and QEMU's -kernel loader does; vmlayout is not told of an initrd and assumed none. With one"
                        + " there the kernel reserves it first and " + (fixed ? "this reservation fails" : "places this one elsewhere or fails it")
                        + ". Give --initrd START:SIZE (or --dtb with /chosen linux,initrd-start), or --initrd none, to pin it."));
                return;
            }
        }
        if (searched) {
            boot.defaults.add("no initrd (" + (dt ? "the device tree's /chosen has no linux,initrd-start" : "none given")
                    + ": pin with --initrd START:SIZE or --initrd none)");
        }
    }

    /**
     * arm_dma_limit (arch/arm/mm/init.c setup_dma_zone(), asm/dma.h): with CONFIG_ZONE_DMA, PHYS_OFFSET +
     * the board's dma_zone_size - 1 or 0xffffffff; without it ((phys_addr_t)~0).
     */
    private long armDmaLimit() {
        Constants c = boot.constants;
        boolean zoneDma = c.flag("ZONE_DMA", false, "Kconfig default n");
        if (zoneDma && c.pinned("ARM_DMA_ZONE_SIZE")) {
            return physOffset + c.get("ARM_DMA_ZONE_SIZE", 0, "-D") - 1;
        }
        return zoneDma ? M32 : maxAddr();
    }

    /**
     * arm_dma_pfn_limit: arm_dma_limit &gt;&gt; PAGE_SHIFT with CONFIG_ZONE_DMA, else (~0UL &gt;&gt; PAGE_SHIFT), which a
     * 32-bit unsigned long makes 0xfffff too.
     */
    private long armDmaPfnLimit() {
        return boot.constants.flag("ZONE_DMA", false, "Kconfig default n") ? armDmaLimit() >> 12 : M32 >> 12;
    }

    /** mem_init() (arch_mm_preinit() from 6.x): SWIOTLB on LPAE kernels when RAM reaches above the DMA limit. */
    void memInit(long memEnd) {
        if (!k.lpae() || !era.lpaeSwiotlb) {
            return;
        }
        // swiotlb_init(max_pfn > arm_dma_pfn_limit, SWIOTLB_VERBOSE)
        // (only a board DMA zone makes the limit lower than 4 GiB: read the constants only then or above 4 GiB)
        boolean above = (memEnd >> 12) > (M32 >> 12) || boot.constants.pinned("ARM_DMA_ZONE_SIZE");
        Swiotlb.Result s = Swiotlb.setup(boot.machine.params(), above && (memEnd >> 12) > armDmaPfnLimit(), era.suffixes);
        if (s != null) {
            boot.reservations.add(s.reservation("arch/arm/mm/init.c mem_init() swiotlb_init(max_pfn > arm_dma_pfn_limit)"));
            for (String n : s.notes()) {
                boot.message(Message.note(n));
            }
        }
    }
}
