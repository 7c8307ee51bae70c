package vmlayout.engine.x86;

import java.util.ArrayList;
import java.util.List;
import vmlayout.bootargs.MemParse;
import vmlayout.bootargs.Param;
import vmlayout.config.Sizes;
import vmlayout.engine.Message;
import vmlayout.engine.Message.Level;

/**
 * The early parameters x86_32 acts on, in command-line order, as parse_early_param() hands them to
 * their handlers: mem= and memmap= (arch/i386/kernel/setup.c + e820.c up to 2.6.26, then
 * arch/x86/kernel/e820.c), vmalloc= (setup.c, later arch/x86/mm/pgtable_32.c), highmem= (setup.c,
 * later arch/x86/mm/init_32.c) and reservetop= (setup.c, later pgtable_32.c). A handler that returns
 * -EINVAL makes init/main.c do_early_param() print "Malformed early option '%s'".
 */
final class X86EarlyParams {

    private static final long M32 = 0xffffffffL;
    private static final long VMALLOC_OFFSET = 8L << 20;
    private static final int OK = 0;
    private static final int EINVAL = -22;

    /** What the early parameters change. */
    static final class State {
        X86Era era;
        E820Table table;
        final List<Message> messages = new ArrayList<>();
        /** user_defined_memmap / userdef: print (and from 2.6.27 sanitize) the user-defined map. */
        boolean userdef;
        /** __VMALLOC_RESERVE (unsigned int; 128 MB by default). */
        long vmallocReserve;
        /** highmem_pages (unsigned int; -1 = not given). */
        long highmemPages = M32;
        /** __FIXADDR_TOP (0xfffff000 unless reservetop= moved it). */
        long fixaddrTop;
        boolean reservetopGiven;
        /** PMD_SIZE: 4 MB, or 2 MB with PAE (reservetop= rounds to it from 4.2). */
        long pmdSize;
        /** The mem=/memmap= parameters that changed the map, for the RAM accounting. */
        final List<String> mapEditors = new ArrayList<>();
        /** 2.6.19-2.6.26: memmap=SIZE@START (# $) edited the map, which alone does not set user_defined_memmap. */
        boolean addedWithoutUserdef;
        /** Set when the kernel would stop (BUG_ON); the message says why. */
        String halted;
    }

    private X86EarlyParams() {
    }

    static void apply(State st, List<Param> params) {
        for (Param p : params) {
            int rc;
            if (p.is("mem")) {
                rc = st.era.params == X86Era.ParamRule.LIMIT_REGIONS ? memLimitRegions(st, p) : memRemoveRange(st, p);
            } else if (p.is("memmap")) {
                rc = memmap(st, p);
            } else if (p.is("vmalloc")) {
                rc = vmalloc(st, p);
            } else if (p.is("highmem")) {
                rc = highmem(st, p);
            } else if (p.is("reservetop")) {
                rc = reservetop(st, p);
            } else {
                continue;
            }
            drainRefused(st);
            if (rc != OK) {
                st.messages.add(Message.kernel(Level.WARNING, "Malformed early option '" + p.name() + "'", true));
            }
            if (st.halted != null) {
                return;
            }
        }
        if (st.addedWithoutUserdef && !st.userdef) {
            st.messages.add(Message.note("in " + st.era.version + " memmap=SIZE@START, SIZE#START and SIZE$START do not set"
                    + " user_defined_memmap: the kernel uses the edited map but prints no user-defined map (add"
                    + " memmap=exactmap or mem= to see it)."));
        }
    }

    // ---- mem= ----

    /** 2.6.19-2.6.26 parse_mem(): "nopentium", or limit_regions(memparse()) and user_defined_memmap = 1. */
    private static int memLimitRegions(State st, Param p) {
        if (p.value() == null) {
            return EINVAL;
        }
        if (p.value().equals("nopentium")) {
            nopentium(st, p);
            return OK;
        }
        MemParse.Result r = parse(st, p, p.value(), 0, "SIZE", true);
        limitRegions(st, r.value());
        st.userdef = true;
        st.mapEditors.add(p.text());
        return OK;
    }

