package vmlayout.engine.ppc;

import java.util.List;
import vmlayout.config.Fmt;
import vmlayout.config.InputException;
import vmlayout.config.KernelVersion;
import vmlayout.engine.Constants;
import vmlayout.engine.Ulong;
import vmlayout.report.Message;

/**
 * The Kconfig values a 32-bit powerpc kernel was built with, read from -D with the defaults of the
 * chosen release (arch/powerpc/Kconfig "Advanced setup", Kconfig.debug), and the build-time checks
 * that refuse a configuration: the LOWMEM_SIZE #error of arch/powerpc/mm/init_32.c and the TASK_SIZE
 * #error of asm/processor.h (later asm/task_size_32.h).
 */
final class PpcConfig {

    static final long KERNEL_START_DEFAULT = 0xc0000000L;
    static final long LOWMEM_SIZE_DEFAULT = 0x30000000L;
    /** The limit every era's #error tests: lowmem must end at or below 0xF0000000. */
    static final long LOWMEM_CEILING = 0xF0000000L;

    PpcPlatform platform;
    boolean mpc83xx;
    /** Built from arch/ppc (PPC_MERGE=n), only before 2.6.27. */
    boolean archPpc;
    int pageShift;
    long pageSize;
    boolean pte64;
    boolean highmem;
    int nrCpus;
    boolean notCoherent;
    long consistentSize;
    long consistentStart;
    boolean strictRwx;
    boolean modules;
    long modulesSizeMb;
    boolean kasan;
    boolean kasanVmalloc;
    long kasanShadowOffset;
    long kernelStart;
    long pageOffset;
    long lowmemSize;
    long taskSize;

    private PpcConfig() {
    }

    static PpcConfig read(PpcEra era, Constants c, List<Message> messages) {
        PpcConfig k = new PpcConfig();
        k.platform = PpcPlatform.read(c);
        if (k.platform == PpcPlatform.PPC_40X && !era.has40x) {
            throw new InputException("-D 40X=y: Linux " + era.version + " cannot be built for a 40x: \"powerpc: Remove 40x"
                    + " from Kconfig and defconfig\" (e939da89d024) removed it in " + PpcEra.PPC_40X_REMOVED
                    + "; choose --kernel 6.10 or older, or 44X, PPC_8XX, PPC_85XX or PPC_BOOK3S_32");
        }
        k.mpc83xx = c.pinned("PPC_83XX") && c.flag("PPC_83XX", false, "-D");
        if (era.archPpcExists.holds()) {
            k.archPpc = !c.flag("PPC_MERGE", true, "vmlayout default: an arch/powerpc board (PPC_MERGE=y)");
        }
        readPages(k, c);
        k.pte64 = c.flag("PTE_64BIT", k.platform == PpcPlatform.PPC_44X,
                k.platform == PpcPlatform.PPC_44X ? "44x selects PHYS_64BIT, hence PTE_64BIT" : "Kconfig default n (PHYS_64BIT off)");
        k.highmem = c.flag("HIGHMEM", false, "Kconfig default n (arch/powerpc/Kconfig HIGHMEM)");
        k.nrCpus = (int) c.get("NR_CPUS", 1, "Kconfig NR_CPUS 1 (SMP off, the usual 32-bit embedded build)");
        if (k.nrCpus < 1 || k.nrCpus > 8192) {
            throw new InputException("-D NR_CPUS=" + k.nrCpus + ": Kconfig allows 1 to 8192 CPUs");
        }
        if (era.consistentArea) {
            k.notCoherent = c.flag("NOT_COHERENT_CACHE", k.platform.notCoherentByDefault,
                    k.platform.notCoherentByDefault ? "selected by " + k.platform.symbol : "Kconfig: cache coherent platform");
            if (k.notCoherent) {
                k.consistentSize = c.get("CONSISTENT_SIZE", 0x00200000L, "Kconfig CONSISTENT_SIZE default 0x00200000");
                if (!era.kvirtTop) {
                    long dflt = k.platform == PpcPlatform.PPC_8XX ? 0xfd000000L : 0xff100000L;
                    k.consistentStart = c.get("CONSISTENT_START", dflt, "Kconfig CONSISTENT_START default "
                            + Fmt.hex8(dflt) + (k.platform == PpcPlatform.PPC_8XX ? " (8xx)" : ""));
                }
            }
        }
        k.modules = c.flag("MODULES", true, "enabled by every defconfig");
        if (era.strictRwxChoice && k.platform.isBook3s32()) {
            k.strictRwx = c.flag("STRICT_KERNEL_RWX", false, "Kconfig: optional, off unless chosen");
        }
        if (era.modulesSize) {
            long dflt = !k.modules ? 0 : k.platform.isBook3s32() ? 64 : k.platform == PpcPlatform.PPC_8XX ? 32 : 0;
            k.modulesSizeMb = c.get("MODULES_SIZE", dflt, "Kconfig MODULES_SIZE default " + dflt
                    + " (64 book3s/32, 32 8xx, with EXECMEM)");
            if (k.modulesSizeMb < 0 || k.modulesSizeMb > 256) {
                throw new InputException("-D MODULES_SIZE=" + k.modulesSizeMb + ": Kconfig range is 1 to 256 (MB)");
            }
        }
        if (era.kasan) {
            k.kasan = c.flag("KASAN", false, "Kconfig.debug default n");
            if (k.kasan) {
                k.kasanShadowOffset = c.get("KASAN_SHADOW_OFFSET", 0xe0000000L, "Kconfig.debug KASAN_SHADOW_OFFSET default 0xe0000000");
                boolean selected = era.kasanVmallocSelected && k.modules;
                k.kasanVmalloc = c.flag("KASAN_VMALLOC", selected, selected ? "selected by KASAN && MODULES"
                        : "not selected");
            }
        }
        readAddressSpace(era, k, c, messages);
        return k;
    }

