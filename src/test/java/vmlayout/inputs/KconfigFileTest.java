package vmlayout.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vmlayout.config.Arch;
import vmlayout.config.InputException;
import vmlayout.config.KernelVersion;
import vmlayout.config.Symbol;
import vmlayout.config.Symbol.Kind;
import vmlayout.config.SymbolCatalog;
import vmlayout.engine.Engines;

/**
 * .config reading and the Kconfig-to-engine mapping, on Debian's real configs. Expected values checked
 * by hand with {@code grep -nE 'CONFIG_(ARM|X86_32|VMSPLIT|PAGE_OFFSET|HIGHMEM|NOHIGHMEM|X86_PAE|ARM_LPAE|
 * NR_CPUS|MODULES|THUMB2_KERNEL)[ =]'} on each file (line numbers in the comments).
 */
class KconfigFileTest {

    /** The names issue 3 gives the x86 engine (its catalog is written in parallel; these slot in). */
    static final SymbolCatalog X86_NAMES = new SymbolCatalog(Arch.X86, List.of(
            new Symbol("VMSPLIT_3G", Kind.BOOL, ""), new Symbol("VMSPLIT_3G_OPT", Kind.BOOL, ""),
            new Symbol("VMSPLIT_2G", Kind.BOOL, ""), new Symbol("VMSPLIT_2G_OPT", Kind.BOOL, ""),
            new Symbol("VMSPLIT_1G", Kind.BOOL, ""), new Symbol("PAGE_OFFSET", Kind.VIRT, ""),
            new Symbol("NOHIGHMEM", Kind.BOOL, ""), new Symbol("HIGHMEM4G", Kind.BOOL, ""),
            new Symbol("HIGHMEM64G", Kind.BOOL, ""), new Symbol("HIGHMEM", Kind.BOOL, ""),
            new Symbol("X86_PAE", Kind.BOOL, ""), new Symbol("NR_CPUS", Kind.INT, ""),
            new Symbol("FIXADDR_START", Kind.VIRT, ""), new Symbol("_text", Kind.VIRT, "")));

    /** The names issue 4 gives the powerpc engine. */
    static final SymbolCatalog PPC_NAMES = new SymbolCatalog(Arch.PPC, List.of(
            new Symbol("KERNEL_START", Kind.VIRT, ""), new Symbol("PAGE_OFFSET", Kind.VIRT, ""),
            new Symbol("LOWMEM_SIZE", Kind.SIZE, ""), new Symbol("HIGHMEM", Kind.BOOL, ""),
            new Symbol("MODULES", Kind.BOOL, "")));

    private static KconfigFile config(String name) {
        return KconfigFile.parse(Artifacts.file("--config", name));
    }

