package vmlayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vmlayout.CliRunner;

/**
 * The artifact options end to end, on the real files of testdata/artifacts. Table rows are the ARM
 * kernel's arithmetic worked by hand in each comment (the 6.1 kernel no longer prints the table; it is
 * shown in its last form, 4.15+ with "(ptrval)" section addresses).
 */
class ArtifactCliTest {

    static final String A = "testdata/artifacts/";
    static final String ARMMP = A + "config-6.1.0-50-armmp";

    @TempDir
    Path tmp;

    private static boolean has(CliRunner.Result r, String line) {
        return r.outLines().contains(line);
    }

    @Test
    void beagleBoneBlackWithDebiansConfigAndSystemMap() {
        CliRunner.Result r = CliRunner.run("--config", ARMMP, "--dtb", A + "am335x-boneblack.dtb", "--system-map",
                A + "System.map-6.1.0-50-armmp.gz");
        // RAM 0x80000000 + 512 MB (DTB); PAGE_OFFSET 0xC0000000, HIGHMEM=y (.config); 6.1: VMALLOC_END 0xff800000,
        // vmalloc_min = 0xff800000 - 240 MB - 8 MB = 0xf0000000 -> all 512 MB is lowmem, high_memory 0xe0000000;
        // VMALLOC_START = (0xe0000000 + 8 MB) & ~(8 MB - 1) = 0xe0800000, 0xff800000 - 0xe0800000 = 496 MB.
        // Sections from System.map: .text 0xc0e00000 - 0xc0208000 = 12256 kB; .init 2 MB; .data 0xc15a90b4 -
        // 0xc1400000 = 1740980 bytes -> 1701 kB rounded up; .bss 0xc1607588 - 0xc15a90b4 = 386260 -> 378 kB.
        // CMA (.config: DMA_CMA=y, CMA_SIZE_MBYTES=16, ARCH_FORCE_MAX_ORDER=12, ZONE_DMA=y): alignment 4 kB << 11 = 8 MB;
        // limit arm_dma_limit 0xffffffff & ~(8 MB - 1) = 0xff800000, above the end of RAM 0xa0000000, so 0xa0000000;
        // highmem_start is 0xa0000000 too (no highmem): top-down below it, 0xa0000000 - 16 MB = 0x9f000000.
        assertEquals(List.of(
                "Virtual kernel memory layout:",
                "    vector  : 0xffff0000 - 0xffff1000   (   4 kB)",
                "    fixmap  : 0xffc00000 - 0xfff00000   (3072 kB)",
                "    vmalloc : 0xe0800000 - 0xff800000   ( 496 MB)",
                "    lowmem  : 0xc0000000 - 0xe0000000   ( 512 MB)",
                "    pkmap   : 0xbfe00000 - 0xc0000000   (   2 MB)",
                "    modules : 0xbf000000 - 0xbfe00000   (  14 MB)",
                "      .text : 0x(ptrval) - 0x(ptrval)   (12256 kB)",
                "      .init : 0x(ptrval) - 0x(ptrval)   (2048 kB)",
                "      .data : 0x(ptrval) - 0x(ptrval)   (1701 kB)",
                "       .bss : 0x(ptrval) - 0x(ptrval)   ( 378 kB)"), table(r));
        assertEquals(0, r.status(), r.toString());
        // 6.1 prints no table (ARM stopped in 5.1): it is vmlayout's, under its own heading, and not kernel output
        assertTrue(r.outLines().stream().anyMatch(l -> l.startsWith("vmlayout (not kernel output): the table Linux 6.1")), r.out());
        // what 6.1 does print: arm_memblock_init()'s CMA area (the armmp .config: DMA_CMA, CMA_SIZE_MBYTES=16; top-down
        // below the end of RAM 0xa0000000: 0x9f000000), then free_area_init()'s report. The BeagleBone Black's 512 MB at
        // 0x80000000 all fit in lowmem (768 MB of VMSPLIT_3G); the armmp .config has ZONE_DMA, and without a machine
        // dma_zone_size the DMA zone reaches max_low_pfn: DMA is all of RAM, Normal and HighMem are empty.
        assertEquals(String.join("\n", "cma: Reserved 16 MiB at 0x9f000000",
                "Zone ranges:",
                "  DMA      [mem 0x0000000080000000-0x000000009fffffff]",
                "  Normal   empty",
                "  HighMem  empty",
                "Movable zone start for each node",
                "Early memory node ranges",
                "  node   0: [mem 0x0000000080000000-0x000000009fffffff]",
                "Initmem setup node 0 [mem 0x0000000080000000-0x000000009fffffff]") + "\n",
                CliRunner.run("--config", ARMMP, "--dtb", A + "am335x-boneblack.dtb", "--kernel-only").out());
    }

