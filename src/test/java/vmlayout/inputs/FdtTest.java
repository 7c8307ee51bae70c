package vmlayout.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vmlayout.config.InputException;
import vmlayout.config.RamBank;
import vmlayout.config.ReservedRegion;

/**
 * The DTB reader on real boards' blobs from Debian's linux-image-6.1.0-50-armmp package. Every expected
 * value was read by hand from {@code dtc -I dtb -O dts FILE} (device-tree-compiler 1.6.1): the memory
 * node's reg, /chosen, /reserved-memory and the /memreserve/ lines.
 */
class FdtTest {

    private static DeviceTreeMemory dt(String name) {
        return DeviceTreeMemory.read(Artifacts.file("--dtb", name), false);
    }

    @Test
    void beagleBoneBlack() {
        // memory@80000000 { device_type = "memory"; reg = <0x80000000 0x20000000>; };
        // chosen { stdout-path = "..."; };  no bootargs, no /reserved-memory, no /memreserve/
        DeviceTreeMemory d = dt("am335x-boneblack.dtb");
        assertEquals(List.of(new RamBank(0x80000000L, 0x20000000L)), d.banks());
        assertNull(d.bootargs());
        assertEquals(List.of(), d.reserved());
        assertEquals("TI AM335x BeagleBone Black", d.model());
    }

    @Test
    void raspberryPi2() {
        // /memreserve/ 0x0000000000000000 0x0000000000001000;  memory@0 { reg = <0x00 0x40000000>; };
        // reserved-memory { #address-cells = <1>; #size-cells = <1>; ranges;
        //   linux,cma { compatible = "shared-dma-pool"; size = <0x4000000>; reusable; linux,cma-default; }; };
        DeviceTreeMemory d = dt("bcm2836-rpi-2-b.dtb");
        assertEquals(List.of(new RamBank(0, 0x40000000L)), d.banks());
        assertEquals(List.of(
                new ReservedRegion("/reserved-memory/linux,cma", -1, 0x4000000L, false, true, "--dtb testdata/artifacts/bcm2836-rpi-2-b.dtb",
                        ReservedRegion.Origin.RESERVED_MEMORY, "shared-dma-pool", List.of(), 0, true),
                new ReservedRegion("/memreserve/", 0, 0x1000, false, false, "--dtb testdata/artifacts/bcm2836-rpi-2-b.dtb")),
                d.reserved());
        assertEquals(ReservedRegion.Node.PRESENT, d.reservedMemory());
    }

    @Test
    void wandboardQuad() {
        // memory@10000000 { device_type = "memory"; reg = <0x10000000 0x80000000>; };  2 GB
        assertEquals(List.of(new RamBank(0x10000000L, 0x80000000L)), dt("imx6q-wandboard.dtb").banks());
    }

    @Test
    void stm32mp135DiscoveryNoMapOptee() {
        // memory@c0000000 { reg = <0xc0000000 0x20000000>; };
        // reserved-memory { optee@dd000000 { reg = <0xdd000000 0x3000000>; no-map; }; };
        DeviceTreeMemory d = dt("stm32mp135f-dk.dtb");
        assertEquals(List.of(new RamBank(0xc0000000L, 0x20000000L)), d.banks());
        assertEquals(List.of(new ReservedRegion("/reserved-memory/optee@dd000000", 0xdd000000L, 0x3000000L, true, false,
                "--dtb testdata/artifacts/stm32mp135f-dk.dtb")), d.reserved());
    }

    @Test
    void armadaXpTwoCellAddressesAbove4G() {
        // #address-cells = <2>; #size-cells = <2>;
        // memory@0 { reg = <0x00 0x00 0x00 0xf0000000 0x01 0x00 0x01 0x00>; };  3.75 GB at 0, 4 GB at 4 GB
        assertEquals(List.of(new RamBank(0, 0xf0000000L), new RamBank(0x100000000L, 0x100000000L)),
                dt("armada-xp-gp.dtb").banks());
    }

