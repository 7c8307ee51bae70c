package vmlayout.engine.arm;

import vmlayout.config.Sizes;
import vmlayout.config.VmSplit;
import vmlayout.engine.Boot;
import vmlayout.engine.Constants;

/**
 * The Kconfig values the ARM layout depends on (arch/arm/Kconfig, arch/arm/mm/Kconfig) and the CPU
 * properties the kernel reads at boot, each pinned by -D or the default of the release.
 *
 * @param highmem             CONFIG_HIGHMEM
 * @param lpae                CONFIG_ARM_LPAE: 64-bit phys_addr_t
 * @param modules             CONFIG_MODULES
 * @param thumb2              CONFIG_THUMB2_KERNEL: an 8 MB modules area
 * @param viptAliasing        cache_is_vipt_aliasing(): the kernel refuses highmem
 * @param tlbOpsNeedBroadcast tlb_ops_need_broadcast(): pre-3.x kernels refuse highmem
 * @param pageOffset          CONFIG_PAGE_OFFSET, from the "Memory split" choice
 * @param nrBanks             NR_BANKS meminfo slots (before 3.16)
 */
record ArmConfig(boolean highmem, boolean lpae, boolean modules, boolean thumb2, boolean viptAliasing,
                 boolean tlbOpsNeedBroadcast, long pageOffset, int nrBanks) {

    static ArmConfig read(Boot boot, ArmEra era) {
        Constants c = boot.constants;
        boolean highmem = c.flag("HIGHMEM", false, "Kconfig default n (arch/arm/Kconfig HIGHMEM)");
        boolean lpae = c.flag("ARM_LPAE", false, "Kconfig default n");
        boolean modules = c.flag("MODULES", true, "enabled by every board defconfig");
        boolean thumb2 = c.flag("THUMB2_KERNEL", false, "Kconfig default n");
        boolean vipt = c.flag("VIPT_ALIASING", false, "assumed: PIPT or non-aliasing VIPT data cache (cache_is_vipt_aliasing())");
        boolean tlbBroadcast = c.flag("TLB_OPS_NEED_BROADCAST", false, "assumed: hardware TLB broadcast (tlb_ops_need_broadcast())");
        long pageOffset = pageOffset(c);
        boot.log.constant(c, "PAGE_OFFSET", "lowmem is mapped from here; user space gets the " + Sizes.human(pageOffset) + " below it");
        boot.log.constant(c, "HIGHMEM", highmem ? "RAM that does not fit in lowmem becomes highmem"
                : "RAM that does not fit in lowmem cannot be used");
        int nrBanks = (int) c.get("NR_BANKS", 8, "arch/arm/include/asm/setup.h NR_BANKS");
        boolean smp = c.flag("SMP", false, "Kconfig default n");
        boolean genericIoremapOrder = era.ioremapOrderSmp && (smp || lpae);
        c.get("IOREMAP_MAX_ORDER", genericIoremapOrder ? 19 : 24, genericIoremapOrder
                ? "include/linux/vmalloc.h 7 + PAGE_SHIFT (ARM keeps 24 only without SMP and LPAE from 4.0)"
                : "arch/arm/include/asm/memory.h IOREMAP_MAX_ORDER 24 (16 MB-aligned ioremap for supersections)");
        return new ArmConfig(highmem, lpae, modules, thumb2, vipt, tlbBroadcast, pageOffset, nrBanks);
    }

    /** PAGE_OFFSET from CONFIG_VMSPLIT_* (arch/arm/Kconfig PAGE_OFFSET defaults), unless pinned. */
    private static long pageOffset(Constants c) {
        String chosen = c.choice("VMSPLIT_3G", "VMSPLIT_3G_OPT", "VMSPLIT_2G", "VMSPLIT_1G");
        long value = VmSplit.pageOffset(chosen);
        return c.get("PAGE_OFFSET", value, chosen == null ? "Kconfig default VMSPLIT_3G (0xC0000000)"
                : "Kconfig PAGE_OFFSET for " + chosen);
    }
}
