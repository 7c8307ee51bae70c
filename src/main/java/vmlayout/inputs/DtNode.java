package vmlayout.inputs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a device tree, as read from a DTB (Fdt) or a plain .dts (Dts): its name with unit
 * address ("memory@80000000"), its properties as the raw big-endian bytes the DTB holds, its children.
 */
public final class DtNode {

    private final String name;
    private final Map<String, byte[]> props = new LinkedHashMap<>();
    private final List<DtNode> children = new ArrayList<>();

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

    public List<DtNode> children() {
        return children;
    }

    public boolean has(String prop) {
        return props.containsKey(prop);
    }

    public byte[] prop(String prop) {
        return props.get(prop);
    }

    /** The child called exactly {@code n}, or null. */
    public DtNode child(String n) {
        for (DtNode c : children) {
            if (c.name.equals(n)) {
                return c;
            }
        }
        return null;
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
