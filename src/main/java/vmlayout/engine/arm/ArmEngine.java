package vmlayout.engine.arm;

import java.util.ArrayList;
import java.util.List;
import vmlayout.config.Arch;
import vmlayout.config.Boundary;
import vmlayout.config.Checked;
import vmlayout.config.Fmt;
import vmlayout.config.KernelVersion;
import vmlayout.config.Machine;
import vmlayout.config.RamBank;
import vmlayout.config.Releases;
import vmlayout.config.Sizes;
import vmlayout.config.SymbolCatalog;
import vmlayout.engine.Boot;
import vmlayout.engine.Constants;
import vmlayout.engine.Engine;
import vmlayout.engine.Layout;
import vmlayout.engine.RamRange;
import vmlayout.engine.RangeSet;
import vmlayout.engine.mm.FreeAreaInit;
import vmlayout.engine.reserve.ReserveEra;
import vmlayout.report.Message;

/**
 * 32-bit ARM: setup_arch()'s memory steps in the kernel's order, each a port of the function it is
 * named after, then mem_init()'s table. Values go from step to step as the kernel's globals carry them:
 * early_vmalloc() writes the era's vmalloc variable ({@link ArmVmalloc}) that sanity_check_meminfo() or
 * adjust_lowmem_bounds() ({@link ArmLowmem}) reads, and their arm_lowmem_limit/high_memory is what
 * mem_init() ({@link ArmMemInit}) prints.
 */
public final class ArmEngine implements Engine {

    /** The RAM vmlayout assumes when none is given. */
    static final long DEFAULT_RAM = 512L << 20;

    @Override
    public Arch arch() {
        return Arch.ARM;
    }

    @Override
    public List<Boundary> boundaries() {
        // the arch's own boundaries, then those of the shared code this engine runs (its reservations, mm's lines)
        List<Boundary> out = new ArrayList<>(Boundary.of(ArmEra.class));
        out.addAll(ReserveEra.boundaries());
        out.addAll(FreeAreaInit.boundaries());
        return out;
    }

    @Override
    public List<String> carriedFacts(KernelVersion v) {
        return ArmEra.of(v).carriedFacts();
    }

    @Override
    public Checked checked() {
        return ArmEra.CHECKED;
    }

    @Override
    public SymbolCatalog symbols() {
        return ArmSymbols.CATALOG;
    }

