package vmlayout.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vmlayout.SourceScan;

/**
 * Every release-dependent decision lives in an era class (a file named *Era.java): a source scan of
 * src/main finds any version comparison, boundary or hand-written release range elsewhere. The release
 * machinery itself (KernelVersion, Releases, Fact) is exempt, and Machine for its default release.
 */
class EraScanTest {

    /** What counts as deciding by release outside an era class. */
    static final List<Pattern> FORBIDDEN = List.of(
            // a comparison with a release: v.compareTo(X), version.compareTo(...), kernel().compareTo(...), compareTo(BOUNDARY)
            Pattern.compile("\\b(v|k|version|release|kernel\\(\\))\\.compareTo\\("),
            Pattern.compile("\\.compareTo\\(\\s*(\\w+Era\\.)?[A-Z][A-Z0-9_]+\\s*\\)"),
            Pattern.compile("\\.compareTo\\(\\s*KernelVersion\\."),
            Pattern.compile("\\.(atLeast|before)\\("),
            // a boundary or a release range written by hand
            Pattern.compile("\\bKernelVersion\\.of\\("),
            Pattern.compile("\\bReleases\\.(since|until|between)\\("),
            Pattern.compile("\\bnew Releases\\("),
            Pattern.compile("\\bFact\\.(since|until)\\("));

    static final List<String> EXEMPT = List.of("KernelVersion.java", "Releases.java", "Fact.java", "Machine.java");

    static List<String> violations(String file, List<String> lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String code = lines.get(i).strip();
            if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
                continue;
            }
            for (Pattern p : FORBIDDEN) {
                if (p.matcher(code).find()) {
                    out.add(file + ":" + (i + 1) + ": " + code);
                    break;
                }
            }
        }
        return out;
    }

    @Test
    void noVersionComparisonOutsideAnEraClass() throws IOException {
        List<Path> files = SourceScan.mainSources();
        List<String> found = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith("Era.java") || EXEMPT.contains(name)) {
                continue;
            }
            found.addAll(violations(f.toString(), Files.readAllLines(f, StandardCharsets.UTF_8)));
        }
        assertEquals(List.of(), found, "release-dependent decisions belong in the arch's era class (see src/docs/design.md)");
    }

    @Test
    void theScanSeesEachForm() {
        for (String line : List.of(
                "if (era.version.compareTo(ArmEra.FIXMAP_2M) < 0) {",
                "boolean b = m.kernel().compareTo(X86Era.TABLE_ADDED) < 0;",
                "if (k.compareTo(FDT_EXTEND) < 0) {",
                "return PpcEra.of(v).atLeast(PpcEra.PAGE_OFFSET_OPTION);",
                "static final KernelVersion X = KernelVersion.of(4, 4);",
                "\"arch/arm/mm/mmu.c, \" + Releases.since(ArmEra.VMALLOC_SIZE)",
                "\"...\" + new Releases(null, PpcEra.FRAGMENTED_MEMORY)")) {
            assertFalse(violations("x", List.of(line)).isEmpty(), line);
        }
        for (String line : List.of(
                "if (Long.compareUnsigned(a, b) > 0) {",
                "if (p.cost().compareTo(c) > 0) {",
                "era.vmallocMib.source(\"arch/arm/mm/mmu.c early_vmalloc()\")",
                " * before 2.6.27 (KernelVersion.of(2, 6, 27))")) {
            assertEquals(List.of(), violations("x", List.of(line)), line);
        }
    }
}
