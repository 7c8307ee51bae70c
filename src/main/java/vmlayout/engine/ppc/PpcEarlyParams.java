package vmlayout.engine.ppc;

import static vmlayout.engine.Ulong.M32;

import java.util.ArrayList;
import java.util.Formatter;
import java.util.List;
import java.util.Set;
import vmlayout.bootargs.MemParse;
import vmlayout.bootargs.Param;
import vmlayout.engine.MemparseNote;
import vmlayout.report.Message.Level;
import vmlayout.report.Message;

/**
 * The command-line parameters that touch memory on 32-bit powerpc, in command-line order: mem= (arch/
 * powerpc/kernel/prom.c early_parse_mem(), or arch/ppc/mm/init.c MMU_setup() for arch/ppc boards),
 * and the parameters other architectures have but powerpc does not (vmalloc=, memmap=, highmem=,
 * reservetop=): the kernel hands those to init, and from 5.14 says so.
 */
final class PpcEarlyParams {


    /**
     * Parameters every kernel claims (init/main.c, init/do_mounts.c, kernel/printk): they never reach
     * the unknown-parameters list.
     */
    private static final Set<String> CORE_PARAMS = Set.of("root", "rw", "ro", "rootwait", "rootfstype",
            "rootflags", "rootdelay", "init", "rdinit", "console", "loglevel", "quiet", "debug", "earlycon", "earlyprintk",
            "panic", "initrd", "noinitrd");

    /** What the parameters set. */
    static final class Result {
        /** The memory limit in bytes (0: none), after the last mem=. */
        long memoryLimit;
        /** The mem= parameter that set it (the last one), or null. */
        Param memParam;
        /** Parameters no powerpc code claims, in command-line order. */
        final List<Param> unclaimed = new ArrayList<>();
        /** Parameters vmlayout does not classify (they may or may not be claimed by some driver). */
        final List<Param> unclassified = new ArrayList<>();
    }

    private PpcEarlyParams() {
    }

    static Result read(PpcEra era, PpcConfig k, List<Param> params, List<Message> messages) {
        Result r = new Result();
        for (Param p : params) {
            if (p.is("mem")) {
                if (k.archPpc) {
                    archPpcMem(r, p, messages);
                } else {
                    earlyParseMem(era, k, r, p, messages);
                }
            } else if (p.is("vmalloc")) {
                r.unclaimed.add(p);
                messages.add(Message.warn(p.text() + " has no effect on powerpc: no code in arch/powerpc reads vmalloc= (it is an"
                        + " x86 and ARM parameter), so the kernel hands it to init. On 32-bit powerpc the vmalloc area runs"
                        + " from VMALLOC_START, 16 MB above the end of lowmem, up to ioremap_bot; to make it bigger, lower"
                        + " CONFIG_LOWMEM_SIZE (--lowmem-size) or move the kernel down with CONFIG_KERNEL_START/PAGE_OFFSET"
                        + " (see src/docs/ppc.md)."));
            } else if (p.is("memmap")) {
                r.unclaimed.add(p);
                messages.add(Message.warn(p.text() + " has no effect on powerpc: memmap= is implemented by x86, MIPS and Xtensa"
                        + " only. To keep RAM from the kernel on powerpc, use mem=SIZE (RAM above SIZE is left alone) or a"
                        + " /reserved-memory node in the device tree."));
            } else if (p.is("highmem")) {
                r.unclaimed.add(p);
                messages.add(Message.warn(p.text() + " has no effect on powerpc: highmem= is x86 only. On powerpc highmem is"
                        + " the RAM above CONFIG_LOWMEM_SIZE (with CONFIG_HIGHMEM)."));
            } else if (p.is("reservetop")) {
                r.unclaimed.add(p);
                messages.add(Message.warn(p.text() + " has no effect on powerpc: reservetop= is x86 only."));
            } else if (!CORE_PARAMS.contains(p.name())) {
                r.unclassified.add(p);
            }
        }
        return r;
    }