    /** The table's lines as shown: from its header to the blank line before vmlayout's block. */
    private static List<String> table(CliRunner.Result r) {
        List<String> out = r.outLines();
        int from = out.indexOf("Virtual kernel memory layout:");
        return from < 0 ? List.of() : out.subList(from, out.indexOf(""));
    }

    @Test
    void sectionAddressesBeforePointerHashing() {
        // the same System.map with --kernel 4.14 (before %p hashing): the addresses themselves
        CliRunner.Result r = CliRunner.run("--config", ARMMP, "--kernel", "4.14", "--dtb", A + "am335x-boneblack.dtb",
                "--system-map", A + "System.map-6.1.0-50-armmp.gz");
        assertTrue(has(r, "      .text : 0xc0208000 - 0xc0e00000   (12256 kB)"), r.toString());
        assertTrue(has(r, "       .bss : 0xc15a90b4 - 0xc1607588   ( 378 kB)"), r.toString());
        assertTrue(r.out().contains("note: --kernel 4.14 wins over --config " + ARMMP + ", which is Linux/arm 6.1.176"));
    }

    @Test
    void noMapOpteeRegionPerEra() {
        String dtb = A + "stm32mp135f-dk.dtb"; // 512 MB at 0xc0000000, optee@dd000000 48 MB no-map
        // 4.4: the region is removed after sanity_check_meminfo() set the limit: lowmem still ends at 0xe0000000
        CliRunner.Result r44 = CliRunner.run("--config", ARMMP, "--kernel", "4.4", "--dtb", dtb);
        assertTrue(has(r44, "    lowmem  : 0xc0000000 - 0xe0000000   ( 512 MB)"), r44.toString());
        assertTrue(r44.out().contains("0xdd000000-0xe0000000 reserved     48 MB  no-map /reserved-memory/optee@dd000000"));
        // 4.19: removed before the second adjust_lowmem_bounds(): lowmem ends at 0xdd000000 (464 MB),
        // VMALLOC_START = 0xdd000000 + 8 MB = 0xdd800000, 0xff800000 - 0xdd800000 = 544 MB
        CliRunner.Result r419 = CliRunner.run("--config", ARMMP, "--kernel", "4.19", "--dtb", dtb);
        assertTrue(has(r419, "    lowmem  : 0xc0000000 - 0xdd000000   ( 464 MB)"), r419.toString());
        assertTrue(has(r419, "    vmalloc : 0xdd800000 - 0xff800000   ( 544 MB)"), r419.toString());
        assertEquals(0, r419.status());
        // 3.10: /reserved-memory not read yet (3.15): all 512 MB lowmem, a note
        CliRunner.Result r310 = CliRunner.run("--config", ARMMP, "--kernel", "3.10", "--dtb", dtb);
        assertTrue(has(r310, "    lowmem  : 0xc0000000 - 0xe0000000   ( 512 MB)"), r310.toString());
        assertTrue(r310.out().contains("does not read /reserved-memory (first in 3.15)"));
    }

