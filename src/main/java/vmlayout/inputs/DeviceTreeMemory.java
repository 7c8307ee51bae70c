package vmlayout.inputs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import vmlayout.config.RamBank;
import vmlayout.config.ReservedRegion;

/**
 * What the kernel takes from a device tree before it sets up memory (drivers/of/fdt.c):
 * <ul>
 *   <li>RAM banks: early_init_dt_scan_memory() reads the root's children with device_type = "memory"
 *       (on 32-bit powerpc also a /memory@0 without it), their "linux,usable-memory" or else "reg",
 *       as (#address-cells, #size-cells) pairs of the root (default 1 and 1); banks of size 0 and
 *       disabled nodes are skipped;</li>
 *   <li>bootargs: early_init_dt_scan_chosen() reads /chosen (or /chosen@0) "bootargs";</li>
 *   <li>/reserved-memory: fdt_scan_reserved_mem() reads its children when the node has the root's
 *       #address-cells and #size-cells and a "ranges" property (__reserved_mem_check_root()); a child
 *       with "reg" is a static region (each reg entry), one with only "size" a dynamic one placed at
 *       boot; "no-map" and "reusable" are kept; /memreserve/ entries are reserved too
 *       (early_init_fdt_scan_reserved_mem()).</li>
 * </ul>
 */
public final class DeviceTreeMemory {

    private final List<RamBank> banks = new ArrayList<>();
    private final List<ReservedRegion> reserved = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String bootargs;
    private String model;

    private DeviceTreeMemory() {
    }

    /** Reads a DTB, or a plain .dts when the file is text that starts like one. */
    public static DeviceTreeMemory read(InputFile file, boolean ppc32) {
        byte[] b = file.bytes();
        if (b.length < 4) {
            throw file.error("not a flattened device tree: magic missing (" + b.length + " bytes)");
        }
        if (Fdt.looksLikeFdt(b)) {
            Fdt fdt = Fdt.parse(file);
            return of(fdt.root(), fdt.reservations(), file, ppc32);
        }
        String text;
        try {
            text = file.text();
        } catch (RuntimeException e) {
            throw file.error(String.format("not a flattened device tree: magic 0x%08x, expected 0xd00dfeed (nor a .dts"
                    + " source)", Fdt.u32(b, 0)));
        }
        if (!Dts.looksLikeDts(text)) {
            throw file.error("neither a DTB (magic 0xd00dfeed) nor a device tree source starting with /dts-v1/");
        }
        Dts d = Dts.parse(file);
        return of(d.root(), d.reservations(), file, ppc32);
    }

    static DeviceTreeMemory of(DtNode root, List<Fdt.Reservation> rsv, InputFile file, boolean ppc32) {
        DeviceTreeMemory m = new DeviceTreeMemory();
        m.model = root.string("model");
        int ac = (int) root.cell("#address-cells", 1);
        int sc = (int) root.cell("#size-cells", 1);
        if (ac < 1 || ac > 4 || sc < 1 || sc > 4) {
            throw file.error("/ #address-cells = " + ac + ", #size-cells = " + sc + ": expected 1 to 4 cells");
        }
        for (DtNode n : root.children()) {
            String type = n.string("device_type");
            boolean memory = "memory".equals(type) || (type == null && ppc32 && n.name().equals("memory@0"));
            if (!memory) {
                continue;
            }
            if (!n.available()) {
                m.note("/" + n.name() + " has status \"" + n.string("status") + "\": not used.");
                continue;
            }
            byte[] reg = n.prop("linux,usable-memory");
            String which = "linux,usable-memory";
            if (reg == null) {
                reg = n.prop("reg");
                which = "reg";
            }
            if (reg == null) {
                m.note("/" + n.name() + " has no reg: no RAM from it.");
                continue;
            }
            int entry = 4 * (ac + sc);
            if (reg.length % entry != 0) {
                m.note("/" + n.name() + " " + which + " is " + reg.length + " bytes, not a multiple of " + entry
                        + " ((#address-cells + #size-cells) x 4): the kernel reads the whole entries only.");
            }
            for (int o = 0; o + entry <= reg.length; o += entry) {
                long base = DtNode.readCells(reg, o, ac);
                long size = DtNode.readCells(reg, o + 4 * ac, sc);
                if (size == 0) {
                    continue; // early_init_dt_scan_memory(): "if (size == 0) continue;"
                }
                if (m.banks.size() == RamBank.MAX_BANKS) {
                    throw file.error("more than " + RamBank.MAX_BANKS + " RAM banks in its memory nodes: " + RamBank.MAX_REASON);
                }
                m.banks.add(bank(file, n.name(), base, size));
            }
        }
        DtNode chosen = root.child("chosen");
        if (chosen == null) {
            chosen = root.child("chosen@0");
        }
        if (chosen != null && chosen.has("bootargs")) {
            byte[] v = chosen.prop("bootargs");
            m.bootargs = bootargs(file, v);
            if (m.bootargs.length() + 1 < v.length) {
                m.note("/chosen bootargs goes on after a NUL byte: the kernel copies it as a C string and stops"
                        + " there (\"" + m.bootargs + "\").");
            }
        }
        DtNode rm = root.child("reserved-memory");
        if (rm != null) {
            long rac = rm.cell("#address-cells", -1);
            long rsc = rm.cell("#size-cells", -1);
            if (rac != ac || rsc != sc || !rm.has("ranges")) {
                m.note("/reserved-memory needs the root's #address-cells and #size-cells and a ranges property"
                        + " (drivers/of/of_reserved_mem.c __reserved_mem_check_root()): the kernel ignores all its regions.");
            } else {
                for (DtNode r : rm.children()) {
                    reservedNode(m, file, r, ac, sc);
                }
            }
        }
        if (m.notesLeftOut > 0) {
            m.notes.add("... and " + m.notesLeftOut + " more notes like these.");
        }
        for (Fdt.Reservation r : rsv) {
            if (r.size() != 0) {
                m.addReserved(file, new ReservedRegion("/memreserve/", r.address(), r.size(), false, false, file.label()));
            }
        }
        return m;
    }

