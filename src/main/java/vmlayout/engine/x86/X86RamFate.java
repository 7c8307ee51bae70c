package vmlayout.engine.x86;

import java.util.ArrayList;
import java.util.List;
import vmlayout.config.Fmt;
import vmlayout.engine.PartialPages;
import vmlayout.engine.RamRange;
import vmlayout.engine.RamUse;
import vmlayout.engine.RangeSet;
import vmlayout.report.Message;

/**
 * Where the BIOS map's RAM went (vmlayout's accounting, not a kernel step): lowmem below max_low_pfn,
 * highmem up to max_pfn, reserved where memmap= retyped it or mem=/memmap= left it out of the map (on
 * purpose), dropped where the kernel's limits (MAX_ARCH_PFN, the lowmem limit without HIGHMEM, 4 GB
 * without HIGHMEM64G, highmem=) cut it off.
 */
final class X86RamFate {

    private X86RamFate() {
    }

    static List<RamRange> of(E820Table bios, X86EarlyParams.State st, X86Lowmem.Result split, long maxArchPfn,
                             boolean archClamp, boolean highmem, List<Message> messages) {
        RangeSet board = bios.ranges(E820Table.RAM);
        E820Table finalMap = st.table.copy();
        if (!st.era.e820Unified.holds()) {
            finalMap.sanitize(st.era.e820NoMerge()); // 2.6.2x keeps the user map unsorted: sort it for the accounting
        }
        RangeSet ram = finalMap.ranges(E820Table.RAM);
        long lowEnd = split.maxLowPfn * 4096;
        long highEnd = split.maxPfn * 4096;
        RangeSet low = ram.intersect(RangeSet.of(0, Math.min(lowEnd, highEnd)));
        RangeSet high = highmem ? ram.intersect(RangeSet.of(lowEnd, Math.max(lowEnd, highEnd))) : new RangeSet();

        List<RamRange> out = new ArrayList<>();
        RamRange.addAll(out, board.intersect(low), RamUse.LOWMEM, "");
        RamRange.addAll(out, board.intersect(high), RamUse.HIGHMEM, "");
        // RAM that memmap= adds where the BIOS map has none (or has it reserved) is the kernel's all the same:
        // e820__memblock_setup() (6.1 arch/x86/kernel/e820.c; e820_register_active_regions() before 2.6.35)
        // adds every E820_TYPE_RAM entry of the final map to memblock.memory, so its pages are present
        // ("Memory: .../NK available") and in the zones
        RangeSet invented = new RangeSet(ram).removeAll(board);
        RamRange.addAll(out, invented.intersect(low), RamUse.LOWMEM, "made RAM by memmap= (" + String.join(", ", st.mapEditors) + ")");
        RamRange.addAll(out, invented.intersect(high), RamUse.HIGHMEM, "made RAM by memmap= (" + String.join(", ", st.mapEditors) + ")");
        RangeSet rest = new RangeSet(board).removeAll(low).removeAll(high);

        RangeSet byTrim = rest.intersect(st.trimmed);
        RamRange.addAll(out, byTrim, RamUse.RESERVED, "the BIOS's: trim_bios_range() reserves the first page(s) and removes 640 kB-1 MB");
        rest.removeAll(byTrim);

        RangeSet retyped = new RangeSet();
        for (E820Table.Entry e : finalMap.entries) {
            if (e.type != E820Table.RAM && e.size != 0) {
                retyped.addAll(finalMap.ranges(e.type));
            }
        }
        RangeSet reserved = rest.intersect(retyped);
        RamRange.addAll(out, reserved, RamUse.RESERVED, "retyped by memmap= (" + String.join(", ", st.mapEditors) + ")");
        rest.removeAll(reserved);

        long archEnd = maxArchPfn * 4096;
        if (archClamp) {
            RangeSet aboveArch = rest.intersect(ram).intersect(RangeSet.of(archEnd, E820Table.ACCOUNTING_LIMIT));
            RamRange.addAll(out, aboveArch, RamUse.DROPPED, maxArchPfn == 1L << 20 ? "above 4 GB: MAX_ARCH_PFN of a kernel without PAE"
                    : "above 64 GB: MAX_ARCH_PFN of a PAE kernel");
            rest.removeAll(aboveArch);
        }
        RangeSet bySplit = rest.intersect(ram);
        // the end of a RAM entry off a page boundary is no page: e820_end_pfn() (e820_end_of_ram_pfn()
        // before 4.14, arch/x86/kernel/e820.c) counts (addr + size) >> PAGE_SHIFT, so max_pfn stops below it
        rest.removeAll(PartialPages.takeFrom(bySplit, board, "arch/x86/kernel/e820.c e820_end_pfn() counts whole pages",
                messages));
        RamRange.addAll(out, bySplit, RamUse.DROPPED, split.trimmedBy != null ? split.trimmedBy : "above max_pfn");
        rest.removeAll(bySplit);
        // what mem=/memmap= left out of the map is kept from the kernel on purpose (as on ARM and PPC):
        // reserved, not dropped, so a board that reserves RAM this way does not fail a CI check
        RamRange.addAll(out, rest, RamUse.RESERVED, "left out of the kernel's memory by " + String.join(", ", st.mapEditors)
                + " (the user-defined map)");
        out.sort(RamRange.BY_START);

        RangeSet described = new RangeSet();
        for (E820Table.Entry e : bios.entries) {
            described.addAll(bios.ranges(e.type));
        }
        for (RangeSet.Range r : invented.ranges()) {
            if (described.intersect(RangeSet.of(r.start(), r.end())).total() == r.size()) {
                messages.add(Message.note("memmap= makes " + Fmt.hex8(r.start()) + "-" + Fmt.hex8(r.end()) + " RAM, which the BIOS map reports as reserved."));
            } else {
                messages.add(Message.warn("memmap= describes RAM at " + Fmt.hex8(r.start()) + "-" + Fmt.hex8(r.end())
                        + " that the BIOS map does not have: the kernel would use memory that is not there."));
            }
        }
        return out;
    }
}