    @Test
    void noMapAtTheTopWithoutHighmemPerEra() {
        String dtb = A + "stm32mp135f-dk.dtb";
        // 6.1 marks the region NOMAP: the lowmem scan skips it (limit 0xdd000000) but memblock_end_of_DRAM() is
        // still 0xe0000000 > limit, so a !HIGHMEM kernel removes memblock_limit..end (memblock_limit =
        // 0xdd000000, 2 MB aligned) and says so
        CliRunner.Result r61 = CliRunner.run("--config", ARMMP, "--dtb", dtb, "-D", "HIGHMEM=n", "--kernel-only");
        assertTrue(has(r61, "Ignoring RAM at 0xdd000000-0xe0000000"), r61.toString());
        assertTrue(has(r61, "Consider using a HIGHMEM enabled kernel."), r61.toString());
        assertEquals(1, r61.status());
        // 4.19 removed it from memblock.memory: the end of DRAM is 0xdd000000, nothing to ignore
        CliRunner.Result r419 = CliRunner.run("--config", ARMMP, "--kernel", "4.19", "--dtb", dtb, "-D", "HIGHMEM=n",
                "--kernel-only");
        assertFalse(r419.out().contains("Ignoring RAM"), r419.toString());
        assertEquals(0, r419.status());
    }

    @Test
    void ramFromDtbLosesToRamOptionAndSaysSo() {
        CliRunner.Result r = CliRunner.run("--dtb", A + "bcm2836-rpi-2-b.dtb", "--ram", "512M");
        assertTrue(r.out().contains("warning: --ram 512M wins over the RAM of --dtb " + A + "bcm2836-rpi-2-b.dtb"
                + " (0x00000000:1G)"), r.toString());
        assertEquals(1, r.status());
    }

    @Test
    void seed002FromTheUbootEnvironmentEqualsTheGoldenCommandLine() {
        // testdata/arm/seed002_marvell_3.18_vmalloc300M.args gives the bootargs with --cmdline; the U-Boot
        // environment gives the same bootargs, so the kernel's lines are the same
        String[] common = {"--arch=arm", "--kernel=3.18", "--ram=0x00000000:1G", "-D", "HIGHMEM=y", "--kernel-only"};
        CliRunner.Result viaCmdline = CliRunner.run(concat(common,
                "--cmdline=root=/dev/mmcblk1p2 uio_pdrv_genirq.of_id=generic-uio rootwait vmalloc=300M"));
        CliRunner.Result viaEnv = CliRunner.run(concat(common, "--uboot-env", A + "seed002-uboot-env.txt"));
        assertEquals(viaCmdline.out(), viaEnv.out());
        assertTrue(viaEnv.out().contains("    lowmem  : 0xc0000000 - 0xec400000   ( 708 MB)"), viaEnv.out());
    }

    @Test
    void cmdlineBeatsUbootEnvAndUbootBeatsChosen() {
        CliRunner.Result r = CliRunner.run("--kernel", "3.18", "--ram", "0:1G", "--cmdline", "vmalloc=256M",
                "--uboot-env", A + "seed002-uboot-env.txt");
        assertTrue(r.out().contains("warning: --cmdline wins over --uboot-env " + A + "seed002-uboot-env.txt"), r.out());
        assertEquals(1, r.status());
        CliRunner.Result u = CliRunner.run("--dtb", A + "aspeed-bmc-opp-palmetto.dtb", "--uboot-env",
                A + "seed002-uboot-env.txt");
        assertTrue(u.out().contains("note: U-Boot writes its bootargs into the device tree's /chosen (fdt_chosen()): the"
                + " bootargs of --uboot-env " + A + "seed002-uboot-env.txt replace \"console=ttyS4,115200 earlycon\""), u.out());
    }

