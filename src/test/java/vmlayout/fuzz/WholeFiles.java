package vmlayout.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Whole hostile files, not mutations inside a known shape: each input is a plausible file of its kind
 * with one or two edges of the shape pushed (issue 14), at sizes drawn log-uniformly up to past the
 * readers' caps, so that a reader quadratic in its input or recursive in its nesting shows as a hang
 * or a stack overflow within the fuzz run's bound:
 * <ul>
 *   <li>depth: an opener nested thousands of times (nodes, parentheses, arrays, U-Boot 'run');</li>
 *   <li>length: one token, line, number or name of up to megabytes;</li>
 *   <li>repetition: one fragment repeated up to a million times ("$x", "/* ", "&gt;", "1MB ");</li>
 *   <li>invalid encodings: bytes that are not UTF-8, overlong forms, surrogates, NUL, a BOM, UTF-16,
 *       terminal escapes, C1 controls, U+2028 and bidi controls;</li>
 *   <li>truncation: the file cut anywhere (inside a string, a comment, a character literal).</li>
 * </ul>
 * Files are byte strings: a String of chars 0-255, one per byte (written with ISO-8859-1).
 */
final class WholeFiles {

    private WholeFiles() {
    }

    /** A kind of file: a plain base to start from, and the fragments its shape is made of. */
    record Kind(List<String> bases, List<String> fragments, List<String[]> nests) {
    }

    static final Kind CONFIG = new Kind(List.of(
            "#\n# Automatically generated file; DO NOT EDIT.\n# Linux/arm 6.1.176 Kernel Configuration\n#\nCONFIG_ARM=y\n"
                    + "CONFIG_HIGHMEM=y\nCONFIG_CMDLINE=\"console=ttyS0 vmalloc=300M\"\nCONFIG_CMDLINE_FORCE=y\n"
                    + "# CONFIG_ARM_LPAE is not set\nCONFIG_VMSPLIT_3G=y\nCONFIG_PAGE_OFFSET=0xC0000000\n",
            "# Linux kernel version: 2.6.26\nCONFIG_X86_32=y\nCONFIG_HIGHMEM4G=y\nCONFIG_CMDLINE_BOOL=y\nCONFIG_CMDLINE=\"mem=1G\"\n"),
            List.of("CONFIG_A=y\n", "# CONFIG_B is not set\n", "# Linux/arm 1.", "1", ".", "\"", "\\", "\\\"", "CONFIG_CMDLINE=\"",
                    "# Linux kernel version: ", " Kernel Configuration\n", "CONFIG_", "=", "#"),
            List.of(new String[]{"\"", "\""}, new String[]{"CONFIG_X=\"", "\"\n"}));

    static final Kind DTS = new Kind(List.of(
            "/dts-v1/;\n/memreserve/ 0x80000000 0x1000;\n/ {\n\tmodel = \"fuzz\";\n\t#address-cells = <1>;\n"
                    + "\t#size-cells = <1>;\n\tchosen { bootargs = \"console=ttyS0 vmalloc=300M\"; };\n"
                    + "\tmemory@80000000 { device_type = \"memory\"; reg = <0x80000000 0x20000000>; };\n"
                    + "\treserved-memory { #address-cells = <1>; #size-cells = <1>; ranges;\n"
                    + "\t\tlbl: cma@90000000 { reg = <0x90000000 0x1000000>; no-map; };\n\t};\n};\n"
                    + "&lbl { status = \"okay\"; };\n"),
            List.of("/* ", "*/", "// x\n", "memory@0 { device_type = \"memory\"; reg = <0 0x1000>; };\n", "&lbl { };\n",
                    "/delete-node/ &lbl;\n", "'", "'\\", "\"", "<", ">", "[", "]", "-", "~", "/bits/ 64 <", "l: ", "(", ")",
                    "x { };\n", "/delete-node/ x;\n", "#include <a.h>\n", "0x", "1ULL", " + ", " << ", "a = <1>;\n", ";"),
            List.of(new String[]{"n {", "};"}, new String[]{"a = <(", ")>;"}, new String[]{"(", ")"},
                    new String[]{"-", ""}, new String[]{"~", ""}, new String[]{"/* ", " */"}, new String[]{"[", "]"}));