    @Override
    public Layout compute(Machine m, Detail detail) {
        Boot boot = new Boot(m, ArmSymbols.CATALOG, detail);
        ArmEra era = ArmEra.of(m.kernel());
        ArmConfig k = ArmConfig.read(boot, era);
        long physOffset = physOffset(boot);
        List<RamBank> firmware = firmwareBanks(boot, physOffset);
        ArmVmalloc vmalloc = ArmVmalloc.init(boot, era);

        // setup_arch(): the banks from ATAGs or the device tree through arm_add_memory(), then parse_early_param()
        ArmEarlyParams.State st = new ArmEarlyParams.State(era, physOffset);
        RangeSet board = new RangeSet();
        for (RamBank b : firmware) {
            long start = b.hasStart() ? b.start() : physOffset;
            board.add(start, start + b.size());
            ArmEarlyParams.addFirmwareBank(boot, era, k, st, start, b.size());
        }
        RangeSet droppedByFirmware = new RangeSet(st.droppedByAdd);
        st.droppedByAdd.clear();
        ArmEarlyParams.apply(boot, era, k, st, vmalloc, m.params());
        if (st.usermem && m.ram().isEmpty()) {
            board = st.memory.toRangeSet(); // no board RAM given: the RAM is what mem= says
        }
        if (era.meminfo) {
            st.memory.sort();
        }
        RangeSet described = st.memory.toRangeSet();

        // sanity_check_meminfo() / adjust_lowmem_bounds(), reading what early_vmalloc() left
        long vmallocMin = vmalloc.vmallocMin(boot, era);
        if (st.memory.count() == 0) {
            boot.message(Message.warn("no RAM is left for the kernel (check mem= and --ram): it would not boot."));
        }
        List<Message> reservedNotes = new ArrayList<>();
        RangeSet noMap = ArmReservedMemory.noMapRegions(era, m.reserved(), st.memory.toRangeSet(), reservedNotes);
        // 4.12+: adjust_lowmem_bounds(); arm_memblock_init(); adjust_lowmem_bounds();
        ArmReservations reservations = new ArmReservations(boot, era, k, physOffset);
        boolean between = era.lowmem == ArmEra.LowmemRule.ADJUST_LOWMEM_BOUNDS;
        ArmLowmem.Result split = lowmemBounds(new ArmLowmem.Input(era, k, st.memory, physOffset, vmallocMin, noMap, boot.log,
                between ? reservations : null));
        boot.messages.addAll(split.messages);
        if (era.noMap == ArmEra.NoMapRule.HOLE_AFTER_LIMIT) {
            ArmReservedMemory.holesAfterLimit(st.memory, noMap, split.lowmemLimit);
        }
        if (!between) {
            // up to 4.11: sanity_check_meminfo(); arm_memblock_init(mi, mdesc);
            reservations.armMemblockInit(st.memory.toRangeSet(), noMap.intersect(described), split.lowmemLimit, boot.messages);
        }
        boot.messages.addAll(reservedNotes);
        // paging_init() -> bootmem_init() -> free_area_init(): the zone report, then mem_map; 6.12+ the device tree's
        // static regions (unflatten_device_tree()); then reserve_crashkernel()
        bootmemInit(boot, m, k, st, split, physOffset);
        long memStart = described.isEmpty() ? physOffset : described.ranges().get(0).start();
        long memEnd = st.memory.count() == 0 ? memStart : st.memory.endOfDram();
        boot.messages.addAll(reservations.pagingInit(split.lowmemLimit, memStart, memEnd));
        if (!reservations.panicked()) { // a panic in paging_init(): nothing after it runs
            boot.messages.addAll(reservations.reserveCrashkernel(split.lowmemLimit, memStart));
            reservations.memInit(memEnd);
        }
        reservations.finish();

        ArmMemInit.Table table = ArmMemInit.memInit(boot, era, k, vmalloc, physOffset, vmallocMin, split);
        if (era.pastChecked) {
            boot.notePastChecked(ArmEra.CHECKED, era.carriedFacts());
        }
        boot.noteUnusedDefines();
        List<RamRange> fate = ArmRamFate.of(boot, era, k, board, described, st, split, droppedByFirmware,
                reservations.placedRegions());
        return boot.layout(table.regions(), fate, table.lines(), era.printsTable);
    }

    /** The lowmem/highmem split of this release: the kernel function {@link ArmEra.LowmemRule} names. */
    private static ArmLowmem.Result lowmemBounds(ArmLowmem.Input in) {
        return switch (in.era().lowmem) {
            case CHECK_MEMBANK_VALID -> ArmSanityCheckMeminfo.checkMembankValid(in);
            case SANITY_VA -> ArmSanityCheckMeminfo.sanityVa(in);
            case SANITY_LIMIT -> ArmSanityCheckMeminfo.sanityLimit(in);
            case SANITY_MEMBLOCK -> ArmSanityCheckMeminfo.sanityMemblock(in);
            case ADJUST_LOWMEM_BOUNDS -> ArmAdjustLowmemBounds.adjustLowmemBounds(in);
        };
    }

    /** PHYS_OFFSET: the lowest --ram start (the kernel's runtime PHYS_OFFSET with ARM_PATCH_PHYS_VIRT). */
    private static long physOffset(Boot boot) {
        Constants c = boot.constants;
        long lowestStart = -1;
        for (RamBank b : boot.machine.ram()) {
            if (b.hasStart() && (lowestStart < 0 || b.start() < lowestStart)) {
                lowestStart = b.start();
            }
        }
        long physOffset = c.get("PHYS_OFFSET", Math.max(lowestStart, 0),
                lowestStart >= 0 ? "lowest --ram start (the kernel's runtime PHYS_OFFSET, ARM_PATCH_PHYS_VIRT)"
                        : "vmlayout default 0x00000000 (no --ram start given)");
        if (lowestStart < 0 && !c.pinned("PHYS_OFFSET")) {
            boot.defaults.add("PHYS_OFFSET 0x00000000");
        }
        boot.log.constant(c, "PHYS_OFFSET", "the physical address mapped at PAGE_OFFSET");
        return physOffset;
    }

