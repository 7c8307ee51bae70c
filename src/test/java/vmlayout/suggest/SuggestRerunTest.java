package vmlayout.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vmlayout.CliRunner;
import vmlayout.ShellWords;
import vmlayout.check.Requirement;

/**
 * Every suggestion suggest prints is re-run as printed (its "try:" command) and its goals are checked
 * on the result: the wants with vmlayout check --require, the reserved ranges on the JSON RAM list. The
 * seeds' own answers must be among the suggestions.
 */
class SuggestRerunTest {

    static final ObjectMapper M = new ObjectMapper();

    /** One suggest run: its arguments and labels that must be among the suggestions. */
    record Case(List<String> args, List<String> expected) {
    }

    static Case c(String args, String... expected) {
        return new Case(ShellWords.split(args), List.of(expected));
    }

    static final List<Case> CASES = List.of(
            // seed 001: HIGHMEM, or the board's VMALLOC_END raised by the 128 MB, reclaims the truncated RAM
            c("--profile embeddedbits-arm-512M --want dropped==0", "-D HIGHMEM=y", "-D VMALLOC_END=0xe8000000", "-D VMSPLIT_2G=y"),
            // seed 001: the smallest vmalloc= (16 MB) reclaims 112 of the 128 MB
            c("--profile embeddedbits-arm-512M --want lowmem>=496M", "vmalloc=16M"),
            // seed 002: vmalloc=300M (and 297M, the nearest value that gives the same 296 MB)
            c("--profile marvell-88pa6220-granite2 --want vmalloc>=296M", "vmalloc=297M", "vmalloc=300M"),
            // seed 000: LOWMEM_SIZE 0x20000000 gives 256 MB more vmalloc (80 -> 336 MB); a lower KERNEL_START
            c("--profile ppc7448-2G -D IOREMAP_BOT=0xf6000000 --want vmalloc>=336M", "-D LOWMEM_SIZE=0x20000000",
                    "-D KERNEL_START=0xb0000000 -D TASK_SIZE=0xb0000000"),
            c("--profile ppc7448-2G -D IOREMAP_BOT=0xf6000000 --want ioremap=128M", "-D LOWMEM_SIZE=0x2c000000"),
            // seed 003: a region no kernel touches on ARM: mem= banks around it
            c("--kernel 3.18 --ram 0x80000000:512M --reserve 0x90000000:64M", "mem=256M@0x80000000 mem=192M@0x94000000"),
            // seed 004: x86, 1 GB at 1 GB kept from the kernel; mapping it with ioremap needs another split
            c("--arch x86 --kernel 3.2 --ram 2G --reserve 1G:1G", "memmap=1G$1G", "mem=1G"),
            c("--arch x86 --kernel 3.2 --ram 2G --reserve 1G:1G --want ioremap=1G", "-D VMSPLIT_1G=y memmap=1G$1G"),
            // others: each arch and era, parameters given in several ways
            c("--arch x86 --kernel 4.19 --ram 768M --want vmalloc>=512M"),
            c("--arch x86 --kernel 3.2 --ram 2G -D NOHIGHMEM=y --want dropped==0", "-D NOHIGHMEM=n -D HIGHMEM4G=y"),
            c("--arch x86 --kernel 2.6.27 --ram 1G --cmdline 'mem=900M vmalloc=64M' --want ioremap=256M"),
            c("--arch ppc --kernel 6.6 --ram 1G --want dropped==0", "-D HIGHMEM=y"),
            c("--arch ppc --kernel 4.4 --ram 1G -D HIGHMEM=y --want vmalloc>=512M"),
            c("--kernel 3.18 --ram 0:1G -D HIGHMEM=y --cmdline 'console=ttyS0 vmalloc=200M' --want vmalloc>=296M", "vmalloc=300M"),
            c("--kernel 5.15 --ram 0x60000000:2G -D HIGHMEM=y --want lowmem>=1G --want vmalloc>=200M"),
            c("--kernel 4.4 --ram 0:1G --profile socfpga-de0 --reserve 0x3f000000:16M --want dropped==0"));