    private static void reservedNode(DeviceTreeMemory m, InputFile file, DtNode r, int ac, int sc) {
        String path = "/reserved-memory/" + r.name();
        if (!r.available()) {
            m.note(path + " has status \"" + r.string("status") + "\": ignored.");
            return;
        }
        boolean noMap = r.has("no-map");
        boolean reusable = r.has("reusable");
        byte[] reg = r.prop("reg");
        if (reg != null) {
            int entry = 4 * (ac + sc);
            if (reg.length == 0 || reg.length % entry != 0) {
                m.note(path + " reg is " + reg.length + " bytes, not whole (address, size) entries: the kernel skips"
                        + " the node (\"invalid reg property\").");
                return;
            }
            for (int o = 0; o < reg.length; o += entry) {
                long base = DtNode.readCells(reg, o, ac);
                long size = DtNode.readCells(reg, o + 4 * ac, sc);
                checkRange(file, path, base, size);
                m.addReserved(file, new ReservedRegion(path, base, size, noMap, reusable, file.label()));
            }
            return;
        }
        byte[] size = r.prop("size");
        if (size == null || size.length != 4 * sc) {
            m.note(path + " has neither reg nor a size of " + sc + " cell(s): ignored.");
            return;
        }
        m.addReserved(file, new ReservedRegion(path, -1, DtNode.readCells(size, 0, sc), noMap, reusable, file.label()));
    }

    /** Most notes kept: a tree of a thousand disabled memory nodes gets twenty notes and a count, not a thousand. */
    private static final int MAX_NOTES = 20;
    private int notesLeftOut;

    private void note(String n) {
        if (notes.size() < MAX_NOTES) {
            notes.add(n);
        } else {
            notesLeftOut++;
        }
    }

    private void addReserved(InputFile file, ReservedRegion r) {
        if (reserved.size() == ReservedRegion.MAX_REGIONS) {
            throw file.error("more than " + ReservedRegion.MAX_REGIONS + " reserved regions (/reserved-memory, /memreserve/): "
                    + ReservedRegion.MAX_REASON);
        }
        reserved.add(r);
    }

    private static RamBank bank(InputFile file, String node, long base, long size) {
        checkRange(file, "/" + node, base, size);
        return new RamBank(base, size);
    }

    private static void checkRange(InputFile file, String node, long base, long size) {
        if (base < 0 || size < 0 || base + size < 0 || base + size > (1L << 40)) {
            throw file.error(String.format("%s: 0x%x + 0x%x reaches beyond the 40-bit physical space of LPAE/PAE", node,
                    base, size));
        }
    }

    private static String bootargs(InputFile file, byte[] v) {
        int end = 0;
        while (end < v.length && v[end] != 0) {
            end++;
        }
        for (int i = 0; i < end; i++) {
            int c = v[i] & 0xff;
            if (c < 0x20 && c != '\t' && c != '\n' || c >= 0x7f) {
                throw file.error(String.format("/chosen bootargs: byte 0x%02x at offset %d: not a text command line", c, i));
            }
        }
        return new String(v, 0, end, StandardCharsets.US_ASCII);
    }

    public List<RamBank> banks() {
        return banks;
    }

    /** /chosen bootargs, or null when the tree has none. */
    public String bootargs() {
        return bootargs;
    }

    public List<ReservedRegion> reserved() {
        return reserved;
    }

    public List<String> notes() {
        return notes;
    }

    /** The root's model property, or null. */
    public String model() {
        return model;
    }
}
