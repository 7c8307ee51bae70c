package vmlayout.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vmlayout.config.E820Entry;
import vmlayout.config.InputException;

/** --e820-file: the BIOS map from a boot log (any release's form) or /sys/firmware/memmap. */
public class BiosMapFileTest {

    private static final int RAM = E820Entry.RAM;
    private static final int RES = E820Entry.RESERVED;

    private static E820Entry e(long start, long size, int type) {
        return new E820Entry(start, size, type);
    }

    /**
     * QEMU -M pc with 3 GB as Debian 6.1 686-pae printed it and /sys/firmware/memmap shows it (same real
     * boot): usable 0-0x9fbff (size 0x9fc00), reserved 0x9fc00-0x9ffff (0x400), reserved 0xf0000-0xfffff
     * (0x10000), usable 0x100000-0xbffdffff (0xbfee0000), reserved 0xbffe0000-0xbfffffff (0x20000),
     * reserved 0xfffc0000-0xffffffff (0x40000): inclusive ends, size = end + 1 - start.
     */
    private static final List<E820Entry> QEMU_3G = List.of(
            e(0, 0x9fc00, RAM), e(0x9fc00, 0x400, RES), e(0xf0000, 0x10000, RES),
            e(0x100000, 0xbfee0000L, RAM), e(0xbffe0000L, 0x20000, RES), e(0xfffc0000L, 0x40000, RES));

    /** The BIOS map lines of that real boot (Debian 12 linux-image-6.1.0-57-686-pae under QEMU -M pc, 3072 MB, nokaslr), verbatim. */
    public static final String QEMU_3G_LOG = "[    0.000000] Linux version 6.1.0-57-686-pae (debian-kernel@lists.debian.org)\n"
            + "[    0.000000] BIOS-provided physical RAM map:\n"
            + "[    0.000000] BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
            + "[    0.000000] BIOS-e820: [mem 0x000000000009fc00-0x000000000009ffff] reserved\n"
            + "[    0.000000] BIOS-e820: [mem 0x00000000000f0000-0x00000000000fffff] reserved\n"
            + "[    0.000000] BIOS-e820: [mem 0x0000000000100000-0x00000000bffdffff] usable\n"
            + "[    0.000000] BIOS-e820: [mem 0x00000000bffe0000-0x00000000bfffffff] reserved\n"
            + "[    0.000000] BIOS-e820: [mem 0x00000000fffc0000-0x00000000ffffffff] reserved\n"
            + "[    0.000000] printk: bootconsole [earlyser0] enabled\n";

    @Test
    void aRealBootLogInThe35Form() {
        BiosMapFile.Result r = BiosMapFile.text("--e820-file boot.log", QEMU_3G_LOG);
        assertEquals(QEMU_3G, r.entries());
        assertEquals("BIOS-e820 lines 3-8 of --e820-file boot.log", r.source());
    }

    @Test
    void theSysfsDirectoryOfTheSameBoot() {
        BiosMapFile.Result r = BiosMapFile.read("--e820-file", "testdata/artifacts/sysfs-memmap-qemu-pc-3G");
        assertEquals(QEMU_3G, r.entries());
    }

    @Test
    void aSavedGrepOfSysfs() {
        String text = "/sys/firmware/memmap/0/end:0x9fbff\n/sys/firmware/memmap/0/start:0x0\n"
                + "/sys/firmware/memmap/0/type:System RAM\n/sys/firmware/memmap/1/end:0x9ffff\n"
                + "/sys/firmware/memmap/1/start:0x9fc00\n/sys/firmware/memmap/1/type:Reserved\n"
                + "/sys/firmware/memmap/10/end:0x7fffffff\n/sys/firmware/memmap/10/start:0x7ffe0000\n"
                + "/sys/firmware/memmap/10/type:ACPI Tables\n/sys/firmware/memmap/2/end:0x7ffdffff\n"
                + "/sys/firmware/memmap/2/start:0x100000\n/sys/firmware/memmap/2/type:System RAM\n";
        // numbered 0, 1, 2, 10 (grep lists 10 before 2): read in number order
        assertEquals(List.of(e(0, 0x9fc00, RAM), e(0x9fc00, 0x400, RES), e(0x100000, 0x7fee0000, RAM),
                e(0x7ffe0000, 0x20000, E820Entry.ACPI)), BiosMapFile.text("f", text).entries());
    }

    /**
     * Ubuntu 3.2.0-23 (testdata/x86/x86-13): the old form, end exclusive, words in parentheses:
     * " BIOS-e820: 000000007b5a8000 - 000000007b5ee000 (ACPI NVS)" is 0x46000 bytes of type 4.
     */
    @Test
    void theOldFormWithParentheses() {
        List<E820Entry> m = BiosMapFile.read("--e820-file", "testdata/x86/x86-13-ubuntu-3.2.0-23-trim64k-2G.log").entries();
        assertEquals(17, m.size());
        assertEquals(e(0, 0x9ac00, RAM), m.get(0));
        assertEquals(e(0x7b5a8000L, 0x46000, E820Entry.NVS), m.get(4));
        assertEquals(e(0x7b5ee000L, 0xa000, E820Entry.ACPI), m.get(5));
        assertEquals(e(0xff000000L, 0x1000000, RES), m.get(16));
    }

