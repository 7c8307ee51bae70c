package vmlayout.engine.ppc;

import vmlayout.bootargs.CrashkernelParam;
import vmlayout.bootargs.Param;
import vmlayout.config.Fmt;
import vmlayout.config.Sizes;
import vmlayout.engine.Boot;
import vmlayout.engine.Constants;
import vmlayout.engine.RangeSet;
import vmlayout.engine.Reservation;
import vmlayout.engine.reserve.ReserveEra;
import vmlayout.report.Message;
import vmlayout.report.Message.Level;

/**
 * reserve_crashkernel() of 32-bit powerpc (arch/powerpc/kernel/machine_kexec.c, arch/powerpc/kexec/core.c from
 * 5.7; read in torvalds/linux @021b5b30 and in the 2.6.2x-5.x forms quoted by the patches of PpcEra), called
 * from early_init_devtree() after parse_early_param() and before memblock_enforce_memory_limit():
 * <pre>
 *   total_mem_sz = memory_limit ? memory_limit : memblock_phys_mem_size();   (5.7+; before: memblock's)
 *   ret = parse_crashkernel(boot_command_line, total_mem_sz, &amp;crash_size, &amp;crash_base);
 *   !NONSTATIC_KERNEL: if (start != KDUMP_KERNELBASE) printk("Crash kernel location must be 0x%x\n", ...);
 *                      start = KDUMP_KERNELBASE (32 MB);
 *   NONSTATIC_KERNEL:  if (!start) start = KDUMP_KERNELBASE; a start not page aligned is aligned up
 *                      ("Crash kernel base must be aligned to 0x%lx");
 *   crash_size = PAGE_ALIGN(crash_size);
 *   overlaps the kernel (__pa(_stext).._end): KERN_WARNING "Crash kernel can not overlap current kernel";
 *   (to 6.14) memory_limit &amp;&amp; memory_limit &lt;= end: memory_limit = end + 1, "Adjusted memory limit for
 *       crashkernel, now 0x%llx";
 *   KERN_INFO "Reserving %ldMB of memory at %ldMB for crashkernel (System RAM: %ldMB)";
 *   not memory: pr_err("Failed to reserve memory for crashkernel!").
 * </pre>
 * The region stays lowmem (memblock_reserve()); the adjusted memory_limit is what MMU_init() later keeps.
 */
final class PpcCrashkernel {

    /** asm/kdump.h KDUMP_KERNELBASE: where a non-relocatable crash kernel must run. */
    static final long KDUMP_KERNELBASE = 0x2000000L;
    private static final long PAGE = 4096;
    /** A 32-bit powerpc image with its data and bss is ~8-16 MB: vmlayout assumes 16 MB at 0 without System.map. */
    private static final long TYPICAL_KERNEL = 16L << 20;

    private PpcCrashkernel() {
    }

