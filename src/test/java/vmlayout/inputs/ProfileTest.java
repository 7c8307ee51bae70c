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
        assertEquals(Map.of("HIGHMEM", "y", "NR_CPUS", "4", "SMP", "true"), p.defines);
        assertEquals(List.of("HIGHMEM", "NR_CPUS", "SMP"), List.copyOf(p.defines.keySet()), "in the file's order");
        assertEquals("mem=256M", p.bootargs);
        assertEquals("t.json", p.origin);
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
        assertEquals("--profile t.json: unknown field \"rams\" (expected name, description, source, arch, kernel, ram,"
                + " e820, defines, bootargs)", message("{\"rams\": []}"));
        assertEquals("--profile t.json: \"kernel\" must be a string", message("{\"kernel\": 3.18}"));
        assertEquals("--profile t.json: \"ram\" must be an array of strings", message("{\"ram\": \"0:1G\"}"));
        assertEquals("--profile t.json: \"ram\" must be an array of strings", message("{\"ram\": [1]}"));
        assertEquals("--profile t.json: \"defines\" must be an object of NAME: VALUE", message("{\"defines\": []}"));
        assertEquals("--profile t.json: defines.HIGHMEM must be a string", message("{\"defines\": {\"HIGHMEM\": [\"y\"]}}"));
        assertEquals("--profile t.json: expected a JSON object", message("[]"));
        assertEquals("--profile t.json: expected a JSON object", message(""));
        assertEquals("--profile t.json: not valid JSON at line 1: text after the object", message("{} {}"));
        assertTrue(message("{\"arch\": ").startsWith("--profile t.json: not valid JSON at line 1: "), message("{\"arch\": "));
    }

    @Test
    void aBatchLineIsNamedAsSuch() {
        assertEquals("line 7: \"arch\" must be a string", assertThrows(InputException.class,
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
                if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    org.junit.jupiter.api.Assertions.assertEquals(f.get(parsed), f.get(built), name + " " + f.getName());
                }
            }
        }
    }
}