    static final Kind UBOOT = new Kind(List.of(
            "bootargs=console=ttyS0,115200 mem=512M\nbootcmd=run setargs; bootm 0x82000000 - 0x88000000\n"
                    + "setargs=setenv bootargs ${bootargs} vmalloc=300M\nx=abc\n",
            "=> setenv bootargs 'console=ttyS0 root=/dev/mmcblk0p2'\n=> if test -e mmc 0 x; then setenv a 1; else setenv a 2; fi\n"
                    + "=> for i in 1 2 3; do setenv b ${b}$i; done\n=> bootz 0x82000000 - 0x88000000\n"),
            List.of("$x", "${x}", "${", "$", "run x;", "run bootcmd;", "setenv x ${x}${x};", "setenv bootargs ${bootargs} ${x};",
                    "if true; then ", "fi;", "for i in a b c; do ", "done;", "while true; do ", "'", "\"", "\\", "&&", "||", "#",
                    ";", "\n", "x=", "bootcmd=", "setenv ", "boot;", "env set y "),
            List.of(new String[]{"if a; then ", "; fi"}, new String[]{"for i in 1; do ", "; done"},
                    new String[]{"x=run y\ny=run x\n", ""}, new String[]{"'", "'"}, new String[]{"\"", "\""}));

    static final Kind PROFILE = new Kind(List.of(
            "{\"name\":\"b\",\"description\":\"d\",\"arch\":\"arm\",\"kernel\":\"3.18\",\"ram\":[\"0x80000000:1G\"],"
                    + "\"defines\":{\"HIGHMEM\":\"y\",\"NR_CPUS\":4},\"bootargs\":\"vmalloc=300M\"}",
            "{\"arch\":\"x86\",\"kernel\":\"3.2\",\"e820\":[\"0:0x9fc00:usable\",\"0x100000:0x7ff00000:usable\"]}"),
            List.of("\"0:1M\",", "1", "9", "\"a\":1,", "\"ram\":[", "\"name\":\"x\",", "\\u0000", "\\u001b]0;x\\u0007", "\\ud800",
                    "\\", "\"", "{", "}", "[", "]", ",", ":", "null", "1e999999", "-", "0x", "\u00ff"),
            List.of(new String[]{"[", "]"}, new String[]{"{\"a\":", "}"}, new String[]{"\"", "\""}));

    static final Kind BATCH = new Kind(List.of(
            "mem=512M\nvmalloc=300M\n# comment\n\n{\"arch\":\"x86\",\"kernel\":\"3.2\",\"ram\":[\"2G\"],\"bootargs\":\"vmalloc=256M\"}\n"
                    + "{\"arch\":\"ppc\",\"kernel\":\"2.6.17\",\"ram\":[\"1G\"]}\nvmalloc=2G\n"),
            List.of("mem=256M\n", "\r", "\r\n", "\n", "\u0000", "{\"arch\":\"arm\"}\n", "{\"ram\":[", "]}\n", "{", "\"", "9",
                    "\u00ff", "\u00c0\u0080", "# x\n", "vmalloc=", "\u001b]0;x\u0007", "\u00c2\u009b", "\u00e2\u0080\u00a8"),
            List.of(new String[]{"{\"a\":[", "]}\n"}, new String[]{"[", "]"}));

    static final Kind LOG = new Kind(List.of(
            "[    0.000000] Booting Linux on physical CPU 0x0\n[    0.000000] Linux version 4.4.75-cip6 (b@h) #2 SMP\n"
                    + "[    0.000000] Memory policy: Data cache writealloc\n"
                    + "[    0.000000] Kernel command line: console=ttyS0,115200 vmalloc=300M mem=1G\n"
                    + "[    0.000000] Memory: 1024MB = 1024MB total\n[    0.000000] Virtual kernel memory layout:\n"
                    + "[    0.000000]     vector  : 0xffff0000 - 0xffff1000   (   4 kB)\n"
                    + "[    0.000000]     vmalloc : 0xe0800000 - 0xff800000   ( 496 MB)\n"),
            List.of(">", "> ", "[    0.000000] ", "<6>", "kern  :info  : ", "Nov 25 04:07:01 host kernel: ", "1MB ", "Memory: ",
                    "\u001b[31m", "\u001b]0;x\u0007", "BIOS-e820: ", "\n", "\t", "\u00a0", "\u0000", "\r", "=", "MB total\n",
                    "Truncating RAM at 0x00000000-0x40000000 to -0x30000000\n", "vmalloc : 0x", "\u00ff"),
            List.of(new String[]{"[", "]"}, new String[]{"> ", ""}, new String[]{"<", ">"}));

    static final Kind CMDLINE = new Kind(List.of("console=ttyS0,115200 root=/dev/mmcblk0p2 mem=512M vmalloc=300M\n",
            "\"mem=64M\" memmap=exactmap memmap=640K@0 memmap=511M@1M -- init=/bin/sh\n"),
            List.of("mem=1G ", "\"", "vmalloc=", "memmap=1K$0x1000,", "--", " ", "=", "@", "$", "\n", "\u0000", "\u001b", "\u00ff"),
            List.<String[]>of(new String[]{"\"", "\""}));

    /** A byte size drawn log-uniformly between 1 and {@code max}. */
    static int logSize(Random r, int max) {
        return (int) Math.min(max, Math.round(Math.exp(r.nextDouble() * Math.log(max))));
    }

