package vmlayout.engine.ppc;

import static vmlayout.engine.Ulong.M32;

import java.util.ArrayList;
import java.util.List;
import vmlayout.engine.Constants;

/**
 * The top of the kernel's address space: the fixmap (asm/fixmap.h, from 2.6.26) and the kmap area
 * (asm/highmem.h PKMAP_BASE, LAST_PKMAP). The fixmap's size depends on the configuration; vmlayout
 * counts the enum fixed_addresses entries of the release, and -D FIXADDR_START= pins the real value.
 */
final class PpcFixmap {

    private static final long SZ_128K = 128L << 10;
    private static final long SZ_256K = 256L << 10;
    private static final long SZ_256M = 256L << 20;

    /** Whether the release has a fixmap at all (none before 2.6.26; arch/ppc never had one). */
    boolean exists;
    long top;
    long start;
    /** The enum entries counted (0 when FIXADDR_START was pinned). */
    long pages;
    /** How the count was made, for the defaults line. */
    final List<String> parts = new ArrayList<>();
    long pkmapBase;
    long lastPkmap;
    long pkmapEnd;
    /** KASAN shadow (5.2+ with CONFIG_KASAN): start, and end as printed (0 in the first form). */
    long kasanStart;
    long kasanEnd;

    private PpcFixmap() {
    }

    static PpcFixmap compute(PpcEra era, PpcConfig k, Constants c) {
        PpcFixmap f = new PpcFixmap();
        if (k.kasan) {
            kasan(era, k, f);
        }
        f.exists = era.fixmap && !k.archPpc;
        if (f.exists) {
            f.top = fixaddrTop(era, k, c, f);
            long counted = countEntries(era, k, c, f);
            f.start = c.get("FIXADDR_START", (f.top - counted * k.pageSize) & M32,
                    "asm/fixmap.h FIXADDR_TOP - __end_of_fixed_addresses pages (" + counted + " counted)");
            f.pages = c.pinned("FIXADDR_START") ? 0 : counted;
        }
        if (k.highmem) {
            pkmap(era, k, c, f);
        }
        return f;
    }

    /**
     * FIXADDR_TOP: the variable __FIXADDR_TOP in 2.6.26-2.6.28 (its value is not known; 0xfffff000 per
     * the header's comment), {@code ((unsigned long)(-PAGE_SIZE))} from 2.6.29, and with KASAN (5.2+)
     * {@code KASAN_SHADOW_START - PAGE_SIZE}.
     */
    private static long fixaddrTop(PpcEra era, PpcConfig k, Constants c, PpcFixmap f) {
        if (!era.kvirtTop) {
            return c.get("FIXADDR_TOP", 0xfffff000L, "__FIXADDR_TOP, a variable in 2.6.26-2.6.28 (value not known;"
                    + " the header says the fixmap grows down from 0xfffff000)");
        }
        if (k.kasan) {
            return c.get("FIXADDR_TOP", (f.kasanStart - k.pageSize) & M32, "asm/*32/pgtable.h KASAN_SHADOW_START - PAGE_SIZE");
        }
        return c.get("FIXADDR_TOP", -k.pageSize & M32, "asm/fixmap.h (unsigned long)(-PAGE_SIZE)");
    }

    /** __end_of_fixed_addresses for this release and configuration. */
    private static long countEntries(PpcEra era, PpcConfig k, Constants c, PpcFixmap f) {
        long idx;
        if (era.listingNotYet) {
            idx = 1; // FIX_HOLE
            f.parts.add("FIX_HOLE");
        } else {
            // FIX_HOLE = FIX_EARLY_DEBUG_TOP; FIX_EARLY_DEBUG_BASE = TOP + 128K/PAGE_SIZE - 1
            boolean bug = era.earlyDebugSz128Bug;
            long debug = bug ? 1 : Math.max(1, align(SZ_128K, k.pageSize) / k.pageSize); // ALIGN(SZ_128, PAGE_SIZE) in 5.8
            idx = debug;
            f.parts.add(debug + " early debug" + (bug ? " (5.8's SZ_128 slip)" : ""));
        }
        if (k.highmem) {
            long perCpu;
            String rule;
            if (era.kmMaxIdx) {
                perCpu = 16;
                rule = "KM_MAX_IDX";
            } else {
                perCpu = c.get("KM_TYPE_NR", era.kmTypeNr16 ? 16 : 15, era.kmTypeNr16
                        ? "asm/kmap_types.h KM_TYPE_NR 16" : "enum km_type: 15 entries (KM_BOUNCE_READ .. KM_PPC_SYNC_ICACHE)");
                rule = "KM_TYPE_NR";
            }
            idx += perCpu * k.nrCpus;
            f.parts.add(perCpu + " " + rule + " x " + k.nrCpus + " CPU" + (k.nrCpus == 1 ? "" : "s"));
        }
        if (k.platform == PpcPlatform.PPC_8XX && era.fixImmr8xx) {
            idx = immr(idx, 512L << 10, k.pageSize);
            f.parts.add("8xx IMMR (512K aligned)");
        }
        if (k.mpc83xx && era.fixImmr83xx) {
            idx = immr(idx, 2L << 20, k.pageSize);
            f.parts.add("83xx IMMR (2M aligned)");
        }
        if (era.fixBtmap) {
            long slots = 16 * (SZ_256K / k.pageSize); // FIX_BTMAPS_SLOTS x NR_FIX_BTMAPS
            idx += slots;
            f.parts.add(slots + " early ioremap (16 x 256K)");
        }
        return idx;
    }

