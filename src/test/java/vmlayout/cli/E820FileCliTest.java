package vmlayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vmlayout.inputs.BiosMapFileTest;
import vmlayout.CliRunner;

/** --e820-file: the BIOS map from a boot log or /sys/firmware/memmap, through the command line. */
class E820FileCliTest {

    @TempDir
    static Path tmp;
    private static String LOG;

    @BeforeAll
    static void log() throws IOException {
        LOG = Files.writeString(tmp.resolve("boot.log"), BiosMapFileTest.QEMU_3G_LOG).toString();
    }

    /** The log's six BIOS-e820 lines are printed back as the kernel printed them (same release, same form). */
    @Test
    void aBootLogGivesTheMapTheKernelPrinted() {
        CliRunner.Result r = CliRunner.run("--kernel=6.1", "--e820-file=" + LOG, "--kernel-only", "--color=never");
        assertEquals(0, r.status(), r.toString());
        assertEquals(java.util.List.of("BIOS-provided physical RAM map:",
                "BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable",
                "BIOS-e820: [mem 0x000000000009fc00-0x000000000009ffff] reserved",
                "BIOS-e820: [mem 0x00000000000f0000-0x00000000000fffff] reserved",
                "BIOS-e820: [mem 0x0000000000100000-0x00000000bffdffff] usable",
                "BIOS-e820: [mem 0x00000000bffe0000-0x00000000bfffffff] reserved",
                "BIOS-e820: [mem 0x00000000fffc0000-0x00000000ffffffff] reserved"), r.outLines().subList(0, 7));
    }

    /** /sys/firmware/memmap of the same boot gives the same map; --arch x86 follows, and says so. */
    @Test
    void theSysfsDirectoryAndTheArchItImplies() {
        CliRunner.Result log = CliRunner.run("--kernel=6.1", "--e820-file=" + LOG, "--kernel-only", "--color=never");
        CliRunner.Result dir = CliRunner.run("--kernel=6.1", "--e820-file=testdata/artifacts/sysfs-memmap-qemu-pc-3G",
                "--kernel-only", "--color=never");
        assertEquals(log.out(), dir.out());
        CliRunner.Result full = CliRunner.run("--kernel=6.1", "--e820-file=testdata/artifacts/sysfs-memmap-qemu-pc-3G",
                "--color=never");
        assertTrue(full.out().contains("the BIOS map (6 entries) from /sys/firmware/memmap directory"
                + " testdata/artifacts/sysfs-memmap-qemu-pc-3G"), full.out());
        assertTrue(full.out().contains("--arch x86 (--e820-file gives an x86 BIOS map)"), full.out());
    }

    @Test
    void oneWayToGiveTheMapAndOnlyForX86() {
        CliRunner.Result both = CliRunner.run("--arch=x86", "--e820-file=" + LOG, "--e820=0:0x9fc00:usable");
        assertEquals(2, both.status());
        assertEquals("vmlayout: --e820-file " + LOG + " and --e820 0:0x9fc00:usable: give the BIOS map one way: the file,"
                + " or each entry with --e820", both.err().strip());
        CliRunner.Result arm = CliRunner.run("--arch=arm", "--e820-file=" + LOG);
        assertEquals(2, arm.status());
        assertEquals("vmlayout: --e820-file " + LOG + ": a BIOS e820 map is x86's, but the architecture is arm: give"
                + " --arch x86 (or leave --arch out)", arm.err().strip());
        CliRunner.Result none = CliRunner.run("--arch=x86", "--e820-file=pom.xml");
        assertEquals(2, none.status());
        assertTrue(none.err().startsWith("vmlayout: --e820-file pom.xml: no BIOS-e820: line"), none.err());
    }
}