    /** One hostile file of {@code kind}: the base with one or two shapes pushed, then maybe re-encoded. */
    static String next(Random r, Kind kind, int maxBytes) {
        StringBuilder s = new StringBuilder(utf8(kind.bases().get(r.nextInt(kind.bases().size()))));
        int shapes = 1 + r.nextInt(2);
        for (int k = 0; k < shapes && s.length() < maxBytes; k++) {
            int room = Math.max(1, maxBytes - s.length());
            int at = r.nextInt(s.length() + 1);
            switch (r.nextInt(6)) {
                case 0 -> { // depth
                    String[] n = kind.nests().get(r.nextInt(kind.nests().size()));
                    int depth = logSize(r, Math.max(1, room / Math.max(1, n[0].length() + n[1].length())));
                    String open = n[0].repeat(depth);
                    String close = r.nextInt(4) == 0 ? "" : n[1].repeat(depth);
                    s.insert(at, utf8(open + close));
                }
                case 1 -> { // length: one long token
                    String[] alphabets = {"1", "9", "a", "x", " ", "0", "f"};
                    s.insert(at, alphabets[r.nextInt(alphabets.length)].repeat(logSize(r, room)));
                }
                case 2 -> { // repetition of a fragment of the kind
                    String f = utf8(kind.fragments().get(r.nextInt(kind.fragments().size())));
                    s.insert(at, f.repeat(logSize(r, Math.max(1, room / f.length()))));
                }
                case 3 -> s.setLength(at); // truncation
                case 4 -> s.insert(at, badEncoding(r)); // a byte sequence that is not UTF-8, or a control
                default -> { // fragments scattered
                    for (int i = logSize(r, 64); i > 0; i--) {
                        s.insert(r.nextInt(s.length() + 1), utf8(kind.fragments().get(r.nextInt(kind.fragments().size()))));
                    }
                }
            }
        }
        return switch (r.nextInt(12)) {
            case 0 -> "\u00ef\u00bb\u00bf" + s; // a UTF-8 byte order mark
            case 1 -> utf16(s.toString());
            default -> s.toString();
        };
    }

    /** Bytes no reader should take for text, or that a terminal would act on. */
    static String badEncoding(Random r) {
        String[] bad = {"\u00ff", "\u0080", "\u00c0\u0080", "\u00e0\u0080\u0080", "\u00ed\u00a0\u0080", "\u00f4\u0090\u0080\u0080",
            "\u00c3", "\u0000", "\u001b]0;PWNED\u0007", "\u001b[2J", "\u00c2\u009b31m", "\u00e2\u0080\u00a8", "\u00e2\u0080\u00ae",
            "\u00e2\u0081\u00a6", "\r", "\u007f", "\u00fe\u00ff"};
        return bad[r.nextInt(bad.length)];
    }

