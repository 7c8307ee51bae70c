package vmlayout.engine.reserve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * lib/sort.c's heapsort as drivers/of/of_reserved_mem.c (before 6.5) leaves the saved regions, checked against
 * the order the real 6.1.192 kernel printed them (testdata/arm/realboot-6.1-1024-dt-*), and worked by hand.
 */
class KernelSortTest {

    private record R(String name, long base) {
    }

    private static final Comparator<R> BY_BASE = Comparator.comparingLong(R::base);

    private static List<String> names(List<R> rs) {
        return rs.stream().map(R::name).toList();
    }

    @Test
    void twoEqualKeysComeOutReversed() {
        // t3: [linux,cma (0), big (0)], both dynamic. n = 2: a = 1 -> a = 0, sift 0: c = 1, d = 2 == n -> b = c = 1;
        // cmp(a[0], a[1]) = 0 >= 0 -> b = parent = 0 -> no swap. Then n = 1: swap(0, 1) -> [big, linux,cma]; the kernel
        // printed "failed to allocate memory for node 'big'" before "created CMA memory pool" of linux,cma.
        assertEquals(List.of("big", "linux,cma"), names(KernelSort.sort(List.of(new R("linux,cma", 0), new R("big", 0)), BY_BASE)));
    }

    @Test
    void staticAfterTwoDynamicOnes() {
        // t5: [dmapool@5e000000 (0x5e000000), vpu (0), odd (0)]. Heap: a = 1 -> 0: sift 0: c = 1, d = 2 < 3, cmp(vpu, odd) = 0
        // -> b = c = 1; next c = 3, d = 4 >= 3 stop, d != n. cmp(dmapool, vpu) > 0: b = parent(1) = 0 == a: no move.
        // Sort: n = 2: swap(0, 2) -> [odd, vpu, dmapool]; sift 0 in n = 2: c = 1, d = 2 == n -> b = 1; cmp(odd, vpu) = 0 -> b = 0.
        // n = 1: swap(0, 1) -> [vpu, odd, dmapool]: the order the kernel printed.
        assertEquals(List.of("vpu", "odd", "dmapool"), names(KernelSort.sort(List.of(new R("dmapool", 0x5e000000L), new R("vpu", 0),
                new R("odd", 0)), BY_BASE)));
    }

    @Test
    void threeEqualKeys() {
        // [a, b, c] all 0: heap unchanged (cmp = 0 keeps a[0]); n = 2: swap(0, 2) -> [c, b, a]; sift 0 (n = 2): b = 1, cmp = 0
        // -> stays; n = 1: swap(0, 1) -> [b, c, a].
        assertEquals(List.of("b", "c", "a"), names(KernelSort.sort(List.of(new R("a", 0), new R("b", 0), new R("c", 0)), BY_BASE)));
    }

    @Test
    void distinctKeysAreSorted() {
        assertEquals(List.of("x", "y", "z", "w"), names(KernelSort.sort(List.of(new R("w", 9), new R("y", 2), new R("x", 1),
                new R("z", 5)), BY_BASE)));
    }
}
