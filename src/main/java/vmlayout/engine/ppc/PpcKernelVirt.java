package vmlayout.engine.ppc;

import static vmlayout.engine.Ulong.M32;

import java.util.List;
import vmlayout.config.Fmt;
import vmlayout.config.InputException;
import vmlayout.engine.Constants;
import vmlayout.report.Message;

/**
 * The areas between lowmem and the fixmap, and the modules area below PAGE_OFFSET: ioremap_bot and
 * IOREMAP_TOP (KVIRT_TOP), the consistent memory of non-coherent platforms, VMALLOC_START/END
 * (asm/pgtable-ppc32.h, later asm/book3s/32 and nohash/32 pgtable.h), MODULES_VADDR/END.
 */
final class PpcKernelVirt {

    private static final long VMALLOC_OFFSET = 0x1000000L; // 16M
    private static final long SZ_256M = 256L << 20;
    /** 44x: asm/mmu-44x.h PPC_PIN_SIZE (1 << 28). */
    private static final long PPC_PIN_SIZE = 1L << 28;

    /** IOREMAP_TOP (ioremap_base before 2.6.29): where the early ioremaps start, growing down. */
    long ioremapTop;
    long ioremapBot;
    boolean consistent;
    long consistentStart;
    long consistentEnd;
    long vmallocStart;
    long vmallocEnd;
    boolean modules;
    long modulesStart;
    long modulesEnd;

    private PpcKernelVirt() {
    }

    static PpcKernelVirt compute(PpcEra era, PpcConfig k, PpcFixmap f, long highMemory, Constants c, List<Message> messages) {
        PpcKernelVirt v = new PpcKernelVirt();
        ioremap(era, k, f, c, v);
        vmalloc(era, k, highMemory, c, v);
        modulesArea(era, k, v);
        if (Long.compareUnsigned(v.vmallocStart, v.vmallocEnd) >= 0) {
            messages.add(Message.warn("no vmalloc space: VMALLOC_START " + Fmt.hex8(v.vmallocStart) + " is not below VMALLOC_END "
                    + Fmt.hex8(v.vmallocEnd) + " (ioremap_bot): vmalloc() and ioremap() would fail and the kernel would not"
                    + " come up. Lower CONFIG_LOWMEM_SIZE" + (k.kasan ? " (with KASAN the shadow starts at"
                    + " KASAN_SHADOW_START and the fixmap and ioremap space sit below it, so lowmem must end well below"
                    + " 0xF0000000)" : "") + "."));
        }
        return v;
    }

