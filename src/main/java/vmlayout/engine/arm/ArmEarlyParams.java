package vmlayout.engine.arm;

import static vmlayout.engine.Ulong.M32;

import java.util.List;
import vmlayout.bootargs.MemParse;
import vmlayout.bootargs.Param;
import vmlayout.config.Fmt;
import vmlayout.config.Releases;
import vmlayout.config.Sizes;
import vmlayout.engine.Boot;
import vmlayout.engine.MemparseNote;
import vmlayout.engine.RangeSet;
import vmlayout.report.Message.Level;
import vmlayout.report.Message;

/**
 * setup_arch()'s RAM steps in arch/arm/kernel/setup.c: the banks firmware describes go through
 * arm_add_memory(), then parse_early_param() runs the early parameters ARM acts on, in command-line
 * order: mem= (early_mem()) and vmalloc= (arch/arm/mm/mmu.c early_vmalloc(), {@link ArmVmalloc}).
 * Parameters that only other architectures implement (memmap=, highmem=, reservetop=) are reported as
 * having no effect.
 */
final class ArmEarlyParams {

    private static final long PAGE_SIZE = 4096;

    /** The kernel's RAM list as setup_arch() builds it, and what vmlayout's accounting needs of it. */
    static final class State {
        final ArmMemory memory;
        final long physOffset;
        /** A mem= was given (the first one forgot the firmware's banks). */
        boolean usermem;
        /** RAM cleared by the first mem= (for the RAM accounting). */
        final RangeSet clearedByMem = new RangeSet();
        /** RAM dropped by arm_add_memory() (alignment, 32-bit limit, below PHYS_OFFSET). */
        final RangeSet droppedByAdd = new RangeSet();
        /**
         * The last page of a firmware bank ending at 4 GB without LPAE: no kernel region can end past
         * 0xffffffff, so the kernel never has it (like a partial page: a note, not dropped RAM).
         */
        final RangeSet pastPhysAddrT = new RangeSet();

        State(ArmEra era, long physOffset) {
            this.memory = new ArmMemory(!era.meminfo);
            this.physOffset = physOffset;
        }
    }

    private ArmEarlyParams() {
    }

    /** parse_early_param(): each parameter ARM has a handler for, in command-line order. */
    static void apply(Boot boot, ArmEra era, ArmConfig k, State st, ArmVmalloc vmalloc, List<Param> params) {
        for (Param p : params) {
            if (p.is("mem")) {
                earlyMem(boot, era, k, st, p);
            } else if (p.is("vmalloc")) {
                vmalloc.earlyVmalloc(boot, era, k.pageOffset(), p);
            } else if (p.is("memmap")) {
                boot.message(Message.warn(p.text() + " has no effect on ARM: memmap= is implemented by x86, MIPS and"
                        + " Xtensa only, arch/arm passes it to init untouched. To keep RAM from the kernel on ARM,"
                        + " describe only the RAM it may use with mem=SIZE@START (one per bank) or add a"
                        + " /reserved-memory node with no-map to the device tree."));
            } else if (p.is("highmem")) {
                boot.message(Message.warn(p.text() + " has no effect on ARM: highmem= is x86 only. On ARM the"
                        + " highmem size follows from the RAM and vmalloc=: a bigger vmalloc= leaves less lowmem."));
            } else if (p.is("reservetop")) {
                boot.message(Message.warn(p.text() + " has no effect on ARM: reservetop= is x86 only."));
            }
        }
    }