    private static void readPages(PpcConfig k, Constants c) {
        boolean p16 = c.flag("PPC_16K_PAGES", false, "Kconfig default 4K pages");
        boolean p64 = c.pinned("PPC_64K_PAGES") && c.flag("PPC_64K_PAGES", false, "-D");
        if (p16 && p64) {
            throw new InputException("-D PPC_64K_PAGES=y: only one page size can be chosen (PPC_16K_PAGES is set too)");
        }
        if (p16 && k.platform != PpcPlatform.PPC_8XX && k.platform != PpcPlatform.PPC_44X) {
            throw new InputException("-D PPC_16K_PAGES=y: 32-bit powerpc offers 16K pages on 8xx and 44x only (-D PPC_8XX=y or -D 44X=y)");
        }
        if (p64 && k.platform != PpcPlatform.PPC_44X) {
            throw new InputException("-D PPC_64K_PAGES=y: 32-bit powerpc offers 64K pages on 44x only (-D 44X=y)");
        }
        k.pageShift = p16 ? 14 : p64 ? 16 : 12;
        k.pageSize = 1L << k.pageShift;
    }

    /**
     * KERNEL_START, PAGE_OFFSET, LOWMEM_SIZE and TASK_SIZE with the kernel's build-time checks. Before
     * 2.6.27 PAGE_OFFSET is KERNELBASE = CONFIG_KERNEL_START; from 2.6.27 CONFIG_PAGE_OFFSET is its own
     * option and CONFIG_KERNEL_START defaults to it when PAGE_OFFSET_BOOL is set.
     */
    private static void readAddressSpace(PpcEra era, PpcConfig k, Constants c, List<Message> messages) {
        KernelVersion v = era.version;
        boolean pageOffsetOption = era.pageOffsetOption.holds();
        if (pageOffsetOption) {
            k.pageOffset = c.get("PAGE_OFFSET", KERNEL_START_DEFAULT, "Kconfig PAGE_OFFSET default 0xc0000000");
            k.kernelStart = c.get("KERNEL_START", k.pageOffset, c.pinned("PAGE_OFFSET")
                    ? "Kconfig: KERNEL_START defaults to PAGE_OFFSET with PAGE_OFFSET_BOOL" : "Kconfig KERNEL_START default 0xc0000000");
            if (Long.compareUnsigned(k.kernelStart, k.pageOffset) < 0) {
                throw new InputException("-D KERNEL_START=" + hex(k.kernelStart) + ": below PAGE_OFFSET " + hex(k.pageOffset)
                        + "; from 2.6.27 lowmem starts at CONFIG_PAGE_OFFSET and the kernel base must lie in it: give -D PAGE_OFFSET="
                        + hex(k.kernelStart) + " (KERNEL_START then defaults to it)");
            }
        } else {
            Long po = c.pin("PAGE_OFFSET");
            Long ks = c.pin("KERNEL_START");
            if (po != null && ks != null && !po.equals(ks)) {
                throw new InputException("-D PAGE_OFFSET=" + hex(po) + ": Linux " + v + " has no CONFIG_PAGE_OFFSET; PAGE_OFFSET is"
                        + " KERNELBASE = CONFIG_KERNEL_START, and -D KERNEL_START=" + hex(ks) + " differs");
            }
            long dflt = po != null ? po : KERNEL_START_DEFAULT;
            k.kernelStart = c.get("KERNEL_START", dflt, po != null ? "-D PAGE_OFFSET (PAGE_OFFSET is KERNELBASE = CONFIG_KERNEL_START before 2.6.27)"
                    : "Kconfig KERNEL_START default 0xc0000000");
            if (po != null) {
                c.get("PAGE_OFFSET", k.kernelStart, "-D");
                messages.add(Message.note("Linux " + v + " has no CONFIG_PAGE_OFFSET: PAGE_OFFSET is KERNELBASE ="
                        + " CONFIG_KERNEL_START, read as " + hex(k.kernelStart) + "."));
            }
            k.pageOffset = k.kernelStart;
        }
        k.lowmemSize = c.get("LOWMEM_SIZE", LOWMEM_SIZE_DEFAULT, "Kconfig LOWMEM_SIZE default 0x30000000");
        if (k.lowmemSize == 0) {
            throw new InputException("-D LOWMEM_SIZE=0: the kernel would map no low memory at all; expected a size such as 0x30000000");
        }
        checkLowmem(era, k, c, messages);
        long taskDefault = taskSizeDefault(era, k);
        k.taskSize = c.get("TASK_SIZE", taskDefault, "Kconfig TASK_SIZE default " + hex(taskDefault));
        if (Long.compareUnsigned(k.taskSize, k.kernelStart) > 0) {
            String what = c.pinned("TASK_SIZE") ? "-D TASK_SIZE=" + hex(k.taskSize)
                    : c.pinned("KERNEL_START") ? "-D KERNEL_START=" + hex(k.kernelStart) : "-D PAGE_OFFSET=" + hex(k.pageOffset);
            if (era.taskSizeCheck) {
                String file = era.modulesAlways ? "arch/powerpc/include/asm/task_size_32.h"
                        : "arch/powerpc/include/asm/processor.h";
                throw new InputException(what + ": Linux " + v + " would not build: CONFIG_TASK_SIZE " + hex(k.taskSize)
                        + " > CONFIG_KERNEL_START " + hex(k.kernelStart) + ", " + file
                        + ": #error User TASK_SIZE overlaps with KERNEL_START address (lower -D TASK_SIZE too)");
            }
            messages.add(Message.warn("TASK_SIZE " + hex(k.taskSize) + " is above KERNEL_START " + hex(k.kernelStart)
                    + ": user space would overlap the kernel. Linux " + v + " builds it without a word (the check came in "
                    + PpcEra.TASK_SIZE_CHECK + "): lower CONFIG_TASK_SIZE (\"Size of user task space\") with it, e.g. -D TASK_SIZE="
                    + hex(k.kernelStart) + "."));
        }
    }

