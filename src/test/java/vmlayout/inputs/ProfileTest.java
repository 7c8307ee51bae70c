package vmlayout.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vmlayout.config.InputException;

/** Profile files: the fields read, and one line naming what is wrong with a bad one. */
class ProfileTest {

    @Test
    void readsEveryField() {
        Profile p = Profile.parse("{\"name\": \"b\", \"description\": \"d\", \"source\": \"s\", \"arch\": \"arm\","
                + " \"kernel\": \"3.18\", \"ram\": [\"0:512M\", \"0x80000000:512M\"], \"e820\": [],"
                + " \"defines\": {\"HIGHMEM\": \"y\", \"NR_CPUS\": 4, \"SMP\": true}, \"bootargs\": \"mem=256M\"}", "t.json");
        assertEquals("b", p.name);
        assertEquals("d", p.description);
        assertEquals("s", p.source);
        assertEquals("arm", p.arch);
        assertEquals("3.18", p.kernel);
        assertEquals(List.of("0:512M", "0x80000000:512M"), p.ram);
        assertEquals(List.of(), p.e820);
        assertEquals(Map.of("HIGHMEM", "y", "NR_CPUS", "4", "SMP", "y"), p.defines, "true is y, as .config writes it");
        assertEquals(List.of("HIGHMEM", "NR_CPUS", "SMP"), List.copyOf(p.defines.keySet()), "in the file's order");
        assertEquals("mem=256M", p.bootargs);
        assertEquals("t.json", p.origin);
    }

    /** The Embedded Bits board (seed 001) is ARM; its profile's old name, which said SH-4, still loads it and says so. */
    @Test
    void oldNameOfTheEmbeddedBitsProfileStillWorks() {
        Profile now = Profile.load("embeddedbits-arm-512M");
        Profile old = Profile.load("embeddedbits-sh4-512M");
        assertEquals("arm", now.arch);
        assertEquals(now.name, old.name);
        assertEquals(now.ram, old.ram);
        assertEquals(now.defines, old.defines);
        assertEquals(now.bootargs, old.bootargs);
        assertTrue(old.origin.contains("old name embeddedbits-sh4-512M"), old.origin);
        assertTrue(!Profile.builtInNames().contains("embeddedbits-sh4-512M"), "the old name is not listed");
    }

    @Test
    void missingAndNullFieldsAreUnset() {
        Profile p = Profile.parse("{\"arch\": null, \"ram\": null, \"defines\": null}", "t.json");
        assertNull(p.arch);
        assertNull(p.kernel);
        assertEquals(List.of(), p.ram);
        assertTrue(p.defines.isEmpty());
    }

    @Test
    void badProfilesNameTheField() {
        assertEquals("--profile t.json: line 1: rams: unknown field (expected name, description, source, arch, kernel, ram,"
                + " e820, defines, bootargs, model)", message("{\"rams\": []}"));
        assertEquals("--profile t.json: line 1: kernel: must be a string", message("{\"kernel\": 3.18}"));
        assertEquals("--profile t.json: line 1: ram: must be an array of \"START:SIZE\" or SIZE text, a number (the size) or"
                + " {\"start\": ..., \"size\": ...}", message("{\"ram\": \"0:1G\"}"));
        assertEquals("--profile t.json: line 1: ram[0]: expected \"START:SIZE\" or SIZE text, a number (the size) or"
                + " {\"start\": ..., \"size\": ...}, not true", message("{\"ram\": [true]}"));
        assertEquals("--profile t.json: line 1: defines: must be an object of NAME: VALUE", message("{\"defines\": []}"));
        assertEquals("--profile t.json: line 1: defines.HIGHMEM: expected true/false, a number or a text (\"y\", \"0xe0000000\","
                + " \"32M\"), not an array", message("{\"defines\": {\"HIGHMEM\": [\"y\"]}}"));
        assertEquals("--profile t.json: expected a JSON object", message("[]"));
        assertEquals("--profile t.json: expected a JSON object", message(""));
        assertEquals("--profile t.json: not valid JSON at line 1: text after the object", message("{} {}"));
        assertTrue(message("{\"arch\": ").startsWith("--profile t.json: not valid JSON at line 1: "), message("{\"arch\": "));
    }

