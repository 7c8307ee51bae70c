package vmlayout.engine;

/**
 * One step of an engine's derivation, recorded where the engine decides it: what was set, why (with
 * the user's numbers), and the kernel rule that set it. {@code vmlayout explain} prints them in order.
 *
 * @param subject what the step sets: a constant (PAGE_OFFSET, VMALLOC_END), a boundary (lowmem,
 *                VMALLOC_START, high_memory) or a range of RAM ("RAM 0x40000000-0x5fffffff")
 * @param text    the step in words, with the numbers of this run
 * @param source  the kernel rule: file, function and release range, e.g.
 *                "arch/arm/mm/mmu.c sanity_check_meminfo(), 2.6.29-2.6.38"
 */
public record Derivation(String subject, String text, String source) {
}
