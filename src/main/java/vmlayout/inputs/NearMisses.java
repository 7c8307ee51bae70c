package vmlayout.inputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vmlayout.bootargs.MemParse;
import vmlayout.bootargs.Param;
import vmlayout.report.Message;

/**
 * Near misses of memory parameters: {@code vmaloc=300M}, {@code VMALLOC=300M}, {@code Mem=512M},
 * {@code memap=...}, {@code vmalloc 300M}. The kernel matches parameter names exactly (kernel/params.c
 * parameq(), which only treats '-' and '_' alike), and passes a parameter it does not know to init
 * (init/main.c unknown_bootoption()): the board boots as if it were not there, silently. Each one is a
 * vmlayout warning (exit 1, and a failed params-effective in check) naming the parameter probably meant.
 */
final class NearMisses {

    /**
     * The memory parameters a supported architecture reads, with where the kernel declares each:
     * <ul>
     *   <li>mem: arch/arm/kernel/setup.c early_param("mem", early_mem) (2.6.2x: __early_param("mem=")),
     *       arch/x86/kernel/e820.c early_param("mem", parse_memopt) (before 2.6.24:
     *       arch/i386/kernel/setup.c), arch/powerpc/kernel/prom.c early_param("mem", early_parse_mem);</li>
     *   <li>memmap: arch/x86/kernel/e820.c early_param("memmap", parse_memmap_opt) (i386: setup.c
     *       early_param("memmap", parse_memmap));</li>
     *   <li>vmalloc: arch/arm/mm/mmu.c early_param("vmalloc", early_vmalloc), arch/x86/mm/pgtable_32.c
     *       early_param("vmalloc", parse_vmalloc) (before 2.6.25: setup_32.c);</li>
     *   <li>highmem: arch/x86/mm/init_32.c early_param("highmem", parse_highmem) (before: setup_32.c);</li>
     *   <li>reservetop: arch/x86/mm/pgtable_32.c early_param("reservetop", parse_reservetop);</li>
     *   <li>cma: kernel/dma/contiguous.c early_param("cma", early_cma) (3.5 to 4.x:
     *       drivers/base/dma-contiguous.c);</li>
     *   <li>crashkernel: kernel/crash_core.c parse_crashkernel() (earlier kernel/kexec.c), which the
     *       architectures' reserve_crashkernel() call on the boot command line;</li>
     *   <li>kernelcore, movablecore: mm/page_alloc.c early_param("kernelcore", ...) and
     *       early_param("movablecore", ...) (mm/mm_init.c from 6.4; 2.6.20 had kernelcore in
     *       arch/powerpc/kernel/prom.c).</li>
     * </ul>
     */
    static final List<String> MEMORY_PARAMS = List.of("mem", "memmap", "vmalloc", "highmem", "reservetop", "cma",
            "crashkernel", "kernelcore", "movablecore");

    private NearMisses() {
    }

    /** One warning per parameter of {@code params} that is a near miss of a memory parameter. */
    static List<Message> of(List<Param> params) {
        List<Message> out = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            String name = p.name();
            if (name.isEmpty() || name.indexOf('.') >= 0) {
                continue; // module.param: another namespace
            }
            String exact = exact(name);
            if (exact != null) {
                // the engines say what the parameter without a value does; the size after it is this class's
                Param next = i + 1 < params.size() ? params.get(i + 1) : null;
                if (p.value() == null && next != null && next.value() == null && isSize(next.name())) {
                    out.add(Message.warn("'" + name + " " + next.name() + "': '" + next.name() + "' is a word of its own,"
                            + " which the kernel passes to init: did you mean " + exact + "=" + next.name() + "?"));
                }
                continue;
            }
            String meant = meant(name);
            if (meant == null) {
                continue;
            }
            String given = p.text();
            String fix = meant + (p.value() == null ? "" : "=" + p.value());
            boolean caseOnly = meant.equalsIgnoreCase(name);
            out.add(Message.warn(given + " is not " + (caseOnly ? meant + "= (the kernel's parameter names are"
                    + " case-sensitive)" : "a parameter the kernel reads") + ": it passes it to init, and the board"
                    + " boots as if it were not there: did you mean " + fix + "?"));
        }
        return out;
    }

    /** The memory parameter {@code name} is ('-' read as '_', as parameq() does), or null. */
    private static String exact(String name) {
        String n = name.replace('-', '_');
        for (String m : MEMORY_PARAMS) {
            if (m.equals(n)) {
                return m;
            }
        }
        return null;
    }

    /**
     * The memory parameter {@code name} probably means: the same but for case, or one edit away (a
     * letter left out, added, changed, or two neighbours swapped) for a name of three letters or more.
     */
    static String meant(String name) {
        String n = name.replace('-', '_').toLowerCase(Locale.ROOT);
        for (String m : MEMORY_PARAMS) {
            if (m.equals(n)) {
                return m; // differs from it only in case
            }
        }
        if (n.length() < 3) {
            return null;
        }
        for (String m : MEMORY_PARAMS) {
            if (withinOneEdit(n, m)) {
                return m;
            }
        }
        return null;
    }

    /**
     * {@code distance(a, b) <= 1} in linear time, without the table: verify reads the inputs again for
     * every value it tries, and the table of every word of a command line was a tenth of its time.
     */
    static boolean withinOneEdit(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int p = 0;
        while (p < la && p < lb && a.charAt(p) == b.charAt(p)) {
            p++;
        }
        if (p == la && p == lb) {
            return true; // equal
        }
        if (la != lb) { // one letter more in the longer, at p
            String longer = la > lb ? a : b;
            String shorter = la > lb ? b : a;
            return longer.regionMatches(p + 1, shorter, p, shorter.length() - p);
        }
        // a letter changed at p, or the letters at p and p + 1 swapped
        return a.regionMatches(p + 1, b, p + 1, la - p - 1)
                || p + 1 < la && a.charAt(p) == b.charAt(p + 1) && a.charAt(p + 1) == b.charAt(p)
                && a.regionMatches(p + 2, b, p + 2, la - p - 2);
    }

    /** Edit distance with adjacent transpositions (optimal string alignment). */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return 2; // more than one edit: all a caller asks
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }

    /** A word that reads as a whole size: digits and at most one K/M/G... suffix ("300M", "0x10000000"). */
    private static boolean isSize(String word) {
        MemParse.Result r = MemParse.parse(word, MemParse.Suffixes.KMGTPE);
        return r.hasDigits() && r.end() == word.length();
    }
}
