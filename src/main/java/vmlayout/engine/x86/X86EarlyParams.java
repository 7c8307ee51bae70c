package vmlayout.engine.x86;

import static vmlayout.engine.Ulong.M32;

import java.util.ArrayList;
import java.util.List;
import vmlayout.bootargs.MemParse;
import vmlayout.bootargs.Param;
import vmlayout.config.Fmt;
import vmlayout.config.Releases;
import vmlayout.config.Sizes;
import vmlayout.engine.DerivationLog;
import vmlayout.engine.MemparseNote;
import vmlayout.engine.RangeSet;
import vmlayout.report.Message.Level;
import vmlayout.report.Message;

/**
 * The early parameters x86_32 acts on, in command-line order, as parse_early_param() hands them to
 * their handlers: mem= (arch/i386/kernel/setup.c + e820.c up to 2.6.26, then arch/x86/kernel/e820.c),
 * memmap= ({@link X86Memmap}), vmalloc= (setup.c, later arch/x86/mm/pgtable_32.c), highmem= (setup.c,
 * later arch/x86/mm/init_32.c) and reservetop= (setup.c, later pgtable_32.c). A handler that returns
 * -EINVAL makes init/main.c do_early_param() print "Malformed early option '%s'".
 */
final class X86EarlyParams {