    /**
     * early_mem(): the first mem= forgets every RAM bank firmware described; each mem= then adds
     * SIZE at PHYS_OFFSET, or at START with SIZE@START (arch/arm/kernel/setup.c).
     */
    private static void earlyMem(Boot boot, ArmEra era, ArmConfig k, State st, Param p) {
        if (p.value() == null) {
            boot.message(Message.warn("'mem' without a value: early_mem() would pass NULL to memparse(); vmlayout"
                    + " ignores it. Write mem=SIZE or mem=SIZE@START."));
            return;
        }
        boolean first = !st.usermem;
        if (!st.usermem) {
            st.usermem = true;
            st.clearedByMem.addAll(st.memory.toRangeSet());
            st.memory.clear();
        }
        String v = p.value();
        MemParse.Result size = MemParse.parse(v, era.suffixes);
        long start = st.physOffset;
        String rest = size.rest();
        MemParse.Result at = null;
        if (rest.startsWith("@")) {
            at = MemParse.parse(v, size.end() + 1, era.suffixes);
            start = at.value();
            noteOdd(boot, era, p, "START", at, at.rest());
        } else {
            noteOdd(boot, era, p, "SIZE", size, rest);
        }
        if (size.end() == 0 || !size.hasDigits()) {
            noteOdd(boot, era, p, "SIZE", size, "");
        }
        long sz = size.value();
        if (!era.u64AddMemory) {
            // 2.6.3x: "unsigned long size, start" take memparse's unsigned long long truncated to 32 bits
            sz &= M32;
            start &= M32;
        }
        if (boot.log.on()) {
            boot.log.add(p.text(), (first ? "the first mem= forgets the RAM banks firmware described; " : "")
                    + p.text() + " adds " + Sizes.human(sz) + " at " + Fmt.hex8(start) + (at == null ? " (PHYS_OFFSET)" : "")
                    + ": RAM " + Fmt.hex8(start) + "-" + Fmt.hex8(start + sz) + ".", "arch/arm/kernel/setup.c early_mem(), " + Releases.ALL);
        }
        addMemory(boot, era, k, st, start, sz);
    }

    /** vmlayout's note when memparse did not read the value whole ({@link MemparseNote}). */
    private static void noteOdd(Boot boot, ArmEra era, Param p, String part, MemParse.Result r, String leftover) {
        Message m = MemparseNote.of(p, part, r, leftover, era.suffixes == MemParse.Suffixes.KMG, null);
        if (m != null) {
            boot.message(m);
        }
    }

    /**
     * arm_add_memory(): page-align the start (rounding up) and the size (rounding down); without a
     * 64-bit phys_addr_t drop or clip RAM beyond 4 GB; drop or clip RAM below PHYS_OFFSET; in meminfo
     * releases refuse banks past NR_BANKS (arch/arm/kernel/setup.c).
     */
    static void addMemory(Boot boot, ArmEra era, ArmConfig k, State st, long start, long size) {
        addMemory(boot, era, k, st, start, size, false);
    }

    /**
     * A bank firmware describes. Before {@link ArmEra#DT_MEMORY_GENERIC} (3.16) every bank goes through
     * arm_add_memory(). From it, beyond a 32-bit phys_addr_t (no LPAE), what the kernel prints depends on
     * how the bank came, which vmlayout is not told: ATAGs go through arm_add_memory() ("Truncating memory
     * at ...", "Ignoring memory at ... outside 32-bit physical address space"); a device tree goes through
     * drivers/of/fdt.c early_init_dt_add_memory_arch(), which warns only when
     * {@code base + size - 1 > MAX_MEMBLOCK_ADDR} ("Ignoring memory range 0x%llx - 0x%llx" from
     * MAX_MEMBLOCK_ADDR + 1, "Ignoring memory block 0x%llx - 0x%llx" for a bank wholly above it) and lets
     * memblock_add() cap a bank ending at 4 GB without a word (real boots of Debian 6.1 and 6.12 armmp with
     * 3 GB at 0x40000000: no line, HighMem to 0xffffefff). The RAM kept is the same either way, so vmlayout
     * says both lines as its own instead of choosing one as the kernel's.
     */
    static void addFirmwareBank(Boot boot, ArmEra era, ArmConfig k, State st, long start, long size) {
        addMemory(boot, era, k, st, start, size, era.dtMemoryGeneric);
    }