    @TestFactory
    List<DynamicTest> everyPrintedSuggestionReachesItsGoals() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case k : CASES) {
            tests.add(DynamicTest.dynamicTest(String.join(" ", k.args()), () -> check(k)));
        }
        return tests;
    }

    static void check(Case k) throws Exception {
        List<String> a = new ArrayList<>(List.of("suggest"));
        a.addAll(k.args());
        CliRunner.Result r = CliRunner.run(a.toArray(new String[0]));
        assertEquals(0, r.status(), r.toString());
        List<String> labels = new ArrayList<>();
        List<String> tries = new ArrayList<>();
        for (String line : r.outLines()) {
            if (line.matches("^ ?\\d+\\. .*")) {
                labels.add(line.substring(line.indexOf(". ") + 2));
            } else if (line.startsWith("    try:    ")) {
                tries.add(line.substring("    try:    ".length()));
            }
        }
        assertFalse(tries.isEmpty(), r.out());
        assertEquals(labels.size(), tries.size(), r.out());
        for (String e : k.expected()) {
            assertTrue(labels.contains(e), e + " is not among " + labels + "\n" + r.out());
        }
        List<String> wants = new ArrayList<>();
        List<Reserve> reserves = new ArrayList<>();
        for (int i = 0; i < k.args().size(); i++) {
            if (k.args().get(i).equals("--want")) {
                Requirement q = Goals.parseWant(k.args().get(i + 1));
                wants.add(q.metric() + q.op() + q.value());
            } else if (k.args().get(i).equals("--reserve")) {
                reserves.add(Reserve.parse(k.args().get(i + 1)));
            }
        }
        for (String t : tries) {
            List<String> words = ShellWords.split(t);
            assertEquals("vmlayout", words.get(0), t);
            List<String> run = new ArrayList<>(words.subList(1, words.size()));
            if (!wants.isEmpty()) {
                List<String> chk = new ArrayList<>(List.of("check"));
                chk.addAll(run);
                for (String w : wants) {
                    chk.add("--require");
                    chk.add(w);
                }
                CliRunner.Result cr = CliRunner.run(chk.toArray(new String[0]));
                assertEquals(0, cr.status(), "goal fails when re-run: " + t + "\n" + cr);
            }
            if (!reserves.isEmpty()) {
                run.add("--format=json");
                CliRunner.Result jr = CliRunner.run(run.toArray(new String[0]));
                assertTrue(jr.status() <= 1, jr.toString());
                JsonNode json = M.readTree(jr.out());
                for (JsonNode ram : json.get("ram")) {
                    String use = ram.get("use").asText();
                    if (use.equals("lowmem") || use.equals("highmem")) {
                        long s = ram.get("start").asLong();
                        long e = ram.get("end").asLong();
                        for (Reserve res : reserves) {
                            assertTrue(e <= res.start() || s >= res.end(), t + ": " + use + " " + ram + " overlaps " + res);
                        }
                    }
                }
            }
        }
    }

    @Test
    void impossibleSaysWhyWithTheKernelRule() {
        CliRunner.Result r = CliRunner.run("suggest", "--kernel", "3.18", "--ram", "0:1G", "-D", "HIGHMEM=y", "--want", "vmalloc>=3G");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.out().contains("impossible on arm 3.18 because"), r.out());
        // the closest: VMSPLIT_1G with the largest vmalloc= early_vmalloc() keeps: 0xff000000 - (0x40000000 + 32 MB) = 3024 MB
        String flat = String.join(" ", r.outLines()).replaceAll(" +", " ");
        assertTrue(flat.contains("- -D VMSPLIT_1G=y vmalloc=3024M"), r.out());
        assertTrue(flat.contains("so that at least 32 MB of lowmem remain"), r.out());
    }

    @Test
    void impossibleWithBootParametersOnly() {
        CliRunner.Result r = CliRunner.run("suggest", "--profile", "embeddedbits-arm-512M", "--want", "dropped==0", "--max-cost", "boot");
        assertEquals(1, r.status(), r.toString());
        String flat = String.join(" ", r.outLines()).replaceAll(" +", " ");
        assertTrue(flat.contains("impossible on arm 2.6.37 with boot parameters only"), r.out());
        // vmalloc=16M, the least early_vmalloc() keeps: 0xe0000000 - 16 MB = 0xdf000000, 496 MB of lowmem, 16 MB dropped
        assertTrue(flat.contains("- vmalloc=16M"), r.out());
        assertTrue(flat.contains("0xe0000000 - vmalloc_reserve 16 MB = 0xdf000000"), r.out());
    }

    @Test
    void aRangeInTheMiddleOfRamCannotBeKeptFromAPowerpcKernel() {
        CliRunner.Result r = CliRunner.run("suggest", "--arch", "ppc", "--kernel", "4.4", "--ram", "1G", "-D", "HIGHMEM=y",
                "--reserve", "0x10000000:16M");
        assertEquals(1, r.status(), r.toString());
        String flat = String.join(" ", r.outLines()).replaceAll(" +", " ");
        assertTrue(flat.contains("impossible on ppc 4.4 because reserve 0x10000000-0x11000000 (16 MB): on powerpc only mem="
                + " keeps RAM from the kernel at boot"), r.out());
        // the top of RAM can: mem=768M keeps the first 768 MB
        r = CliRunner.run("suggest", "--arch", "ppc", "--kernel", "4.4", "--ram", "1G", "-D", "HIGHMEM=y",
                "--reserve", "0x30000000:256M");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains(" 1. mem=768M\n"), r.out());
    }

    @Test
    void goalsThatHoldNeedNoChange() {
        CliRunner.Result r = CliRunner.run("suggest", "--profile", "marvell-88pa6220-granite2", "--want", "vmalloc>=200M");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("Every goal holds already: nothing to change."), r.out());
    }

    @Test
    void badInput() {
        CliRunner.Result r = CliRunner.run("suggest", "--profile", "socfpga-de0");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("vmlayout: suggest: give a goal"), r.err());
        r = CliRunner.run("suggest", "--profile", "socfpga-de0", "--want", "speed>=1G");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("vmlayout: --want: cannot read 'speed>=1G'"), r.err());
        r = CliRunner.run("suggest", "--profile", "socfpga-de0", "--reserve", "1G");
        assertEquals(2, r.status());
        r = CliRunner.run("suggest", "--profile", "socfpga-de0", "--want", "dropped==0", "--max-cost", "free");
        assertEquals(2, r.status());
        assertEquals(1, r.err().split("\n").length, r.err());
    }
}
