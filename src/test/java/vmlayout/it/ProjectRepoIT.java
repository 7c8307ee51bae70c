package vmlayout.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's repository: a vmlayout.json of three boards (ARM with its profile file and bootargs file, x86
 * likewise, PowerPC from a built-in profile with its bootargs in the project file), `vmlayout check` run in
 * that directory as a CI job runs it, in text, github, junit and sarif: each finding names the file (relative
 * to the working directory, or to GITHUB_WORKSPACE) and the line to change.
 *
 * <p>What fails, worked by hand:
 * <ul>
 *   <li>gw (ARM 4.4, 1 GB at 0, HIGHMEM false): VMALLOC_END 0xff800000 (4.4) - 240 MB - the 8 MB
 *       VMALLOC_OFFSET gap = lowmem limit 0xf0000000, so 768 MB of lowmem and the last 256 MB dropped, with
 *       the kernel's "Truncating RAM" lines: dropped==0 and no-kernel-warning at the profile's "ram" key
 *       (boards/gw.json line 5); vmalloc>=256M fails (240 MB) and has no vmalloc= to point at: the profile
 *       file; vmaloc=300M (line 3 of the bootargs file) is a near miss: params-effective there.</li>
 *   <li>pc (x86 3.2, 2 GB, NOHIGHMEM): lowmem ends below 896 MB, the kernel warns "Warning only ...MB will
 *       be used" and drops the rest: dropped==0 and no-kernel-warning at "ram" (boards/pc.json line 3);
 *       memap= (bootargs line 2) is a near miss of memmap=.</li>
 *   <li>g4 (the built-in ppc7448-2G, its bootargs in vmlayout.json line 8): vmalloc=1024M has no effect on
 *       powerpc: params-effective at vmlayout.json line 8; the built-in profile is named, never a file.</li>
 * </ul>
 */
class ProjectRepoIT {

    @TempDir
    Path repo;

    static final ObjectMapper M = new ObjectMapper();

    @BeforeEach
    void repository() throws Exception {
        Files.createDirectories(repo.resolve("boards"));
        write("vmlayout.json", """
                {
                  "require": ["dropped==0", "no-kernel-warning", "params-effective"],
                  "boards": [
                    {"name": "gw", "profile": "boards/gw.json", "cmdline-file": "boards/gw-bootargs.txt",
                     "require": ["vmalloc>=256M"]},
                    {"name": "pc", "profile": "boards/pc.json", "cmdline-file": "boards/pc-bootargs.txt"},
                    {"name": "g4", "profile": "ppc7448-2G",
                     "cmdline": "root=/dev/nfs rw vmalloc=1024M"}
                  ]
                }
                """);
        write("boards/gw.json", """
                {
                  "name": "gw",
                  "arch": "arm",
                  "kernel": "4.4",
                  "ram": ["0:1G"],
                  "defines": {"HIGHMEM": false}
                }
                """);
        write("boards/gw-bootargs.txt", "console=ttyS0,115200\nroot=/dev/mmcblk0p2 rw\nvmaloc=300M\n");
        write("boards/pc.json", """
                {"arch": "x86",
                 "kernel": "3.2",
                 "ram": ["2G"],
                 "defines": {"NOHIGHMEM": true}}
                """);
        write("boards/pc-bootargs.txt", "root=/dev/sda1 quiet\nmemap=64M$0x30000000\n");
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(repo.resolve(name), text, StandardCharsets.UTF_8);
    }

