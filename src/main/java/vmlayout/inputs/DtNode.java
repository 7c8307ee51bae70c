package vmlayout.inputs;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One node of a device tree, as read from a DTB (Fdt) or a plain .dts (Dts): its name with unit
 * address ("memory@80000000"), its properties as the raw big-endian bytes the DTB holds, its children.
 */
public final class DtNode {

    private final String name;
    private final Map<String, byte[]> props = new LinkedHashMap<>();
    /** In order; a set (DtNode keeps identity equality) so that a node is removed in constant time. */
    private final Set<DtNode> children = new LinkedHashSet<>();
    /** The first child of each name, so that a .dts with many nodes is read in linear time. */
    private final Map<String, DtNode> byName = new HashMap<>();
    private DtNode parent;
    /** True once two children share a name (possible in a blob, never in a .dts, which merges them). */
    private boolean sharedNames;

    public DtNode(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The name without the unit address: "memory" for "memory@80000000". */
    public String baseName() {
        int at = name.indexOf('@');
        return at < 0 ? name : name.substring(0, at);
    }

    public Map<String, byte[]> props() {
        return props;
    }

    /** The children in order (read-only: {@link #addChild} and {@link #removeChild} change them). */
    public Collection<DtNode> children() {
        return Collections.unmodifiableCollection(children);
    }

    public void addChild(DtNode c) {
        children.add(c);
        sharedNames |= byName.putIfAbsent(c.name, c) != null;
        c.parent = this;
    }

    /** Takes this node out of its parent's children (nothing when it has none). */
    public void detach() {
        DtNode p = parent;
        if (p == null) {
            return;
        }
        p.children.remove(this);
        parent = null;
        if (p.byName.get(name) == this) {
            p.byName.remove(name);
            for (DtNode other : p.sharedNames ? p.children : Set.<DtNode>of()) {
                if (other.name.equals(name)) {
                    p.byName.put(name, other);
                    break;
                }
            }
        }
    }

    public boolean has(String prop) {
        return props.containsKey(prop);
    }

    public byte[] prop(String prop) {
        return props.get(prop);
    }

    /** The child called exactly {@code n}, or null. */
    public DtNode child(String n) {
        return byName.get(n);
    }

    /**
     * A string property: the bytes up to the first NUL (of_get_flat_dt_prop() users read it as a C
     * string), or null when absent.
     */
    public String string(String prop) {
        byte[] v = props.get(prop);
        if (v == null) {
            return null;
        }
        int end = 0;
        while (end < v.length && v[end] != 0) {
            end++;
        }
        return new String(v, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** A one-cell property (#address-cells ...), or {@code dflt} when absent or not 4 bytes long. */
    public long cell(String prop, long dflt) {
        byte[] v = props.get(prop);
        if (v == null || v.length != 4) {
            return dflt;
        }
        return readCells(v, 0, 1);
    }

    /** of_read_number(): {@code n} big-endian 32-bit cells from {@code offset} bytes, the last 64 bits kept. */
    public static long readCells(byte[] v, int offset, int n) {
        long r = 0;
        for (int i = 0; i < n; i++) {
            int o = offset + 4 * i;
            long cellValue = ((v[o] & 0xffL) << 24) | ((v[o + 1] & 0xffL) << 16) | ((v[o + 2] & 0xffL) << 8) | (v[o + 3] & 0xffL);
            r = (r << 32) | cellValue;
        }
        return r;
    }

    /** of_fdt_device_is_available(): no status, or "okay"/"ok". */
    public boolean available() {
        String s = string("status");
        return s == null || s.equals("okay") || s.equals("ok");
    }
}