    /** Issue 19 item 5: JSON booleans and numbers as users write them, each read as the -D text it stands for. */
    @Test
    void jsonBooleansAndNumbersAreRead() {
        Profile p = Profile.parse("{\n  \"arch\": \"arm\",\n  \"ram\": [1073741824, {\"start\": 2147483648, \"size\": \"512M\"}],\n"
                + "  \"defines\": {\n    \"HIGHMEM\": false,\n    \"ARM_LPAE\": true,\n    \"VMALLOC_END\": 4278190080\n  }\n}", "b.json");
        assertEquals(List.of("1073741824", "2147483648:512M"), p.ram);
        assertEquals(Map.of("HIGHMEM", "n", "ARM_LPAE", "y", "VMALLOC_END", "4278190080"), p.defines);
        assertEquals(Map.of("arch", 2, "ram", 3, "defines", 4, "defines.HIGHMEM", 5, "defines.ARM_LPAE", 6, "defines.VMALLOC_END", 7),
                p.lines);
        assertEquals("--profile b.json: line 5: defines.HIGHMEM", p.where("defines.HIGHMEM"));
        Profile e = Profile.parse("{\"e820\": [{\"start\": 0, \"size\": 654336, \"type\": \"usable\"}]}", "pc.json");
        assertEquals(List.of("0:654336:usable"), e.e820);
        // what cannot be a size, an address or a Kconfig value: refused with the key and its line
        assertEquals("--profile t.json: line 3: defines.NR_CPUS: expected true/false, a number or a text (\"y\", \"0xe0000000\","
                + " \"32M\"), not the fraction 1.5", message("{\"defines\": {\n\"SMP\": true,\n\"NR_CPUS\": 1.5}}"));
        assertEquals("--profile t.json: line 2: defines.VMALLOC_END: -1 is negative: expected a size or an address in bytes",
                message("{\"defines\":\n {\"VMALLOC_END\": -1}}"));
        assertEquals("--profile t.json: line 1: ram[0]: \"size\" is missing (expected start, size)", message("{\"ram\": [{\"start\": 0}]}"));
        assertEquals("--profile t.json: line 1: e820[0]: expected \"START:SIZE:TYPE\" text or {\"start\": ..., \"size\": ...,"
                + " \"type\": \"usable\"}, not the number 5", message("{\"e820\": [5]}"));
    }

    /** A value the engine refuses later names the profile's key and line too, and the board boots as the profile says. */
    @Test
    void aBooleanFalseDefineReachesTheEngine() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("profile", ".json");
        java.nio.file.Files.writeString(f, "{\"arch\": \"arm\", \"kernel\": \"4.4\", \"ram\": [\"0:1G\"],\n \"defines\": {\"HIGHMEM\": false}}");
        // 4.4 without HIGHMEM: the last 256 MB of 1 GB are dropped (lowmem ends at VMALLOC_END 0xff800000 - 240 MB - 8 MB)
        vmlayout.CliRunner.Result r = vmlayout.CliRunner.run("--profile", f.toString(), "--format", "json");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.out().contains("\"dropped\" : 268435456"), r.out());
        java.nio.file.Files.writeString(f, "{\"arch\": \"arm\",\n \"ram\": [\"0:1G\"],\n \"defines\": {\"HIGHMEM\": \"maybe\"}}");
        r = vmlayout.CliRunner.run("--profile", f.toString());
        assertEquals(2, r.status());
        assertEquals("vmlayout: --profile " + f + ": line 3: defines.HIGHMEM: cannot read 'maybe': expected y or n\n", r.err());
        java.nio.file.Files.writeString(f, "{\"arch\": \"arm\",\n \"ram\": [\"0:1G\", \"banana\"]}");
        r = vmlayout.CliRunner.run("--profile", f.toString());
        assertTrue(r.err().startsWith("vmlayout: --profile " + f + ": line 2: ram[1]: cannot read 'banana'"), r.err());
        java.nio.file.Files.delete(f);
    }

    @Test
    void aBatchLineIsNamedAsSuch() {
        assertEquals("line 7: arch: must be a string", assertThrows(InputException.class,
                () -> Profile.parse("{\"arch\": 1}", "line 7")).getMessage());
    }

    private static String message(String json) {
        return assertThrows(InputException.class, () -> Profile.parse(json, "t.json")).getMessage();
    }

    /** The build reads the built-in profiles into Java values (BuiltinProfiles): each is what parsing its file gives. */
    @Test
    void builtInProfilesAreTheirFiles() throws Exception {
        java.nio.file.Path dir = java.nio.file.Paths.get("src/main/resources/vmlayout/profiles");
        java.util.List<String> listed = new java.util.ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(dir.resolve("index.txt"))) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                listed.add(line.strip());
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(listed, Profile.builtInNames());
        for (String name : listed) {
            Profile parsed = Profile.parse(java.nio.file.Files.readString(dir.resolve(name + ".json")), "built-in profile " + name);
            Profile built = Profile.load(name);
            for (java.lang.reflect.Field f : Profile.class.getFields()) {
                if (!java.lang.reflect.Modifier.isStatic(f.getModifiers()) && !f.getName().equals("lines")) {
                    org.junit.jupiter.api.Assertions.assertEquals(f.get(parsed), f.get(built), name + " " + f.getName());
                }
            }
        }
    }
}
