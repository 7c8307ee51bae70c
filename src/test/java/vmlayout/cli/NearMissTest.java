package vmlayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vmlayout.CliRunner;

/**
 * Issue 13 item 3: near misses of memory parameters. The kernel matches names exactly (parameq()) and
 * passes an unknown parameter to init, so the layout is the one without it (the kernel lines equal the
 * run without the word); vmlayout says which parameter was probably meant, exits 1, and check's
 * params-effective fails.
 */
class NearMissTest {

    /** ARM 3.18, 1 GB at 0, HIGHMEM (the seed-002 board): 240 MB of vmalloc without vmalloc=. */
    private static final String[] BOARD = {"--kernel", "3.18", "--ram", "0:1G", "-D", "HIGHMEM=y"};

    private static CliRunner.Result run(String cmdline) {
        String[] args = java.util.Arrays.copyOf(BOARD, BOARD.length + 2);
        args[BOARD.length] = "--cmdline";
        args[BOARD.length + 1] = cmdline;
        return CliRunner.run(args);
    }

    private static String kernelLines(String cmdline) {
        String[] args = java.util.Arrays.copyOf(BOARD, BOARD.length + 3);
        args[BOARD.length] = "--cmdline";
        args[BOARD.length + 1] = cmdline;
        args[BOARD.length + 2] = "--kernel-only";
        return CliRunner.run(args).out();
    }

    private static void nearMiss(String cmdline, String meant) {
        CliRunner.Result r = run("console=ttyS0,115200 " + cmdline + " root=/dev/mmcblk0p2");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.out().contains("did you mean " + meant + "?"), meant + ": " + r.out());
        // the kernel ignores it: the same kernel lines as without it
        assertEquals(kernelLines("console=ttyS0,115200 root=/dev/mmcblk0p2"), kernelLines("console=ttyS0,115200 " + cmdline
                + " root=/dev/mmcblk0p2"));
    }

    @Test
    void aLetterLeftOutOrSwapped() {
        nearMiss("vmaloc=300M", "vmalloc=300M");
        nearMiss("vmlaloc=300M", "vmalloc=300M");
        nearMiss("memap=64M$0x18690000", "memmap=64M$0x18690000");
        nearMiss("crash-kernel=64M", "crashkernel=64M");
    }

    @Test
    void theWrongCase() {
        nearMiss("VMALLOC=300M", "vmalloc=300M");
        nearMiss("Mem=512M", "mem=512M");
    }

    @Test
    void aBlankForTheEqualsSign() {
        CliRunner.Result r = run("vmalloc 300M");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.out().contains("did you mean vmalloc=300M?"), r.out());
    }

    @Test
    void realParametersAreNotNearMisses() {
        // highres= (kernel/time/hrtimer.c), memtest (mm/memtest.c), mem= itself
        CliRunner.Result r = run("highres=off memtest mem=1G vmalloc=300M");
        assertFalse(r.out().contains("did you mean"), r.out());
        assertEquals(0, r.status(), r.toString());
    }

    @Test
    void checksParamsEffectiveFails(@TempDir Path dir) throws Exception {
        Path bootargs = dir.resolve("bootargs.txt");
        Files.writeString(bootargs, "console=ttyS0,115200 vmaloc=300M\n");
        CliRunner.Result r = CliRunner.run("check", "--profile", "marvell-88pa6220-granite2", "--cmdline-file",
                bootargs.toString(), "--require", "params-effective");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.out().contains("params-effective: vmaloc=300M is not a parameter the kernel reads"), r.out());
        assertTrue(r.out().contains("did you mean vmalloc=300M?"), r.out());
    }
}
