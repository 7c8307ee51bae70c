package vmlayout.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vmlayout.config.InputException;

/** How a file is split into boots: real captures, one boot printed twice, two boots, a pasted /proc/version. */
class BootsTest {

    /** A Debian 6.1 ARM boot under QEMU: console (lines 1-326 with /proc/meminfo), then a dmesg dump (327-532). */
    static final Path TWICE = Path.of("testdata/arm/modern01_qemu_virt_6.1_1G_console_dmesg_meminfo.log");
    /** The same kernel with mem=700M: console (1-324), dmesg dump (325-529). */
    static final Path MEM700 = Path.of("testdata/arm/modern03_qemu_virt_6.1_mem700M.log");

    static List<String> lines(Path p) throws IOException {
        return Files.readAllLines(p, StandardCharsets.UTF_8);
    }

    static BootLog log(List<String> lines) {
        return BootLog.parseText("t", String.join("\n", lines));
    }

    @Test
    void aBootPrintedTwiceIsOneBoot() throws IOException {
        Boots b = Boots.of(log(lines(TWICE)));
        assertEquals(1, b.count());
        assertEquals(2, b.parts().size());
        Boots.Part console = b.parts().get(0);
        Boots.Part dump = b.parts().get(1);
        assertEquals(1, console.from());
        // the dump starts at its "Booting Linux on physical CPU 0x0" (line 327 of the file)
        assertEquals(327, dump.from());
        assertEquals(1, dump.copyOf());
        assertEquals(1, dump.boot());
        assertTrue(console.complete() && dump.complete());
        // the console copy has more lines (the initramfs's output): it is the one compared, with its meminfo
        assertEquals(console, b.pick(null));
        assertTrue(b.notes(console).get(0).startsWith("lines 327-532 repeat the boot of lines 1-326"), b.notes(console).toString());
    }

    @Test
    void twoBootsAreSplitAndTheLastCompleteOneIsCompared() throws IOException {
        List<String> both = new ArrayList<>(lines(MEM700));
        // the second file's first line is its "# realboot" header: its boot starts at the next line
        int second = both.size() + 2;
        both.addAll(lines(TWICE));
        Boots b = Boots.of(log(both));
        assertEquals(2, b.count());
        assertEquals(4, b.parts().size());
        Boots.Part last = b.pick(null);
        assertEquals(2, last.boot());
        assertEquals(second, last.from());
        Boots.Part first = b.pick(1);
        assertEquals(1, first.boot());
        assertEquals(1, first.from());
        assertTrue(b.notes(last).get(0).startsWith("the log holds 2 boots (1: lines 1-324, 2: lines " + second + "-"),
                b.notes(last).toString());
        InputException e = assertThrows(InputException.class, () -> b.pick(3));
        assertEquals("verify --boot 3: the log holds 2 boots: give a number from 1 to 2", e.getMessage());
    }

    /**
     * Two real boots of one kernel with one command line print the same early lines at 0.000000; they are
     * two boots all the same, because no two boots share the microseconds of their later lines. The second
     * boot here is the first with every non-zero timestamp moved by 3 microseconds.
     */
    @Test
    void twoBootsOfOneConfigurationAreNotACopy() throws IOException {
        List<String> one = lines(MEM700).subList(0, 324);
        List<String> both = new ArrayList<>(one);
        Pattern ts = Pattern.compile("^\\[\\s*(\\d+)\\.(\\d{6})\\]");
        for (String l : one) {
            Matcher m = ts.matcher(l);
            if (m.find() && !(m.group(1).equals("0") && m.group(2).equals("000000"))) {
                long us = Long.parseLong(m.group(1)) * 1_000_000 + Long.parseLong(m.group(2)) + 3;
                String stamp = String.format("[%5d.%06d]", us / 1_000_000, us % 1_000_000);
                l = stamp + l.substring(m.end());
            }
            both.add(l);
        }
        Boots b = Boots.of(log(both));
        assertEquals(2, b.count());
        assertEquals(0, b.parts().get(1).copyOf());
    }

    @Test
    void aPastedProcVersionIsNotABoot() throws IOException {
        List<String> l = new ArrayList<>(lines(MEM700).subList(0, 324));
        l.add("$ cat /proc/version");
        l.add("Linux version 6.1.0-57-armmp (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14+deb12u1) 12.2.0)");
        Boots b = Boots.of(log(l));
        assertEquals(1, b.count());
        assertEquals(1, b.parts().size());
        assertEquals(326, b.parts().get(0).to());
    }

    @Test
    void aLogWithoutABootLineIsOneBoot() {
        Boots b = Boots.of(log(List.of("[    0.000000] Memory policy: Data cache writealloc",
                "[    0.000000] Zone ranges:", "[    0.000000]   Normal   [mem 0x0000000040000000-0x000000006fffffff]")));
        assertEquals(1, b.count());
        assertFalse(b.parts().get(0).complete());
    }
}