    /**
     * 2.6.27+ parse_memopt(): "nopentium"; else userdef = 1, and (from 2.6.33) a size of 0 is -EINVAL
     * with the map untouched; else e820_remove_range(size, ULLONG_MAX - size, E820_RAM, 1).
     */
    private static int memRemoveRange(State st, Param p) {
        if (p.value() == null) {
            return EINVAL;
        }
        if (p.value().equals("nopentium")) {
            nopentium(st, p);
            return OK;
        }
        st.userdef = true;
        MemParse.Result r = parse(st, p, p.value(), 0, "SIZE", true);
        long size = r.value();
        if (size == 0 && st.era.memZeroCheck) {
            st.messages.add(Message.note(p.text() + ": a size of 0 makes the kernel refuse mem= (-EINVAL); the map stays"
                    + " as it was, but it is still printed as the user-defined map."));
            return EINVAL;
        }
        removeAbove(st, size);
        st.mapEditors.add(p.text());
        return OK;
    }

    private static void nopentium(State st, Param p) {
        st.messages.add(Message.note(p.text() + ": the kernel only turns off 4 MB pages (X86_FEATURE_PSE); the memory"
                + " map is unchanged."));
    }

    /** e820_remove_range(size, ULLONG_MAX - size, E820_RAM, 1): all RAM from {@code size} up goes. */
    private static void removeAbove(State st, long size) {
        long len = -1L - size;
        if (st.era.memFormat) {
            st.messages.add(E820Format.remove(st.era, size, len, E820Table.RAM, true));
        }
        st.table.removeRange(size, len, E820Table.RAM, true, st.era.percent);
    }

    /**
     * limit_regions() (2.6.19-2.6.26): print the table, then cut it at the first RAM entry that reaches
     * {@code size} (trimming that entry, or dropping it when it starts at or above the limit) and drop
     * every entry after it, whatever its type; print the table again.
     */
    static void limitRegions(State st, long size) {
        st.messages.addAll(E820Format.table(st.era, "limit_regions start", st.table, Level.DEFAULT));
        List<E820Table.Entry> map = st.table.entries;
        for (int i = 0; i < map.size(); i++) {
            E820Table.Entry e = map.get(i);
            long current = e.addr + e.size;
            if (E820Table.ult(current, size)) {
                continue;
            }
            if (e.type != E820Table.RAM) {
                continue;
            }
            if (E820Table.uge(e.addr, size)) {
                st.table.truncate(i);
            } else {
                st.table.truncate(i + 1);
                e.size -= current - size;
            }
            st.messages.addAll(E820Format.table(st.era, "limit_regions endfor", st.table, Level.DEFAULT));
            return;
        }
        st.messages.addAll(E820Format.table(st.era, "limit_regions endfunc", st.table, Level.DEFAULT));
    }

    // ---- memmap= ----

