package vmlayout.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** --e820 takes the kernel's own type words (e820_print_type(), e820_type_to_string()) as well as short names. */
class E820EntryTest {

    @Test
    void theKernelsWords() {
        assertEquals(E820Entry.ACPI, E820Entry.parse("0x7ffc0000:0xe000:ACPI data").type());
        assertEquals(E820Entry.NVS, E820Entry.parse("0x7ffce000:0x32000:ACPI NVS").type());
        assertEquals(E820Entry.NVS, E820Entry.parse("0x7ffce000:0x32000:(ACPI NVS)").type());
        assertEquals(E820Entry.PRAM, E820Entry.parse("0x100000000:0x40000000:persistent (type 12)").type());
        assertEquals(E820Entry.PMEM, E820Entry.parse("0x100000000:0x40000000:persistent (type 7)").type());
        assertEquals(E820Entry.SOFT_RESERVED, E820Entry.parse("0x100000000:0x40000000:soft reserved").type());
        assertEquals(20, E820Entry.parse("0x100000000:0x1000:type 20").type());
        assertEquals(E820Entry.RAM, E820Entry.parse("0:0x9fc00:System RAM").type());
        assertEquals(E820Entry.ACPI, E820Entry.parse("0:0x1000:ACPI Tables").type());
        assertEquals(E820Entry.NVS, E820Entry.parse("0:0x1000:ACPI Non-volatile Storage").type());
        assertEquals(E820Entry.UNUSABLE, E820Entry.parse("0:0x1000:Unusable memory").type());
        assertEquals(E820Entry.PRAM, E820Entry.parse("0:0x1000:Persistent Memory (legacy)").type());
        assertEquals(E820Entry.PMEM, E820Entry.parse("0:0x1000:Persistent Memory").type());
        assertEquals(E820Entry.RAM, E820Entry.parse("0:0x9fc00:usable").type());
        assertEquals(E820Entry.NVS, E820Entry.parse("0:0x1000:nvs").type());
    }

    @Test
    void unknownWordsAndNumbersAreRefused() {
        for (String bad : new String[]{"flash", "type 0", "type 4294967296", "persistent (type x)", ""}) {
            InputException x = assertThrows(InputException.class, () -> E820Entry.parse("0:0x1000:" + bad), bad);
            assertTrue(x.getMessage().startsWith("--e820: unknown type '" + bad + "'"), x.getMessage());
        }
        assertEquals(0xffffffff, E820Entry.typeOf("type 4294967295"));
    }
}
