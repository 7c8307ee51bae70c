package vmlayout.engine.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vmlayout.CliRunner;

/**
 * cma= is {@code early_param("cma", ...)} of kernel/dma/contiguous.c, built only with CONFIG_DMA_CMA, which depends on
 * CONFIG_CMA (kernel/dma/Kconfig). Debian 12's i386 .config (testdata/artifacts/config-6.1.0-50-686, line
 * "# CONFIG_CMA is not set") builds neither: the real 6.1 686 boot with cma=800M prints "Unknown kernel command line
 * parameters "nokaslr cma=800M", will be passed to user space." and reserves nothing. Without a .config vmlayout
 * guesses CMA and DMA_CMA on and says so.
 */
class X86CmaKconfigTest {

    private static final String CONFIG = "--config=testdata/artifacts/config-6.1.0-50-686";

    @Test
    void debianI386HasNoCma() {
        CliRunner.Result r = X86Run.run("--kernel=6.1.192", CONFIG, "--ram=1G", "--cmdline=nokaslr cma=800M");
        assertEquals(1, r.status(), r.toString());
        assertFalse(r.out().contains("cma: Reserved"), r.toString());
        assertTrue(r.out().contains("warning: cma=800M is not a parameter of this kernel: CONFIG_CMA is not set"), r.toString());
    }

    /**
     * The guess, named: CMA (and DMA_CMA) on because cma= is given. 1 GB PC with the 6.1 defaults: CMA top-down
     * below the end of lowmem, 4 MB aligned; the figure itself is the reservations engineer's (src/docs/reservations.md).
     */
    @Test
    void withoutConfigTheCmaIsANamedGuess() {
        CliRunner.Result r = X86Run.run("--kernel=6.1.192", "--ram=1G", "--cmdline=cma=64M");
        assertTrue(r.out().contains("cma: Reserved 64 MiB at "), r.toString());
        assertTrue(r.out().contains("CONFIG_CMA=y and CONFIG_DMA_CMA=y, guessed because cma=64M is given"), r.toString());
    }

    /** -D DMA_CMA=n with CMA left to the guess: the warning names DMA_CMA. */
    @Test
    void dmaCmaOffNamesDmaCma() {
        CliRunner.Result r = X86Run.run("--kernel=6.1.192", "--ram=1G", "-D", "DMA_CMA=n", "--cmdline=cma=64M");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.out().contains("warning: cma=64M is not a parameter of this kernel: CONFIG_DMA_CMA is not set, so"), r.toString());
    }

    /** Kconfig refuses DMA_CMA=y without CMA. */
    @Test
    void dmaCmaWithoutCmaIsRefused() {
        CliRunner.Result r = X86Run.run("--kernel=6.1.192", "--ram=1G", "-D", "CMA=n", "-D", "DMA_CMA=y", "--cmdline=cma=64M");
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("CONFIG_DMA_CMA depends on CONFIG_CMA"), r.toString());
    }

    /** The same on ARM: -D CMA=n (a .config's "# CONFIG_CMA is not set") turns cma= into a warning naming CONFIG_CMA. */
    @Test
    void armTooWhenCmaIsNotSet() {
        CliRunner.Result r = CliRunner.run("--arch=arm", "--kernel=6.1.192", "--ram=0x40000000:1024M", "-D", "CMA=n", "--cmdline=cma=64M");
        assertEquals(1, r.status(), r.toString());
        assertFalse(r.out().contains("cma: Reserved"), r.toString());
        assertTrue(r.out().contains("cma=64M is not a parameter of this kernel: CONFIG_CMA is not set"), r.toString());
    }
}