    /** {@code s} (chars) as its UTF-8 bytes, one char per byte. */
    static String utf8(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        return ascii ? s : new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** A byte string re-encoded as UTF-16LE with a BOM (what a Windows editor may save). */
    static String utf16(String bytes) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0xff);
        o.write(0xfe);
        for (int i = 0; i < bytes.length(); i++) {
            o.write(bytes.charAt(i));
            o.write(0);
        }
        return new String(o.toByteArray(), StandardCharsets.ISO_8859_1);
    }

    // ---- DTB: structurally valid blobs pushed at their edges ----

    /**
     * A flattened device tree: a root with memory nodes (many, or nested deep), big or lying property
     * lengths, many reservations; sometimes a header field corrupted.
     */
    static String dtb(Random r, int maxBytes) {
        Blob b = new Blob();
        int shape = r.nextInt(6);
        int count = logSize(r, Math.max(1, maxBytes / 64));
        b.rsv(0x80000000L, 0x1000);
        if (shape == 0) {
            for (int i = 0; i < count; i++) {
                b.rsv(0x90000000L + i * 0x1000L, 0x1000);
            }
        }
        b.begin("");
        b.prop("#address-cells", cell(1));
        b.prop("#size-cells", cell(1));
        b.prop("model", "fuzz\0".getBytes(StandardCharsets.ISO_8859_1));
        b.begin("chosen");
        b.prop("bootargs", (r.nextBoolean() ? "console=ttyS0 vmalloc=300M\0" : "mem=1G\u001b]0;x\u0007\0")
                .getBytes(StandardCharsets.ISO_8859_1));
        b.end();
        switch (shape) {
            case 1 -> { // many memory nodes
                for (int i = 0; i < count; i++) {
                    b.begin("memory@" + Integer.toHexString(i));
                    b.prop("device_type", "memory\0".getBytes(StandardCharsets.ISO_8859_1));
                    b.prop("reg", cells(0x10000000L + i * 0x2000L, 0x1000));
                    b.end();
                }
            }
            case 2 -> { // deep nesting
                int depth = Math.min(count, 100_000);
                for (int i = 0; i < depth; i++) {
                    b.begin("n");
                }
                for (int i = 0; i < depth; i++) {
                    b.end();
                }
            }
            case 3 -> { // one huge reg with many banks
                long[] v = new long[2 * Math.min(count, 1 << 20)];
                for (int i = 0; i < v.length; i += 2) {
                    v[i] = 0x10000000L + i * 0x1000L;
                    v[i + 1] = 0x1000;
                }
                b.begin("memory@0");
                b.prop("device_type", "memory\0".getBytes(StandardCharsets.ISO_8859_1));
                b.prop("reg", cells(v));
                b.end();
            }
            case 4 -> { // many reserved-memory children
                b.begin("reserved-memory");
                b.prop("#address-cells", cell(1));
                b.prop("#size-cells", cell(1));
                b.prop("ranges", new byte[0]);
                for (int i = 0; i < count; i++) {
                    b.begin("r@" + i);
                    b.prop("reg", cells(0x90000000L + i * 0x1000L, 0x1000));
                    b.prop("no-map", new byte[0]);
                    b.end();
                }
                b.end();
            }
            default -> {
                b.begin("memory@80000000");
                b.prop("device_type", "memory\0".getBytes(StandardCharsets.ISO_8859_1));
                b.prop("reg", cells(0x80000000L, 0x40000000L));
                b.end();
            }
        }
        b.end();
        byte[] blob = b.finish();
        if (r.nextInt(4) == 0) { // a header field or a byte of the blob corrupted
            int at = r.nextInt(Math.min(blob.length, r.nextBoolean() ? 40 : blob.length));
            blob[at] = (byte) r.nextInt(256);
        }
        if (r.nextInt(8) == 0) {
            blob = java.util.Arrays.copyOf(blob, r.nextInt(blob.length + 1)); // truncated
        }
        return new String(blob, StandardCharsets.ISO_8859_1);
    }

    private static byte[] cell(long v) {
        return cells(v);
    }

    private static byte[] cells(long... v) {
        byte[] b = new byte[4 * v.length];
        for (int i = 0; i < v.length; i++) {
            for (int k = 0; k < 4; k++) {
                b[4 * i + k] = (byte) (v[i] >>> (24 - 8 * k));
            }
        }
        return b;
    }

    /** A minimal FDT writer (Devicetree Specification v0.4 chapter 5), version 17. */
    private static final class Blob {
        private final ByteArrayOutputStream rsv = new ByteArrayOutputStream();
        private final ByteArrayOutputStream struct = new ByteArrayOutputStream();
        private final ByteArrayOutputStream strings = new ByteArrayOutputStream();
        private final java.util.Map<String, Integer> names = new java.util.HashMap<>();

        void rsv(long addr, long size) {
            u64(rsv, addr);
            u64(rsv, size);
        }

        void begin(String name) {
            u32(struct, 1);
            byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
            struct.write(n, 0, n.length);
            struct.write(0);
            pad(struct);
        }

        void end() {
            u32(struct, 2);
        }

        void prop(String name, byte[] value) {
            Integer off = names.get(name);
            if (off == null) {
                off = strings.size();
                names.put(name, off);
                byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
                strings.write(n, 0, n.length);
                strings.write(0);
            }
            u32(struct, 3);
            u32(struct, value.length);
            u32(struct, off);
            struct.write(value, 0, value.length);
            pad(struct);
        }

        byte[] finish() {
            u32(struct, 9);
            u64(rsv, 0);
            u64(rsv, 0);
            int offRsv = 40;
            int offStruct = offRsv + rsv.size();
            int offStrings = offStruct + struct.size();
            int total = offStrings + strings.size();
            ByteArrayOutputStream o = new ByteArrayOutputStream(total);
            for (int v : new int[]{0xd00dfeed, total, offStruct, offStrings, offRsv, 17, 16, 0, strings.size(), struct.size()}) {
                u32(o, v);
            }
            o.write(rsv.toByteArray(), 0, rsv.size());
            o.write(struct.toByteArray(), 0, struct.size());
            o.write(strings.toByteArray(), 0, strings.size());
            return o.toByteArray();
        }

        private static void pad(ByteArrayOutputStream o) {
            while (o.size() % 4 != 0) {
                o.write(0);
            }
        }

        private static void u32(ByteArrayOutputStream o, long v) {
            for (int k = 0; k < 4; k++) {
                o.write((int) (v >>> (24 - 8 * k)) & 0xff);
            }
        }

        private static void u64(ByteArrayOutputStream o, long v) {
            u32(o, v >>> 32);
            u32(o, v);
        }
    }
}
