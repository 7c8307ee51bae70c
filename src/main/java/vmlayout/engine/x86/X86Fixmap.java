package vmlayout.engine.x86;

import static vmlayout.engine.Ulong.M32;

import java.util.List;
import vmlayout.config.InputException;
import vmlayout.engine.Constants;

/**
 * The top of the x86_32 address space, from FIXADDR_TOP down: the fixmap, the boot-time fixmap slots,
 * the cpu_entry_area (4.15+), the LDT PMD (4.19+), the pkmap area and VMALLOC_END
 * (arch/x86/include/asm/fixmap.h, pgtable_32_types.h, cpu_entry_area.h of each era).
 *
 * <p>The size of the permanent fixmap depends on the whole .config (IO-APICs, ACPI, PCI MMCONFIG,
 * paravirt ...) and cannot be derived from the Kconfig symbols vmlayout takes. By default it is
 * modelled as {@code base + KM_TYPE_NR * NR_CPUS} pages (the kmap slots: with CONFIG_HIGHMEM only up to 2.6.29),
 * with base, KM_TYPE_NR and NR_CPUS of a typical distribution kernel of the era, fitted to real logs
 * ({@link X86Era.TypicalFixmap}). -D FIXADDR_START= (read from a boot log's fixmap row) replaces the model.
 */
final class X86Fixmap {

    /** VMALLOC_OFFSET (arch/x86/include/asm/pgtable_32_types.h): the guard hole below the vmalloc area. */
    static final long VMALLOC_OFFSET = 8L << 20;

    private static final long PAGE = 4096;

    /** The default fixmap model of one era. */
    record Typical(long basePages, long kmTypeNr, long nrCpus, String source) {
        long permanentPages(boolean kmapSlots, long nrCpus) {
            return basePages + (kmapSlots ? kmTypeNr * nrCpus : 0);
        }
    }

    /** The values of the top of the address space, as used. */
    static final class Values {
        long fixaddrTop;
        long fixaddrStart;
        /** FIXADDR_BOOT_START (before 4.15) or FIXADDR_TOT_START (4.15+): the fixmap with its boot slots. */
        long fixaddrTotStart;
        long cpuEntryBase;
        long cpuEntryMapSize;
        long ldtBase;
        long pkmapBase;
        long vmallocEnd;
        long pmdSize;
        long lastPkmap;
    }

    private X86Fixmap() {
    }