    private static int memmap(State st, Param p) {
        switch (st.era.params) {
            case LIMIT_REGIONS:
                return memmapLimitRegions(st, p);
            case REMOVE_RANGE:
                if (p.value() == null) {
                    return EINVAL;
                }
                return memmapOne(st, p, p.value());
            default:
                // parse_memmap_opt(): split at commas, parse_memmap_one() each, ignore what it returns
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
                    drainRefused(st);
                    if (st.halted != null) {
                        break;
                    }
                }
                return OK;
        }
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
        char c = at(v, size.end());
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
                    + size.rest() + "' (treated like mem=" + Sizes.human(size.value()).replace(" ", "") + ")."));
        }
        limitRegions(st, size.value());
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
        char c = at(v, pos);
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
        removeAbove(st, size.value());
        return pos == v.length() ? OK : EINVAL;
    }

    /** memmap=SIZE%START[-OLD][+NEW] (4.17+): __e820__range_update / range_add / range_remove. */
    private static int percent(State st, String v, long size, int pos) {
        MemParse.Result start = MemParse.parse(v, pos + 1, st.era.suffixes);
        int p = start.end();
        long from = 0;
        long to = 0;
        if (at(v, p) == '-') {
            long[] r = strtoull(v, p + 1);
            from = r[0] & M32;
            p = (int) r[1];
        }
        if (at(v, p) == '+') {
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

    // ---- vmalloc=, highmem=, reservetop= ----

    /**
     * parse_vmalloc(): __VMALLOC_RESERVE = memparse(arg), and from 2.6.28 + VMALLOC_OFFSET ("due to vm
     * area guard hole"). __VMALLOC_RESERVE is an unsigned int.
     */
    private static int vmalloc(State st, Param p) {
        if (p.value() == null) {
            return EINVAL;
        }
        MemParse.Result r = parse(st, p, p.value(), 0, "SIZE", false);
        long v = st.era.newVmallocFormula ? r.value() + VMALLOC_OFFSET : r.value();
        if ((v & M32) != v) {
            st.messages.add(Message.note(p.text() + ": __VMALLOC_RESERVE is an unsigned int: the kernel keeps "
                    + Sizes.human(v & M32) + " of it."));
        }
        st.vmallocReserve = v & M32;
        return OK;
    }

    /** parse_highmem(): highmem_pages = memparse(arg) >> PAGE_SHIFT (an unsigned int). */
    private static int highmem(State st, Param p) {
        if (p.value() == null) {
            return EINVAL;
        }
        MemParse.Result r = parse(st, p, p.value(), 0, "SIZE", false);
        st.highmemPages = (r.value() >>> 12) & M32;
        return OK;
    }

    /**
     * parse_reservetop() -> reserve_top_address(memparse(arg)): move __FIXADDR_TOP down to leave a hole
     * at the top of the address space (for a hypervisor). The form of each era is in ReservetopRule.
     */
    private static int reservetop(State st, Param p) {
        if (p.value() == null) {
            return EINVAL;
        }
        MemParse.Result r = parse(st, p, p.value(), 0, "SIZE", false);
        long reserve = r.value() & M32;
        long below = (-reserve) & M32;
        st.reservetopGiven = true;
        switch (st.era.reservetop) {
            case SILENT_ADDS_RESERVE:
                st.fixaddrTop = (below - 4096) & M32;
                st.vmallocReserve = (st.vmallocReserve + reserve) & M32;
                break;
            case ADDS_RESERVE:
                st.messages.add(Message.kernel(Level.INFO, String.format("Reserving virtual address space above 0x%08x", below),
                        false));
                st.fixaddrTop = (below - 4096) & M32;
                st.vmallocReserve = (st.vmallocReserve + reserve) & M32;
                break;
            case TOP_ONLY:
                st.messages.add(Message.kernel(Level.INFO, String.format("Reserving virtual address space above 0x%08x", below),
                        false));
                st.fixaddrTop = (below - 4096) & M32;
                break;
            default:
                st.fixaddrTop = ((below & ~(st.pmdSize - 1)) - 4096) & M32;
                st.messages.add(Message.kernel(Level.INFO, String.format(
                        "Reserving virtual address space above 0x%08x (rounded to 0x%08x)", below, (st.fixaddrTop + 4096) & M32),
                        false));
                break;
        }
        return OK;
    }

    // ---- helpers ----

    /** memparse() of a value, with a vmlayout note when it reads no digits or leaves text unread. */
    private static MemParse.Result parse(State st, Param p, String v, int from, String part, boolean memOption) {
        MemParse.Result r = MemParse.parse(v, from, st.era.suffixes);
        if (!r.hasDigits()) {
            st.messages.add(Message.note(p.text() + ": no number where " + part + " was expected; the kernel's memparse"
                    + " reads 0 here."));
        } else if (!r.rest().isEmpty()) {
            String why = "";
            char c = Character.toUpperCase(r.rest().charAt(0));
            if (r.suffix() == 0 && "TPE".indexOf(c) >= 0 && st.era.suffixes == MemParse.Suffixes.KMG) {
                why = " (this release's memparse knows only the K, M and G suffixes)";
            } else if (memOption && c == '@') {
                why = " (x86 mem= takes no @START: use memmap=SIZE@START)";
            }
            st.messages.add(Message.note(p.text() + ": the kernel's memparse reads " + Sizes.human(r.value())
                    + " and ignores '" + r.rest() + "'" + why + "."));
        }
        return r;
    }

    private static void drainRefused(State st) {
        for (long[] r : st.table.refused) {
            st.messages.add(E820Format.tooMany(st.era, r[0], r[1]));
        }
        st.table.refused.clear();
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }
}
