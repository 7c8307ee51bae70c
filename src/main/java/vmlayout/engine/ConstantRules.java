package vmlayout.engine;

import java.util.List;
import vmlayout.config.Arch;
import vmlayout.config.Defines;
import vmlayout.config.Fmt;
import vmlayout.config.InputException;
import vmlayout.config.Machine;
import vmlayout.config.RamBank;

/**
 * Constants that cannot describe a kernel. A value pinned with -D (or a shorthand, or a profile) is taken
 * as given, so a slip ({@code -D VMALLOC_END=0xe000000}, a zero missing) would otherwise produce a table
 * no kernel could print ({@code vmalloc : 0xff000000 - 0x0e000000}) and exit 0. Each rule below is an
 * order the architecture's headers fix between two constants; when a run uses both, one of them is
 * pinned and the order does not hold, the input is refused with one line that names the -D and the
 * rule (exit 2). Derived values follow the kernel's arithmetic and are not checked here.
 */
public final class ConstantRules {

    /**
     * {@code low} + {@code gap} must not exceed {@code high} (strictly below it when {@code strict}).
     *
     * @param arch   the architecture the rule holds on, or null for all three
     * @param source where the kernel fixes the order
     */
    record Rule(Arch arch, String low, String high, long gap, boolean strict, String source) {
    }

    private static final long MB = 1L << 20;

    static final List<Rule> RULES = List.of(
            // the vmalloc area lies above lowmem: VMALLOC_START is derived from high_memory (+ VMALLOC_OFFSET)
            new Rule(null, "PAGE_OFFSET", "VMALLOC_END", 0, true,
                    "the vmalloc area ends above lowmem, which starts at PAGE_OFFSET"),
            // ARM early_vmalloc(): vmalloc_reserve is at least 16 MB and at most VMALLOC_END - (PAGE_OFFSET + 32 MB)
            new Rule(Arch.ARM, "PAGE_OFFSET", "VMALLOC_END", 48 * MB, false,
                    "arch/arm/mm/mmu.c early_vmalloc() leaves lowmem at least 32 MB and vmalloc at least 16 MB below"
                            + " VMALLOC_END"),
            // x86: MAXMEM = VMALLOC_END - PAGE_OFFSET - __VMALLOC_RESERVE (asm/pgtable_32_areas.h) must be positive
            new Rule(Arch.X86, "PAGE_OFFSET", "VMALLOC_END", -1, true,
                    "arch/x86 MAXMEM = VMALLOC_END - PAGE_OFFSET - __VMALLOC_RESERVE must leave lowmem"),
            // the fixmap sits above the vmalloc area on all three (ARM FIXADDR_START 0xffc00000 over
            // VMALLOC_END 0xff800000; x86 and powerpc: fixmap, pkmap, then vmalloc/ioremap below)
            new Rule(null, "VMALLOC_END", "FIXADDR_START", 0, false, "the fixmap lies above the vmalloc area"),
            new Rule(null, "FIXADDR_START", "FIXADDR_TOP", 0, true, "the fixmap runs from FIXADDR_START up to FIXADDR_TOP"),
            new Rule(Arch.ARM, "FIXADDR_START", "FIXADDR_END", 0, true, "the fixmap runs from FIXADDR_START up to FIXADDR_END"),
            // ARM: modules, then pkmap (HIGHMEM) below PAGE_OFFSET (arch/arm/include/asm/memory.h, highmem.h)
            new Rule(Arch.ARM, "MODULES_VADDR", "MODULES_END", 0, true, "the modules area runs from MODULES_VADDR up to MODULES_END"),
            new Rule(Arch.ARM, "MODULES_END", "PAGE_OFFSET", 0, false, "arch/arm/include/asm/memory.h: modules lie below PAGE_OFFSET"),
            new Rule(Arch.ARM, "PKMAP_BASE", "PAGE_OFFSET", 0, true, "arch/arm/include/asm/highmem.h: PKMAP_BASE = PAGE_OFFSET - PMD_SIZE"),
            // x86 and powerpc: the pkmap area lies above the vmalloc area and below the fixmap
            new Rule(Arch.X86, "VMALLOC_END", "PKMAP_BASE", 0, false, "arch/x86: VMALLOC_END = PKMAP_BASE - 2 * PAGE_SIZE"),
            new Rule(Arch.X86, "PKMAP_BASE", "FIXADDR_START", 0, true, "arch/x86: the pkmap area lies below the fixmap"),
            new Rule(Arch.PPC, "PKMAP_BASE", "FIXADDR_START", 0, true, "arch/powerpc: the pkmap area lies below the fixmap"),
            new Rule(Arch.PPC, "IOREMAP_BOT", "IOREMAP_TOP", 0, false, "arch/powerpc: ioremap_bot grows down from IOREMAP_TOP"),
            new Rule(Arch.PPC, "PAGE_OFFSET", "IOREMAP_BOT", 0, true,
                    "arch/powerpc: VMALLOC_END is ioremap_bot, above lowmem, which starts at PAGE_OFFSET"),
            // the image's sections, from System.map: each starts below its end
            new Rule(null, "_text", "_etext", 0, true, "System.map: .text starts below its end"),
            new Rule(null, "__init_begin", "__init_end", 0, true, "System.map: .init starts below its end"),
            new Rule(null, "_sdata", "_edata", 0, true, "System.map: .data starts below its end"),
            new Rule(null, "__bss_start", "__bss_stop", 0, true, "System.map: .bss starts below its end"));

