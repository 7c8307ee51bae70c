# bash completion for vmlayout 0.1.0, generated from its options by
# `vmlayout generate-completion bash` (do not edit). Installed as
# share/bash-completion/completions/vmlayout, bash-completion loads it on the first Tab;
# or source it from ~/.bashrc. Needs bash 4 or later; bash-completion is optional.

_vmlayout_commands='check explain suggest diff verify batch profiles names schema help generate-completion'
_vmlayout_valued='--arch --board --boot --cmdline --cmdline-file --color --config --define --dtb --e820 --e820-file --format --highmem --initrd --kernel --lowmem-size --max-cost --mem --memmap --page-offset --profile --project --ram --require --reserve --system-map --uboot-env --vmalloc --vmalloc-end --want -D'
_vmlayout_defines_arm='HIGHMEM= VMSPLIT_3G= VMSPLIT_3G_OPT= VMSPLIT_2G= VMSPLIT_1G= PAGE_OFFSET= ARM_LPAE= ZONE_DMA= ARM_DMA_ZONE_SIZE= MODULES= THUMB2_KERNEL= SMP= HAVE_TCM= CMA= DMA_CMA= CMA_SIZE_MBYTES= CMA_SIZE_PERCENTAGE= CMA_SIZE_SEL_MBYTES= CMA_SIZE_SEL_PERCENTAGE= CMA_SIZE_SEL_MIN= CMA_SIZE_SEL_MAX= ARCH_FORCE_MAX_ORDER= FORCE_MAX_ZONEORDER= HUGETLB_PAGE= KEXEC= CRASH_RESERVE= STRUCT_PAGE_SIZE= MEMCG= KERNEL_SIZE= VIPT_ALIASING= TLB_OPS_NEED_BROADCAST= PHYS_OFFSET= VMALLOC_END= VMALLOC_OFFSET= VMALLOC_RESERVE= IOREMAP_MAX_ORDER= NR_BANKS= VECTORS_BASE= FIXADDR_START= FIXADDR_TOP= FIXADDR_END= CONSISTENT_DMA_SIZE= CONSISTENT_END= PKMAP_BASE= MODULES_VADDR= MODULES_END= DTCM_OFFSET= DTCM_END= ITCM_OFFSET= ITCM_END= _text= _etext= __init_begin= __init_end= _sdata= _data= _edata= __bss_start= __bss_stop='
_vmlayout_defines_x86='NOHIGHMEM= HIGHMEM4G= HIGHMEM64G= HIGHMEM= X86_PAE= VMSPLIT_3G= VMSPLIT_3G_OPT= VMSPLIT_2G= VMSPLIT_2G_OPT= VMSPLIT_1G= PAGE_OFFSET= NR_CPUS= ZONE_DMA= FIXADDR_TOP= FIXADDR_START= FIXADDR_BOOT_START= FIXADDR_TOT_START= CPU_ENTRY_AREA_BASE= CPU_ENTRY_AREA_PAGES= CPU_ENTRY_AREA_MAP_SIZE= LDT_BASE_ADDR= PKMAP_BASE= VMALLOC_END= VMALLOC_RESERVE= CMA= DMA_CMA= CMA_SIZE_MBYTES= CMA_SIZE_PERCENTAGE= CMA_SIZE_SEL_MBYTES= CMA_SIZE_SEL_PERCENTAGE= CMA_SIZE_SEL_MIN= CMA_SIZE_SEL_MAX= KEXEC= CRASH_RESERVE= PHYSICAL_START= KERNEL_SIZE= MEMCG= HAVE_ALIGNED_STRUCT_PAGE= STRUCT_PAGE_SIZE= _text= _etext= _edata= __init_begin= __init_end= __bss_stop='
_vmlayout_defines_ppc='PPC_BOOK3S_32= PPC_83XX= PPC_8XX= 40X= 44X= PPC_85XX= PPC_MERGE= KERNEL_START= PAGE_OFFSET= LOWMEM_SIZE= TASK_SIZE= HIGHMEM= ZONE_DMA= HIGHMEM_START= NR_CPUS= PPC_16K_PAGES= PPC_64K_PAGES= PTE_64BIT= NOT_COHERENT_CACHE= CONSISTENT_SIZE= CONSISTENT_START= STRICT_KERNEL_RWX= MODULES= MODULES_SIZE= KASAN= KASAN_VMALLOC= KASAN_SHADOW_OFFSET= FIXADDR_TOP= FIXADDR_START= KM_TYPE_NR= PKMAP_BASE= IOREMAP_TOP= IOREMAP_BOT= VMALLOC_END= KEXEC= CRASH_RESERVE= RELOCATABLE= DYNAMIC_MEMSTART= KERNEL_SIZE= _text= __bss_stop='
_vmlayout_defines_all='40X= 44X= ARCH_FORCE_MAX_ORDER= ARM_DMA_ZONE_SIZE= ARM_LPAE= CMA= CMA_SIZE_MBYTES= CMA_SIZE_PERCENTAGE= CMA_SIZE_SEL_MAX= CMA_SIZE_SEL_MBYTES= CMA_SIZE_SEL_MIN= CMA_SIZE_SEL_PERCENTAGE= CONSISTENT_DMA_SIZE= CONSISTENT_END= CONSISTENT_SIZE= CONSISTENT_START= CPU_ENTRY_AREA_BASE= CPU_ENTRY_AREA_MAP_SIZE= CPU_ENTRY_AREA_PAGES= CRASH_RESERVE= DMA_CMA= DTCM_END= DTCM_OFFSET= DYNAMIC_MEMSTART= FIXADDR_BOOT_START= FIXADDR_END= FIXADDR_START= FIXADDR_TOP= FIXADDR_TOT_START= FORCE_MAX_ZONEORDER= HAVE_ALIGNED_STRUCT_PAGE= HAVE_TCM= HIGHMEM4G= HIGHMEM64G= HIGHMEM= HIGHMEM_START= HUGETLB_PAGE= IOREMAP_BOT= IOREMAP_MAX_ORDER= IOREMAP_TOP= ITCM_END= ITCM_OFFSET= KASAN= KASAN_SHADOW_OFFSET= KASAN_VMALLOC= KERNEL_SIZE= KERNEL_START= KEXEC= KM_TYPE_NR= LDT_BASE_ADDR= LOWMEM_SIZE= MEMCG= MODULES= MODULES_END= MODULES_SIZE= MODULES_VADDR= NOHIGHMEM= NOT_COHERENT_CACHE= NR_BANKS= NR_CPUS= PAGE_OFFSET= PHYSICAL_START= PHYS_OFFSET= PKMAP_BASE= PPC_16K_PAGES= PPC_64K_PAGES= PPC_83XX= PPC_85XX= PPC_8XX= PPC_BOOK3S_32= PPC_MERGE= PTE_64BIT= RELOCATABLE= SMP= STRICT_KERNEL_RWX= STRUCT_PAGE_SIZE= TASK_SIZE= THUMB2_KERNEL= TLB_OPS_NEED_BROADCAST= VECTORS_BASE= VIPT_ALIASING= VMALLOC_END= VMALLOC_OFFSET= VMALLOC_RESERVE= VMSPLIT_1G= VMSPLIT_2G= VMSPLIT_2G_OPT= VMSPLIT_3G= VMSPLIT_3G_OPT= X86_PAE= ZONE_DMA= __bss_start= __bss_stop= __init_begin= __init_end= _data= _edata= _etext= _sdata= _text='
_vmlayout_params='mem= memmap= vmalloc= highmem= reservetop= cma='

