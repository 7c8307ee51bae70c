package vmlayout.engine;

import java.util.ArrayList;
import java.util.List;
import vmlayout.bootargs.Param;
import vmlayout.config.Arch;
import vmlayout.config.KernelVersion;
import vmlayout.report.ExitCode;
import vmlayout.report.Message;

/**
 * What an engine computed for one machine: the layout the kernel would set up and what it would print.
 *
 * @param arch          the architecture
 * @param kernel        the release whose rules were applied
 * @param params        the kernel command line as understood, in order
 * @param regions       kernel virtual regions, in the order of the kernel's table
 * @param ram           physical RAM and its fate, by address
 * @param messages      kernel messages (in boot-log order, all before the table) and vmlayout's notes
 * @param table         the kernel's layout table, one string per line, header first (empty when this
 *                      arch and era has none to show)
 * @param tablePrinted  false when this release does not print the table itself (vmlayout shows the last
 *                      form the kernel used)
 * @param constants     every kernel constant and Kconfig value used, pinned or derived
 * @param defaults      defaults vmlayout chose for inputs not given
 * @param derivation    how each boundary was set, step by step, in the order the engine decided
 *                      (see {@link Derivation}; {@code vmlayout explain} prints it)
 * @param reservations  the early reservations in the order the kernel made them (the kernel image and initrd
 *                      it held first, device-tree regions and pools, CMA, crashkernel, SWIOTLB), placed or not
 */
public record Layout(Arch arch, KernelVersion kernel, List<Param> params, List<Region> regions,
                     List<RamRange> ram, List<Message> messages, List<String> table, boolean tablePrinted,
                     List<Constants.Value> constants, List<String> defaults, List<Derivation> derivation,
                     List<Reservation> reservations) {

    public Layout {
        params = List.copyOf(params);
        regions = List.copyOf(regions);
        ram = List.copyOf(ram);
        messages = List.copyOf(messages);
        table = List.copyOf(table);
        constants = List.copyOf(constants);
        defaults = List.copyOf(defaults);
        derivation = List.copyOf(derivation);
        reservations = List.copyOf(reservations);
    }

    /** A layout without reservations. */
    public Layout(Arch arch, KernelVersion kernel, List<Param> params, List<Region> regions, List<RamRange> ram,
                  List<Message> messages, List<String> table, boolean tablePrinted, List<Constants.Value> constants,
                  List<String> defaults, List<Derivation> derivation) {
        this(arch, kernel, params, regions, ram, messages, table, tablePrinted, constants, defaults, derivation, List.of());
    }

    /** A layout without derivation steps (hand-made layouts in tests and renderers). */
    public Layout(Arch arch, KernelVersion kernel, List<Param> params, List<Region> regions, List<RamRange> ram,
                  List<Message> messages, List<String> table, boolean tablePrinted, List<Constants.Value> constants,
                  List<String> defaults) {
        this(arch, kernel, params, regions, ram, messages, table, tablePrinted, constants, defaults, List.of(), List.of());
    }

    /** The value of a constant the engine used, or {@code dflt} when it did not use it. */
    public long constant(String name, long dflt) {
        for (Constants.Value v : constants) {
            if (v.name().equals(name)) {
                return v.value();
            }
        }
        return dflt;
    }

    /** The region with this id, or null. */
    public Region region(String name) {
        for (Region r : regions) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }

    /** The reservations of this kind, in the kernel's order. */
    public List<Reservation> reservations(Reservation.Kind kind) {
        List<Reservation> out = new ArrayList<>();
        for (Reservation r : reservations) {
            if (r.kind() == kind) {
                out.add(r);
            }
        }
        return out;
    }

    /** Bytes of RAM with this use. */
    public long ramBytes(RamUse use) {
        long sum = 0;
        for (RamRange r : ram) {
            if (r.use() == use) {
                sum += r.size();
            }
        }
        return sum;
    }

    /** True when the kernel would warn, drop or truncate RAM, clamp or ignore a parameter. */
    public boolean hasFindings() {
        if (ramBytes(RamUse.DROPPED) > 0) {
            return true;
        }
        for (Message m : messages) {
            if (m.finding()) {
                return true;
            }
        }
        return false;
    }

    /** The exit status this layout alone calls for ({@link #hasFindings()}). */
    public ExitCode exitCode() {
        return ExitCode.of(hasFindings());
    }

    /**
     * The kernel's own lines, messages then table, as the kernel prints them (no timestamps). The table
     * only when this release prints it: otherwise it is vmlayout's computation, not a kernel line.
     */
    public List<String> kernelLines() {
        ArrayList<String> out = new ArrayList<>();
        for (Message m : messages) {
            if (m.source() == Message.Source.KERNEL) {
                out.add(m.text());
            }
        }
        if (tablePrinted) {
            out.addAll(table);
        }
        return out;
    }
}