    /**
     * The derived constants that rest on no guess, against which a pinned value is checked: those the
     * Kconfig choice or the release fix. On x86 and powerpc the fixmap's size is a typical configuration's
     * (pin it from a boot log), so what lies below it (pkmap, VMALLOC_END, ioremap) is checked only
     * against another pinned value.
     */
    private static boolean anchor(Arch arch, String name) {
        return switch (arch) {
            case ARM -> List.of("PAGE_OFFSET", "VMALLOC_END", "FIXADDR_START", "FIXADDR_TOP", "FIXADDR_END", "MODULES_VADDR",
                    "MODULES_END", "PKMAP_BASE").contains(name);
            case X86, PPC -> List.of("PAGE_OFFSET", "FIXADDR_TOP").contains(name);
        };
    }

    private ConstantRules() {
    }

    /**
     * Refuses the run when a rule between two constants it used fails and one of them was pinned (the
     * other pinned too, or fixed by the Kconfig choice and the release: {@link #anchor}), or when PHYS_OFFSET
     * is pinned above every RAM bank on ARM (the image is loaded at PHYS_OFFSET + TEXT_OFFSET, and
     * arm_add_memory() drops RAM below PHYS_OFFSET).
     */
    static void check(Machine machine, Constants c) {
        for (Rule r : RULES) {
            if (r.arch != null && r.arch != machine.arch()) {
                continue;
            }
            Constants.Value low = c.value(r.low);
            Constants.Value high = c.value(r.high);
            if (low == null || high == null || !(low.pinned() || high.pinned())) {
                continue;
            }
            if (!(low.pinned() && high.pinned()) && !anchor(machine.arch(), low.pinned() ? high.name() : low.name())) {
                continue; // a derived value that rests on a guess (a typical fixmap) cannot overrule a pinned one
            }
            long gap = r.gap;
            if (gap < 0) { // x86 MAXMEM: the reserve the run used
                Constants.Value reserve = c.value("VMALLOC_RESERVE");
                gap = reserve == null ? 0 : reserve.value();
            }
            long top = low.value() + gap;
            boolean holds = r.strict ? top < high.value() : top <= high.value();
            if (!holds) {
                throw new InputException(pinned(machine.defines(), low, high) + ": no " + machine.arch().kernelName()
                        + " kernel has " + r.low + " " + Fmt.hex8(low.value()) + (gap > 0 ? " + " + (gap >> 20) + " MB" : "")
                        + (r.strict ? " at or above " : " above ") + r.high + " " + Fmt.hex8(high.value()) + " ("
                        + r.source + "): check the value (a digit missing?)");
            }
        }
        Constants.Value phys = c.value("PHYS_OFFSET");
        if (machine.arch() == Arch.ARM && phys != null && phys.pinned() && !machine.ram().isEmpty()) {
            for (RamBank b : machine.ram()) {
                if (!b.hasStart() || b.start() + b.size() > phys.value()) {
                    return; // RAM at or above PHYS_OFFSET (it may start below a bank: the 8903/1 head)
                }
            }
            throw new InputException(machine.defines().origin("PHYS_OFFSET") + "=" + Fmt.hex8(phys.value()) + " lies above"
                    + " every RAM bank of --ram: PHYS_OFFSET is where the RAM the kernel runs from starts (arch/arm:"
                    + " the image is loaded at PHYS_OFFSET + TEXT_OFFSET, and arm_add_memory() drops RAM below it)");
        }
    }

    /** "-D A=0x..." for the pinned one(s) of the two, as the user set them. */
    private static String pinned(Defines d, Constants.Value a, Constants.Value b) {
        StringBuilder s = new StringBuilder();
        for (Constants.Value v : new Constants.Value[]{a, b}) {
            if (v.pinned()) {
                s.append(s.length() == 0 ? "" : " with ").append(d.origin(v.name())).append('=').append(d.raw().get(v.name()));
            }
        }
        return s.toString();
    }
}