    @Test
    void palmettoBootargsAndThreeNoMapRegions() {
        // chosen { bootargs = "console=ttyS4,115200 earlycon"; };  memory@40000000 { reg = <0x40000000 0x20000000>; };
        // framebuffer@5f000000 { no-map; reg = <0x5f000000 0x1000000>; }
        // codefire_memory@5ee00000 { reg = <0x5ee00000 0x200000>; no-map; }
        // region@5c000000 { no-map; reg = <0x5c000000 0x2000000>; }
        DeviceTreeMemory d = dt("aspeed-bmc-opp-palmetto.dtb");
        assertEquals("console=ttyS4,115200 earlycon", d.bootargs());
        assertEquals(List.of(new RamBank(0x40000000L, 0x20000000L)), d.banks());
        assertEquals(3, d.reserved().size());
        assertEquals(0x5f000000L, d.reserved().get(0).start());
        assertEquals(0x1000000L, d.reserved().get(0).size());
        assertTrue(d.reserved().stream().allMatch(ReservedRegion::noMap));
    }

    @Test
    void plainDtsReadsLikeTheBlob() {
        // stm32mp135f-dk.dts is dtc's decompilation of stm32mp135f-dk.dtb (testdata/artifacts/SOURCES.md)
        DeviceTreeMemory fromDts = DeviceTreeMemory.read(Artifacts.file("--dtb", "stm32mp135f-dk.dts"), false);
        DeviceTreeMemory fromDtb = dt("stm32mp135f-dk.dtb");
        assertEquals(fromDtb.banks(), fromDts.banks());
        assertEquals(fromDtb.reserved().size(), fromDts.reserved().size());
        assertEquals(fromDtb.reserved().get(0).start(), fromDts.reserved().get(0).start());
        assertEquals(fromDtb.model(), fromDts.model());
    }

    // ---- hostile blobs: one InputException naming the file, nothing else ----

    private static String error(byte[] b) {
        InputException e = assertThrows(InputException.class,
                () -> DeviceTreeMemory.read(InputFile.of("--dtb", "bad.dtb", b), false));
        assertTrue(e.getMessage().startsWith("--dtb bad.dtb: "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void truncatedBlob() {
        byte[] b = Arrays.copyOf(Artifacts.bytes("am335x-boneblack.dtb"), 1000);
        assertTrue(error(b).contains("totalsize 70096 bytes but the file has 1000"));
    }

    @Test
    void wrongMagic() {
        byte[] b = Artifacts.bytes("am335x-boneblack.dtb").clone();
        b[0] = (byte) 0xde;
        assertTrue(error(b).contains("magic 0xde0dfeed, expected 0xd00dfeed"));
    }

    @Test
    void twoGigabyteSizeField() {
        byte[] b = Artifacts.bytes("stm32mp135f-dk.dtb").clone();
        b[4] = (byte) 0x80; // totalsize = 0x80000000 + ...
        b[5] = 0;
        b[6] = 0;
        b[7] = 0;
        assertTrue(error(b).contains("totalsize 2147483648 bytes but the file has 13451"));
    }

    @Test
    void hugePropertyLength() {
        byte[] b = Artifacts.bytes("stm32mp135f-dk.dtb").clone();
        int off = Fdt.u32(b, 8); // first token FDT_BEGIN_NODE, root name "" padded, then the first FDT_PROP
        assertEquals(1, Fdt.u32(b, off));
        assertEquals(3, Fdt.u32(b, off + 8));
        b[off + 12] = (byte) 0x7f; // its length: 0x7f......
        assertTrue(error(b).contains("runs past the structure block"));
    }

    @Test
    void emptyAndTinyFiles() {
        assertTrue(error(new byte[0]).contains("missing (0 bytes)"));
        assertTrue(error(new byte[]{(byte) 0xd0, 0x0d, (byte) 0xfe, (byte) 0xed}).contains("truncated: 4 bytes"));
    }

    @Test
    void everyTruncationAndRandomDamageIsOneInputError() {
        byte[] good = Artifacts.bytes("bcm2836-rpi-2-b.dtb");
        for (int len = 0; len < good.length; len += 61) {
            byte[] b = Arrays.copyOf(good, len);
            assertThrows(InputException.class, () -> DeviceTreeMemory.read(InputFile.of("--dtb", "x", b), false));
        }
        Random rnd = new Random(6);
        for (int i = 0; i < 400; i++) {
            byte[] b = good.clone();
            for (int k = 0; k < 4; k++) {
                b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            }
            try {
                DeviceTreeMemory.read(InputFile.of("--dtb", "x", b), false);
            } catch (InputException expected) {
                // damage the parser noticed: fine; anything else fails the test
            }
        }
    }
}
