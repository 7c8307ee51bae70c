package vmlayout.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vmlayout.check.Requirement;
import vmlayout.config.InputException;

class GoalsTest {

    @Test
    void wantsReadAsRequirementsWithTheShorthand() {
        Requirement r = Goals.parseWant("ioremap=1G");
        assertEquals("ioremap", r.metric());
        assertEquals(">=", r.op());
        assertEquals(1L << 30, r.value());
        assertEquals("ioremap=1G", r.text());
        assertEquals("<=", Goals.parseWant("dropped=0").op());
        assertEquals("==", Goals.parseWant("dropped==0").op());
        assertEquals(">=", Goals.parseWant(" vmalloc >= 512M ").op());
        assertEquals(512L << 20, Goals.parseWant("lowmem>=512M").value());
        assertEquals("!=", Goals.parseWant("highmem!=0").op());
        assertTrue(Goals.parseWant("no-kernel-warning").isFlag());
    }

    @Test
    void whereAValueLiesAgainstAWant() {
        // 512 MB against each operator: 0 holds, -1 below the values that hold, 1 above them, 2 at the one != excludes
        long v = 512L << 20;
        assertEquals(-1, Goals.parseWant("vmalloc>=600M").side(v));
        assertEquals(0, Goals.parseWant("vmalloc>=512M").side(v));
        assertEquals(-1, Goals.parseWant("vmalloc>512M").side(v));
        assertEquals(1, Goals.parseWant("vmalloc<512M").side(v));
        assertEquals(0, Goals.parseWant("vmalloc<=512M").side(v));
        assertEquals(1, Goals.parseWant("vmalloc<=500M").side(v));
        assertEquals(1, Goals.parseWant("dropped==0").side(v));
        assertEquals(-1, Goals.parseWant("lowmem==600M").side(v));
        assertEquals(0, Goals.parseWant("lowmem==512M").side(v));
        assertEquals(2, Goals.parseWant("lowmem!=512M").side(v));
        assertEquals(0, Goals.parseWant("lowmem!=600M").side(v));
        // the value to reach from below or above: one past a strict bound, the bound itself otherwise
        assertEquals(v + 1, Goals.parseWant("vmalloc>512M").bound(-1));
        assertEquals(v, Goals.parseWant("vmalloc>=512M").bound(-1));
        assertEquals(v - 1, Goals.parseWant("vmalloc<512M").bound(1));
        assertEquals(v, Goals.parseWant("lowmem==512M").bound(1));
        assertTrue(Goals.parseWant("dropped==0").ordered());
        assertFalse(Goals.parseWant("lowmem!=512M").ordered());
        assertFalse(Goals.parseWant("no-kernel-warning").ordered());
    }

    @Test
    void badWantsAreOneLineErrorsNamingTheOption() {
        for (String bad : new String[]{"vmalloc", "vmalloc>=", "speed>=1G", "=1G", "vmalloc=>1G", "ioremap=1Q", ""}) {
            InputException e = assertThrows(InputException.class, () -> Goals.parseWant(bad), bad);
            assertTrue(e.getMessage().startsWith("--want: cannot read '" + bad + "'"), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"));
        }
    }

    @Test
    void reserves() {
        Reserve r = Reserve.parse("0x60000000:256M");
        assertEquals(0x60000000L, r.start());
        assertEquals(0x70000000L, r.end());
        assertEquals(new Reserve(1L << 30, 1L << 30), Reserve.parse("1G:1G"));
        for (String bad : new String[]{"0x60000000", "1G:0", "a:1G", "1G:1G:1G", "0xffffffffff:1G", ":", "1G:"}) {
            InputException e = assertThrows(InputException.class, () -> Reserve.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("--reserve"), e.getMessage());
        }
    }

    @Test
    void costs() {
        assertEquals(Cost.BOOT, Cost.parse("boot"));
        assertEquals(Cost.SPLIT, Cost.parse("SPLIT"));
        assertThrows(InputException.class, () -> Cost.parse("cheap"));
    }
}
