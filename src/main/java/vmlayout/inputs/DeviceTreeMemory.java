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
 *       boot; "no-map", "reusable", "compatible", "alloc-ranges", "alignment" and "linux,cma-default" are
 *       kept (__reserved_mem_alloc_size(), rmem_cma_setup()); /memreserve/ entries are reserved too
 *       (early_init_fdt_scan_reserved_mem());</li>
 *   <li>the initrd: early_init_dt_check_for_initrd() reads /chosen "linux,initrd-start" and
 *       "linux,initrd-end" (one or two cells each, the end exclusive; nothing when start &gt; end).</li>
 * </ul>
 */
public final class DeviceTreeMemory {

    private final List<RamBank> banks = new ArrayList<>();
    private final List<ReservedRegion> reserved = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String bootargs;
    private String model;
    private ReservedRegion.Node reservedMemory = ReservedRegion.Node.ABSENT;

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
        if (chosen != null) {
            initrd(m, file, chosen);
        }
        DtNode rm = root.child("reserved-memory");
        if (rm != null) {
            long rac = rm.cell("#address-cells", -1);
            long rsc = rm.cell("#size-cells", -1);
            if (rac != ac || rsc != sc || !rm.has("ranges")) {
                m.reservedMemory = ReservedRegion.Node.UNSUPPORTED;
                m.note("/reserved-memory needs the root's #address-cells and #size-cells and a ranges property"
                        + " (drivers/of/of_reserved_mem.c __reserved_mem_check_root()): the kernel ignores all its regions"
                        + " (\"Reserved memory: unsupported node format, ignoring\").");
            } else {
                m.reservedMemory = ReservedRegion.Node.PRESENT;
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
        String compatible = compatible(r);
        boolean cmaDefault = r.has("linux,cma-default");
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
                // __reserved_mem_reserve_reg(): every entry is reserved, the first one is the region the pool uses
                m.addReserved(file, new ReservedRegion(path, base, size, noMap, reusable, file.label(),
                        ReservedRegion.Origin.RESERVED_MEMORY, compatible, List.of(), 0, cmaDefault));
            }
            return;
        }
        byte[] size = r.prop("size");
        if (size == null || size.length != 4 * sc) {
            m.note(path + " has neither reg nor a size of " + sc + " cell(s): ignored.");
            return;
        }
        long bytes = DtNode.readCells(size, 0, sc);
        long alignment = 0;
        byte[] align = r.prop("alignment");
        if (align != null) {
            if (align.length != 4 * ac) {
                m.note(path + " alignment is " + align.length + " bytes, not " + ac + " cell(s): the kernel skips the node"
                        + " (\"invalid alignment property\").");
                return;
            }
            alignment = DtNode.readCells(align, 0, ac);
        }
        List<ReservedRegion.Span> ranges = new ArrayList<>();
        byte[] alloc = r.prop("alloc-ranges");
        if (alloc != null) {
            int entry = 4 * (ac + sc);
            if (alloc.length % entry != 0) {
                m.note(path + " alloc-ranges is " + alloc.length + " bytes, not whole (address, size) entries: the kernel skips"
                        + " the node (\"invalid alloc-ranges property\").");
                return;
            }
            for (int o = 0; o < alloc.length; o += entry) {
                long base = DtNode.readCells(alloc, o, ac);
                long len = DtNode.readCells(alloc, o + 4 * ac, sc);
                checkRange(file, path + " alloc-ranges", base, len);
                ranges.add(new ReservedRegion.Span(base, len));
            }
        }
        checkRange(file, path, 0, bytes);
        m.addReserved(file, new ReservedRegion(path, -1, bytes, noMap, reusable, file.label(), ReservedRegion.Origin.RESERVED_MEMORY,
                compatible, ranges, alignment, cmaDefault));
    }

    /** The "compatible" string the kernel's reserved-memory table matches ("shared-dma-pool"), else the first one, or null. */
    private static String compatible(DtNode r) {
        byte[] v = r.prop("compatible");
        if (v == null) {
            return null;
        }
        String first = null;
        int from = 0;
        for (int i = 0; i <= v.length; i++) {
            if (i == v.length || v[i] == 0) {
                if (i > from) {
                    String c = new String(v, from, i - from, StandardCharsets.ISO_8859_1);
                    if (c.equals("shared-dma-pool")) {
                        return c;
                    }
                    if (first == null) {
                        first = c;
                    }
                }
                from = i + 1;
            }
        }
        return first;
    }

    /** /chosen linux,initrd-start and linux,initrd-end (of_read_number() of one or two cells). */
    private static void initrd(DeviceTreeMemory m, InputFile file, DtNode chosen) {
        byte[] s = chosen.prop("linux,initrd-start");
        byte[] e = chosen.prop("linux,initrd-end");
        if (s == null || e == null) {
            return;
        }
        if ((s.length != 4 && s.length != 8) || (e.length != 4 && e.length != 8)) {
            m.note("/chosen linux,initrd-start/-end are not one or two cells: the initrd is not read.");
            return;
        }
        long start = DtNode.readCells(s, 0, s.length / 4);
        long end = DtNode.readCells(e, 0, e.length / 4);
        if (start > end || start < 0 || end < 0) {
            m.note("/chosen linux,initrd-start is above linux,initrd-end: the kernel takes no initrd from it.");
            return;
        }
        if (end > start) {
            checkRange(file, "/chosen linux,initrd", start, end - start);
            m.addReserved(file, new ReservedRegion("initrd", start, end - start, false, false, file.label() + " /chosen",
                    ReservedRegion.Origin.INITRD, null, List.of(), 0, false));
        }
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

    /** What the tree holds under /reserved-memory. */
    public ReservedRegion.Node reservedMemory() {
        return reservedMemory;
    }

    /** The root's model property, or null. */
    public String model() {
        return model;
    }
}
