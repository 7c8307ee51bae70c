package vmlayout.engine.x86;

import java.util.ArrayList;
import java.util.List;
import vmlayout.config.E820Entry;
import vmlayout.config.InputException;
import vmlayout.config.Machine;
import vmlayout.config.RamBank;

/**
 * The BIOS e820 map the kernel starts from: --e820 entries as given, or built from --ram.
 *
 * <p>{@code --ram SIZE} describes a typical PC with SIZE of RAM, the way PC firmware reports it:
 * <pre>
 *   0x0000000000000000 - 0x000000000009fc00  usable    639 kB of base memory
 *   0x000000000009fc00 - 0x00000000000a0000  reserved  extended BIOS data area
 *   0x00000000000f0000 - 0x0000000000100000  reserved  system BIOS
 *   0x0000000000100000 - SIZE                usable    (up to 3 GB)
 *   0x00000000fec00000 - 0x0000000100000000  reserved  I/O APIC, local APIC, BIOS flash
 *   0x0000000100000000 - 4 GB + SIZE - 3 GB  usable    RAM above 3 GB, remapped above 4 GB
 * </pre>
 * (as in the BIOS maps of the 2.6.28 and 3.2 logs, which add ACPI tables at the top of RAM).
 * {@code --ram START:SIZE} gives one usable entry each, nothing else.
 */
final class X86BiosMap {

    /** Where a typical chipset puts the PCI hole: RAM above it is remapped above 4 GB. */
    static final long PCI_HOLE = 0xC0000000L;
    static final long DEFAULT_RAM = 512L << 20;
    /** E820MAX: the BIOS map in struct boot_params holds 128 entries. */
    static final int E820MAX = 128;

    private X86BiosMap() {
    }

    /** The entries, in the order given (the kernel sanitizes them before printing). */
    static List<E820Entry> entries(Machine m, List<String> defaults) {
        if (!m.e820().isEmpty()) {
            if (!m.ram().isEmpty()) {
                throw new InputException("--ram " + memparseText(m.ram().get(0).size()) + ": x86 RAM is"
                        + " described either by the BIOS map (--e820) or by --ram, not both");
            }
            if (m.e820().size() > E820MAX) {
                throw new InputException("--e820: " + m.e820().size() + " entries: the BIOS passes at most " + E820MAX
                        + " in boot_params");
            }
            return m.e820();
        }
        List<RamBank> ram = m.ram();
        if (ram.isEmpty()) {
            defaults.add("--ram 512M (a typical PC e820 map: usable below 639 kB, reserved up to 1 MB, usable from 1 MB)");
            return typicalPc(DEFAULT_RAM);
        }
        boolean sized = false;
        boolean placed = false;
        for (RamBank b : ram) {
            sized |= !b.hasStart();
            placed |= b.hasStart();
        }
        if (sized) {
            if (ram.size() > 1) {
                throw new InputException("--ram " + memparseText(ram.get(1).size()) + ": on x86 give one"
                        + " --ram SIZE (a typical PC map), or START:SIZE banks, or the BIOS map with --e820");
            }
            long size = ram.get(0).size();
            if (size <= 0x100000L) {
                throw new InputException("--ram " + memparseText(size) + ": a typical PC map needs more than"
                        + " 1M of RAM (the first megabyte holds the BIOS); give the map with --e820");
            }
            defaults.add("--ram " + memparseText(size) + " read as a typical PC e820 map (usable below"
                    + " 639 kB, reserved up to 1 MB, usable from 1 MB" + (size > PCI_HOLE ? ", RAM above 3 GB from 4 GB" : "")
                    + "): give --e820 for the real map");
            return typicalPc(size);
        }
        List<E820Entry> out = new ArrayList<>();
        for (RamBank b : ram) {
            out.add(new E820Entry(b.start(), b.size(), E820Entry.RAM));
        }
        if (placed && out.size() > E820MAX) {
            throw new InputException("--ram: " + out.size() + " banks: the BIOS passes at most " + E820MAX + " entries");
        }
        return out;
    }

    /** A size the way one writes it on a command line: 6G, 512M, 640K, or the byte count. */
    static String memparseText(long bytes) {
        if (bytes != 0 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "G";
        }
        if (bytes != 0 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "M";
        }
        if (bytes != 0 && bytes % 1024 == 0) {
            return (bytes >> 10) + "K";
        }
        return Long.toString(bytes);
    }

    /** The typical PC map for {@code size} bytes of RAM (see the class comment). */
    static List<E820Entry> typicalPc(long size) {
        List<E820Entry> out = new ArrayList<>();
        out.add(new E820Entry(0, 0x9fc00, E820Entry.RAM));
        out.add(new E820Entry(0x9fc00, 0x400, E820Entry.RESERVED));
        out.add(new E820Entry(0xf0000, 0x10000, E820Entry.RESERVED));
        long low = Math.min(size, PCI_HOLE);
        out.add(new E820Entry(0x100000, low - 0x100000, E820Entry.RAM));
        out.add(new E820Entry(0xfec00000L, 0x01400000L, E820Entry.RESERVED));
        if (size > PCI_HOLE) {
            out.add(new E820Entry(1L << 32, size - PCI_HOLE, E820Entry.RAM));
        }
        return out;
    }
}
