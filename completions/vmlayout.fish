# fish completion for vmlayout 0.1.0, generated from its options by
# `vmlayout generate-completion fish` (do not edit). fish loads it from a vendor_completions.d
# directory (the release archive's share/fish/vendor_completions.d) or ~/.config/fish/completions.

set -g __vmlayout_commands check explain suggest diff verify batch profiles names help generate-completion
set -g __vmlayout_valued --arch --board --boot --cmdline --cmdline-file --color --config --define --dtb --e820 --e820-file --format --highmem --kernel --lowmem-size --max-cost --mem --memmap --page-offset --profile --ram --require --reserve --system-map --uboot-env --vmalloc --vmalloc-end --want -D
set -g __vmlayout_defines_arm HIGHMEM= VMSPLIT_3G= VMSPLIT_3G_OPT= VMSPLIT_2G= VMSPLIT_1G= PAGE_OFFSET= ARM_LPAE= ZONE_DMA= ARM_DMA_ZONE_SIZE= MODULES= THUMB2_KERNEL= SMP= HAVE_TCM= VIPT_ALIASING= TLB_OPS_NEED_BROADCAST= PHYS_OFFSET= VMALLOC_END= VMALLOC_OFFSET= VMALLOC_RESERVE= IOREMAP_MAX_ORDER= NR_BANKS= VECTORS_BASE= FIXADDR_START= FIXADDR_TOP= FIXADDR_END= CONSISTENT_DMA_SIZE= CONSISTENT_END= PKMAP_BASE= MODULES_VADDR= MODULES_END= DTCM_OFFSET= DTCM_END= ITCM_OFFSET= ITCM_END= _text= _etext= __init_begin= __init_end= _sdata= _data= _edata= __bss_start= __bss_stop=
set -g __vmlayout_defines_x86 NOHIGHMEM= HIGHMEM4G= HIGHMEM64G= HIGHMEM= X86_PAE= VMSPLIT_3G= VMSPLIT_3G_OPT= VMSPLIT_2G= VMSPLIT_2G_OPT= VMSPLIT_1G= PAGE_OFFSET= NR_CPUS= FIXADDR_TOP= FIXADDR_START= FIXADDR_BOOT_START= FIXADDR_TOT_START= CPU_ENTRY_AREA_BASE= CPU_ENTRY_AREA_PAGES= CPU_ENTRY_AREA_MAP_SIZE= LDT_BASE_ADDR= PKMAP_BASE= VMALLOC_END= VMALLOC_RESERVE= _text= _etext= _edata= __init_begin= __init_end=
set -g __vmlayout_defines_ppc PPC_BOOK3S_32= PPC_83XX= PPC_8XX= 40X= 44X= PPC_85XX= PPC_MERGE= KERNEL_START= PAGE_OFFSET= LOWMEM_SIZE= TASK_SIZE= HIGHMEM= ZONE_DMA= HIGHMEM_START= NR_CPUS= PPC_16K_PAGES= PPC_64K_PAGES= PTE_64BIT= NOT_COHERENT_CACHE= CONSISTENT_SIZE= CONSISTENT_START= STRICT_KERNEL_RWX= MODULES= MODULES_SIZE= KASAN= KASAN_VMALLOC= KASAN_SHADOW_OFFSET= FIXADDR_TOP= FIXADDR_START= KM_TYPE_NR= PKMAP_BASE= IOREMAP_TOP= IOREMAP_BOT= VMALLOC_END=
set -g __vmlayout_defines_all 40X= 44X= ARM_DMA_ZONE_SIZE= ARM_LPAE= CONSISTENT_DMA_SIZE= CONSISTENT_END= CONSISTENT_SIZE= CONSISTENT_START= CPU_ENTRY_AREA_BASE= CPU_ENTRY_AREA_MAP_SIZE= CPU_ENTRY_AREA_PAGES= DTCM_END= DTCM_OFFSET= FIXADDR_BOOT_START= FIXADDR_END= FIXADDR_START= FIXADDR_TOP= FIXADDR_TOT_START= HAVE_TCM= HIGHMEM4G= HIGHMEM64G= HIGHMEM= HIGHMEM_START= IOREMAP_BOT= IOREMAP_MAX_ORDER= IOREMAP_TOP= ITCM_END= ITCM_OFFSET= KASAN= KASAN_SHADOW_OFFSET= KASAN_VMALLOC= KERNEL_START= KM_TYPE_NR= LDT_BASE_ADDR= LOWMEM_SIZE= MODULES= MODULES_END= MODULES_SIZE= MODULES_VADDR= NOHIGHMEM= NOT_COHERENT_CACHE= NR_BANKS= NR_CPUS= PAGE_OFFSET= PHYS_OFFSET= PKMAP_BASE= PPC_16K_PAGES= PPC_64K_PAGES= PPC_83XX= PPC_85XX= PPC_8XX= PPC_BOOK3S_32= PPC_MERGE= PTE_64BIT= SMP= STRICT_KERNEL_RWX= TASK_SIZE= THUMB2_KERNEL= TLB_OPS_NEED_BROADCAST= VECTORS_BASE= VIPT_ALIASING= VMALLOC_END= VMALLOC_OFFSET= VMALLOC_RESERVE= VMSPLIT_1G= VMSPLIT_2G= VMSPLIT_2G_OPT= VMSPLIT_3G= VMSPLIT_3G_OPT= X86_PAE= ZONE_DMA= __bss_start= __bss_stop= __init_begin= __init_end= _data= _edata= _etext= _sdata= _text=
set -g __vmlayout_params mem= memmap= vmalloc= highmem= reservetop= cma=

# the subcommand on the line ('' for the main command)
function __vmlayout_cmd
    set -l tokens (commandline -opc)
    set -l prev ''
    for t in $tokens[2..-1]
        if contains -- $t $__vmlayout_commands; and not contains -- $prev $__vmlayout_valued
            echo $t
            return
        end
        set prev $t
    end
    echo ''
