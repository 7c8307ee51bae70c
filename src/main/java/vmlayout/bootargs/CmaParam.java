package vmlayout.bootargs;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code cma=} as the kernel reads it: early_cma() (drivers/base/dma-contiguous.c 3.5-4.15,
 * kernel/dma/contiguous.c from 4.16), run once per {@code cma=} on the command line, each run writing
 * the same three static variables:
 * <pre>
 *   size_cmdline = memparse(p, &amp;p);
 *   if (*p != '@') return 0;
 *   base_cmdline = memparse(p + 1, &amp;p);
 *   if (*p != '-') { limit_cmdline = base_cmdline + size_cmdline; return 0; }
 *   limit_cmdline = memparse(p + 1, &amp;p);
 * </pre>
 * So the last {@code cma=} sets the size, but a base and limit an earlier one set stay when the last has
 * no {@code @}; text after the numbers is ignored without a word. The forms are {@code cma=SIZE},
 * {@code cma=SIZE@BASE} (base + size = limit: dma_contiguous_reserve() then asks for exactly BASE) and
 * {@code cma=SIZE@BASE-LIMIT} (anywhere in the range), from Akinobu Mita's "cma: add placement specifier
 * for "cma=" kernel parameter" (5ea3b1b2f8ad, 3.15); before it early_cma() read the size only.
 *
 * @param given  true when the command line has a cma= (size_cmdline != -1)
 * @param size   size_cmdline
 * @param base   base_cmdline
 * @param limit  limit_cmdline (0: none)
 * @param text   the last cma= as written, for messages
 * @param notes  what the kernel read silently differently from what was written (vmlayout's words)
 */
public record CmaParam(boolean given, long size, long base, long limit, String text, List<String> notes) {

    public CmaParam {
        notes = List.copyOf(notes);
    }

    /** No cma= on the command line. */
    public static final CmaParam NONE = new CmaParam(false, -1, 0, 0, "", List.of());

    /**
     * The kernel's reading of every {@code cma=} in {@code params}, in order.
     *
     * @param placement true from 3.15 (the @BASE and -LIMIT forms)
     */
    public static CmaParam parse(List<Param> params, MemParse.Suffixes suffixes, boolean placement) {
        boolean given = false;
        long size = -1;
        long base = 0;
        long limit = 0;
        String text = "";
        List<String> notes = new ArrayList<>();
        for (Param p : params) {
            if (!p.is("cma")) {
                continue;
            }
            given = true;
            text = p.text();
            String v = p.value() == null ? "" : p.value();
            MemParse.Result s = MemParse.parse(v, suffixes);
            size = s.value();
            if (!s.hasDigits()) {
                notes.add(p.text() + ": no number, the kernel reads size 0 and reserves no CMA area.");
            }
            int at = s.end();
            if (!placement) {
                if (at < v.length()) {
                    notes.add(p.text() + ": \"" + v.substring(at) + "\" is ignored: this release reads the size only"
                            + " (cma=SIZE@BASE came in 3.15).");
                }
                continue;
            }
            if (at >= v.length() || v.charAt(at) != '@') {
                if (at < v.length()) {
                    notes.add(p.text() + ": \"" + v.substring(at) + "\" after the size is ignored (early_cma() stops there).");
                }
                continue;
            }
            MemParse.Result b = MemParse.parse(v, at + 1, suffixes);
            base = b.value();
            at = b.end();
            if (at >= v.length() || v.charAt(at) != '-') {
                limit = base + size;
                if (at < v.length()) {
                    notes.add(p.text() + ": \"" + v.substring(at) + "\" after the base is ignored (early_cma() stops there).");
                }
                continue;
            }
            MemParse.Result l = MemParse.parse(v, at + 1, suffixes);
            limit = l.value();
            if (l.end() < v.length()) {
                notes.add(p.text() + ": \"" + v.substring(l.end()) + "\" after the limit is ignored (early_cma() stops there).");
            }
        }
        if (!given) {
            return NONE;
        }
        return new CmaParam(true, size, base, limit, text, notes);
    }

    /** dma_contiguous_reserve(): fixed when base + size == limit (cma=SIZE@BASE). */
    public boolean fixed() {
        return given && base + size == limit;
    }
}