    @Test
    void forcedBuiltinCommandLineDiscardingVmallocIsAFinding() throws IOException {
        Path cfg = tmp.resolve("force.config");
        Files.writeString(cfg, "# Linux/arm 4.19.0 Kernel Configuration\nCONFIG_ARM=y\nCONFIG_HIGHMEM=y\n"
                + "CONFIG_CMDLINE=\"console=ttyS0,115200\"\n# CONFIG_CMDLINE_FROM_BOOTLOADER is not set\n"
                + "CONFIG_CMDLINE_FORCE=y\n");
        CliRunner.Result r = CliRunner.run("--config", cfg.toString(), "--ram", "0:1G", "--uboot-env",
                A + "seed002-uboot-env.txt");
        assertTrue(r.out().contains("warning: CONFIG_CMDLINE_FORCE in --config " + cfg + ": the kernel discards the"
                + " bootloader's command line"), r.out());
        assertTrue(r.out().contains("vmalloc=300M"), r.out());
        // the default vmalloc area stays: 4.19, VMALLOC_END 0xff800000, vmalloc_min = 0xff800000 - 240 MB - 8 MB =
        // 0xf0000000, so 1 GB at 0 gives lowmem 0xc0000000 - 0xf0000000 (768 MB), not the 300M of the board
        assertTrue(has(r, "    lowmem  : 0xc0000000 - 0xf0000000   ( 768 MB)"), r.out());
        assertEquals(1, r.status());
    }

    @Test
    void cmdlineFromStandardInput() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("console=ttyS0 vmalloc=300M\n".getBytes(StandardCharsets.US_ASCII)));
            CliRunner.Result r = CliRunner.run("--kernel", "3.18", "--ram", "0:1G", "-D", "HIGHMEM=y", "--cmdline-file", "-",
                    "--kernel-only");
            assertTrue(has(r, "    lowmem  : 0xc0000000 - 0xec400000   ( 708 MB)"), r.toString());
        } finally {
            System.setIn(saved);
        }
    }

    // ---- hostile and missing files: exit 2, one line naming the file, nothing on stdout ----

    private void oneLine(String token, String... args) {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(2, r.status(), r.toString());
        assertEquals("", r.out());
        String err = r.err();
        assertTrue(err.indexOf('\n') == err.length() - 1, "one line: " + err);
        assertTrue(err.contains(token), "names " + token + ": " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    }

    @Test
    void hostileInputs() throws IOException {
        for (String opt : List.of("--config", "--system-map", "--dtb", "--uboot-env", "--cmdline-file")) {
            oneLine(opt + " /no/such/file: no such file", opt, "/no/such/file");
        }
        oneLine("--dtb " + tmp + ": is a directory", "--dtb", tmp.toString());
        byte[] dtb = Files.readAllBytes(Path.of(A + "am335x-boneblack.dtb"));
        Path cut = tmp.resolve("cut.dtb");
        Files.write(cut, Arrays.copyOf(dtb, 5000));
        oneLine("--dtb " + cut + ": header says totalsize 70096 bytes but the file has 5000", "--dtb", cut.toString());
        Path junk = tmp.resolve("junk.txt");
        Files.write(junk, new byte[]{'m', 'e', 'm', '=', 1, 2, (byte) 0xff, 0});
        oneLine("--cmdline-file " + junk + ": byte 0x01 at offset 4", "--cmdline-file", junk.toString());
        Path garbage = tmp.resolve("garbage.config");
        Files.writeString(garbage, "CONFIG_ARM=y\n<<<<<<< HEAD\n");
        oneLine("--config " + garbage + ": line 2: cannot read '<<<<<<< HEAD'", "--config", garbage.toString());
        oneLine("--cmdline-file /dev/zero: larger than 65536 bytes", "--cmdline-file", "/dev/zero");
        oneLine("is a .config for arm but --arch x86 was given", "--config", ARMMP, "--arch", "x86");
        oneLine("is a placeholder", "--system-map", A + "System.map-6.1.0-50-armmp.placeholder");
        // binary junk in the DTB's /chosen bootargs (palmetto's "console=ttyS4..." with a control byte)
        byte[] pal = Files.readAllBytes(Path.of(A + "aspeed-bmc-opp-palmetto.dtb"));
        int at = indexOf(pal, "console=ttyS4".getBytes(StandardCharsets.US_ASCII));
        pal[at + 3] = 0x07;
        Path bad = tmp.resolve("bad-bootargs.dtb");
        Files.write(bad, pal);
        oneLine("--dtb " + bad + ": /chosen bootargs: byte 0x07 at offset 3", "--dtb", bad.toString());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