    /** Runs reserve_crashkernel() for this command line: its lines go to the boot's messages, in order. */
    static void reserveCrashkernel(Boot boot, PpcEra era, PpcConfig k, RangeSet board, PpcEarlyParams.Result params) {
        if (k.archPpc) {
            return; // arch/ppc (before 2.6.27 without PPC_MERGE) has no crash kernel reservation vmlayout read
        }
        boolean asked = false;
        StringBuilder cmd = new StringBuilder();
        for (Param p : boot.machine.params()) {
            cmd.append(cmd.length() == 0 ? "" : " ").append(p.text());
            asked |= p.name().startsWith("crashkernel");
        }
        Constants c = boot.constants;
        if (!asked) {
            // values a .config or System.map gives that only matter with crashkernel=: read, so that they are not called unused
            for (String flag : new String[]{era.crashKconfig, "RELOCATABLE", "DYNAMIC_MEMSTART"}) {
                if (c.pinned(flag)) {
                    c.flag(flag, false, "-D");
                }
            }
            for (String v : new String[]{"_text", "__bss_stop", "KERNEL_SIZE"}) {
                if (c.pinned(v)) {
                    c.get(v, 0, "-D");
                }
            }
            return;
        }
        ReserveEra rera = ReserveEra.of(boot.machine.kernel());
        long physMem = board.total();
        long total = era.crashTotalIsLimit && params.memoryLimit != 0 ? params.memoryLimit : physMem;
        CrashkernelParam p = CrashkernelParam.parse(cmd.toString(), total, null, rera.crashRoundUp, rera.crashKnownSuffixes,
                era.suffixes);
        if (!p.found()) {
            return;
        }
        boolean built = c.flag(era.crashKconfig, true, "assumed y: crashkernel= is given");
        if (!c.pinned(era.crashKconfig)) {
            boot.defaults.add("CONFIG_" + era.crashKconfig + "=y (crashkernel= given; pin with -D " + era.crashKconfig + "=)");
        }
        for (String l : p.lines()) {
            boot.message(Message.kernel(Level.WARNING, l, true));
        }
        if (!built) {
            boot.message(Message.warn(p.text() + " has no effect: the kernel is built without CONFIG_" + era.crashKconfig + "."));
            return;
        }
        String rule = "arch/powerpc/kexec/core.c reserve_crashkernel() (kernel/machine_kexec.c before 5.7)";
        if (!p.ok() || p.size() == 0 || (rera.crashSizeCheck && Long.compareUnsigned(p.size(), total) >= 0)) {
            // "if (ret == 0 && crash_size > 0)" fails: crashk_res stays empty, nothing printed
            if (p.ok() && p.size() != 0) {
                boot.message(Message.warn(p.text() + " is ignored: " + Sizes.human(p.size()) + " is not below the System RAM the kernel"
                        + " counts (" + (total >> 20) + " MB; parse_crashkernel() returns -EINVAL from 6.7)."));
            }
            failed(boot, p, rule, "the parameter is refused");
            return;
        }
        boolean nonstatic = c.flag("RELOCATABLE", false, "Kconfig default n (book3s/32 and 8xx kernels are not relocatable)")
                || c.flag("DYNAMIC_MEMSTART", false, "Kconfig default n");
        long start = p.base();
        if (!nonstatic) {
            if (start != KDUMP_KERNELBASE) {
                boot.message(Message.kernel(Level.WARNING, "Crash kernel location must be 0x" + Long.toHexString(KDUMP_KERNELBASE),
                        start != 0));
            }
            start = KDUMP_KERNELBASE;
        } else {
            if (start == 0) {
                start = KDUMP_KERNELBASE;
            }
            long aligned = (start + PAGE - 1) & -PAGE;
            if (aligned != start) {
                boot.message(Message.kernel(Level.WARNING, "Crash kernel base must be aligned to 0x" + Long.toHexString(PAGE), true));
                start = aligned;
            }
        }
        long size = (p.size() + PAGE - 1) & -PAGE;
        long end = start + size - 1;
        // overlaps_crashkernel(__pa(_stext), _end - _stext): (kstart + ksize) > start && kstart <= end
        long kstart = 0;
        long ksize;
        boolean guessed = false;
        if (c.pinned("_text") && c.pinned("__bss_stop")) {
            long text = c.get("_text", 0, "-D");
            kstart = text - k.pageOffset; // __pa(): virt - PAGE_OFFSET + MEMORY_START (0 on these boards)
            ksize = c.get("__bss_stop", 0, "-D") - text;
        } else if (c.pinned("KERNEL_SIZE")) {
            ksize = c.get("KERNEL_SIZE", 0, "-D");
        } else {
            ksize = TYPICAL_KERNEL;
            guessed = true;
        }
        if (kstart + ksize > start && kstart <= end) {
            boot.message(Message.kernel(Level.WARNING, "Crash kernel can not overlap current kernel", true));
            if (guessed) {
                boot.defaults.add("kernel image 0x00000000-" + Fmt.hex8(TYPICAL_KERNEL) + " (typical: give --system-map or -D KERNEL_SIZE=)");
            }
            failed(boot, p, rule, "it overlaps the running kernel's image");
            return;
        }
        long memoryLimit = params.memoryLimit;
        if (era.crashTrumpsLimit.holds() && memoryLimit != 0 && Long.compareUnsigned(memoryLimit, end) <= 0) {
            memoryLimit = end + 1;
            params.memoryLimit = memoryLimit;
            if (era.crashTotalIsLimit) {
                total = memoryLimit;
            }
            boot.message(Message.kernel(Level.WARNING, "Adjusted memory limit for crashkernel, now 0x" + Long.toHexString(memoryLimit),
                    true));
            boot.log.add("crashkernel", "memory_limit raised to 0x" + Long.toHexString(memoryLimit) + ": the crash kernel ends above "
                    + params.memParam.text() + " (\"Crash kernel trumps memory limit\").", era.crashTrumpsLimit.source(rule));
        }
        if (era.crashGeneric) {
            // 6.15+ reserve_crashkernel_generic(): get_crash_base() always gives a base on 32-bit, so the fixed form:
            // memblock_phys_alloc_range(size, CRASH_ALIGN (PAGE_SIZE), base, base + size); the size is not page-aligned
            // by the arch code any more (crash_size as parsed)
            size = p.size();
            String generic = "kernel/crash_reserve.c reserve_crashkernel_generic() (arch/powerpc/kexec/core.c"
                    + " arch_reserve_crashkernel(), 6.15+)";
            if (!RangeSet.of(start, start + size).removeAll(board).isEmpty()) {
                boot.message(Message.kernel(Level.WARNING, "crashkernel reservation failed - memory is in use.", true));
                failed(boot, p, generic, Fmt.hex8(start) + "-" + Fmt.hex8(start + size) + " is not all RAM");
                return;
            }
            boot.message(Message.kernel(Level.INFO, "crashkernel reserved: 0x" + Fmt.hex(start, 16) + " - 0x" + Fmt.hex(start + size, 16)
                    + " (" + (size >> 20) + " MB)", false));
            rule = generic;
        } else {
            boot.message(Message.kernel(Level.INFO, "Reserving " + (size >> 20) + "MB of memory at " + (start >> 20)
                    + "MB for crashkernel (System RAM: " + (total >> 20) + "MB)", false));
        }
        if (!era.crashGeneric && !RangeSet.of(start, start + size).removeAll(board).isEmpty()) {
            boot.message(Message.kernel(Level.ERR, "Failed to reserve memory for crashkernel!", true));
            failed(boot, p, rule, Fmt.hex8(start) + "-" + Fmt.hex8(start + size) + " is not all RAM");
            return;
        }
        String why = nonstatic ? (p.base() == 0 ? "at KDUMP_KERNELBASE (32 MB): no @OFFSET" : "at the offset given")
                : "at KDUMP_KERNELBASE (32 MB): a kernel that is not relocatable runs its crash kernel there";
        boot.reservations.add(new Reservation(Reservation.Kind.CRASHKERNEL, "crashkernel", start, size, Reservation.Zone.LOWMEM,
                Reservation.Status.PLACED, p.text(), rule, why));
        boot.log.add("crashkernel", "crash kernel " + Sizes.human(size) + " (" + p.text() + "): " + Fmt.hex8(start) + "-"
                + Fmt.hex8(start + size) + ", " + why + "; System RAM " + (total >> 20) + " MB.", rule);
    }

    private static void failed(Boot boot, CrashkernelParam p, String rule, String why) {
        boot.reservations.add(new Reservation(Reservation.Kind.CRASHKERNEL, "crashkernel", -1, p.size(), Reservation.Zone.NONE,
                Reservation.Status.FAILED, p.text(), rule, why));
    }
}