_vmlayout_words() { # WORDS...: the words that start like $cur
    COMPREPLY+=($(compgen -W "$*" -- "$cur"))
}

_vmlayout_files() {
    local IFS=$'\n'
    compopt -o filenames 2>/dev/null
    COMPREPLY+=($(compgen -f -- "$cur"))
}

_vmlayout_defines() { # -D: the names of the --arch on the line, else of all
    case $arch in
        arm|arm32) _vmlayout_words $_vmlayout_defines_arm ;;
        x86|i386|x86_32) _vmlayout_words $_vmlayout_defines_x86 ;;
        ppc|ppc32|powerpc) _vmlayout_words $_vmlayout_defines_ppc ;;
        *) _vmlayout_words $_vmlayout_defines_all ;;
    esac
}

_vmlayout_values() { # VALUES: complete a value (words, files, -D names, kernel parameters)
    local v
    for v; do
        case $v in
            @files) _vmlayout_files ;;
            @defines) _vmlayout_defines ;;
            @params) _vmlayout_words $_vmlayout_params ;;
            *) _vmlayout_words "$v" ;;
        esac
    done
}

# a single NAME= candidate: no space after it, the value follows
_vmlayout() {
    _vmlayout_complete
    if [[ ${#COMPREPLY[@]} == 1 && ${COMPREPLY[0]} == *= ]]; then
        compopt -o nospace 2>/dev/null
    fi
    return 0
}

_vmlayout_complete() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} opt= cmd= arch= i w
    COMPREPLY=()
    # bash splits --name=value at '=' (COMP_WORDBREAKS): put the pieces back together
    if [[ $cur == = || $prev == = ]]; then
        if [[ $cur == = ]]; then opt=$prev cur=; else opt=${COMP_WORDS[COMP_CWORD-2]}; fi
        [[ $opt == -* ]] || return 0 # the value of a kernel parameter or a -D name: yours to type
    elif [[ $prev == -* ]]; then
        opt=$prev
    fi
    for ((i = 1; i < COMP_CWORD; i++)); do
        w=${COMP_WORDS[i]}
        if [[ $w == --arch ]]; then
            arch=${COMP_WORDS[i+1]}
            [[ $arch == = ]] && arch=${COMP_WORDS[i+2]}
        elif [[ -z $cmd && " $_vmlayout_commands " == *" $w "* && " $_vmlayout_valued " != *" ${COMP_WORDS[i-1]} "* ]]; then
            cmd=$w
        fi
    done
    # the value of an option
    if [[ -n $opt ]]; then
        case "$cmd $opt" in
            *" --profile") _vmlayout_values 'embeddedbits-arm-512M marvell-88pa6220-granite2 at91-rascal hi3518 ti8148-evm omap3-reptar socfpga-de0 vexpress-a9-vmsplit2g zynq-vmsplit1g jornada720 ppc7448-2G ubuntu-3.2-i386-2G pc-2G-seed004 facebook-fuji-bmc' @files; return ;;
            *" --cmdline-file") _vmlayout_values @files; return ;;
            *" --arch") _vmlayout_values 'arm x86 ppc'; return ;;
            *" --kernel") _vmlayout_values '2.6.17 2.6.19 2.6.20 2.6.21 2.6.24 2.6.26 2.6.27 2.6.28 2.6.29 2.6.30 2.6.31 2.6.33 2.6.35 2.6.36 2.6.37 2.6.38 2.6.39 3.0 3.1 3.3 3.4 3.5 3.8 3.11 3.14 3.15 3.16 3.18 3.19 4.0 4.1 4.2 4.4 4.6 4.9 4.12 4.14 4.15 4.17 4.19 4.20 5.0 5.1 5.2 5.4 5.5 5.7 5.8 5.9 5.11 5.12 5.13 5.14 5.15.3 5.16 5.18 6.1 6.7 6.9 6.11 6.12 6.15 7.0'; return ;;
            *" --ram") _vmlayout_values; return ;;
            *" --e820") _vmlayout_values; return ;;
            *" --e820-file") _vmlayout_values @files; return ;;
            *" --cmdline") _vmlayout_values; return ;;
            *" --mem") _vmlayout_values; return ;;
            *" --memmap") _vmlayout_values; return ;;
            *" --vmalloc") _vmlayout_values; return ;;
            *" --highmem") _vmlayout_values; return ;;
            *" -D") _vmlayout_values @defines; return ;;
            *" --define") _vmlayout_values @defines; return ;;
            *" --page-offset") _vmlayout_values; return ;;
            *" --vmalloc-end") _vmlayout_values; return ;;
            *" --lowmem-size") _vmlayout_values; return ;;
            *" --config") _vmlayout_values @files; return ;;
            *" --system-map") _vmlayout_values @files; return ;;
            *" --dtb") _vmlayout_values @files; return ;;
            *" --initrd") _vmlayout_values; return ;;
            *" --uboot-env") _vmlayout_values @files; return ;;
            *" --color") _vmlayout_values 'auto always never'; return ;;
            " --format") _vmlayout_values 'text json svg'; return ;;
            "check --format") _vmlayout_values 'text github json junit sarif'; return ;;
            "explain --format") _vmlayout_values 'text json'; return ;;
            "suggest --format") _vmlayout_values 'text json'; return ;;
            "diff --format") _vmlayout_values 'text json svg'; return ;;
            "verify --format") _vmlayout_values 'text json'; return ;;
            "profiles --format") _vmlayout_values 'text json'; return ;;
            *" --require") _vmlayout_values; return ;;
            *" --board") _vmlayout_values 'embeddedbits-arm-512M marvell-88pa6220-granite2 at91-rascal hi3518 ti8148-evm omap3-reptar socfpga-de0 vexpress-a9-vmsplit2g zynq-vmsplit1g jornada720 ppc7448-2G ubuntu-3.2-i386-2G pc-2G-seed004 facebook-fuji-bmc' @files; return ;;
            *" --project") _vmlayout_values @files; return ;;
            *" --want") _vmlayout_values; return ;;
            *" --reserve") _vmlayout_values; return ;;
            *" --max-cost") _vmlayout_values; return ;;
            *" --boot") _vmlayout_values; return ;;
        esac
    fi
    # an option, a command or an operand
    case $cmd in
        '')
            if [[ $cur == -* ]]; then _vmlayout_words '--profile --cmdline-file --arch --kernel --ram --e820 --e820-file --cmdline --mem --memmap --vmalloc --highmem -D --define --page-offset --vmalloc-end --lowmem-size --config --system-map --dtb --initrd --uboot-env --color --format --kernel-only --map -h --help -V --version'; return; fi
            _vmlayout_words "$_vmlayout_commands"
            _vmlayout_values @params
            ;;
        check)
            if [[ $cur == -* ]]; then _vmlayout_words '--color --profile --cmdline-file --arch --kernel --ram --e820 --e820-file --cmdline --mem --memmap --vmalloc --highmem -D --define --page-offset --vmalloc-end --lowmem-size --config --system-map --dtb --initrd --uboot-env --require --format --board --project --no-fail -h --help -V --version'; return; fi
            _vmlayout_values @params
            ;;
        explain)
            if [[ $cur == -* ]]; then _vmlayout_words '--color --profile --cmdline-file --arch --kernel --ram --e820 --e820-file --cmdline --mem --memmap --vmalloc --highmem -D --define --page-offset --vmalloc-end --lowmem-size --config --system-map --dtb --initrd --uboot-env --format -h --help -V --version'; return; fi
            _vmlayout_values @params
            ;;
        suggest)
            if [[ $cur == -* ]]; then _vmlayout_words '--color --profile --cmdline-file --arch --kernel --ram --e820 --e820-file --cmdline --mem --memmap --vmalloc --highmem -D --define --page-offset --vmalloc-end --lowmem-size --config --system-map --dtb --initrd --uboot-env --want --reserve --max-cost --format -h --help -V --version'; return; fi
            _vmlayout_values @params
            ;;
        diff)
            if [[ $cur == -* ]]; then _vmlayout_words '--color --profile --cmdline-file --arch --kernel --ram --e820 --e820-file --cmdline --mem --memmap --vmalloc --highmem -D --define --page-offset --vmalloc-end --lowmem-size --config --system-map --dtb --initrd --uboot-env --format -h --help -V --version'; return; fi
            _vmlayout_values 'embeddedbits-arm-512M marvell-88pa6220-granite2 at91-rascal hi3518 ti8148-evm omap3-reptar socfpga-de0 vexpress-a9-vmsplit2g zynq-vmsplit1g jornada720 ppc7448-2G ubuntu-3.2-i386-2G pc-2G-seed004 facebook-fuji-bmc' @files
            ;;
        verify)
            if [[ $cur == -* ]]; then _vmlayout_words '--color --profile --cmdline-file --arch --kernel --ram --e820 --e820-file --cmdline --mem --memmap --vmalloc --highmem -D --define --page-offset --vmalloc-end --lowmem-size --config --system-map --dtb --initrd --uboot-env --format --boot -h --help -V --version'; return; fi
            _vmlayout_values @files @params
            ;;
        batch)
            if [[ $cur == -* ]]; then _vmlayout_words '--color --profile --cmdline-file --arch --kernel --ram --e820 --e820-file --cmdline --mem --memmap --vmalloc --highmem -D --define --page-offset --vmalloc-end --lowmem-size --config --system-map --dtb --initrd --uboot-env --full -h --help -V --version'; return; fi
            _vmlayout_values @files
            ;;
        profiles)
            if [[ $cur == -* ]]; then _vmlayout_words '--color --format -h --help -V --version'; return; fi
            _vmlayout_values 'embeddedbits-arm-512M marvell-88pa6220-granite2 at91-rascal hi3518 ti8148-evm omap3-reptar socfpga-de0 vexpress-a9-vmsplit2g zynq-vmsplit1g jornada720 ppc7448-2G ubuntu-3.2-i386-2G pc-2G-seed004 facebook-fuji-bmc'
            ;;
        names)
            if [[ $cur == -* ]]; then _vmlayout_words '--color --arch -h --help -V --version'; return; fi
            ;;
        schema)
            if [[ $cur == -* ]]; then _vmlayout_words '--color -h --help -V --version'; return; fi
            ;;
        help)
            if [[ $cur == -* ]]; then _vmlayout_words '-h --help'; return; fi
            _vmlayout_values 'check explain suggest diff verify batch profiles names schema generate-completion'
            ;;
        generate-completion)
            if [[ $cur == -* ]]; then _vmlayout_words '--color -h --help -V --version'; return; fi
            _vmlayout_values 'bash zsh fish'
            ;;
    esac
}

complete -F _vmlayout vmlayout
