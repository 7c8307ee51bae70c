package vmlayout.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vmlayout.CliRunner;

/** verify's exit statuses, its one-line errors, and options over what the log says. */
class VerifyCliTest {

    static final String X86 = "testdata/x86/x86-01-ubuntu-3.2.0-29-vmalloc256M.log";

    @TempDir
    Path tmp;

    static void oneLineError(CliRunner.Result r, String start) {
        assertEquals(2, r.status(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("vmlayout: " + start), r.err());
        assertEquals(1, r.err().split("\n").length, r.err());
    }

    @Test
    void unreadableFiles() throws IOException {
        oneLineError(CliRunner.run("verify", tmp.resolve("nope.log").toString()), "verify " + tmp.resolve("nope.log") + ": no such file");
        oneLineError(CliRunner.run("verify", tmp.toString()), "verify " + tmp + ": is a directory");
        Path bin = tmp.resolve("vmlinux");
        byte[] b = new byte[10000];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i % 5 == 0 ? 0 : 'A' + i % 26);
        }
        Files.write(bin, b);
        oneLineError(CliRunner.run("verify", bin.toString()), "verify " + bin + ": binary data");
        Path huge = tmp.resolve("huge.log");
        try (OutputStream out = Files.newOutputStream(huge)) {
            byte[] line = "[    0.000000] Kernel command line: console=ttyS0\n".getBytes(StandardCharsets.UTF_8);
            for (long n = 0; n <= BootLog.MAX_BYTES / line.length; n++) {
                out.write(line);
            }
        }
        oneLineError(CliRunner.run("verify", huge.toString()), "verify " + huge + ": larger than 32 MB");
        Path empty = tmp.resolve("empty.log");
        Files.writeString(empty, "");
        oneLineError(CliRunner.run("verify", empty.toString()), "verify " + empty + ": empty");
    }

    @Test
    void whatTheLogCannotTellMustBeGiven() throws IOException {
        Path log = tmp.resolve("table.log");
        Files.writeString(log, "    vector  : 0xffff0000 - 0xffff1000   (   4 kB)\n");
        oneLineError(CliRunner.run("verify", log.toString()), "verify " + log + ": cannot tell the architecture");
        oneLineError(CliRunner.run("verify", "--arch", "arm", log.toString()), "verify " + log + ": the log has no \"Linux version\" line: give --kernel");
        Path none = tmp.resolve("none.log");
        Files.writeString(none, "Linux version 4.4.75 (x)\nMachine model: y\nPID hash table entries: 4096\n");
        oneLineError(CliRunner.run("verify", none.toString()), "verify " + none + ": none of the lines vmlayout predicts");
    }

    @Test
    void agreementIsExit0AndADifferenceExit1() throws IOException {
        String[] board = {"-D", "HIGHMEM4G=y", "-D", "FIXADDR_START=0xfff16000"};
        CliRunner.Result ok = CliRunner.run(concat(new String[]{"verify", X86}, board));
        assertEquals(0, ok.status(), ok.toString());
        assertTrue(ok.out().contains(vmlayout.render.VerifyRenderer.NOT_INPUTS), ok.out());
        // the log's 751MB LOWMEM comes from vmalloc=256M; with the command line edited to lack it, the kernel
        // would print 887MB: MAXMEM = VMALLOC_END - PAGE_OFFSET - __VMALLOC_RESERVE (128M by default)
        // = 0xff7fe000 - 0xc0000000 - 0x8000000 = 0x377fe000, 887.99 MB, printed truncated
        Path log = tmp.resolve("x86.log");
        Files.writeString(log, Files.readString(Path.of(X86)).replace("vmalloc=256M", ""));
        CliRunner.Result differs = CliRunner.run(concat(new String[]{"verify", log.toString()}, board));
        assertEquals(1, differs.status(), differs.toString());
        assertTrue(differs.out().contains("  !   18        predicted: 887MB LOWMEM available.\n"
                + "                log:       751MB LOWMEM available.\n"), differs.out());
    }

    @Test
    void optionsOverrideTheLog() {
        CliRunner.Result r = CliRunner.run("verify", X86, "--kernel", "2.6.27", "-D", "HIGHMEM4G=y", "--format", "json");
        assertTrue(r.out().contains("\"kernel\" : \"2.6.27\""), r.out());
        assertTrue(r.out().contains("\"option\" : \"--kernel\",\n    \"value\" : \"2.6.27\",\n    \"source\" : \"option\""), r.out());
        CliRunner.Result p = CliRunner.run("verify", X86, "-D", "HIGHMEM4G=y", "vmalloc=128M");
        assertTrue(p.out().contains("kernel command line as read: BOOT_IMAGE=/boot/vmlinuz-3.2.0-29-generic"
                + " root=UUID=4d8dd2db-c27d-45a8-be54-eca03c8ece0b ro quiet splash vmalloc=128M\n"), p.out());
    }

    @Test
    void aDeviceTreeGivesTheBoardsRamNotTheLog() {
        // modern03: QEMU virt -m 1024 booted with mem=700M. The log's "node 0:" line states the RAM as the kernel
        // kept it (0x40000000-0x6bbfffff: 700 MiB); the board's RAM is the tree QEMU gave it, memory reg
        // <0x40000000 0x40000000> (1 GiB). With --dtb that is the input, and the node line is compared, not echoed:
        // arm_memblock_init() keeps 0x40000000 + 700M = 0x6bc00000, the line's end 0x6bbfffff.
        CliRunner.Result r = CliRunner.run("verify", "--dtb", "testdata/arm/qemu-virt-1024.dtb",
                "testdata/arm/modern03_qemu_virt_6.1_mem700M.log");
        assertTrue(r.out().contains("  --ram 0x40000000:1G                      --dtb testdata/arm/qemu-virt-1024.dtb\n"), r.out());
        assertTrue(r.out().contains("  =   20          node   0: [mem 0x0000000040000000-0x000000006bbfffff]\n"), r.out());
        assertFalse(r.out().contains("the log states the RAM as the kernel kept it"), r.out());
    }

    @Test
    void aProfileCountsAsOptions() {
        // socfpga-de0 is the board of log06: 1 GB at 0 (the log states no RAM), 4.4.75
        CliRunner.Result r = CliRunner.run("verify", "--profile", "socfpga-de0", "testdata/arm/log06_socfpga_4.4.75_truncating.log");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("  --ram 0x00000000:1G                      profile socfpga-de0\n"), r.out());
        assertTrue(r.out().contains("  =   8         Truncating RAM at 0x00000000-0x40000000 to -0x30000000\n"), r.out());
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
