package vmlayout.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import vmlayout.config.InputException;

/** U-Boot environments: what bootm would pass, worked out by hand from U-Boot's rules in each comment. */
class UbootEnvTest {

    private static UbootEnv.Result env(String text) {
        return UbootEnv.read(InputFile.of("--uboot-env", "env.txt", text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void seed002BootcmdAppendsToBootargs() {
        // the blog post of testdata/arm/seed002_*: "mmc dev 1;ext2load ...;setenv bootargs $bootargs root=... vmalloc=300M;
        // bootm 0x400000 - 0xf00000" as the stored bootcmd; bootargs unset before: "$bootargs" expands to
        // nothing and setenv joins its arguments with single spaces.
        UbootEnv.Result r = UbootEnv.read(Artifacts.file("--uboot-env", "seed002-uboot-env.txt"));
        assertEquals("root=/dev/mmcblk1p2 uio_pdrv_genirq.of_id=generic-uio rootwait vmalloc=300M", r.bootargs());
        assertEquals("bootm 0x400000 - 0xf00000", r.bootCommand());
        assertTrue(r.passesFdt()); // third argument 0xf00000: the DTB
    }

    @Test
    void printenvDumpWithRunChainAndBraces() {
        UbootEnv.Result r = env("baudrate=115200\nconsole=ttyS0,${baudrate}\nmmcargs=setenv bootargs console=${console}"
                + " root=${mmcroot} vmalloc=${vm}\nmmcroot=/dev/mmcblk0p2 rw\nvm=256M\nbootcmd=run mmcargs; bootz"
                + " 0x82000000 - 0x88000000\nEnvironment size: 300/131068 bytes\n");
        // console expands when mmcargs runs: "ttyS0,${baudrate}" is stored, and ${console} gives it unexpanded
        // (U-Boot expands once per command): console=ttyS0,${baudrate}
        assertEquals("console=ttyS0,${baudrate} root=/dev/mmcblk0p2 rw vmalloc=256M", r.bootargs());
        assertEquals("bootz 0x82000000 - 0x88000000", r.bootCommand());
    }

    @Test
    void typedCommandsAtThePromptRunInOrder() {
        UbootEnv.Result r = env("bootargs=console=ttyS0 mem=512M\n=> setenv bootargs ${bootargs} vmalloc=384M\n=> bootm 0x1000000\n"
                + "=> echo never\n");
        assertEquals("console=ttyS0 mem=512M vmalloc=384M", r.bootargs());
        assertFalse(r.passesFdt()); // bootm with only the kernel address: ATAGs or a FIT image
        assertTrue(r.notes().get(0).contains("not read: U-Boot booted"), r.notes().toString());
    }

    @Test
    void quotingAndEscapes() {
        // single quotes: no expansion; \$ typed at the prompt stays a literal '$'
        UbootEnv.Result r = env("x=1\nsetenv bootargs 'a=$x' \"b=$x\" c=\\$x\nboot\n");
        assertEquals("a=$x b=1 c=$x", r.bootargs());
        assertNull(r.bootCommand());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("literal '$'")), r.notes().toString());
    }

    @Test
    void conditionsAreTakenAsTrue() {
        UbootEnv.Result r = env("bootcmd=if mmc rescan; then setenv bootargs a; else setenv bootargs b; fi; bootm 1 - 2\n");
        assertEquals("a", r.bootargs());
        assertTrue(r.notes().get(0).contains("cannot know U-Boot's conditions"));
    }

    @Test
    void forLoopRunsUntilABoot() {
        UbootEnv.Result r = env("boot_targets=mmc0 usb0\nbootcmd_mmc0=setenv bootargs from_${t}; bootz 1 - 2\n"
                + "bootcmd=for t in ${boot_targets}; do run bootcmd_${t}; done\n");
        assertEquals("from_mmc0", r.bootargs());
    }

    @Test
    void aBootcmdThatRunsItselfIsOneError() {
        InputException e = assertThrows(InputException.class, () -> env("bootcmd=run bootcmd\n"));
        assertTrue(e.getMessage().startsWith("--uboot-env env.txt: bootcmd: 'run' nests more than 64 deep"), e.getMessage());
    }

    @Test
    void binaryEnvironmentImage() {
        // uboot.env: CRC32 (little-endian) of the data, then NAME=value\0 ... \0\0, padded
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] entries = "bootargs=console=ttyAMA0 vmalloc=400M\0bootcmd=bootz 1 - 2\0\0".getBytes(StandardCharsets.ISO_8859_1);
        byte[] padded = new byte[256];
        System.arraycopy(entries, 0, padded, 0, entries.length);
        CRC32 crc = new CRC32();
        crc.update(padded);
        long c = crc.getValue();
        data.write((int) c);
        data.write((int) (c >> 8));
        data.write((int) (c >> 16));
        data.write((int) (c >> 24));
        data.writeBytes(padded);
        UbootEnv.Result r = UbootEnv.read(InputFile.of("--uboot-env", "uboot.env", data.toByteArray()));
        assertEquals("console=ttyAMA0 vmalloc=400M", r.bootargs());
        assertTrue(r.passesFdt());
        byte[] damaged = data.toByteArray();
        damaged[10] ^= 1;
        assertTrue(assertThrows(InputException.class,
                () -> UbootEnv.read(InputFile.of("--uboot-env", "uboot.env", damaged))).getMessage().contains("CRC32"));
    }
}
