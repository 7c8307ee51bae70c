package vmlayout.engine.arm;

import java.util.List;
import vmlayout.bootargs.MemParse;
import vmlayout.bootargs.Param;
import vmlayout.config.Fmt;
import vmlayout.config.Sizes;
import vmlayout.engine.Derivation;
import vmlayout.engine.DerivationLog;
import vmlayout.engine.RangeSet;
import vmlayout.report.Message.Level;
import vmlayout.report.Message;

/**
 * The early parameters ARM acts on, in command-line order: mem= (arch/arm/kernel/setup.c early_mem()
 * and arm_add_memory()) and vmalloc= (arch/arm/mm/mmu.c early_vmalloc()). Parameters that only other
 * architectures implement (memmap=, highmem=, reservetop=) are reported as having no effect.
 */
final class ArmEarlyParams {

    private static final long M32 = 0xffffffffL;
    private static final long PAGE_SIZE = 4096;
    private static final long SZ_16M = 16L << 20;
    private static final long SZ_32M = 32L << 20;

    /** The state the early parameters change. */
    static final class State {
        ArmEra era;
        ArmMemory memory;
        List<Message> messages;
        long physOffset;
        long pageOffset;
        long vmallocEnd;
        long vmallocOffset;
        boolean lpae;
        int nrBanks;
        /** The vmalloc reserve / size in effect (era-dependent meaning, see ArmEra.VmallocRule). */
        long vmallocReserve;
        boolean vmallocGiven;
        boolean usermem;
        /** The derivation steps of the parameters. */
        DerivationLog log = new DerivationLog();
        /** RAM cleared by the first mem= (for the RAM accounting). */
        final RangeSet clearedByMem = new RangeSet();
        /** RAM dropped by arm_add_memory() (alignment, 32-bit limit, below PHYS_OFFSET). */
        final RangeSet droppedByAdd = new RangeSet();
    }

    private ArmEarlyParams() {
    }

    static void apply(State st, List<Param> params) {
        for (Param p : params) {
            if (p.is("mem")) {
                earlyMem(st, p);
            } else if (p.is("vmalloc")) {
                earlyVmalloc(st, p);
            } else if (p.is("memmap")) {
                st.messages.add(Message.warn(p.text() + " has no effect on ARM: memmap= is implemented by x86, MIPS and"
                        + " Xtensa only, arch/arm passes it to init untouched. To keep RAM from the kernel on ARM,"
                        + " describe only the RAM it may use with mem=SIZE@START (one per bank) or add a"
                        + " /reserved-memory node with no-map to the device tree."));
            } else if (p.is("highmem")) {
                st.messages.add(Message.warn(p.text() + " has no effect on ARM: highmem= is x86 only. On ARM the"
                        + " highmem size follows from the RAM and vmalloc=: a bigger vmalloc= leaves less lowmem."));
            } else if (p.is("reservetop")) {
                st.messages.add(Message.warn(p.text() + " has no effect on ARM: reservetop= is x86 only."));
            }
        }
    }