    /**
     * Before 2.6.29 (MMU_init): ioremap_base = PKMAP_BASE with HIGHMEM, else 0xfe000000; ioremap_bot =
     * ioremap_base; the consistent area sits at CONFIG_CONSISTENT_START. 2.6.29-5.3: KVIRT_TOP =
     * PKMAP_BASE or 0xfe000000 (FIXADDR_START from 5.2); IOREMAP_TOP = KVIRT_TOP, minus
     * CONFIG_CONSISTENT_SIZE (page aligned) with NOT_COHERENT_CACHE, the consistent area filling the
     * gap. 5.4+: IOREMAP_TOP = PKMAP_BASE or FIXADDR_START. ioremap_bot then moves down with every early
     * ioremap (platform code): -D IOREMAP_BOT gives where it ended.
     */
    private static void ioremap(PpcEra era, PpcConfig k, PpcFixmap f, Constants c, PpcKernelVirt v) {
        long pageMask = ~(k.pageSize - 1);
        if (!era.kvirtTop) {
            v.ioremapTop = c.get("IOREMAP_TOP", k.highmem ? f.pkmapBase : 0xfe000000L, k.highmem
                    ? "MMU_init: ioremap_base = PKMAP_BASE" : "MMU_init: ioremap_base = 0xfe000000");
            if (k.notCoherent) {
                v.consistent = true;
                v.consistentStart = k.consistentStart;
                v.consistentEnd = (k.consistentStart + k.consistentSize) & M32;
            }
        } else {
            long kvirtTop;
            String rule;
            if (k.highmem) {
                kvirtTop = f.pkmapBase;
                rule = "PKMAP_BASE";
            } else if (era.kasan) {
                kvirtTop = f.start;
                rule = "FIXADDR_START";
            } else {
                kvirtTop = 0xfe000000L;
                rule = "0xfe000000";
            }
            if (k.notCoherent && era.consistentArea) {
                long top = c.get("IOREMAP_TOP", (kvirtTop - k.consistentSize) & pageMask & M32,
                        "(KVIRT_TOP - CONFIG_CONSISTENT_SIZE) & PAGE_MASK, KVIRT_TOP = " + rule);
                v.ioremapTop = top;
                v.consistent = true;
                v.consistentStart = top; // CONSISTENT_BASE = IOREMAP_TOP
                v.consistentEnd = (top + k.consistentSize) & M32;
            } else {
                v.ioremapTop = c.get("IOREMAP_TOP", kvirtTop, era.consistentArea ? "KVIRT_TOP = " + rule : rule);
            }
        }
        long bot = v.ioremapTop;
        String rule = "no early ioremap: ioremap_bot = " + (era.kvirtTop ? "IOREMAP_TOP" : "ioremap_base");
        Long endPin = c.pin("VMALLOC_END");
        Long botPin = c.pin("IOREMAP_BOT");
        if (endPin != null && botPin != null && !endPin.equals(botPin)) {
            throw new InputException("-D VMALLOC_END=" + PpcConfig.hex(endPin) + ": on powerpc VMALLOC_END is ioremap_bot,"
                    + " and -D IOREMAP_BOT=" + PpcConfig.hex(botPin) + " differs");
        }
        if (endPin != null && botPin == null) {
            bot = c.get("VMALLOC_END", bot, rule);
            c.get("IOREMAP_BOT", bot, "-D VMALLOC_END (VMALLOC_END is ioremap_bot)");
        } else {
            bot = c.get("IOREMAP_BOT", bot, rule);
        }
        if (Long.compareUnsigned(bot, v.ioremapTop) > 0) {
            throw new InputException("-D IOREMAP_BOT=" + PpcConfig.hex(bot) + ": ioremap_bot starts at "
                    + (era.kvirtTop ? "IOREMAP_TOP " : "ioremap_base ") + PpcConfig.hex(v.ioremapTop)
                    + " and only moves down; expected an address at or below it (the start of a boot log's early ioremap row)");
        }
        v.ioremapBot = bot;
    }

    /**
     * VMALLOC_START = ((high_memory + VMALLOC_OFFSET) & ~(VMALLOC_OFFSET-1)), high_memory first rounded
     * up to PPC_PIN_SIZE on 44x, and to 256M on book3s/32 with STRICT_KERNEL_RWX && MODULES (5.1-5.8).
     * VMALLOC_END = ioremap_bot, aligned down to 8 pages with KASAN_VMALLOC.
     */
    private static void vmalloc(PpcEra era, PpcConfig k, long highMemory, Constants c, PpcKernelVirt v) {
        long base = highMemory;
        if (k.platform == PpcPlatform.PPC_44X) {
            base = PpcFixmap.align(base, PPC_PIN_SIZE);
        } else if (k.platform.isBook3s32() && k.strictRwx && k.modules && !era.modulesSegment.holds()) {
            base = PpcFixmap.align(base, SZ_256M);
        }
        v.vmallocStart = ((base + VMALLOC_OFFSET) & ~(VMALLOC_OFFSET - 1)) & M32;
        v.vmallocEnd = k.kasanVmalloc ? v.ioremapBot & ~((k.pageSize << 3) - 1) : v.ioremapBot;
    }

    /**
     * book3s/32: MODULES_END = ALIGN_DOWN(PAGE_OFFSET, SZ_256M), MODULES_VADDR = END - 256M (5.9 with
     * STRICT_KERNEL_RWX, 5.13 always), END - CONFIG_MODULES_SIZE MB from 6.12. 8xx (5.13+): END =
     * PAGE_OFFSET, the same sizes. Other platforms load modules in the vmalloc area.
     */
    private static void modulesArea(PpcEra era, PpcConfig k, PpcKernelVirt v) {
        boolean book3s = k.platform.isBook3s32()
                && (era.modulesAlways || (era.modulesSegment.holds() && k.strictRwx));
        boolean mpc8xx = k.platform == PpcPlatform.PPC_8XX && era.modulesAlways;
        if (!book3s && !mpc8xx) {
            return;
        }
        v.modules = true;
        v.modulesEnd = book3s ? k.pageOffset & ~(SZ_256M - 1) : k.pageOffset;
        long size = era.modulesSize ? k.modulesSizeMb << 20 : SZ_256M;
        v.modulesStart = (v.modulesEnd - size) & M32;
    }
}