    private static KconfigFile text(String s) {
        return KconfigFile.parse(InputFile.of("--config", "test.config", s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void debianArmmp() {
        KconfigFile k = config("config-6.1.0-50-armmp");
        assertEquals(Arch.ARM, k.arch()); // line 268 CONFIG_ARM=y
        assertEquals(KernelVersion.of(6, 1, 176), k.version()); // line 3 "# Linux/arm 6.1.176 Kernel Configuration"
        KconfigMapping.Result r = KconfigMapping.map(k, Arch.ARM, Engines.forArch(Arch.ARM).symbols(), Set.of());
        Map<String, String> want = new LinkedHashMap<>();
        want.put("MEMCG", "y"); // 176 (struct page's memcg pointer: the size of mem_map)
        want.put("ARM_LPAE", "n"); // 519 # CONFIG_ARM_LPAE is not set
        want.put("SMP", "y"); // 582
        want.put("VMSPLIT_3G", "y"); // 594
        want.put("VMSPLIT_3G_OPT", "n");
        want.put("VMSPLIT_2G", "n"); // 596
        want.put("VMSPLIT_1G", "n");
        want.put("PAGE_OFFSET", "0xC0000000"); // 598
        want.put("THUMB2_KERNEL", "n"); // 612
        want.put("HIGHMEM", "y"); // 619
        want.put("ARCH_FORCE_MAX_ORDER", "12"); // 624
        want.put("KEXEC", "y"); // 649
        want.put("MODULES", "y"); // 846
        want.put("CMA", "y"); // 1024
        want.put("ZONE_DMA", "y"); // 1032
        want.put("DMA_CMA", "y"); // 10636
        want.put("CMA_SIZE_MBYTES", "16"); // 10642
        want.put("CMA_SIZE_SEL_MBYTES", "y"); // 10643
        want.put("CMA_SIZE_SEL_PERCENTAGE", "n"); // 10644 # CONFIG_CMA_SIZE_SEL_PERCENTAGE is not set
        want.put("CMA_SIZE_SEL_MIN", "n");
        want.put("CMA_SIZE_SEL_MAX", "n");
        assertEquals(want, r.defines());
        assertEquals(598, r.lines().get("PAGE_OFFSET"));
        // CONFIG_NR_CPUS=8 (599) is not an ARM engine name: not fed
        assertNull(r.defines().get("NR_CPUS"));
        // built-in command line: CONFIG_CMDLINE="" with CMDLINE_FROM_BOOTLOADER (no CMDLINE_FORCE/EXTEND line)
        assertEquals("", CommandLineRules.builtin(k, Arch.ARM).text());
    }

    @Test
    void debian686PaeWithTheX86Names() {
        KconfigFile k = config("config-6.1.0-50-686-pae");
        assertEquals(Arch.X86, k.arch()); // 284 CONFIG_X86_32=y
        Map<String, String> d = KconfigMapping.map(k, Arch.X86, X86_NAMES, Set.of()).defines();
        assertEquals("32", d.get("NR_CPUS")); // 398
        assertEquals("n", d.get("NOHIGHMEM")); // 437
        assertEquals("n", d.get("HIGHMEM4G")); // 438
        assertEquals("y", d.get("HIGHMEM64G")); // 439
        assertEquals("y", d.get("VMSPLIT_3G")); // 440
        assertEquals("0xC0000000", d.get("PAGE_OFFSET")); // 443
        assertEquals("y", d.get("HIGHMEM")); // 444
        assertEquals("y", d.get("X86_PAE")); // 445
        assertNull(d.get("VMSPLIT_2G_OPT")); // absent: depends on !X86_PAE
        assertNull(CommandLineRules.builtin(k, Arch.X86)); // # CONFIG_CMDLINE_BOOL is not set
    }

    @Test
    void debian686() {
        Map<String, String> d = KconfigMapping.map(config("config-6.1.0-50-686"), Arch.X86, X86_NAMES, Set.of()).defines();
        assertEquals("y", d.get("HIGHMEM4G")); // 431
        assertEquals("n", d.get("NOHIGHMEM")); // 430
        assertNull(d.get("X86_PAE")); // no CONFIG_X86_PAE line at all
    }

    @Test
    void overridingAChoiceDropsTheFilesMembersAndDerivedValues() {
        KconfigFile k = config("config-6.1.0-50-686-pae");
        KconfigMapping.Result r = KconfigMapping.map(k, Arch.X86, X86_NAMES, Set.of("VMSPLIT_2G", "HIGHMEM4G"));
        assertNull(r.defines().get("VMSPLIT_3G"));
        assertNull(r.defines().get("PAGE_OFFSET"));
        assertNull(r.defines().get("HIGHMEM64G"));
        assertNull(r.defines().get("X86_PAE"));
        assertEquals("32", r.defines().get("NR_CPUS"));
        assertEquals(2, r.notes().size());
        assertTrue(r.notes().get(0).contains("CONFIG_VMSPLIT_3G, CONFIG_VMSPLIT_1G, CONFIG_PAGE_OFFSET left out"),
                r.notes().get(0));
    }

    @Test
    void powerpcNames() {
        KconfigFile k = text("#\n# Linux/powerpc 5.10.0 Kernel Configuration\n#\nCONFIG_PPC32=y\nCONFIG_HIGHMEM=y\n"
                + "CONFIG_LOWMEM_SIZE=0x30000000\nCONFIG_PAGE_OFFSET=0xc0000000\nCONFIG_KERNEL_START=0xc0000000\n"
                + "CONFIG_CMDLINE=\"console=ttyS0,115200 root=/dev/sda2\"\n# CONFIG_CMDLINE_FORCE is not set\n");
        assertEquals(Arch.PPC, k.arch());
        KconfigMapping.Result r = KconfigMapping.map(k, Arch.PPC, PPC_NAMES, Set.of("KERNEL_START"));
        assertEquals("0x30000000", r.defines().get("LOWMEM_SIZE"));
        assertNull(r.defines().get("PAGE_OFFSET")); // follows the overridden KERNEL_START
        assertEquals("console=ttyS0,115200 root=/dev/sda2", CommandLineRules.builtin(k, Arch.PPC).text());
    }

    @Test
    void quotedStringsWithEscapes() {
        KconfigFile k = text("CONFIG_ARM=y\nCONFIG_CMDLINE=\"a=\\\"b c\\\" d\\\\e\"\nCONFIG_CMDLINE_FORCE=y\n");
        assertEquals("a=\"b c\" d\\e", k.get("CMDLINE").value());
        assertEquals(vmlayout.config.BuiltinCmdline.Mode.FORCE, CommandLineRules.builtin(k, Arch.ARM).mode());
    }

    @Test
    void garbageLineNamesFileAndLine() {
        InputException e = assertThrows(InputException.class, () -> text("CONFIG_ARM=y\nhello world\n"));
        assertEquals("--config test.config: line 2: cannot read 'hello world': expected CONFIG_NAME=value, '# CONFIG_NAME is"
                + " not set' or a # comment", e.getMessage());
    }

    @Test
    void badValueForAnEngineNameNamesTheLine() {
        KconfigFile k = text("CONFIG_ARM=y\nCONFIG_PAGE_OFFSET=0xZZ\n");
        InputException e = assertThrows(InputException.class,
                () -> KconfigMapping.map(k, Arch.ARM, Engines.forArch(Arch.ARM).symbols(), Set.of()));
        assertTrue(e.getMessage().startsWith("--config test.config: line 2: CONFIG_PAGE_OFFSET=0xZZ: cannot read '0xZZ'"),
                e.getMessage());
    }

    @Test
    void sixtyFourBitAndForeignConfigsAreRefused() {
        assertTrue(assertThrows(InputException.class, () -> text("CONFIG_X86_64=y\nCONFIG_X86=y\n").arch()).getMessage()
                .contains("64-bit kernel"));
        assertTrue(assertThrows(InputException.class, () -> text("CONFIG_MIPS=y\n").arch()).getMessage()
                .contains("none of CONFIG_ARM, CONFIG_X86_32 or CONFIG_PPC32"));
        assertTrue(assertThrows(InputException.class, () -> text("# only a comment\n")).getMessage()
                .contains("no CONFIG_ lines"));
    }
}