    /** FIX_IMMR_START = idx; FIX_IMMR_BASE = __ALIGN_MASK(START, SIZE - 1) - 1 + SIZE; next = BASE + 1. */
    private static long immr(long idx, long area, long pageSize) {
        long size = area / pageSize;
        long base = ((idx + size - 1) & ~(size - 1)) - 1 + size;
        return base + 1;
    }

    /**
     * asm/highmem.h. Before 2.6.26: PKMAP_BASE = CONFIG_HIGHMEM_START, LAST_PKMAP = 1 << PTE_SHIFT.
     * From 2.6.26: {@code (FIXADDR_START - PAGE_SIZE*(LAST_PKMAP + 1)) & PMD_MASK} with 4K pages, the
     * same without the mask and with LAST_PKMAP 512 for larger pages.
     */
    private static void pkmap(PpcEra era, PpcConfig k, Constants c, PpcFixmap f) {
        int pteShift = k.pageShift - (k.pte64 ? 3 : 2);
        if (!era.fixmap || k.archPpc) {
            f.lastPkmap = 1L << pteShift;
            f.pkmapBase = c.get("PKMAP_BASE", c.get("HIGHMEM_START", 0xfe000000L, "Kconfig HIGHMEM_START default 0xfe000000"),
                    "asm/highmem.h PKMAP_BASE = CONFIG_HIGHMEM_START");
        } else if (k.pageSize == 4096) {
            f.lastPkmap = 1L << pteShift;
            long pmdMask = ~((1L << (k.pageShift + pteShift)) - 1);
            f.pkmapBase = c.get("PKMAP_BASE", ((f.start - k.pageSize * (f.lastPkmap + 1)) & pmdMask) & M32,
                    "asm/highmem.h (FIXADDR_START - PAGE_SIZE*(LAST_PKMAP + 1)) & PMD_MASK");
        } else {
            f.lastPkmap = 512;
            f.pkmapBase = c.get("PKMAP_BASE", (f.start - k.pageSize * (f.lastPkmap + 1)) & M32,
                    "asm/highmem.h FIXADDR_START - PAGE_SIZE*(LAST_PKMAP + 1) (not 4K pages)");
        }
        f.pkmapEnd = (f.pkmapBase + f.lastPkmap * k.pageSize) & M32;
    }

    /**
     * asm/kasan.h: KASAN_SHADOW_START = KASAN_SHADOW_OFFSET + (KASAN_KERN_START >> 3); KASAN_KERN_START
     * is PAGE_OFFSET, or ALIGN_DOWN(PAGE_OFFSET - SZ_256M, SZ_256M) when modules live below PAGE_OFFSET
     * (book3s/32 with STRICT_KERNEL_RWX 5.9-5.12; any CONFIG_MODULES from 5.13). KASAN_SHADOW_END is 0
     * until 5.8, then -(-KASAN_SHADOW_START >> 3).
     */
    private static void kasan(PpcEra era, PpcConfig k, PpcFixmap f) {
        boolean below = era.modulesAlways ? k.modules
                : era.modulesSegment.holds() && k.platform.isBook3s32() && k.modules && k.strictRwx;
        long kernStart = below ? ((k.pageOffset - SZ_256M) & ~(SZ_256M - 1)) & M32 : k.pageOffset;
        f.kasanStart = (k.kasanShadowOffset + (kernStart >>> 3)) & M32;
        f.kasanEnd = era.kasanShadowEndFixed ? (-((-f.kasanStart & M32) >>> 3)) & M32 : 0;
    }

    static long align(long v, long a) {
        return (v + a - 1) & ~(a - 1);
    }
}
