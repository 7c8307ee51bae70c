package vmlayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmlayout.CliRunner;

/**
 * Issue 13 item 6: a line shown as the kernel's is one that kernel prints. ARM stopped printing the
 * layout table in 5.1 ("ARM: 8820/1"), x86 in 5.7 ("x86/mm/init_32: Stop printing the virtual memory
 * layout"), powerpc in 6.15: for those releases --kernel-only and JSON kernelLines hold no table, and
 * the text output puts vmlayout's heading on the table it computes. The releases just before print it.
 */
class TableOwnershipTest {

    private static final String ARM_HEADER = "Virtual kernel memory layout:";
    private static final String X86_HEADER = "virtual kernel memory layout:";
    private static final String PPC_HEADER = "Kernel virtual memory layout:";

    private static List<String> kernelOnly(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.add("--kernel-only");
        return CliRunner.run(a.toArray(new String[0])).outLines();
    }

    @Test
    void kernelOnlyHasNoTableTheReleaseDoesNotPrint() {
        assertTrue(kernelOnly("--kernel", "5.0", "--ram", "0:1G").contains(ARM_HEADER));
        List<String> arm = kernelOnly("--kernel", "5.1", "--ram", "0:1G");
        assertFalse(arm.contains(ARM_HEADER), arm.toString());
        // the kernel's own messages stay: 1 GB at 0 without HIGHMEM, lowmem limit 0x30000000
        assertEquals(List.of("Ignoring RAM at 0x30000000-0x40000000", "Consider using a HIGHMEM enabled kernel."), arm);
        assertTrue(kernelOnly("--arch", "x86", "--kernel", "5.6", "--ram", "1G").contains(X86_HEADER));
        assertFalse(kernelOnly("--arch", "x86", "--kernel", "5.7", "--ram", "1G").contains(X86_HEADER));
        assertTrue(kernelOnly("--arch", "ppc", "--kernel", "6.14", "--ram", "512M").contains(PPC_HEADER));
        assertFalse(kernelOnly("--arch", "ppc", "--kernel", "6.15", "--ram", "512M").contains(PPC_HEADER));
    }

    @Test
    void jsonKernelLinesHoldOnlyPrintedLines() throws Exception {
        JsonNode j = new ObjectMapper().readTree(CliRunner.run("--kernel", "6.1", "--ram", "0:1G", "--format", "json").out());
        assertFalse(j.get("tablePrinted").asBoolean());
        List<String> kernel = new ArrayList<>();
        j.get("kernelLines").forEach(n -> kernel.add(n.asText()));
        assertFalse(kernel.contains(ARM_HEADER), kernel.toString());
        assertEquals(ARM_HEADER, j.get("table").get(0).asText(), "the computed table is still there, as vmlayout's");
    }

    @Test
    void theComputedTableHasVmlayoutsHeadingAndTheSameLines() {
        List<String> shown = CliRunner.run("--kernel", "6.1", "--ram", "0:1G").outLines();
        int at = shown.indexOf(ARM_HEADER);
        assertTrue(at > 0, shown.toString());
        assertTrue(shown.get(at - 1).startsWith("vmlayout (not kernel output): "), shown.get(at - 1));
        // the lines themselves are those 5.0 printed for the same board (the 240 MB default and VMALLOC_END
        // 0xff800000 hold from 4.4 to 6.x): scripts that read them keep working
        List<String> printed50 = kernelOnly("--kernel", "5.0", "--ram", "0:1G");
        List<String> table50 = printed50.subList(printed50.indexOf(ARM_HEADER), printed50.size());
        assertEquals(table50, shown.subList(at, at + table50.size()));
        // a printed table has no such heading
        List<String> shown50 = CliRunner.run("--kernel", "5.0", "--ram", "0:1G").outLines();
        assertFalse(shown50.get(shown50.indexOf(ARM_HEADER) - 1).startsWith("vmlayout"), shown50.toString());
    }

    @Test
    void aReleaseNewerThanTheEnginesKnowSaysSo() {
        for (String arch : List.of("arm", "x86", "ppc")) {
            String out = CliRunner.run("--arch", arch, "--kernel", "7.9", "--ram", "512M").out();
            assertTrue(out.contains("is newer than") && out.contains("the newest release vmlayout's"), arch + ": " + out);
        }
    }
}