    static JarIT.Run check(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("java", "-jar", JarIT.JAR.toAbsolutePath().toString(), "check"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().remove("GITHUB_WORKSPACE");
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Path out = Files.createTempFile("vmlayout", ".out");
        Path err = Files.createTempFile("vmlayout", ".err");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        int status = pb.start().waitFor();
        return new JarIT.Run(status, Files.readString(out), Files.readString(err));
    }

    @Test
    void text() throws Exception {
        JarIT.Run r = check(repo, Map.of());
        assertEquals(1, r.status(), r.toString());
        String out = r.out();
        assertTrue(out.contains("gw: dropped==0: RAM dropped is 256 MB (268435456 bytes), required == 0 (boards/gw.json:5)\n"), out);
        assertTrue(out.contains("gw: params-effective: vmaloc=300M is not a parameter the kernel reads") 
                && out.contains("did you mean vmalloc=300M? (boards/gw-bootargs.txt:3)\n"), out);
        assertTrue(out.contains("gw: vmalloc>=256M: the vmalloc area is 240 MB (251658240 bytes), required >= 256 MB (boards/gw.json)\n"), out);
        assertTrue(out.contains("pc: dropped==0: RAM dropped is ") && out.contains("(boards/pc.json:3)\n"), out);
        assertTrue(out.contains("did you mean memmap=64M$0x30000000? (boards/pc-bootargs.txt:2)\n"), out);
        assertTrue(out.contains("g4: params-effective: vmalloc=1024M has no effect on powerpc") && out.contains("(vmlayout.json:8)\n"), out);
        assertEquals("", r.err());
        assertEquals(0, check(repo, Map.of(), "--no-fail").status(), "--no-fail reports and passes");
    }

    @Test
    void github() throws Exception {
        JarIT.Run r = check(repo, Map.of(), "--format", "github");
        assertEquals(1, r.status(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains("::error file=boards/gw.json,line=5,title=vmlayout dropped==0 (gw)::gw: RAM dropped is 256 MB"
                + " (268435456 bytes), required == 0"), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("::error file=boards/gw-bootargs.txt,line=3,title=vmlayout"
                + " params-effective (gw)::gw: vmaloc=300M is not a parameter")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("::error file=boards/gw.json,title=vmlayout vmalloc>=256M (gw)::")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("::error file=boards/pc-bootargs.txt,line=2,title=vmlayout"
                + " params-effective (pc)::")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("::error file=boards/pc.json,line=3,title=vmlayout no-kernel-warning"
                + " (pc)::pc: the kernel would print: Warning only ")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("::error file=vmlayout.json,line=8,title=vmlayout params-effective"
                + " (g4)::g4: vmalloc=1024M has no effect on powerpc")), r.out());
        assertFalse(r.out().contains("file=ppc7448-2G") || r.out().contains("file=-"), "a built-in profile is not a file: " + r.out());
    }

    @Test
    void githubWorkspaceNamesFilesFromTheRepositoryRoot() throws Exception {
        Path sub = repo.resolve("boards");
        // from a subdirectory: relative to the working directory ...
        JarIT.Run here = check(sub, Map.of(), "--project", "../vmlayout.json", "--format", "github");
        assertTrue(here.out().contains("::error file=gw-bootargs.txt,line=3,"), here.out());
        assertTrue(here.out().contains("::error file=../vmlayout.json,line=8,") || here.out().contains("file=" + repo.resolve("vmlayout.json")),
                here.out());
        // ... and from the repository's root when GitHub says where it is
        JarIT.Run gh = check(sub, Map.of("GITHUB_WORKSPACE", repo.toString()), "--project", "../vmlayout.json", "--format", "github");
        assertTrue(gh.out().contains("::error file=boards/gw-bootargs.txt,line=3,"), gh.out());
        assertTrue(gh.out().contains("::error file=vmlayout.json,line=8,"), gh.out());
    }

    @Test
    void junit() throws Exception {
        JarIT.Run r = check(repo, Map.of(), "--format", "junit");
        assertEquals(1, r.status(), r.toString());
        String out = r.out();
        assertTrue(out.contains("<testsuite name=\"gw\" tests=\"4\" failures=\"4\" errors=\"0\" skipped=\"0\" file=\"boards/gw.json\">"), out);
        assertTrue(out.contains("<testsuite name=\"pc\" tests=\"3\" failures=\"3\" errors=\"0\" skipped=\"0\" file=\"boards/pc.json\">"), out);
        assertTrue(out.contains("<testsuite name=\"g4\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"0\" file=\"vmlayout.json\">"), out);
        assertTrue(out.contains(">boards/gw-bootargs.txt:3: vmaloc=300M is not a parameter"), out);
        assertTrue(out.contains(">boards/gw.json:5: RAM dropped is 256 MB"), out);
        assertTrue(out.contains(">vmlayout.json:8: vmalloc=1024M has no effect on powerpc"), out);
        assertTrue(out.contains("<testcase name=\"vmalloc&gt;=256M\" classname=\"gw\">"), out);
    }

    @Test
    void sarif() throws Exception {
        JarIT.Run r = check(repo, Map.of(), "--format", "sarif");
        assertEquals(1, r.status(), r.toString());
        JsonNode results = M.readTree(r.out()).get("runs").get(0).get("results");
        List<String> located = new ArrayList<>();
        for (JsonNode res : results) {
            JsonNode loc = res.get("locations").get(0).get("physicalLocation");
            located.add(res.get("properties").get("board").asText() + " " + res.get("ruleId").asText() + " "
                    + loc.get("artifactLocation").get("uri").asText() + (loc.has("region") ? ":" + loc.get("region").get("startLine").asInt() : ""));
        }
        assertTrue(located.contains("gw dropped boards/gw.json:5"), located.toString());
        assertTrue(located.contains("gw params-effective boards/gw-bootargs.txt:3"), located.toString());
        assertTrue(located.contains("gw vmalloc boards/gw.json"), located.toString());
        assertTrue(located.contains("pc params-effective boards/pc-bootargs.txt:2"), located.toString());
        assertTrue(located.contains("pc dropped boards/pc.json:3"), located.toString());
        assertTrue(located.contains("g4 params-effective vmlayout.json:8"), located.toString());
    }

    @Test
    void aBoardThatCannotBeReadIsReportedWithTheOthers() throws Exception {
        write("boards/pc.json", "{\"arch\": \"x86\",\n \"ram\": [\"2G\", \"banana\"]}\n");
        JarIT.Run r = check(repo, Map.of(), "--format", "github");
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.out().contains("::error file=boards/pc.json,line=2,title=vmlayout input error (pc)::pc: --profile boards/pc.json:"
                + " line 2: ram[1]: cannot read 'banana'"), r.out());
        assertTrue(r.out().contains("title=vmlayout dropped==0 (gw)"), "the other boards are still checked: " + r.out());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
