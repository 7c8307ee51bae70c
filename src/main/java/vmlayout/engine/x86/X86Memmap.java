package vmlayout.engine.x86;

import static vmlayout.engine.Ulong.M32;

import vmlayout.bootargs.MemParse;
import vmlayout.bootargs.Param;
import vmlayout.config.Sizes;
import vmlayout.engine.x86.X86EarlyParams.State;
import vmlayout.report.Message;

/**
 * memmap= on x86_32, per era: parse_memmap() (arch/i386/kernel/e820.c / arch/x86/kernel/e820_32.c,
 * up to 2.6.26), parse_memmap_opt() (arch/x86/kernel/e820.c, 2.6.27-4.0: one item, errors reach
 * do_early_param()), and parse_memmap_one() under a comma-splitting parse_memmap_opt() that ignores
 * the items' errors (4.1 on).
 */
final class X86Memmap {

    private static final int OK = X86EarlyParams.OK;
    private static final int EINVAL = X86EarlyParams.EINVAL;

    private X86Memmap() {
    }

    static int apply(State st, Param p) {
        return switch (st.era.params) {
            case LIMIT_REGIONS -> memmapLimitRegions(st, p);
            case REMOVE_RANGE -> p.value() == null ? EINVAL : memmapOne(st, p, p.value());
            case COMMA_LIST -> commaList(st, p);
        };
    }

    /** parse_memmap_opt() from 4.1: split at commas, parse_memmap_one() each, ignore what it returns. */
    private static int commaList(State st, Param p) {
        if (p.value() == null) {
            return OK;
        }
        for (String item : p.value().split(",", -1)) {
            int editors = st.mapEditors.size();
            int rc = memmapOne(st, p, item);
            if (rc != OK) {
                st.messages.add(Message.note("memmap item '" + item + "' is malformed (parse_memmap_one() returns"
                        + " -EINVAL): since memmap= takes comma lists the kernel drops that error silently"
                        + (st.mapEditors.size() > editors ? ", after applying the item." : ".")));
            }
            X86EarlyParams.drainRefused(st);
            if (st.halted != null) {
                break;
            }
        }
        return OK;
    }

    /**
     * 2.6.19-2.6.26 parse_memmap(): "exactmap" empties the map; SIZE@START, SIZE#START and SIZE$START
     * append RAM, ACPI data or reserved (without setting user_defined_memmap); anything else is
     * limit_regions(SIZE). Always returns 0.
     */
    private static int memmapLimitRegions(State st, Param p) {
        String v = p.value();
        if (v == null) {
            return EINVAL;
        }
        if (v.equals("exactmap")) {
            st.table.clear();
            st.userdef = true;
            st.mapEditors.add(p.text());
            return OK;
        }
        MemParse.Result size = MemParse.parse(v, st.era.suffixes);
        char c = X86EarlyParams.at(v, size.end());
        int type = c == '@' ? E820Table.RAM : c == '#' ? E820Table.ACPI : c == '$' ? E820Table.RESERVED : 0;
        if (type != 0) {
            MemParse.Result start = MemParse.parse(v, size.end() + 1, st.era.suffixes);
            if (!start.rest().isEmpty()) {
                st.messages.add(Message.note(p.text() + ": the kernel reads up to '" + v.substring(0, start.end())
                        + "' and ignores '" + start.rest() + "'."));
            }
            st.table.add(start.value(), size.value(), type);
            st.mapEditors.add(p.text());
            st.addedWithoutUserdef = true;
            return OK;
        }
        if (!size.hasDigits()) {
            st.messages.add(Message.note(p.text() + ": no number where SIZE was expected: the kernel reads 0 and calls"
                    + " limit_regions(0), which cuts the map at its first RAM entry."));
        } else if (!size.rest().isEmpty()) {
            st.messages.add(Message.note(p.text() + ": the kernel reads " + Sizes.human(size.value()) + " and ignores '"
                    + size.rest() + "' (treated like mem=" + X86BiosMap.memparseText(size.value()) + ")."));
        }
        X86EarlyParams.limitRegions(st, size.value());
        st.userdef = true;
        st.mapEditors.add(p.text());
        return OK;
    }

