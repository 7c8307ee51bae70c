package vmlayout.inputs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A flattened device tree blob (DTB) as the kernel receives it: the 40-byte header, the memory
 * reservation block, the structure block and the strings block (Devicetree Specification v0.4,
 * chapter 5; the kernel's scripts/dtc/libfdt fdt_check_header()). Every offset and length is checked
 * against the file before it is used, so a truncated or hostile blob gives one line, not an exception.
 */
public final class Fdt {

    public static final int MAGIC = 0xd00dfeed;
    private static final int HEADER_SIZE = 40;
    private static final int FDT_BEGIN_NODE = 1;
    private static final int FDT_END_NODE = 2;
    private static final int FDT_PROP = 3;
    private static final int FDT_NOP = 4;
    private static final int FDT_END = 9;
    /** libfdt FDT_MAX_DEPTH. */
    private static final int MAX_DEPTH = 64;

    /** One /memreserve/ entry of the memory reservation block. */
    public record Reservation(long address, long size) {
    }

    private final DtNode root;
    private final List<Reservation> reservations;
    private final int version;

    private Fdt(DtNode root, List<Reservation> reservations, int version) {
        this.root = root;
        this.reservations = reservations;
        this.version = version;
    }

    public DtNode root() {
        return root;
    }

    public List<Reservation> reservations() {
        return reservations;
    }

    public int version() {
        return version;
    }

    /** True when the bytes start with the FDT magic. */
    public static boolean looksLikeFdt(byte[] b) {
        return b.length >= 4 && u32(b, 0) == MAGIC;
    }

    public static Fdt parse(InputFile file) {
        byte[] b = file.bytes();
        if (b.length < 4 || u32(b, 0) != MAGIC) {
            throw file.error("not a flattened device tree: magic " + (b.length < 4 ? "missing (" + b.length + " bytes)"
                    : String.format("0x%08x", u32(b, 0))) + ", expected 0xd00dfeed");
        }
        if (b.length < HEADER_SIZE) {
            throw file.error("truncated: " + b.length + " bytes, a DTB header alone is " + HEADER_SIZE);
        }
        long total = u32(b, 4) & 0xffffffffL;
        long offStruct = u32(b, 8) & 0xffffffffL;
        long offStrings = u32(b, 12) & 0xffffffffL;
        long offRsv = u32(b, 16) & 0xffffffffL;
        int version = u32(b, 20);
        int lastComp = u32(b, 24);
        long sizeStrings = u32(b, 32) & 0xffffffffL;
        if (total > b.length) {
            throw file.error("header says totalsize " + total + " bytes but the file has " + b.length
                    + ": truncated or damaged");
        }
        if (total < HEADER_SIZE) {
            throw file.error("header says totalsize " + total + " bytes, less than the header itself");
        }
        if (version < 16 || lastComp > 17) {
            throw file.error("DTB version " + version + " (last compatible " + lastComp
                    + "): vmlayout reads versions 16 and 17, which dtc writes");
        }
        long sizeStruct = version >= 17 ? u32(b, 36) & 0xffffffffL : total - offStruct;
        check(file, "structure block", offStruct, sizeStruct, total);
        check(file, "strings block", offStrings, sizeStrings, total);
        if (offRsv < HEADER_SIZE || offRsv > total) {
            throw file.error(String.format("memory reservation block at offset 0x%x is outside the blob", offRsv));
        }
        List<Reservation> rsv = new ArrayList<>();
        for (long o = offRsv; ; o += 16) {
            if (o + 16 > total) {
                throw file.error("memory reservation block runs past the end of the blob");
            }
            long addr = u64(b, (int) o);
            long size = u64(b, (int) o + 8);
            if (addr == 0 && size == 0) {
                break;
            }
            rsv.add(new Reservation(addr, size));
        }
        Walker w = new Walker(file, b, (int) offStruct, (int) (offStruct + sizeStruct), (int) offStrings,
                (int) (offStrings + sizeStrings));
        DtNode root = w.walk();
        return new Fdt(root, rsv, version);
    }

    private static void check(InputFile file, String what, long off, long size, long total) {
        if (off < HEADER_SIZE || off > total || size > total - off) {
            throw file.error(String.format("%s (offset 0x%x, %d bytes) is outside the %d-byte blob", what, off, size, total));
        }
    }

    /** Reads the structure block token by token. */
    private static final class Walker {
        private final InputFile file;
        private final byte[] b;
        private int pos;
        private final int end;
        private final int strings;
        private final int stringsEnd;

        Walker(InputFile file, byte[] b, int start, int end, int strings, int stringsEnd) {
            this.file = file;
            this.b = b;
            this.pos = start;
            this.end = end;
            this.strings = strings;
            this.stringsEnd = stringsEnd;
        }

        DtNode walk() {
            int tok = nextToken();
            while (tok == FDT_NOP) {
                tok = nextToken();
            }
            if (tok != FDT_BEGIN_NODE) {
                throw bad("expected the root node (FDT_BEGIN_NODE), found token " + tok);
            }
            String rootName = cstring(end, "node name");
            if (!rootName.isEmpty()) {
                throw bad("the root node has a name ('" + rootName + "'): not a version 16/17 blob");
            }
            DtNode root = node("", 1);
            int t = nextToken();
            while (t == FDT_NOP) {
                t = nextToken();
            }
            if (t != FDT_END) {
                throw bad("expected FDT_END after the root node, found token " + t);
            }
            return root;
        }

        private DtNode node(String name, int depth) {
            if (depth > MAX_DEPTH) {
                throw bad("nodes nested more than " + MAX_DEPTH + " deep");
            }
            DtNode n = new DtNode(name);
            while (true) {
                int tok = nextToken();
                switch (tok) {
                    case FDT_PROP: {
                        long len = u32checked() & 0xffffffffL;
                        long nameOff = u32checked() & 0xffffffffL;
                        if (len > end - pos) {
                            throw bad("property of " + len + " bytes runs past the structure block");
                        }
                        String pname = propName(nameOff);
                        byte[] v = new byte[(int) len];
                        System.arraycopy(b, pos, v, 0, (int) len);
                        pos = align(pos + (int) len);
                        n.props().put(pname, v);
                        break;
                    }
                    case FDT_BEGIN_NODE: {
                        String cname = cstring(end, "node name");
                        n.addChild(node(cname, depth + 1));
                        break;
                    }
                    case FDT_END_NODE:
                        return n;
                    case FDT_NOP:
                        break;
                    case FDT_END:
                        throw bad("FDT_END inside node '" + (name.isEmpty() ? "/" : name) + "': the structure block is cut short");
                    default:
                        throw bad("unknown token " + tok + " at offset 0x" + Integer.toHexString(pos - 4));
                }
            }
        }

        private String propName(long off) {
            if (off >= stringsEnd - strings) {
                throw bad("property name offset " + off + " is outside the strings block");
            }
            int save = pos;
            pos = strings + (int) off;
            String s = cstring(stringsEnd, "property name");
            pos = save;
            return s;
        }

        private String cstring(int limit, String what) {
            int start = pos;
            while (pos < limit && b[pos] != 0) {
                pos++;
            }
            if (pos >= limit) {
                throw bad(what + " at offset 0x" + Integer.toHexString(start) + " is not terminated");
            }
            String s = new String(b, start, pos - start, StandardCharsets.ISO_8859_1);
            pos = align(pos + 1);
            return s;
        }

        private int nextToken() {
            if (pos + 4 > end) {
                throw bad("the structure block ends in the middle of the tree (truncated)");
            }
            int t = u32(b, pos);
            pos += 4;
            return t;
        }

        private int u32checked() {
            if (pos + 4 > end) {
                throw bad("the structure block ends inside a property header (truncated)");
            }
            int v = u32(b, pos);
            pos += 4;
            return v;
        }

        private RuntimeException bad(String what) {
            return file.error(what);
        }
    }

    private static int align(int p) {
        return (p + 3) & ~3;
    }

    static int u32(byte[] b, int o) {
        return ((b[o] & 0xff) << 24) | ((b[o + 1] & 0xff) << 16) | ((b[o + 2] & 0xff) << 8) | (b[o + 3] & 0xff);
    }

    private static long u64(byte[] b, int o) {
        return ((long) u32(b, o) << 32) | (u32(b, o + 4) & 0xffffffffL);
    }
}