    /**
     * Computes the top-of-space values; each is pinned by -D or derived.
     *
     * @param fixaddrTop __FIXADDR_TOP after reservetop=
     * @param defaults   where the defaults used are listed
     */
    static Values compute(X86Era era, Constants c, long fixaddrTop, boolean highmem, boolean pae, List<String> defaults) {
        Values v = new Values();
        v.pmdSize = pae ? 1L << 21 : 1L << 22;
        long pmdMask = ~(v.pmdSize - 1) & M32;
        long ptrsPerPte = pae ? 512 : 1024;
        v.lastPkmap = pae ? 512 : 1024;
        v.fixaddrTop = c.get("FIXADDR_TOP", fixaddrTop, "__FIXADDR_TOP 0xfffff000 (arch/x86/mm/pgtable_32.c), lowered by reservetop=");

        // the permanent fixmap: FIXADDR_START = FIXADDR_TOP - (__end_of_permanent_fixed_addresses << PAGE_SHIFT)
        Typical typ = era.typicalFixmap.typical;
        long permanent;
        if (c.pinned("FIXADDR_START")) {
            v.fixaddrStart = c.get("FIXADDR_START", 0, "-D");
            permanent = ((v.fixaddrTop - v.fixaddrStart) & M32) / PAGE;
        } else {
            long nrCpus = nrCpus(c, typ, defaults);
            boolean kmap = highmem || era.kmapSlotsWithoutHighmem;
            permanent = typ.permanentPages(kmap, nrCpus);
            v.fixaddrStart = c.get("FIXADDR_START", (v.fixaddrTop - permanent * PAGE) & M32,
                    "typical config: " + typ.basePages() + " pages" + (kmap ? " + KM_TYPE_NR " + typ.kmTypeNr()
                    + " x NR_CPUS " + nrCpus + " kmap slots" : "") + " (" + typ.source() + ")");
            defaults.add("fixmap " + permanent + " pages (" + (permanent * 4) + " kB) of a typical distribution kernel: pin"
                    + " -D FIXADDR_START= from your boot log's fixmap row");
        }

        // the boot-time slots after __end_of_permanent_fixed_addresses, where something sits below them
        boolean needTot = era.cpuEntry ? era.ceaFromTotStart : highmem && !era.pkmapFromFixaddrStart;
        if (needTot) {
            long total = totalPages(era.bootSlots, permanent, ptrsPerPte);
            String totName = era.cpuEntry ? "FIXADDR_TOT_START" : "FIXADDR_BOOT_START";
            v.fixaddrTotStart = c.get(totName, (v.fixaddrTop - total * PAGE) & M32, "FIXADDR_TOP - " + total + " pages: "
                    + permanent + " permanent, " + era.bootSlots.words + " (" + era.bootSlots.source("arch/x86/include/asm/fixmap.h") + ")");
        }

        long below; // what pkmap (and without HIGHMEM vmalloc) sits under
        if (!era.cpuEntry) {
            long base = era.pkmapFromFixaddrStart ? v.fixaddrStart : v.fixaddrTotStart;
            below = v.fixaddrStart;
            if (highmem) {
                v.pkmapBase = c.get("PKMAP_BASE", (base - PAGE * (v.lastPkmap + 1)) & pmdMask,
                        "(" + (era.pkmapFromFixaddrStart ? "FIXADDR_START" : "FIXADDR_BOOT_START")
                        + " - PAGE_SIZE * (LAST_PKMAP + 1)) & PMD_MASK");
            }
        } else {
            long nrCpus = -1;
            long perCpuReserve = era.cpuEntryArea.reservedPerCpu;
            long pages;
            if (c.pinned("CPU_ENTRY_AREA_PAGES")) {
                pages = c.get("CPU_ENTRY_AREA_PAGES", 0, "-D");
            } else {
                nrCpus = nrCpus(c, typ, defaults);
                pages = c.get("CPU_ENTRY_AREA_PAGES", nrCpus * perCpuReserve, "NR_CPUS * " + perCpuReserve
                        + " (arch/x86/include/asm/pgtable_32_types.h)");
            }
            long base = era.ceaFromTotStart ? v.fixaddrTotStart : v.fixaddrStart;
            v.cpuEntryBase = c.get("CPU_ENTRY_AREA_BASE", (base - PAGE * (pages + 1)) & pmdMask,
                    "(" + (era.ceaFromTotStart ? "FIXADDR_TOT_START" : "FIXADDR_START")
                    + " - PAGE_SIZE * (CPU_ENTRY_AREA_PAGES + 1)) & PMD_MASK");
            if (c.pinned("CPU_ENTRY_AREA_MAP_SIZE")) {
                v.cpuEntryMapSize = c.get("CPU_ENTRY_AREA_MAP_SIZE", 0, "-D");
            } else {
                if (nrCpus < 0) {
                    nrCpus = nrCpus(c, typ, defaults);
                }
                long perCpu = era.cpuEntryArea.structPages;
                v.cpuEntryMapSize = c.get("CPU_ENTRY_AREA_MAP_SIZE", (1 + nrCpus * perCpu) * PAGE,
                        "1 read-only IDT page + NR_CPUS x " + perCpu + " pages of struct cpu_entry_area (typical config)");
                defaults.add("struct cpu_entry_area of " + perCpu + " pages per CPU (typical config): pin"
                        + " -D CPU_ENTRY_AREA_MAP_SIZE= from your boot log's cpu_entry row");
            }
            below = v.cpuEntryBase;
            if (era.ldt) {
                v.ldtBase = c.get("LDT_BASE_ADDR", (v.cpuEntryBase - PAGE) & pmdMask, "(CPU_ENTRY_AREA_BASE - PAGE_SIZE) & PMD_MASK");
                below = v.ldtBase;
            }
            if (highmem) {
                v.pkmapBase = c.get("PKMAP_BASE", (below - PAGE) & pmdMask,
                        "(" + (era.ldt ? "LDT_BASE_ADDR" : "CPU_ENTRY_AREA_BASE") + " - PAGE_SIZE) & PMD_MASK");
            }
        }
        v.vmallocEnd = c.get("VMALLOC_END", highmem ? (v.pkmapBase - 2 * PAGE) & M32 : (below - 2 * PAGE) & M32,
                highmem ? "PKMAP_BASE - 2 * PAGE_SIZE" : (!era.cpuEntry ? "FIXADDR_START" : era.ldt ? "LDT_BASE_ADDR"
                        : "CPU_ENTRY_AREA_BASE") + " - 2 * PAGE_SIZE (no CONFIG_HIGHMEM)");
        return v;
    }

    /** NR_CPUS, pinned or the typical config's; the default is listed once. */
    private static long nrCpus(Constants c, Typical typ, List<String> defaults) {
        if (!c.pinned("NR_CPUS")) {
            String d = "NR_CPUS=" + typ.nrCpus() + " (typical distribution kernel of this era)";
            if (!defaults.contains(d)) {
                defaults.add(d);
            }
        }
        long n = c.get("NR_CPUS", typ.nrCpus(), "typical distribution kernel of this era");
        if (n < 1) {
            throw new InputException("-D NR_CPUS=" + n + ": expected at least 1");
        }
        return n;
    }

    /**
     * __end_of_fixed_addresses in pages (arch/x86/include/asm/fixmap.h): the permanent part, the boot-time
     * slots of early_ioremap() from FIX_BTMAP_END on, FIX_WP_TEST and what the era has after it
     * ({@link X86Era.BootSlots}).
     * <pre>
     *   FIX_BTMAP_END = end + slots - (end &amp; (slots - 1))      always (2.6.27-2.6.32), or only when
     *                   (end ^ (end + slots - 1)) &amp; -PTRS_PER_PTE  is not 0 (3.0 on); else end
     *   total = FIX_BTMAP_END + slots + 1 (FIX_WP_TEST) + afterWpTest
     * </pre>
     */
    static long totalPages(X86Era.BootSlots rule, long permanent, long ptrsPerPte) {
        long slots = rule.slots;
        long btmapEnd = permanent;
        if (rule.alwaysMoved || rule.movedIfCrossing && ((permanent ^ (permanent + slots - 1)) & -ptrsPerPte) != 0) {
            btmapEnd = permanent + slots - (permanent & (slots - 1));
        }
        return btmapEnd + slots + 1 + rule.afterWpTest;
    }
}
