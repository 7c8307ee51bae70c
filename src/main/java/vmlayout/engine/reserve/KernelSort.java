package vmlayout.engine.reserve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The kernel's sort() (lib/sort.c, George Spelvin's bottom-up heapsort, 5.2 on; read in torvalds/linux
 * at 072cf06e35eb): not stable, so elements that compare equal come out in the order this algorithm
 * leaves them, and that order is what the kernel prints (drivers/of/of_reserved_mem.c sorts its saved
 * regions by base before initialising them). Worked by hand: two equal keys come out reversed, three
 * [a, b, c] as [b, c, a]; the classic heapsort of the older lib/sort.c gives the same for up to three.
 */
public final class KernelSort {

    private KernelSort() {
    }

    /** The list sorted as sort(base, num, size, cmp, NULL) leaves the array. */
    public static <T> List<T> sort(List<T> in, Comparator<T> cmp) {
        List<T> a = new ArrayList<>(in);
        int n = a.size();
        int half = n / 2;
        if (half == 0) {
            return a;
        }
        // indices stand for the kernel's byte offsets divided by size
        int aIdx = half;
        int end = n;
        while (true) {
            int b;
            int c;
            int d;
            if (aIdx > 0) {
                aIdx--;                        // building heap: sift down --a
            } else if (--end > 0) {
                swap(a, 0, end);               // sorting: extract root to --n
            } else {
                break;                         // sort complete
            }
            // bottom-up sift of element aIdx: find the path to a leaf, one compare per level
            b = aIdx;
            while (true) {
                c = 2 * b + 1;
                d = c + 1;
                if (d >= end) {
                    break;
                }
                b = cmp.compare(a.get(c), a.get(d)) >= 0 ? c : d;
            }
            if (d == end) {                    // last leaf with no sibling
                b = c;
            }
            // backtrack to where a[aIdx] belongs
            while (b != aIdx && cmp.compare(a.get(aIdx), a.get(b)) >= 0) {
                b = (b - 1) / 2;
            }
            c = b;
            while (b != aIdx) {                // shift it into place
                b = (b - 1) / 2;
                swap(a, b, c);
            }
        }
        return a;
    }

    private static <T> void swap(List<T> a, int i, int j) {
        T t = a.get(i);
        a.set(i, a.get(j));
        a.set(j, t);
    }
}