end

function __vmlayout_using
    contains -- (__vmlayout_cmd) $argv
end

# -D: the names of the --arch on the line, else of all
function __vmlayout_defines
    set -l tokens (commandline -opc)
    set -l arch ''
    for i in (seq (count $tokens))
        switch $tokens[$i]
            case --arch
                set arch $tokens[(math $i + 1)]
            case '--arch=*'
                set arch (string replace -- --arch= '' $tokens[$i])
        end
    end
    switch $arch
        case arm arm32
            printf '%s\n' $__vmlayout_defines_arm
        case x86 i386 x86_32
            printf '%s\n' $__vmlayout_defines_x86
        case ppc ppc32 powerpc
            printf '%s\n' $__vmlayout_defines_ppc
        case '*'
            printf '%s\n' $__vmlayout_defines_all
    end
end

# no file names unless a value or operand is a file
complete -c vmlayout -f
complete -c vmlayout -n '__vmlayout_using ""' -a check -d 'Check one or more board configurations against requirements and report'
complete -c vmlayout -n '__vmlayout_using ""' -a explain -d 'Show how the kernel derives the layout, step by step.'
complete -c vmlayout -n '__vmlayout_using ""' -a suggest -d 'Find changes that make a board reach its goals, each one measured.'
complete -c vmlayout -n '__vmlayout_using ""' -a diff -d 'Compare two configurations of a board, side by side.'
complete -c vmlayout -n '__vmlayout_using ""' -a verify -d 'Check vmlayout\'s prediction against a real boot log, line by line.'
complete -c vmlayout -n '__vmlayout_using ""' -a batch -d 'Compute many layouts in one run. Each input line is either a JSON object'
complete -c vmlayout -n '__vmlayout_using ""' -a profiles -d 'List the board profiles built into vmlayout, or show one as JSON-ready settings.'
complete -c vmlayout -n '__vmlayout_using ""' -a names -d 'List the Kconfig symbols and kernel constants -D can set for an architecture.'
complete -c vmlayout -n '__vmlayout_using ""' -a help -d '%nWhen no COMMAND is given, the usage help for the main command is displayed.'
complete -c vmlayout -n '__vmlayout_using ""' -a generate-completion -d 'Print the completion script for bash, zsh or fish.'
complete -c vmlayout -n '__vmlayout_using ""' -l profile -r -F -a 'embeddedbits-sh4-512M marvell-88pa6220-granite2 at91-rascal hi3518 ti8148-evm omap3-reptar socfpga-de0 vexpress-a9-vmsplit2g zynq-vmsplit1g jornada720 ppc7448-2G ubuntu-3.2-i386-2G pc-2G-seed004 facebook-fuji-bmc' -d 'A board profile: a built-in name (vmlayout profiles) or a JSON file'
complete -c vmlayout -n '__vmlayout_using ""' -l cmdline-file -r -F -d 'The board\'s bootargs from a file (\'-\' for standard input; /proc/cmdline works)'
complete -c vmlayout -n '__vmlayout_using ""' -l arch -x -a 'arm x86 ppc' -d 'Architecture: arm, x86 or ppc (default: arm)'
complete -c vmlayout -n '__vmlayout_using ""' -l kernel -x -a '2.6.17 2.6.19 2.6.21 2.6.24 2.6.26 2.6.27 2.6.28 2.6.29 2.6.30 2.6.31 2.6.33 2.6.35 2.6.36 2.6.37 2.6.38 2.6.39 3.0 3.1 3.3 3.4 3.5 3.8 3.11 3.14 3.15 3.16 3.19 4.0 4.1 4.2 4.4 4.6 4.9 4.12 4.15 4.17 4.19 4.20 5.1 5.2 5.4 5.5 5.7 5.8 5.9 5.11 5.12 5.13 5.14 5.15.3 5.16 6.1 6.11 6.12 6.15 7.0' -d 'Kernel release whose rules and texts apply, e.g. 2.6.37, 3.18, 4.4, 6.1, 6.15...'
complete -c vmlayout -n '__vmlayout_using ""' -l ram -x -d 'A RAM bank as firmware or the device tree describes it; repeatable'
complete -c vmlayout -n '__vmlayout_using ""' -l e820 -x -d 'x86: a BIOS e820 entry; TYPE is usable, reserved, acpi, nvs, unusable, persis...'
complete -c vmlayout -n '__vmlayout_using ""' -l e820-file -r -F -d 'x86: the BIOS map as the kernel printed it: a boot log or dmesg excerpt (its ...'
complete -c vmlayout -n '__vmlayout_using ""' -l cmdline -x -d 'A whole kernel command line; parameters that do not touch memory (console=, r...'
complete -c vmlayout -n '__vmlayout_using ""' -l mem -x -d 'mem= as an option; repeatable'
complete -c vmlayout -n '__vmlayout_using ""' -l memmap -x -d 'memmap= as an option (x86); repeatable'
complete -c vmlayout -n '__vmlayout_using ""' -l vmalloc -x -d 'vmalloc= as an option'
complete -c vmlayout -n '__vmlayout_using ""' -l highmem -x -d 'highmem= as an option (x86)'
complete -c vmlayout -n '__vmlayout_using ""' -s D -l define -x -a '(__vmlayout_defines)' -d 'A Kconfig symbol (CONFIG_ prefix optional: HIGHMEM=y, VMSPLIT_2G=y, ARM_LPAE=...'
complete -c vmlayout -n '__vmlayout_using ""' -l page-offset -x -d 'Shorthand for -D PAGE_OFFSET=ADDR'
complete -c vmlayout -n '__vmlayout_using ""' -l vmalloc-end -x -d 'Shorthand for -D VMALLOC_END=ADDR'
complete -c vmlayout -n '__vmlayout_using ""' -l lowmem-size -x -d 'Shorthand for -D LOWMEM_SIZE=SIZE (ppc)'
complete -c vmlayout -n '__vmlayout_using ""' -l config -r -F -d 'A kernel .config (or /proc/config.gz): the architecture, the release in its h...'
complete -c vmlayout -n '__vmlayout_using ""' -l system-map -r -F -d 'The kernel\'s System.map (plain or .gz): the section symbols _text _etext __in...'
complete -c vmlayout -n '__vmlayout_using ""' -l dtb -r -F -d 'The board\'s device tree blob (or a plain .dts without #include or macros): RA...'
complete -c vmlayout -n '__vmlayout_using ""' -l uboot-env -r -F -d 'U-Boot\'s environment (printenv or fw_printenv text, boot commands, or a binar...'
complete -c vmlayout -n '__vmlayout_using ""' -l color -x -a 'auto always never' -d 'Colour: auto, always, never (default: auto = when standard output is a termin...'
complete -c vmlayout -n '__vmlayout_using ""' -l format -x -a 'text json svg' -d 'Output format: text, json, svg (default: text)'
complete -c vmlayout -n '__vmlayout_using ""' -l kernel-only -d 'Print only the lines this kernel prints (to diff against a boot log): a layou...'
complete -c vmlayout -n '__vmlayout_using ""' -l map -d 'Draw the address space instead: the virtual space and the physical RAM side b...'
complete -c vmlayout -n '__vmlayout_using ""' -s h -l help -d 'Show this help message and exit'
complete -c vmlayout -n '__vmlayout_using ""' -s V -l version -d 'Print version information and exit'
complete -c vmlayout -n '__vmlayout_using ""' -a '$__vmlayout_params'
complete -c vmlayout -n '__vmlayout_using check' -l color -x -a 'auto always never' -d 'Colour: auto, always, never (default: auto = when standard output is a termin...'
complete -c vmlayout -n '__vmlayout_using check' -l profile -r -F -a 'embeddedbits-sh4-512M marvell-88pa6220-granite2 at91-rascal hi3518 ti8148-evm omap3-reptar socfpga-de0 vexpress-a9-vmsplit2g zynq-vmsplit1g jornada720 ppc7448-2G ubuntu-3.2-i386-2G pc-2G-seed004 facebook-fuji-bmc' -d 'A board profile: a built-in name (vmlayout profiles) or a JSON file'
complete -c vmlayout -n '__vmlayout_using check' -l cmdline-file -r -F -d 'The board\'s bootargs from a file (\'-\' for standard input; /proc/cmdline works)'
complete -c vmlayout -n '__vmlayout_using check' -l arch -x -a 'arm x86 ppc' -d 'Architecture: arm, x86 or ppc (default: arm)'
complete -c vmlayout -n '__vmlayout_using check' -l kernel -x -a '2.6.17 2.6.19 2.6.21 2.6.24 2.6.26 2.6.27 2.6.28 2.6.29 2.6.30 2.6.31 2.6.33 2.6.35 2.6.36 2.6.37 2.6.38 2.6.39 3.0 3.1 3.3 3.4 3.5 3.8 3.11 3.14 3.15 3.16 3.19 4.0 4.1 4.2 4.4 4.6 4.9 4.12 4.15 4.17 4.19 4.20 5.1 5.2 5.4 5.5 5.7 5.8 5.9 5.11 5.12 5.13 5.14 5.15.3 5.16 6.1 6.11 6.12 6.15 7.0' -d 'Kernel release whose rules and texts apply, e.g. 2.6.37, 3.18, 4.4, 6.1, 6.15...'
complete -c vmlayout -n '__vmlayout_using check' -l ram -x -d 'A RAM bank as firmware or the device tree describes it; repeatable'
complete -c vmlayout -n '__vmlayout_using check' -l e820 -x -d 'x86: a BIOS e820 entry; TYPE is usable, reserved, acpi, nvs, unusable, persis...'
complete -c vmlayout -n '__vmlayout_using check' -l e820-file -r -F -d 'x86: the BIOS map as the kernel printed it: a boot log or dmesg excerpt (its ...'
complete -c vmlayout -n '__vmlayout_using check' -l cmdline -x -d 'A whole kernel command line; parameters that do not touch memory (console=, r...'
complete -c vmlayout -n '__vmlayout_using check' -l mem -x -d 'mem= as an option; repeatable'
complete -c vmlayout -n '__vmlayout_using check' -l memmap -x -d 'memmap= as an option (x86); repeatable'
complete -c vmlayout -n '__vmlayout_using check' -l vmalloc -x -d 'vmalloc= as an option'
complete -c vmlayout -n '__vmlayout_using check' -l highmem -x -d 'highmem= as an option (x86)'
complete -c vmlayout -n '__vmlayout_using check' -s D -l define -x -a '(__vmlayout_defines)' -d 'A Kconfig symbol (CONFIG_ prefix optional: HIGHMEM=y, VMSPLIT_2G=y, ARM_LPAE=...'
complete -c vmlayout -n '__vmlayout_using check' -l page-offset -x -d 'Shorthand for -D PAGE_OFFSET=ADDR'
complete -c vmlayout -n '__vmlayout_using check' -l vmalloc-end -x -d 'Shorthand for -D VMALLOC_END=ADDR'
complete -c vmlayout -n '__vmlayout_using check' -l lowmem-size -x -d 'Shorthand for -D LOWMEM_SIZE=SIZE (ppc)'
complete -c vmlayout -n '__vmlayout_using check' -l config -r -F -d 'A kernel .config (or /proc/config.gz): the architecture, the release in its h...'
complete -c vmlayout -n '__vmlayout_using check' -l system-map -r -F -d 'The kernel\'s System.map (plain or .gz): the section symbols _text _etext __in...'
complete -c vmlayout -n '__vmlayout_using check' -l dtb -r -F -d 'The board\'s device tree blob (or a plain .dts without #include or macros): RA...'
complete -c vmlayout -n '__vmlayout_using check' -l uboot-env -r -F -d 'U-Boot\'s environment (printenv or fw_printenv text, boot commands, or a binar...'
complete -c vmlayout -n '__vmlayout_using check' -l require -x -d 'A requirement; repeatable (quote it: the shell reads > and <)'
complete -c vmlayout -n '__vmlayout_using check' -l format -x -a 'text github json' -d 'text, github (workflow annotations) or json (default: text)'
complete -c vmlayout -n '__vmlayout_using check' -l board -r -F -a 'embeddedbits-sh4-512M marvell-88pa6220-granite2 at91-rascal hi3518 ti8148-evm omap3-reptar socfpga-de0 vexpress-a9-vmsplit2g zynq-vmsplit1g jornada720 ppc7448-2G ubuntu-3.2-i386-2G pc-2G-seed004 facebook-fuji-bmc' -d 'A board: a profile (a built-in name or a JSON file) with its own bootargs fil...'
complete -c vmlayout -n '__vmlayout_using check' -s h -l help -d 'Show this help message and exit'
complete -c vmlayout -n '__vmlayout_using check' -s V -l version -d 'Print version information and exit'
complete -c vmlayout -n '__vmlayout_using check' -a '$__vmlayout_params'
complete -c vmlayout -n '__vmlayout_using explain' -l color -x -a 'auto always never' -d 'Colour: auto, always, never (default: auto = when standard output is a termin...'
complete -c vmlayout -n '__vmlayout_using explain' -l profile -r -F -a 'embeddedbits-sh4-512M marvell-88pa6220-granite2 at91-rascal hi3518 ti8148-evm omap3-reptar socfpga-de0 vexpress-a9-vmsplit2g zynq-vmsplit1g jornada720 ppc7448-2G ubuntu-3.2-i386-2G pc-2G-seed004 facebook-fuji-bmc' -d 'A board profile: a built-in name (vmlayout profiles) or a JSON file'
complete -c vmlayout -n '__vmlayout_using explain' -l cmdline-file -r -F -d 'The board\'s bootargs from a file (\'-\' for standard input; /proc/cmdline works)'
complete -c vmlayout -n '__vmlayout_using explain' -l arch -x -a 'arm x86 ppc' -d 'Architecture: arm, x86 or ppc (default: arm)'
complete -c vmlayout -n '__vmlayout_using explain' -l kernel -x -a '2.6.17 2.6.19 2.6.21 2.6.24 2.6.26 2.6.27 2.6.28 2.6.29 2.6.30 2.6.31 2.6.33 2.6.35 2.6.36 2.6.37 2.6.38 2.6.39 3.0 3.1 3.3 3.4 3.5 3.8 3.11 3.14 3.15 3.16 3.19 4.0 4.1 4.2 4.4 4.6 4.9 4.12 4.15 4.17 4.19 4.20 5.1 5.2 5.4 5.5 5.7 5.8 5.9 5.11 5.12 5.13 5.14 5.15.3 5.16 6.1 6.11 6.12 6.15 7.0' -d 'Kernel release whose rules and texts apply, e.g. 2.6.37, 3.18, 4.4, 6.1, 6.15...'
complete -c vmlayout -n '__vmlayout_using explain' -l ram -x -d 'A RAM bank as firmware or the device tree describes it; repeatable'
complete -c vmlayout -n '__vmlayout_using explain' -l e820 -x -d 'x86: a BIOS e820 entry; TYPE is usable, reserved, acpi, nvs, unusable, persis...'
complete -c vmlayout -n '__vmlayout_using explain' -l e820-file -r -F -d 'x86: the BIOS map as the kernel printed it: a boot log or dmesg excerpt (its ...'
complete -c vmlayout -n '__vmlayout_using explain' -l cmdline -x -d 'A whole kernel command line; parameters that do not touch memory (console=, r...'
complete -c vmlayout -n '__vmlayout_using explain' -l mem -x -d 'mem= as an option; repeatable'
complete -c vmlayout -n '__vmlayout_using explain' -l memmap -x -d 'memmap= as an option (x86); repeatable'
complete -c vmlayout -n '__vmlayout_using explain' -l vmalloc -x -d 'vmalloc= as an option'
complete -c vmlayout -n '__vmlayout_using explain' -l highmem -x -d 'highmem= as an option (x86)'
complete -c vmlayout -n '__vmlayout_using explain' -s D -l define -x -a '(__vmlayout_defines)' -d 'A Kconfig symbol (CONFIG_ prefix optional: HIGHMEM=y, VMSPLIT_2G=y, ARM_LPAE=...'
complete -c vmlayout -n '__vmlayout_using explain' -l page-offset -x -d 'Shorthand for -D PAGE_OFFSET=ADDR'
complete -c vmlayout -n '__vmlayout_using explain' -l vmalloc-end -x -d 'Shorthand for -D VMALLOC_END=ADDR'
complete -c vmlayout -n '__vmlayout_using explain' -l lowmem-size -x -d 'Shorthand for -D LOWMEM_SIZE=SIZE (ppc)'
complete -c vmlayout -n '__vmlayout_using explain' -l config -r -F -d 'A kernel .config (or /proc/config.gz): the architecture, the release in its h...'
complete -c vmlayout -n '__vmlayout_using explain' -l system-map -r -F -d 'The kernel\'s System.map (plain or .gz): the section symbols _text _etext __in...'
complete -c vmlayout -n '__vmlayout_using explain' -l dtb -r -F -d 'The board\'s device tree blob (or a plain .dts without #include or macros): RA...'
complete -c vmlayout -n '__vmlayout_using explain' -l uboot-env -r -F -d 'U-Boot\'s environment (printenv or fw_printenv text, boot commands, or a binar...'
complete -c vmlayout -n '__vmlayout_using explain' -l format -x -a 'text json' -d 'text or json (the layout object with a derivation array)'
complete -c vmlayout -n '__vmlayout_using explain' -s h -l help -d 'Show this help message and exit'
complete -c vmlayout -n '__vmlayout_using explain' -s V -l version -d 'Print version information and exit'
complete -c vmlayout -n '__vmlayout_using explain' -a '$__vmlayout_params'
complete -c vmlayout -n '__vmlayout_using suggest' -l color -x -a 'auto always never' -d 'Colour: auto, always, never (default: auto = when standard output is a termin...'
complete -c vmlayout -n '__vmlayout_using suggest' -l profile -r -F -a 'embeddedbits-sh4-512M marvell-88pa6220-granite2 at91-rascal hi3518 ti8148-evm omap3-reptar socfpga-de0 vexpress-a9-vmsplit2g zynq-vmsplit1g jornada720 ppc7448-2G ubuntu-3.2-i386-2G pc-2G-seed004 facebook-fuji-bmc' -d 'A board profile: a built-in name (vmlayout profiles) or a JSON file'
complete -c vmlayout -n '__vmlayout_using suggest' -l cmdline-file -r -F -d 'The board\'s bootargs from a file (\'-\' for standard input; /proc/cmdline works)'
complete -c vmlayout -n '__vmlayout_using suggest' -l arch -x -a 'arm x86 ppc' -d 'Architecture: arm, x86 or ppc (default: arm)'
complete -c vmlayout -n '__vmlayout_using suggest' -l kernel -x -a '2.6.17 2.6.19 2.6.21 2.6.24 2.6.26 2.6.27 2.6.28 2.6.29 2.6.30 2.6.31 2.6.33 2.6.35 2.6.36 2.6.37 2.6.38 2.6.39 3.0 3.1 3.3 3.4 3.5 3.8 3.11 3.14 3.15 3.16 3.19 4.0 4.1 4.2 4.4 4.6 4.9 4.12 4.15 4.17 4.19 4.20 5.1 5.2 5.4 5.5 5.7 5.8 5.9 5.11 5.12 5.13 5.14 5.15.3 5.16 6.1 6.11 6.12 6.15 7.0' -d 'Kernel release whose rules and texts apply, e.g. 2.6.37, 3.18, 4.4, 6.1, 6.15...'
complete -c vmlayout -n '__vmlayout_using suggest' -l ram -x -d 'A RAM bank as firmware or the device tree describes it; repeatable'
complete -c vmlayout -n '__vmlayout_using suggest' -l e820 -x -d 'x86: a BIOS e820 entry; TYPE is usable, reserved, acpi, nvs, unusable, persis...'
complete -c vmlayout -n '__vmlayout_using suggest' -l e820-file -r -F -d 'x86: the BIOS map as the kernel printed it: a boot log or dmesg excerpt (its ...'
complete -c vmlayout -n '__vmlayout_using suggest' -l cmdline -x -d 'A whole kernel command line; parameters that do not touch memory (console=, r...'
complete -c vmlayout -n '__vmlayout_using suggest' -l mem -x -d 'mem= as an option; repeatable'
complete -c vmlayout -n '__vmlayout_using suggest' -l memmap -x -d 'memmap= as an option (x86); repeatable'
complete -c vmlayout -n '__vmlayout_using suggest' -l vmalloc -x -d 'vmalloc= as an option'
complete -c vmlayout -n '__vmlayout_using suggest' -l highmem -x -d 'highmem= as an option (x86)'
complete -c vmlayout -n '__vmlayout_using suggest' -s D -l define -x -a '(__vmlayout_defines)' -d 'A Kconfig symbol (CONFIG_ prefix optional: HIGHMEM=y, VMSPLIT_2G=y, ARM_LPAE=...'
complete -c vmlayout -n '__vmlayout_using suggest' -l page-offset -x -d 'Shorthand for -D PAGE_OFFSET=ADDR'
complete -c vmlayout -n '__vmlayout_using suggest' -l vmalloc-end -x -d 'Shorthand for -D VMALLOC_END=ADDR'
complete -c vmlayout -n '__vmlayout_using suggest' -l lowmem-size -x -d 'Shorthand for -D LOWMEM_SIZE=SIZE (ppc)'
complete -c vmlayout -n '__vmlayout_using suggest' -l config -r -F -d 'A kernel .config (or /proc/config.gz): the architecture, the release in its h...'
complete -c vmlayout -n '__vmlayout_using suggest' -l system-map -r -F -d 'The kernel\'s System.map (plain or .gz): the section symbols _text _etext __in...'
complete -c vmlayout -n '__vmlayout_using suggest' -l dtb -r -F -d 'The board\'s device tree blob (or a plain .dts without #include or macros): RA...'
complete -c vmlayout -n '__vmlayout_using suggest' -l uboot-env -r -F -d 'U-Boot\'s environment (printenv or fw_printenv text, boot commands, or a binar...'
complete -c vmlayout -n '__vmlayout_using suggest' -l want -x -d 'A goal; repeatable (quote it: the shell reads > and <)'
complete -c vmlayout -n '__vmlayout_using suggest' -l reserve -x -d 'Physical RAM the kernel must never use; repeatable'
complete -c vmlayout -n '__vmlayout_using suggest' -l max-cost -x -d 'The costliest change to consider: boot (boot parameters only), kconfig, split...'
complete -c vmlayout -n '__vmlayout_using suggest' -s h -l help -d 'Show this help message and exit'
complete -c vmlayout -n '__vmlayout_using suggest' -s V -l version -d 'Print version information and exit'
complete -c vmlayout -n '__vmlayout_using suggest' -a '$__vmlayout_params'
complete -c vmlayout -n '__vmlayout_using diff' -l color -x -a 'auto always never' -d 'Colour: auto, always, never (default: auto = when standard output is a termin...'
complete -c vmlayout -n '__vmlayout_using diff' -l profile -r -F -a 'embeddedbits-sh4-512M marvell-88pa6220-granite2 at91-rascal hi3518 ti8148-evm omap3-reptar socfpga-de0 vexpress-a9-vmsplit2g zynq-vmsplit1g jornada720 ppc7448-2G ubuntu-3.2-i386-2G pc-2G-seed004 facebook-fuji-bmc' -d 'A board profile: a built-in name (vmlayout profiles) or a JSON file'
complete -c vmlayout -n '__vmlayout_using diff' -l cmdline-file -r -F -d 'The board\'s bootargs from a file (\'-\' for standard input; /proc/cmdline works)'
complete -c vmlayout -n '__vmlayout_using diff' -l arch -x -a 'arm x86 ppc' -d 'Architecture: arm, x86 or ppc (default: arm)'
complete -c vmlayout -n '__vmlayout_using diff' -l kernel -x -a '2.6.17 2.6.19 2.6.21 2.6.24 2.6.26 2.6.27 2.6.28 2.6.29 2.6.30 2.6.31 2.6.33 2.6.35 2.6.36 2.6.37 2.6.38 2.6.39 3.0 3.1 3.3 3.4 3.5 3.8 3.11 3.14 3.15 3.16 3.19 4.0 4.1 4.2 4.4 4.6 4.9 4.12 4.15 4.17 4.19 4.20 5.1 5.2 5.4 5.5 5.7 5.8 5.9 5.11 5.12 5.13 5.14 5.15.3 5.16 6.1 6.11 6.12 6.15 7.0' -d 'Kernel release whose rules and texts apply, e.g. 2.6.37, 3.18, 4.4, 6.1, 6.15...'
complete -c vmlayout -n '__vmlayout_using diff' -l ram -x -d 'A RAM bank as firmware or the device tree describes it; repeatable'
complete -c vmlayout -n '__vmlayout_using diff' -l e820 -x -d 'x86: a BIOS e820 entry; TYPE is usable, reserved, acpi, nvs, unusable, persis...'
complete -c vmlayout -n '__vmlayout_using diff' -l e820-file -r -F -d 'x86: the BIOS map as the kernel printed it: a boot log or dmesg excerpt (its ...'
complete -c vmlayout -n '__vmlayout_using diff' -l cmdline -x -d 'A whole kernel command line; parameters that do not touch memory (console=, r...'
complete -c vmlayout -n '__vmlayout_using diff' -l mem -x -d 'mem= as an option; repeatable'
complete -c vmlayout -n '__vmlayout_using diff' -l memmap -x -d 'memmap= as an option (x86); repeatable'
complete -c vmlayout -n '__vmlayout_using diff' -l vmalloc -x -d 'vmalloc= as an option'
complete -c vmlayout -n '__vmlayout_using diff' -l highmem -x -d 'highmem= as an option (x86)'
complete -c vmlayout -n '__vmlayout_using diff' -s D -l define -x -a '(__vmlayout_defines)' -d 'A Kconfig symbol (CONFIG_ prefix optional: HIGHMEM=y, VMSPLIT_2G=y, ARM_LPAE=...'
complete -c vmlayout -n '__vmlayout_using diff' -l page-offset -x -d 'Shorthand for -D PAGE_OFFSET=ADDR'
complete -c vmlayout -n '__vmlayout_using diff' -l vmalloc-end -x -d 'Shorthand for -D VMALLOC_END=ADDR'
complete -c vmlayout -n '__vmlayout_using diff' -l lowmem-size -x -d 'Shorthand for -D LOWMEM_SIZE=SIZE (ppc)'
complete -c vmlayout -n '__vmlayout_using diff' -l config -r -F -d 'A kernel .config (or /proc/config.gz): the architecture, the release in its h...'
complete -c vmlayout -n '__vmlayout_using diff' -l system-map -r -F -d 'The kernel\'s System.map (plain or .gz): the section symbols _text _etext __in...'
complete -c vmlayout -n '__vmlayout_using diff' -l dtb -r -F -d 'The board\'s device tree blob (or a plain .dts without #include or macros): RA...'
complete -c vmlayout -n '__vmlayout_using diff' -l uboot-env -r -F -d 'U-Boot\'s environment (printenv or fw_printenv text, boot commands, or a binar...'
complete -c vmlayout -n '__vmlayout_using diff' -l format -x -a 'text json svg' -d 'text, json or svg (default: text)'
complete -c vmlayout -n '__vmlayout_using diff' -s h -l help -d 'Show this help message and exit'
complete -c vmlayout -n '__vmlayout_using diff' -s V -l version -d 'Print version information and exit'
complete -c vmlayout -n '__vmlayout_using diff' -F -a 'embeddedbits-sh4-512M marvell-88pa6220-granite2 at91-rascal hi3518 ti8148-evm omap3-reptar socfpga-de0 vexpress-a9-vmsplit2g zynq-vmsplit1g jornada720 ppc7448-2G ubuntu-3.2-i386-2G pc-2G-seed004 facebook-fuji-bmc'
complete -c vmlayout -n '__vmlayout_using verify' -l color -x -a 'auto always never' -d 'Colour: auto, always, never (default: auto = when standard output is a termin...'
complete -c vmlayout -n '__vmlayout_using verify' -l profile -r -F -a 'embeddedbits-sh4-512M marvell-88pa6220-granite2 at91-rascal hi3518 ti8148-evm omap3-reptar socfpga-de0 vexpress-a9-vmsplit2g zynq-vmsplit1g jornada720 ppc7448-2G ubuntu-3.2-i386-2G pc-2G-seed004 facebook-fuji-bmc' -d 'A board profile: a built-in name (vmlayout profiles) or a JSON file'
complete -c vmlayout -n '__vmlayout_using verify' -l cmdline-file -r -F -d 'The board\'s bootargs from a file (\'-\' for standard input; /proc/cmdline works)'
complete -c vmlayout -n '__vmlayout_using verify' -l arch -x -a 'arm x86 ppc' -d 'Architecture: arm, x86 or ppc (default: arm)'
complete -c vmlayout -n '__vmlayout_using verify' -l kernel -x -a '2.6.17 2.6.19 2.6.21 2.6.24 2.6.26 2.6.27 2.6.28 2.6.29 2.6.30 2.6.31 2.6.33 2.6.35 2.6.36 2.6.37 2.6.38 2.6.39 3.0 3.1 3.3 3.4 3.5 3.8 3.11 3.14 3.15 3.16 3.19 4.0 4.1 4.2 4.4 4.6 4.9 4.12 4.15 4.17 4.19 4.20 5.1 5.2 5.4 5.5 5.7 5.8 5.9 5.11 5.12 5.13 5.14 5.15.3 5.16 6.1 6.11 6.12 6.15 7.0' -d 'Kernel release whose rules and texts apply, e.g. 2.6.37, 3.18, 4.4, 6.1, 6.15...'
complete -c vmlayout -n '__vmlayout_using verify' -l ram -x -d 'A RAM bank as firmware or the device tree describes it; repeatable'
complete -c vmlayout -n '__vmlayout_using verify' -l e820 -x -d 'x86: a BIOS e820 entry; TYPE is usable, reserved, acpi, nvs, unusable, persis...'
complete -c vmlayout -n '__vmlayout_using verify' -l e820-file -r -F -d 'x86: the BIOS map as the kernel printed it: a boot log or dmesg excerpt (its ...'
complete -c vmlayout -n '__vmlayout_using verify' -l cmdline -x -d 'A whole kernel command line; parameters that do not touch memory (console=, r...'
complete -c vmlayout -n '__vmlayout_using verify' -l mem -x -d 'mem= as an option; repeatable'
complete -c vmlayout -n '__vmlayout_using verify' -l memmap -x -d 'memmap= as an option (x86); repeatable'
complete -c vmlayout -n '__vmlayout_using verify' -l vmalloc -x -d 'vmalloc= as an option'
complete -c vmlayout -n '__vmlayout_using verify' -l highmem -x -d 'highmem= as an option (x86)'
complete -c vmlayout -n '__vmlayout_using verify' -s D -l define -x -a '(__vmlayout_defines)' -d 'A Kconfig symbol (CONFIG_ prefix optional: HIGHMEM=y, VMSPLIT_2G=y, ARM_LPAE=...'
complete -c vmlayout -n '__vmlayout_using verify' -l page-offset -x -d 'Shorthand for -D PAGE_OFFSET=ADDR'
complete -c vmlayout -n '__vmlayout_using verify' -l vmalloc-end -x -d 'Shorthand for -D VMALLOC_END=ADDR'
complete -c vmlayout -n '__vmlayout_using verify' -l lowmem-size -x -d 'Shorthand for -D LOWMEM_SIZE=SIZE (ppc)'
complete -c vmlayout -n '__vmlayout_using verify' -l config -r -F -d 'A kernel .config (or /proc/config.gz): the architecture, the release in its h...'
complete -c vmlayout -n '__vmlayout_using verify' -l system-map -r -F -d 'The kernel\'s System.map (plain or .gz): the section symbols _text _etext __in...'
complete -c vmlayout -n '__vmlayout_using verify' -l dtb -r -F -d 'The board\'s device tree blob (or a plain .dts without #include or macros): RA...'
complete -c vmlayout -n '__vmlayout_using verify' -l uboot-env -r -F -d 'U-Boot\'s environment (printenv or fw_printenv text, boot commands, or a binar...'
complete -c vmlayout -n '__vmlayout_using verify' -l format -x -a 'text json' -d 'text or json (default: text)'
complete -c vmlayout -n '__vmlayout_using verify' -l boot -x -d 'Which boot of a file holding several (1 is the first; default: the last compl...'
complete -c vmlayout -n '__vmlayout_using verify' -s h -l help -d 'Show this help message and exit'
complete -c vmlayout -n '__vmlayout_using verify' -s V -l version -d 'Print version information and exit'
complete -c vmlayout -n '__vmlayout_using verify' -F -a '$__vmlayout_params'
complete -c vmlayout -n '__vmlayout_using batch' -l color -x -a 'auto always never' -d 'Colour: auto, always, never (default: auto = when standard output is a termin...'
complete -c vmlayout -n '__vmlayout_using batch' -l profile -r -F -a 'embeddedbits-sh4-512M marvell-88pa6220-granite2 at91-rascal hi3518 ti8148-evm omap3-reptar socfpga-de0 vexpress-a9-vmsplit2g zynq-vmsplit1g jornada720 ppc7448-2G ubuntu-3.2-i386-2G pc-2G-seed004 facebook-fuji-bmc' -d 'A board profile: a built-in name (vmlayout profiles) or a JSON file'
complete -c vmlayout -n '__vmlayout_using batch' -l cmdline-file -r -F -d 'The board\'s bootargs from a file (\'-\' for standard input; /proc/cmdline works)'
complete -c vmlayout -n '__vmlayout_using batch' -l arch -x -a 'arm x86 ppc' -d 'Architecture: arm, x86 or ppc (default: arm)'
complete -c vmlayout -n '__vmlayout_using batch' -l kernel -x -a '2.6.17 2.6.19 2.6.21 2.6.24 2.6.26 2.6.27 2.6.28 2.6.29 2.6.30 2.6.31 2.6.33 2.6.35 2.6.36 2.6.37 2.6.38 2.6.39 3.0 3.1 3.3 3.4 3.5 3.8 3.11 3.14 3.15 3.16 3.19 4.0 4.1 4.2 4.4 4.6 4.9 4.12 4.15 4.17 4.19 4.20 5.1 5.2 5.4 5.5 5.7 5.8 5.9 5.11 5.12 5.13 5.14 5.15.3 5.16 6.1 6.11 6.12 6.15 7.0' -d 'Kernel release whose rules and texts apply, e.g. 2.6.37, 3.18, 4.4, 6.1, 6.15...'
complete -c vmlayout -n '__vmlayout_using batch' -l ram -x -d 'A RAM bank as firmware or the device tree describes it; repeatable'
complete -c vmlayout -n '__vmlayout_using batch' -l e820 -x -d 'x86: a BIOS e820 entry; TYPE is usable, reserved, acpi, nvs, unusable, persis...'
complete -c vmlayout -n '__vmlayout_using batch' -l e820-file -r -F -d 'x86: the BIOS map as the kernel printed it: a boot log or dmesg excerpt (its ...'
complete -c vmlayout -n '__vmlayout_using batch' -l cmdline -x -d 'A whole kernel command line; parameters that do not touch memory (console=, r...'
complete -c vmlayout -n '__vmlayout_using batch' -l mem -x -d 'mem= as an option; repeatable'
complete -c vmlayout -n '__vmlayout_using batch' -l memmap -x -d 'memmap= as an option (x86); repeatable'
complete -c vmlayout -n '__vmlayout_using batch' -l vmalloc -x -d 'vmalloc= as an option'
complete -c vmlayout -n '__vmlayout_using batch' -l highmem -x -d 'highmem= as an option (x86)'
complete -c vmlayout -n '__vmlayout_using batch' -s D -l define -x -a '(__vmlayout_defines)' -d 'A Kconfig symbol (CONFIG_ prefix optional: HIGHMEM=y, VMSPLIT_2G=y, ARM_LPAE=...'
complete -c vmlayout -n '__vmlayout_using batch' -l page-offset -x -d 'Shorthand for -D PAGE_OFFSET=ADDR'
complete -c vmlayout -n '__vmlayout_using batch' -l vmalloc-end -x -d 'Shorthand for -D VMALLOC_END=ADDR'
complete -c vmlayout -n '__vmlayout_using batch' -l lowmem-size -x -d 'Shorthand for -D LOWMEM_SIZE=SIZE (ppc)'
complete -c vmlayout -n '__vmlayout_using batch' -l config -r -F -d 'A kernel .config (or /proc/config.gz): the architecture, the release in its h...'
complete -c vmlayout -n '__vmlayout_using batch' -l system-map -r -F -d 'The kernel\'s System.map (plain or .gz): the section symbols _text _etext __in...'
complete -c vmlayout -n '__vmlayout_using batch' -l dtb -r -F -d 'The board\'s device tree blob (or a plain .dts without #include or macros): RA...'
complete -c vmlayout -n '__vmlayout_using batch' -l uboot-env -r -F -d 'U-Boot\'s environment (printenv or fw_printenv text, boot commands, or a binar...'
complete -c vmlayout -n '__vmlayout_using batch' -l full -d 'Include the whole layout object in each result'
complete -c vmlayout -n '__vmlayout_using batch' -s h -l help -d 'Show this help message and exit'
complete -c vmlayout -n '__vmlayout_using batch' -s V -l version -d 'Print version information and exit'
complete -c vmlayout -n '__vmlayout_using batch' -F
complete -c vmlayout -n '__vmlayout_using profiles' -l color -x -a 'auto always never' -d 'Colour: auto, always, never (default: auto = when standard output is a termin...'
complete -c vmlayout -n '__vmlayout_using profiles' -s h -l help -d 'Show this help message and exit'
complete -c vmlayout -n '__vmlayout_using profiles' -s V -l version -d 'Print version information and exit'
complete -c vmlayout -n '__vmlayout_using profiles' -a 'embeddedbits-sh4-512M marvell-88pa6220-granite2 at91-rascal hi3518 ti8148-evm omap3-reptar socfpga-de0 vexpress-a9-vmsplit2g zynq-vmsplit1g jornada720 ppc7448-2G ubuntu-3.2-i386-2G pc-2G-seed004 facebook-fuji-bmc'
complete -c vmlayout -n '__vmlayout_using names' -l color -x -a 'auto always never' -d 'Colour: auto, always, never (default: auto = when standard output is a termin...'
complete -c vmlayout -n '__vmlayout_using names' -l arch -x -a 'arm x86 ppc' -d 'arm, x86 or ppc (default: arm)'
complete -c vmlayout -n '__vmlayout_using names' -s h -l help -d 'Show this help message and exit'
complete -c vmlayout -n '__vmlayout_using names' -s V -l version -d 'Print version information and exit'
complete -c vmlayout -n '__vmlayout_using help' -s h -l help -d 'Show usage help for the help command and exit'
complete -c vmlayout -n '__vmlayout_using help' -a 'check explain suggest diff verify batch profiles names generate-completion'
complete -c vmlayout -n '__vmlayout_using generate-completion' -l color -x -a 'auto always never' -d 'Colour: auto, always, never (default: auto = when standard output is a termin...'
complete -c vmlayout -n '__vmlayout_using generate-completion' -s h -l help -d 'Show this help message and exit'
complete -c vmlayout -n '__vmlayout_using generate-completion' -s V -l version -d 'Print version information and exit'
complete -c vmlayout -n '__vmlayout_using generate-completion' -a 'bash zsh fish'