    /** The RAM banks firmware describes (ATAGs or the device tree; --ram), 512 MB at PHYS_OFFSET if none. */
    private static List<RamBank> firmwareBanks(Boot boot, long physOffset) {
        List<RamBank> ram = boot.machine.ram();
        if (ram.isEmpty()) {
            ram = List.of(new RamBank(RamBank.AT_PHYS_OFFSET, DEFAULT_RAM));
            boot.defaults.add("--ram " + Fmt.hex8(physOffset) + ":512M");
        }
        if (boot.log.on()) {
            StringBuilder banks = new StringBuilder();
            for (RamBank b : ram) {
                long start = b.hasStart() ? b.start() : physOffset;
                banks.append(banks.length() == 0 ? "" : ", ").append(Fmt.hex8(start)).append('-').append(Fmt.hex8(start + b.size()))
                        .append(" (").append(Sizes.human(b.size())).append(')');
            }
            boot.log.add("RAM", "the RAM banks firmware describes (ATAGs or the device tree; --ram): " + banks + ".",
                    "arch/arm/kernel/setup.c arm_add_memory(), " + Releases.ALL);
        }
        return ram;
    }

    /**
     * paging_init() -> bootmem_init() -> zone_sizes_init() (arch/arm/mm/init.c, 5.8+: free_area_init() with
     * zone limits): find_limits() gives max_low = PFN_DOWN(memblock_get_current_limit()) (arm_lowmem_limit) and
     * max_high = PFN_DOWN(memblock_end_of_DRAM()); ZONE_DMA ends at min(arm_dma_pfn_limit, max_low), where
     * setup_dma_zone() sets arm_dma_limit = PHYS_OFFSET + dma_zone_size - 1 for a machine with a dma_zone_size,
     * else 0xffffffff; ZONE_NORMAL at max_low; ZONE_HIGHMEM at max_high. Real 6.1 armmp, 1 GB at 0x40000000:
     * "DMA [mem 0x0000000040000000-0x000000006fffffff]", "Normal empty", "HighMem [mem 0x...70000000-0x...7fffffff]".
     */
    private static void bootmemInit(Boot boot, Machine m, ArmConfig k, ArmEarlyParams.State st, ArmLowmem.Result split,
                                    long physOffset) {
        Constants c = boot.constants;
        boolean zoneDma = c.flag("ZONE_DMA", false, "Kconfig: selected by some platforms (Debian armmp has it)");
        if (!FreeAreaInit.prints(m.kernel())) {
            return; // the zones exist, but this release's report is not predicted
        }
        RangeSet memblock = st.memory.toRangeSet().removeAll(split.removed);
        if (memblock.isEmpty()) {
            return;
        }
        long maxLow = split.lowmemLimit >>> 12;
        List<RangeSet.Range> r = memblock.ranges();
        long maxHigh = r.get(r.size() - 1).end() >>> 12;
        List<FreeAreaInit.Zone> zones = new ArrayList<>();
        if (zoneDma) {
            long dmaLimit = c.pinned("ARM_DMA_ZONE_SIZE") ? physOffset + c.get("ARM_DMA_ZONE_SIZE", 0, "-D") - 1 : 0xffffffffL;
            zones.add(new FreeAreaInit.Zone("DMA", Math.min(dmaLimit >>> 12, maxLow)));
        }
        zones.add(new FreeAreaInit.Zone("Normal", maxLow));
        if (k.highmem()) {
            zones.add(new FreeAreaInit.Zone("HighMem", maxHigh));
        }
        boot.messages.addAll(FreeAreaInit.messages(m.kernel(), zones, memblock, new RangeSet(split.nomap).addAll(split.dtNoMap)));
    }
}