    /**
     * early_parse_mem(): {@code memory_limit = PAGE_ALIGN(memparse(p, &p))}; every mem= overwrites the
     * last; "mem" without a value is refused (the handler returns 1 on NULL). No message is printed.
     */
    private static void earlyParseMem(PpcEra era, PpcConfig k, Result r, Param p, List<Message> messages) {
        if (p.value() == null) {
            messages.add(Message.note("'mem' without a value: early_parse_mem() returns at once on NULL; it has no effect."));
            return;
        }
        MemParse.Result m = MemParse.parse(p.value(), era.suffixes);
        noteOdd(p, m, era.suffixes == MemParse.Suffixes.KMG, messages);
        long limit = pageAlign(m.value(), k.pageSize);
        if (limit != m.value() && m.hasDigits()) {
            messages.add(Message.note(p.text() + ": the kernel rounds the limit up to a whole page: " + limit + " bytes."));
        }
        r.memoryLimit = limit;
        r.memParam = p;
        if (limit == 0) {
            messages.add(Message.note(p.text() + ": a memory limit of 0 means no limit (memory_limit ?: ...): no effect."));
        }
    }

    /**
     * arch/ppc MMU_setup(): {@code maxmem = simple_strtoul(q, &q, 0)}, then a k/K or m/M suffix only (no
     * G), in a 32-bit unsigned long; the last mem= wins and sets __max_memory. No message.
     */
    private static void archPpcMem(Result r, Param p, List<Message> messages) {
        if (p.value() == null) {
            messages.add(Message.note("'mem' without a value: arch/ppc's MMU_setup() looks for \"mem=\" only; it has no effect."));
            return;
        }
        String v = p.value();
        MemParse.Result digits = MemParse.parse(v, MemParse.Suffixes.KMG);
        long value = digits.value();
        char suffix = Character.toLowerCase(digits.suffix());
        if (suffix == 'g') {
            value = (value >>> 30) & M32;
            messages.add(Message.note(p.text() + ": arch/ppc's own mem= parser (MMU_setup) knows only the k and m suffixes:"
                    + " it reads " + value + " bytes and ignores '" + v.substring(digits.digitsEnd()) + "'."));
        } else {
            value &= M32;
            noteOdd(p, digits, false, messages);
        }
        if (!digits.hasDigits()) {
            value = 0;
        }
        r.memoryLimit = value;
        r.memParam = p;
        if (value == 0) {
            messages.add(Message.note(p.text() + ": __max_memory 0 means no limit: no effect."));
        }
    }

    /** vmlayout's note when memparse did not read the value whole ({@link MemparseNote}). */
    private static void noteOdd(Param p, MemParse.Result r, boolean kmgOnly, List<Message> messages) {
        Message m = MemparseNote.of(p, "a size", r, r.rest(), kmgOnly, null);
        if (m != null) {
            messages.add(m);
        }
    }

    /**
     * start_kernel() print_unknown_bootoptions() (5.14+): the parameters without '=' (argv_init) first,
     * then those with '=' (envp_init), each in command-line order, after "Kernel command line:".
     */
    static Message unknownParamsLine(PpcEra era, List<Param> unclaimed) {
        String format = era.unknownParamsFormat;
        if (format == null || unclaimed.isEmpty()) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (Param p : unclaimed) {
            if (p.value() == null) {
                words.add(p.text());
            }
        }
        for (Param p : unclaimed) {
            if (p.value() != null) {
                words.add(p.text());
            }
        }
        int at = format.indexOf("%s"); // the printk's one %s, without Formatter (start-up)
        return Message.kernel(Level.NOTICE, format.substring(0, at) + String.join(" ", words) + format.substring(at + 2), true);
    }

    static long pageAlign(long v, long pageSize) {
        return (v + pageSize - 1) & ~(pageSize - 1);
    }
}