    private static void addMemory(Boot boot, ArmEra era, ArmConfig k, State st, long start, long size, boolean firmware) {
        if (era.meminfo && st.memory.count() >= k.nrBanks()) {
            if (!era.physAddrT) {
                boot.message(crit("NR_BANKS too low, ignoring memory at 0x" + Long.toHexString(start & M32)));
            } else {
                boot.message(crit("NR_BANKS too low, ignoring memory at " + Fmt.hex8(start)));
            }
            st.droppedByAdd.add(start, start + size);
            return;
        }
        if (!era.u64AddMemory) {
            // 2.6.3x: size -= start & ~PAGE_MASK; bank->start = PAGE_ALIGN(start); bank->size = size & PAGE_MASK
            long s = (size - (start & (PAGE_SIZE - 1))) & M32;
            long alignedStart = (start + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1) & M32;
            long alignedSize = s & ~(PAGE_SIZE - 1);
            recordAlignmentLoss(st, start, size, alignedStart, alignedSize);
            if (alignedSize == 0) {
                return;
            }
            st.memory.add(alignedStart, alignedSize);
            return;
        }
        long alignedStart = (start + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
        if (Long.compareUnsigned(alignedStart, start + size) > 0) {
            size = 0;
        } else {
            size -= alignedStart - start;
        }
        if (!k.lpae()) {
            if (alignedStart > M32) {
                String atag = "Ignoring memory at " + Fmt.hex8(start) + " outside 32-bit physical address space";
                if (firmware) {
                    long end = alignedStart + (size & ~(PAGE_SIZE - 1));
                    boot.message(Message.warn("RAM " + Fmt.hex8(start) + "-" + Fmt.hex8(start + size) + " lies above 4 GB, which"
                            + " a kernel without LPAE cannot address, and is not used: " + bothPaths(atag,
                            "Ignoring memory block 0x" + Long.toHexString(alignedStart) + " - 0x" + Long.toHexString(end))
                            + " Give -D ARM_LPAE=y for an LPAE kernel."));
                } else {
                    boot.message(crit(atag));
                }
                st.droppedByAdd.add(start, start + size);
                return;
            }
            if (alignedStart + size > M32) {
                String atag = "Truncating memory at " + Fmt.hex8(start) + " to fit in 32-bit physical address space";
                long end = alignedStart + (size & ~(PAGE_SIZE - 1));
                boolean lastPageOnly = firmware && end <= M32 + 1;
                if (!firmware) {
                    boot.message(crit(atag));
                } else if (!lastPageOnly) {
                    boot.message(Message.warn("RAM 0x100000000-0x" + Long.toHexString(end) + " lies above 4 GB, which a kernel"
                            + " without LPAE cannot address, and is not used: " + bothPaths(atag,
                            "Ignoring memory range 0x100000000 - 0x" + Long.toHexString(end)) + " Give -D ARM_LPAE=y for an LPAE kernel."));
                } else {
                    boot.message(Message.note("the bank " + Fmt.hex8(alignedStart) + "-0x100000000 ends at 4 GB, one byte past a"
                            + " 32-bit phys_addr_t, so the kernel never has its last page, 0xfffff000-0x100000000: "
                            + bothPaths(atag, null)));
                }
                (lastPageOnly ? st.pastPhysAddrT : st.droppedByAdd).add(M32 & ~(PAGE_SIZE - 1), alignedStart + size);
                size = M32 - alignedStart;
            }
        }
        if (era.belowPhysOffsetCheck && alignedStart < st.physOffset) {
            if (alignedStart + size <= st.physOffset) {
                boot.message(info("Ignoring memory below PHYS_OFFSET: " + Fmt.hex8(alignedStart) + "-"
                        + Fmt.hex8(alignedStart + size)));
                st.droppedByAdd.add(alignedStart, alignedStart + size);
                return;
            }
            boot.message(info("Ignoring memory below PHYS_OFFSET: " + Fmt.hex8(alignedStart) + "-"
                    + Fmt.hex8(st.physOffset)));
            st.droppedByAdd.add(alignedStart, st.physOffset);
            size -= st.physOffset - alignedStart;
            alignedStart = st.physOffset;
        }
        long finalSize = size & ~(PAGE_SIZE - 1);
        recordAlignmentLoss(st, start, size + (alignedStart - start), alignedStart, finalSize);
        if (finalSize == 0) {
            return;
        }
        st.memory.add(alignedStart, finalSize);
    }

    /** What the kernel prints for a bank past 4 GB, by how firmware described it ({@link #addFirmwareBank}). */
    private static String bothPaths(String atag, String deviceTree) {
        return "from a device tree the kernel " + (deviceTree == null ? "caps the bank without a word"
                : "prints \"" + deviceTree + "\"") + " (drivers/of/fdt.c early_init_dt_add_memory_arch(), as in today's kernels);"
                + " from ATAGs it prints \""
                + atag + "\" (arch/arm/kernel/setup.c arm_add_memory()).";
    }

    private static void recordAlignmentLoss(State st, long start, long size, long alignedStart, long alignedSize) {
        RangeSet lost = RangeSet.of(start, start + size).remove(alignedStart, alignedStart + alignedSize);
        st.droppedByAdd.addAll(lost);
    }

    private static Message crit(String text) {
        return Message.kernel(Level.CRIT, text, true);
    }

    private static Message info(String text) {
        return Message.kernel(Level.INFO, text, true);
    }
}