    static final int OK = 0;
    static final int EINVAL = -22;

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
        /** RAM that trim_bios_range() retyped or removed (BIOS-owned low memory). */
        final RangeSet trimmed = new RangeSet();
        /** 2.6.19-2.6.26: memmap=SIZE@START (# $) edited the map, which alone does not set user_defined_memmap. */
        boolean addedWithoutUserdef;
        /** Set when the kernel would stop (BUG_ON); the message says why. */
        String halted;
        /** The derivation steps of the parameters. */
        DerivationLog log = new DerivationLog();
    }

    private X86EarlyParams() {
    }

    static void apply(State st, List<Param> params) {
        for (Param p : params) {
            int rc;
            if (p.is("mem")) {
                rc = st.era.params == X86Era.ParamRule.LIMIT_REGIONS ? memLimitRegions(st, p) : memRemoveRange(st, p);
            } else if (p.is("memmap")) {
                rc = X86Memmap.apply(st, p);
            } else if (p.is("vmalloc")) {
                rc = vmalloc(st, p);
            } else if (p.is("highmem")) {
                rc = highmem(st, p);
            } else if (p.is("reservetop")) {
                rc = reservetop(st, p);
            } else {
                continue;
            }
            step(st, p, rc);
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

    /** The derivation step of one parameter the kernel acted on: what it did to the map or the reserves. */
    private static void step(State st, Param p, int rc) {
        X86Era era = st.era;
        if (rc != OK) {
            if (st.log.on()) {
                st.log.add(p.text(), p.text() + ": the handler returns -EINVAL (\"Malformed early option\"); nothing else changes"
                        + " except what it applied before failing.", "init/main.c do_early_param()");
            }
            return;
        }
        String value = p.value() == null ? "" : p.value();
        if (p.is("mem")) {
            if (value.equals("nopentium")) {
                return;
            }
            long size = MemParse.parse(value, st.era.suffixes).value();
            if (st.log.on()) {
                st.log.add(p.text(), era.params == X86Era.ParamRule.LIMIT_REGIONS
                        ? p.text() + ": limit_regions(" + Fmt.hex8(size) + ") cuts the map at the first RAM entry that reaches "
                        + Sizes.human(size) + " and drops every entry after it; the map becomes user-defined."
                        : p.text() + ": e820_remove_range(" + Fmt.hex8(size) + ", ULLONG_MAX - " + Fmt.hex8(size) + ", E820_RAM)"
                        + " removes all RAM from " + Fmt.hex8(size) + " up (reserved entries stay); the map becomes user-defined.",
                        era.e820Unified.source(era.e820Unified.holds() ? "arch/x86/kernel/e820.c parse_memopt()"
                        : "arch/i386/kernel/setup.c parse_mem()"));
            }
        } else if (p.is("memmap")) {
            if (st.log.on()) {
                st.log.add(p.text(), p.text() + ": " + memmapWords(value) + ".", era.params.source(era.params.memmapWhere));
            }
        } else if (p.is("vmalloc")) {
            if (st.log.on()) {
                st.log.add("vmalloc size", p.text() + ": __VMALLOC_RESERVE = " + Sizes.human(MemParse.parse(value, era.suffixes).value())
                        + (era.newVmallocFormula.holds() ? " + VMALLOC_OFFSET 8 MB (the guard hole)" : "") + " = " + Sizes.human(st.vmallocReserve) + ".",
                        era.newVmallocFormula.source("arch/x86/mm/pgtable_32.c parse_vmalloc()"));
            }
        } else if (p.is("highmem")) {
            if (st.log.on()) {
                st.log.add("highmem size", p.text() + ": highmem_pages = " + Sizes.human(st.highmemPages << 12) + " (" + st.highmemPages
                        + " pages) asked to be highmem.", "arch/x86/mm/init_32.c parse_highmem(), " + Releases.ALL);
            }
        } else if (p.is("reservetop")) {
            if (st.log.on()) {
                st.log.add("FIXADDR_TOP", p.text() + ": __FIXADDR_TOP moves down to " + Fmt.hex8(st.fixaddrTop) + ", leaving a hole at the"
                        + " top of the address space.", "arch/x86/mm/pgtable_32.c reserve_top_address(), " + Releases.ALL);
            }
        }
    }

    /** What one memmap= value does, item by item. */
    private static String memmapWords(String value) {
        StringBuilder b = new StringBuilder();
        for (String item : value.split(",", -1)) {
            if (b.length() > 0) {
                b.append("; ");
            }
            if (item.startsWith("exactmap")) {
                b.append("exactmap empties the map (the items that follow describe all of it)");
                continue;
            }
            MemParse.Result size = MemParse.parse(item, MemParse.Suffixes.KMGTPE);
            char c = at(item, size.end());
            if ("@#$!%".indexOf(c) >= 0 && c != 0) {
                long start = MemParse.parse(item, size.end() + 1, MemParse.Suffixes.KMGTPE).value();
                String range = Fmt.hex8(start) + "-" + Fmt.hex8(start + size.value()) + " (" + Sizes.human(size.value()) + ")";
                switch (c) {
                    case '@':
                        b.append("adds ").append(range).append(" as usable RAM");
                        break;
                    case '#':
                        b.append("adds ").append(range).append(" as ACPI data");
                        break;
                    case '$':
                        b.append("marks ").append(range).append(" reserved: the kernel never uses it");
                        break;
                    case '!':
                        b.append("marks ").append(range).append(" persistent memory");
                        break;
                    default:
                        b.append("changes the type of ").append(range);
                        break;
                }
            } else {
                b.append("removes all RAM from ").append(Fmt.hex8(size.value())).append(" up, like mem=");
            }
        }
        return b.append(b.length() > 0 ? "; the map becomes user-defined" : "").toString();
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
    static void removeAbove(State st, long size) {
        long len = -1L - size;
        if (st.era.rangeDebugLines) {
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
        long v = st.era.newVmallocFormula.holds() ? r.value() + X86Fixmap.VMALLOC_OFFSET : r.value();
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
                st.messages.add(Message.kernel(Level.INFO, "Reserving virtual address space above " + Fmt.hex8(below),
                        false));
                st.fixaddrTop = (below - 4096) & M32;
                st.vmallocReserve = (st.vmallocReserve + reserve) & M32;
                break;
            case TOP_ONLY:
                st.messages.add(Message.kernel(Level.INFO, "Reserving virtual address space above " + Fmt.hex8(below),
                        false));
                st.fixaddrTop = (below - 4096) & M32;
                break;
            default:
                st.fixaddrTop = ((below & ~(st.pmdSize - 1)) - 4096) & M32;
                st.messages.add(Message.kernel(Level.INFO, "Reserving virtual address space above " + Fmt.hex8(below)
                        + " (rounded to " + Fmt.hex8((st.fixaddrTop + 4096) & M32) + ")",
                        false));
                break;
        }
        return OK;
    }

    // ---- helpers ----

    /** memparse() of a value, with a vmlayout note when it reads no digits or leaves text unread. */
    private static MemParse.Result parse(State st, Param p, String v, int from, String part, boolean memOption) {
        MemParse.Result r = MemParse.parse(v, from, st.era.suffixes);
        Message m = MemparseNote.of(p, part, r, r.rest(), st.era.suffixes == MemParse.Suffixes.KMG,
                memOption ? "x86 mem= takes no @START: use memmap=SIZE@START" : null);
        if (m != null) {
            st.messages.add(m);
        }
        return r;
    }

    static void drainRefused(State st) {
        for (long[] r : st.table.refused) {
            st.messages.add(E820Format.tooMany(st.era, r[0], r[1]));
        }
        st.table.refused.clear();
    }

    static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }
}