    /**
     * parse_memmap_opt() (2.6.27-4.0) / parse_memmap_one() (4.1+): "exactmap" (a prefix match) empties
     * the map; a SIZE that reads no digits is -EINVAL; otherwise userdef = 1 and @ # $ add RAM, ACPI
     * data or reserved, ! (4.1+) persistent memory, % (4.17+) retypes or removes a range, and a bare
     * SIZE removes RAM above it. Text left after the item makes it -EINVAL after it was applied.
     */
    private static int memmapOne(State st, Param p, String v) {
        String label = v.equals(p.value()) ? p.text() : p.text() + " (item " + v + ")";
        if (v.startsWith("exactmap")) {
            st.table.clear();
            st.userdef = true;
            st.mapEditors.add(label);
            return OK;
        }
        MemParse.Result size = MemParse.parse(v, st.era.suffixes);
        if (!size.hasDigits()) {
            return EINVAL;
        }
        st.userdef = true;
        st.mapEditors.add(label);
        int pos = size.end();
        char c = X86EarlyParams.at(v, pos);
        int type = 0;
        if (c == '@') {
            type = E820Table.RAM;
        } else if (c == '#') {
            type = E820Table.ACPI;
        } else if (c == '$') {
            type = E820Table.RESERVED;
        } else if (c == '!' && st.era.pram) {
            type = E820Table.PRAM;
        }
        if (type != 0) {
            MemParse.Result start = MemParse.parse(v, pos + 1, st.era.suffixes);
            st.table.add(start.value(), size.value(), type);
            return start.end() == v.length() ? OK : EINVAL;
        }
        if (c == '%' && st.era.percent) {
            return percent(st, v, size.value(), pos);
        }
        X86EarlyParams.removeAbove(st, size.value());
        return pos == v.length() ? OK : EINVAL;
    }

    /** memmap=SIZE%START[-OLD][+NEW] (4.17+): __e820__range_update / range_add / range_remove. */
    private static int percent(State st, String v, long size, int pos) {
        MemParse.Result start = MemParse.parse(v, pos + 1, st.era.suffixes);
        int p = start.end();
        long from = 0;
        long to = 0;
        if (X86EarlyParams.at(v, p) == '-') {
            long[] r = strtoull(v, p + 1);
            from = r[0] & M32;
            p = (int) r[1];
        }
        if (X86EarlyParams.at(v, p) == '+') {
            long[] r = strtoull(v, p + 1);
            to = r[0] & M32;
            p = (int) r[1];
        }
        if (p != v.length()) {
            return EINVAL;
        }
        long s = start.value();
        if (from != 0 && to != 0) {
            if (from == to) {
                st.halted = "memmap=" + v + ": the old and new types are the same, and __e820__range_update() stops the"
                        + " kernel with BUG_ON(old_type == new_type).";
                return OK;
            }
            st.messages.add(E820Format.update(st.era, s, size, (int) from, (int) to));
            st.table.updateRange(s, size, (int) from, (int) to);
        } else if (to != 0) {
            st.table.add(s, size, (int) to);
        } else if (from != 0) {
            st.messages.add(E820Format.remove(st.era, s, size, (int) from, true));
            st.table.removeRange(s, size, (int) from, true, true);
        } else {
            st.messages.add(E820Format.remove(st.era, s, size, 0, false));
            st.table.removeRange(s, size, 0, false, true);
        }
        return OK;
    }

    /** simple_strtoull(s + from, &end, 0): {value, end}; no suffix. */
    private static long[] strtoull(String s, int from) {
        MemParse.Result r = MemParse.parse(s, from, MemParse.Suffixes.KMG);
        if (r.suffix() != 0) {
            r = MemParse.parse(s.substring(0, r.end() - 1), from, MemParse.Suffixes.KMG);
        }
        return new long[]{r.value(), r.end()};
    }
}