    /**
     * init_32.c: {@code #if defined(CONFIG_KERNEL_START_BOOL) || defined(CONFIG_LOWMEM_SIZE_BOOL)}
     * {@code #if (CONFIG_LOWMEM_SIZE > (0xF0000000 - KERNELBASE))} (PAGE_OFFSET from 2.6.27) {@code #error}.
     * The _BOOL options are what lets -D KERNEL_START or -D LOWMEM_SIZE differ from the default, so the
     * check applies when either is pinned.
     */
    private static void checkLowmem(PpcEra era, PpcConfig k, Constants c, List<Message> messages) {
        if (Long.compareUnsigned(k.pageOffset, LOWMEM_CEILING) >= 0) {
            String what = c.pinned("PAGE_OFFSET") ? "-D PAGE_OFFSET=" + hex(k.pageOffset) : "-D KERNEL_START=" + hex(k.kernelStart);
            throw new InputException(what + ": lowmem must end at or below 0xF0000000 (the rule of the kernel's LOWMEM_SIZE"
                    + " check), so PAGE_OFFSET must be below it; the usual values are 0xc0000000, 0xb0000000, 0xa0000000, 0x80000000");
        }
        long limit = LOWMEM_CEILING - k.pageOffset;
        if (Long.compareUnsigned(k.lowmemSize, limit) <= 0) {
            return;
        }
        String baseName = era.pageOffsetOption.holds() ? "PAGE_OFFSET" : "KERNELBASE";
        String file = k.archPpc ? "arch/ppc/mm/init.c" : "arch/powerpc/mm/init_32.c";
        if (c.pinned("LOWMEM_SIZE") || c.pinned("KERNEL_START")) {
            String what = c.pinned("LOWMEM_SIZE") ? "-D LOWMEM_SIZE=" + hex(k.lowmemSize) : "-D KERNEL_START=" + hex(k.kernelStart);
            throw new InputException(what + ": Linux " + era.version + " would not build: CONFIG_LOWMEM_SIZE " + hex(k.lowmemSize)
                    + " > 0xF0000000 - " + baseName + " " + hex(k.pageOffset) + " = " + hex(limit) + ", " + file + ": "
                    + era.lowmemErrorText);
        }
        messages.add(Message.warn("LOWMEM_SIZE " + hex(k.lowmemSize) + " does not fit below 0xF0000000 from PAGE_OFFSET "
                + hex(k.pageOffset) + ". The kernel's check (" + era.lowmemErrorText + ") is compiled only with"
                + " KERNEL_START_BOOL or LOWMEM_SIZE_BOOL, so this kernel builds, but its lowmem can run into the"
                + " vmalloc and fixmap space: set -D LOWMEM_SIZE to at most " + hex(limit) + "."));
    }