    /**
     * early_mem(): the first mem= forgets every RAM bank firmware described; each mem= then adds
     * SIZE at PHYS_OFFSET, or at START with SIZE@START (arch/arm/kernel/setup.c).
     */
    private static void earlyMem(State st, Param p) {
        if (p.value() == null) {
            st.messages.add(Message.warn("'mem' without a value: early_mem() would pass NULL to memparse(); vmlayout"
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
        MemParse.Result size = MemParse.parse(v, st.era.suffixes);
        long start = st.physOffset;
        String rest = size.rest();
        MemParse.Result at = null;
        if (rest.startsWith("@")) {
            at = MemParse.parse(v, size.end() + 1, st.era.suffixes);
            start = at.value();
            noteOdd(st, p, "START", at, at.rest());
        } else {
            noteOdd(st, p, "SIZE", size, rest);
        }
        if (size.end() == 0 || !size.hasDigits()) {
            noteOdd(st, p, "SIZE", size, "");
        }
        long sz = size.value();
        if (!st.era.u64AddMemory) {
            // 2.6.3x: "unsigned long size, start" take memparse's unsigned long long truncated to 32 bits
            sz &= M32;
            start &= M32;
        }
        if (st.log.on()) {
            st.log.add(p.text(), (first ? "the first mem= forgets the RAM banks firmware described; " : "")
                    + p.text() + " adds " + Sizes.human(sz) + " at " + Fmt.hex8(start) + (at == null ? " (PHYS_OFFSET)" : "")
                    + ": RAM " + Fmt.hex8(start) + "-" + Fmt.hex8(start + sz) + ".", "arch/arm/kernel/setup.c early_mem(), all releases");
        }
        addMemory(st, start, sz);
    }

    /** A vmlayout note when memparse left text unread or read no digits: what the kernel made of it. */
    private static void noteOdd(State st, Param p, String part, MemParse.Result r, String leftover) {
        if (!r.hasDigits()) {
            st.messages.add(Message.note(p.text() + ": no number where " + part + " was expected; the kernel's memparse"
                    + " reads 0 here."));
            return;
        }
        if (!leftover.isEmpty()) {
            String read = Sizes.human(r.value());
            String why = "";
            char c = Character.toUpperCase(leftover.charAt(0));
            if (r.suffix() == 0 && "TPE".indexOf(c) >= 0 && st.era.suffixes == MemParse.Suffixes.KMG) {
                why = " (this release's memparse knows only the K, M and G suffixes)";
            }
            st.messages.add(Message.note(p.text() + ": the kernel's memparse reads " + read + " and ignores '" + leftover
                    + "'" + why + "."));
        }
    }

    /**
     * arm_add_memory(): page-align the start (rounding up) and the size (rounding down); without a
     * 64-bit phys_addr_t drop or clip RAM beyond 4 GB; drop or clip RAM below PHYS_OFFSET; in meminfo
     * releases refuse banks past NR_BANKS (arch/arm/kernel/setup.c).
     */
    static void addMemory(State st, long start, long size) {
        ArmEra era = st.era;
        if (era.meminfo && st.memory.count() >= st.nrBanks) {
            if (era.lowmem == ArmEra.LowmemRule.SANITY_VA || era.lowmem == ArmEra.LowmemRule.CHECK_MEMBANK_VALID) {
                st.messages.add(crit("NR_BANKS too low, ignoring memory at 0x" + Long.toHexString(start & M32)));
            } else {
                st.messages.add(crit("NR_BANKS too low, ignoring memory at " + Fmt.hex8(start)));
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
        if (!st.lpae) {
            if (alignedStart > M32) {
                st.messages.add(crit("Ignoring memory at " + Fmt.hex8(start)
                        + " outside 32-bit physical address space"));
                st.droppedByAdd.add(start, start + size);
                return;
            }
            if (alignedStart + size > M32) {
                st.messages.add(crit("Truncating memory at " + Fmt.hex8(start)
                        + " to fit in 32-bit physical address space"));
                st.droppedByAdd.add(M32 & ~(PAGE_SIZE - 1), alignedStart + size);
                size = M32 - alignedStart;
            }
        }
        if (era.belowPhysOffsetCheck && alignedStart < st.physOffset) {
            if (alignedStart + size <= st.physOffset) {
                st.messages.add(info("Ignoring memory below PHYS_OFFSET: " + Fmt.hex8(alignedStart) + "-"
                        + Fmt.hex8(alignedStart + size)));
                st.droppedByAdd.add(alignedStart, alignedStart + size);
                return;
            }
            st.messages.add(info("Ignoring memory below PHYS_OFFSET: " + Fmt.hex8(alignedStart) + "-"
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

    private static void recordAlignmentLoss(State st, long start, long size, long alignedStart, long alignedSize) {
        RangeSet lost = RangeSet.of(start, start + size).remove(alignedStart, alignedStart + alignedSize);
        st.droppedByAdd.addAll(lost);
    }

    /**
     * early_vmalloc(): vmalloc=SIZE with the kernel's clamps: below 16 MB "too small", above
     * VMALLOC_END - (PAGE_OFFSET + 32 MB) "too big" (from the vmalloc_size rewrite also minus
     * VMALLOC_OFFSET, and the texts say MiB). The value is an unsigned long: memparse's 64-bit result
     * is truncated to 32 bits.
     */
    private static void earlyVmalloc(State st, Param p) {
        if (p.value() == null) {
            st.messages.add(Message.warn("'vmalloc' without a value: early_vmalloc() would pass NULL to memparse();"
                    + " vmlayout ignores it. Write vmalloc=SIZE."));
            return;
        }
        MemParse.Result r = MemParse.parse(p.value(), st.era.suffixes);
        noteOdd(st, p, "SIZE", r, r.rest());
        long reserve = r.value() & M32;
        if (r.value() != reserve) {
            st.messages.add(Message.note(p.text() + ": early_vmalloc() keeps memparse's result in an unsigned long:"
                    + " 32-bit ARM reads " + reserve + " bytes."));
        }
        boolean mib = st.era.vmalloc == ArmEra.VmallocRule.SIZE_240;
        if (reserve < SZ_16M) {
            reserve = SZ_16M;
            String text = mib ? "vmalloc area is too small, limiting to " + (reserve >> 20) + "MiB"
                    : "vmalloc area too small, limiting to " + (reserve >> 20) + "MB";
            st.messages.add(Message.kernel(Level.WARNING, text, true));
        }
        long max = mib ? (st.vmallocEnd - (st.pageOffset + SZ_32M + st.vmallocOffset)) & M32
                : (st.vmallocEnd - (st.pageOffset + SZ_32M)) & M32;
        if (reserve > max) {
            reserve = max;
            String text = "vmalloc area is too big, limiting to " + (reserve >> 20) + (mib ? "MiB" : "MB");
            st.messages.add(Message.kernel(Level.WARNING, text, true));
        }
        st.vmallocReserve = reserve;
        st.vmallocGiven = true;
        if (st.log.on()) {
            String range = "between 16 MB and VMALLOC_END " + Fmt.hex8(st.vmallocEnd) + " - (PAGE_OFFSET " + Fmt.hex8(st.pageOffset)
                    + " + 32 MB" + (mib ? " + VMALLOC_OFFSET 8 MB" : "") + ") = " + Sizes.human(max)
                    + ", so that at least 32 MB of lowmem remain";
            String read = Sizes.human(r.value() & M32);
            st.log.add("vmalloc size", p.text() + ": early_vmalloc() " + (reserve == (r.value() & M32)
                    ? "takes " + read + " (the kernel keeps it " + range + ")"
                    : "limits " + read + " to " + Sizes.human(reserve) + " (it keeps the value " + range + ")") + ".",
                    "arch/arm/mm/mmu.c early_vmalloc(), " + (mib ? Derivation.releases(ArmEra.VMALLOC_SIZE, null)
                    : Derivation.releases(null, ArmEra.VMALLOC_SIZE)));
        }
    }

    private static Message crit(String text) {
        return Message.kernel(Level.CRIT, text, true);
    }

    private static Message info(String text) {
        return Message.kernel(Level.INFO, text, true);
    }
}
