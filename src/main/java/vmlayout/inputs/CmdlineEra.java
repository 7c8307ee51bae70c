package vmlayout.inputs;

import vmlayout.config.Era;
import vmlayout.config.KernelVersion;

/**
 * What changes between releases in how the kernel combines its command line with CONFIG_CMDLINE
 * ({@link CommandLineRules}) and how much of it fits: each boundary is the first release with the new behaviour, its comment
 * the evidence; src/docs/eras.md lists them.
 */
final class CmdlineEra extends Era {

    /**
     * "ARM: 6893/1: Allow for kernel command line concatenation" (4 May 2011, merged for 3.0): ATAG
     * CMDLINE_EXTEND puts CONFIG_CMDLINE first, then the ATAG command line (atags_parse.c
     * parse_tag_cmdline()). Before it ARM had only FROM_BOOTLOADER and FORCE.
     */
    static final KernelVersion ARM_ATAG_EXTEND = KernelVersion.of(3, 0);
    /**
     * Commit 34b82026a507 "fdt: fix extend of cmd line" (13 April 2016; believed merged for 4.7): from it
     * drivers/of/fdt.c early_init_dt_scan_chosen() appends CONFIG_CMDLINE after the DT bootargs under
     * CMDLINE_EXTEND. Before it the DT code ignored CMDLINE_EXTEND (built-in only when bootargs is empty).
     * Russell King confirms both commits and both orders (LKML, 2024: "CONFIG_CMDLINE _prefixes_ the
     * boot loader supplied arguments" on ARM ATAGs, drivers/of "appends").
     */
    static final KernelVersion FDT_EXTEND = KernelVersion.of(4, 7);

    /**
     * COMMAND_LINE_SIZE (the buffer the kernel copies its command line into):
     * <ul>
     *   <li>ARM: 1024 in every release (include/asm-arm/setup.h in 2.6.12, arch/arm/include/uapi/asm/setup.h
     *       from 3.7);</li>
     *   <li>x86: 256 up to 2.6.21 (include/asm-i386/setup.h), 2048 from 2.6.22 (Documentation/i386/boot.txt,
     *       commit 8f9aeca7a081: "Protocol 2.06: (Kernel 2.6.22) Added a field that contains the size of the
     *       boot command line ... Before protocol version 2.06, the maximum was 255 characters";
     *       arch/x86/include/asm/setup.h keeps 2048 to 6.x);</li>
     *   <li>powerpc: 512 up to 3.15 (include/asm-powerpc/setup.h, then asm-generic/setup.h), 2048 from 3.16
     *       (commit "powerpc: Bump COMMAND_LINE_SIZE to 2048", Anton Blanchard, 28 April 2014, in
     *       arch/powerpc/include/uapi/asm/setup.h).</li>
     * </ul>
     */
    static final KernelVersion X86_CMDLINE_2048 = KernelVersion.of(2, 6, 22);
    /** powerpc COMMAND_LINE_SIZE 2048 ("powerpc: Bump COMMAND_LINE_SIZE to 2048"); 512 before (see X86_CMDLINE_2048). */
    static final KernelVersion PPC_CMDLINE_2048 = KernelVersion.of(3, 16);

    /** ARM's ATAG path knows CONFIG_CMDLINE_EXTEND (CONFIG_CMDLINE first, then the ATAG command line). */
    final boolean armAtagExtend;
    /** drivers/of/fdt.c appends CONFIG_CMDLINE after the DT bootargs under CMDLINE_EXTEND. */
    final boolean fdtExtend;
    /** x86 COMMAND_LINE_SIZE is 2048 (256 before). */
    final boolean x86Cmdline2048;
    /** powerpc COMMAND_LINE_SIZE is 2048 (512 before). */
    final boolean ppcCmdline2048;

    private CmdlineEra(KernelVersion v) {
        super(v);
        armAtagExtend = since(ARM_ATAG_EXTEND);
        fdtExtend = since(FDT_EXTEND);
        x86Cmdline2048 = since(X86_CMDLINE_2048);
        ppcCmdline2048 = since(PPC_CMDLINE_2048);
    }

    private static final Era.Last<CmdlineEra> LAST = new Era.Last<>();

    static CmdlineEra of(KernelVersion v) {
        CmdlineEra e = LAST.of(v);
        return e != null ? e : LAST.keep(new CmdlineEra(v));
    }
}