    /**
     * task_size_32.h from 7.0 ({@link PpcEra#TASK_SIZE_ADAPTS}): the highest TASK_SIZE this build allows,
     * USER_TOP. book3s/32: MODULES_BASE = ((CONFIG_PAGE_OFFSET & ~(SZ_256M - 1)) - MODULES_SIZE) & ~(SZ_256M - 1),
     * user space and modules each in their own 256 MB segments; 8xx: (CONFIG_PAGE_OFFSET - MODULES_SIZE) &
     * ~(SZ_4M - 1), whole PGDIR entries; other platforms: CONFIG_PAGE_OFFSET. Without MODULES vmlayout's
     * CONFIG_MODULES_SIZE is 0 (its Kconfig entry comes with EXECMEM), so USER_TOP is the segment or PGDIR
     * entry PAGE_OFFSET falls in.
     */
    private static final long SZ_256M = 256L << 20;
    private static final long SZ_4M = 4L << 20;

    static long userTop(PpcConfig k) {
        long size = k.modulesSizeMb << 20;
        if (k.platform.isBook3s32()) {
            return ((k.pageOffset & ~(SZ_256M - 1)) - size) & ~(SZ_256M - 1) & Ulong.M32;
        }
        if (k.platform == PpcPlatform.PPC_8XX) {
            return (k.pageOffset - size) & ~(SZ_4M - 1) & Ulong.M32;
        }
        return k.pageOffset;
    }

    /** arch/powerpc/Kconfig TASK_SIZE defaults of this era. */
    private static long taskSizeDefault(PpcEra era, PpcConfig k) {
        if (k.platform == PpcPlatform.PPC_8XX) {
            return 0x80000000L; // default "0x80000000" if PPC_8xx (PPC_PREP || 8xx in 2.6.x)
        }
        if (k.platform.isBook3s32() && era.taskSizeAdapts.holds()) {
            return 0xc0000000L; // 7.0: the EXECMEM default is gone, task_size_32.h clamps to USER_TOP instead
        }
        if (k.platform.isBook3s32() && era.modulesSize) {
            return k.modules ? 0xb0000000L : 0xc0000000L; // "0xb0000000" if PPC_BOOK3S_32 && EXECMEM
        }
        if (k.platform.isBook3s32() && era.modulesAlways) {
            return 0xb0000000L; // "0xb0000000" if PPC_BOOK3S_32
        }
        if (k.platform.isBook3s32() && era.modulesSegment.holds() && k.strictRwx) {
            return 0xb0000000L; // "0xb0000000" if PPC_BOOK3S_32 && STRICT_KERNEL_RWX
        }
        return 0xc0000000L;
    }

    static String hex(long v) {
        return Fmt.hex8(v);
    }
}