    @Test
    void syslogMailQuotingCallerIdsAndTheKernelsOtherWords() {
        String text = "Dec 22 00:37:41 host kernel: [    0.000000]  BIOS-e820: 0000000000000000 - 000000000009fc00 (usable)\n"
                + "> [    0.000000][    T0] BIOS-e820: [mem 0x0000000100000000-0x000000013fffffff] persistent (type 12)\n"
                + "<6>[    0.000000] BIOS-e820: [mem 0x0000000140000000-0x000000017fffffff] soft reserved\n"
                + "[    0.000000] BIOS-e820: [mem 0x0000000180000000-0x0000000180000fff] type 20\n"
                + "[    0.000000] BIOS-e820: [mem 0x0000000180001000-0x0000000180001fff] unusable\n";
        assertEquals(List.of(e(0, 0x9fc00, RAM), e(0x100000000L, 0x40000000, E820Entry.PRAM),
                e(0x140000000L, 0x40000000, E820Entry.SOFT_RESERVED), e(0x180000000L, 0x1000, 20),
                e(0x180001000L, 0x1000, E820Entry.UNUSABLE)), BiosMapFile.text("f", text).entries());
    }

    @Test
    void aLogHoldingTheBootTwiceIsReadOnce() {
        BiosMapFile.Result r = BiosMapFile.text("f", QEMU_3G_LOG + "----- dmesg\n" + QEMU_3G_LOG);
        assertEquals(QEMU_3G, r.entries());
        assertEquals(List.of("f prints the same BIOS map 2 times (lines 3-8, 13-18): read once"), r.notes());
    }

    @Test
    void twoDifferentMapsAreRefused() {
        String text = "BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\nLinux version\n"
                + "BIOS-e820: [mem 0x0000000000000000-0x000000000009efff] usable\n";
        InputException x = assertThrows(InputException.class, () -> BiosMapFile.text("f", text));
        assertEquals("f: two different BIOS maps (lines 1 and 3): give a log of one boot", x.getMessage());
    }

    @Test
    void badInputIsOneLineNamingTheLine() {
        assertEquals("f: line 2: unknown type 'flash': expected one the kernel prints (usable, reserved, ACPI data, ACPI NVS,"
                + " unusable, persistent (type N), soft reserved, type N) or a /sys/firmware/memmap type (System RAM,"
                + " Reserved, ACPI Tables ...)", assertThrows(InputException.class, () -> BiosMapFile.text("f",
                "x\nBIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] flash\n")).getMessage());
        assertTrue(assertThrows(InputException.class, () -> BiosMapFile.text("f",
                "BIOS-e820: [mem 0x0000000000100000-0x00000000000fffff] usable")).getMessage()
                .startsWith("f: line 1: the entry ends before it starts"));
        assertTrue(assertThrows(InputException.class, () -> BiosMapFile.text("f",
                " BIOS-e820: 0000000000100000 - 0000000000100000 (usable)")).getMessage()
                .startsWith("f: line 1: the entry is empty"));
        assertTrue(assertThrows(InputException.class, () -> BiosMapFile.text("f", "BIOS-e820: usable")).getMessage()
                .startsWith("f: line 1: cannot read 'BIOS-e820: usable'"));
        assertTrue(assertThrows(InputException.class, () -> BiosMapFile.text("f", "just a log\n")).getMessage()
                .startsWith("f: no BIOS-e820: line"));
        assertTrue(assertThrows(InputException.class, () -> BiosMapFile.text("f",
                "BIOS-e820: [mem 0x0010000000000000-0x0010000000000fff] usable")).getMessage()
                .endsWith("is beyond the 52-bit physical space"));
    }

    @Test
    void badSysfsEntries(@TempDir Path dir) throws IOException {
        assertTrue(assertThrows(InputException.class, () -> BiosMapFile.read("--e820-file", dir.toString()))
                .getMessage().endsWith("no numbered entries (0, 1, 2 ...): expected /sys/firmware/memmap or a copy of it,"
                        + " or a boot log with BIOS-e820: lines"));
        Path e = Files.createDirectories(dir.resolve("0"));
        Files.writeString(e.resolve("start"), "0x0\n");
        Files.writeString(e.resolve("end"), "0x9fbff\n");
        assertTrue(assertThrows(InputException.class, () -> BiosMapFile.read("--e820-file", dir.toString()))
                .getMessage().endsWith("/0: no file type (an entry has start, end and type)"));
        Files.writeString(e.resolve("type"), "Unknown E820 type\n");
        assertTrue(assertThrows(InputException.class, () -> BiosMapFile.read("--e820-file", dir.toString()))
                .getMessage().contains("type 'Unknown E820 type': /sys/firmware/memmap does not say which number"));
        Files.writeString(e.resolve("type"), "System RAM\n");
        Files.writeString(e.resolve("end"), "zz\n");
        assertTrue(assertThrows(InputException.class, () -> BiosMapFile.read("--e820-file", dir.toString()))
                .getMessage().endsWith("/0 end: cannot read 'zz': expected a hexadecimal address"));
    }

    @Test
    void binaryDataAndMissingFiles() {
        byte[] junk = new byte[4096];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (i % 7);
        }
        assertTrue(assertThrows(InputException.class, () -> KernelLogText.decode("--e820-file x", junk)).getMessage()
                .startsWith("--e820-file x: binary data"));
        assertEquals("--e820-file no/such/file: no such file",
                assertThrows(InputException.class, () -> BiosMapFile.read("--e820-file", "no/such/file")).getMessage());
    }
}
