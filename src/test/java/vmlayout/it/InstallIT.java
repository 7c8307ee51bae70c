package vmlayout.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vmlayout.Tools;

/**
 * The release archive as a user installs it: unpacked into a temporary directory, bin/vmlayout run
 * through a symlink from another directory, with JAVA_HOME set and no java on PATH; man finds the page
 * through PATH; the launcher makes the class-data-sharing archives for the installed jar at the first
 * run and the next runs use them (vmlayout's own classes come from the archive); a mismatched archive is
 * ignored and made again; a missing or old Java is one line and exit 2.
 */
class InstallIT {

    static final String VERSION = System.getProperty("vmlayout.version", "0.1.0");
    static final Path TARBALL = Paths.get("target/vmlayout-" + VERSION + ".tar.gz").toAbsolutePath();
    static final String JAVA_HOME = System.getProperty("java.home");
    /** mem=512M of the default 512 MB at 0 on 4.19: lowmem ends at 0xe0000000, vmalloc from +8 MB to 0xff800000. */
    static final String VMALLOC_ROW = "    vmalloc : 0xe0800000 - 0xff800000   ( 496 MB)\n";

    @TempDir
    Path tmp;
    Path tree;
    Path links;
    Path tools;

    record Run(int status, String out, String err) {
    }

    @BeforeEach
    void unpack() throws Exception {
        Path opt = Files.createDirectories(tmp.resolve("opt"));
        Run untar = exec(List.of("tar", "-xzf", TARBALL.toString(), "-C", opt.toString()), Map.of(), null);
        assertEquals(0, untar.status(), untar.toString());
        tree = opt.resolve("vmlayout-" + VERSION);
        links = Files.createDirectories(tmp.resolve("links"));
        Files.createSymbolicLink(links.resolve("vmlayout"), tree.resolve("bin/vmlayout"));
        tools = toolsWithoutJava();
    }

    @Test
    void releaseArchiveHoldsTheTree() {
        for (String f : List.of("bin/vmlayout", "lib/vmlayout.jar", "share/man/man1/vmlayout.1",
                "share/bash-completion/completions/vmlayout", "share/zsh/site-functions/_vmlayout",
                "share/fish/vendor_completions.d/vmlayout.fish", "LICENSE", "README")) {
            assertTrue(Files.isRegularFile(tree.resolve(f)), f);
        }
        assertTrue(Files.isExecutable(tree.resolve("bin/vmlayout")));
    }

    /** The evidence issue 18 asks for, in one run of the installed tree. */
    @Test
    void installedThroughASymlinkWithJavaHomeAndNoJavaOnPath() throws Exception {
        Map<String, String> env = userEnv();
        Run which = exec(List.of("sh", "-c", "command -v java"), env, null);
        assertTrue(which.status() != 0, "java must not be on this PATH: " + which);

        Run first = vmlayout(env, "--kernel=4.19", "--mem=512M", "--kernel-only");
        assertEquals(0, first.status(), first.toString());
        assertTrue(first.out().contains(VMALLOC_ROW), first.out());
        assertEquals("", first.err());

        // the first run made the archives, in the background, in lib/ (this user owns the tree)
        awaitArchives(tree.resolve("lib"));
        Run main = usesItsArchive(env, "--kernel=4.19", "--mem=512M", "--kernel-only");
        assertEquals(first.out(), main.out());
        // socfpga-de0 (4.4.75, 1 GB at 0, no HIGHMEM) drops RAM: exit 1
        Run check = usesItsArchive(env, "check", "--profile", "socfpga-de0");
        assertEquals(1, check.status(), check.toString());

        Tools.require("man");
        Run man = exec(List.of("man", "-w", "vmlayout"), env, null);
        assertEquals(0, man.status(), "man -w vmlayout with " + env.get("PATH") + ": " + man);
        assertEquals(tree.resolve("share/man/man1/vmlayout.1").toRealPath(), Paths.get(man.out().strip()).toRealPath());
    }

    @Test
    void aTreeTheUserDoesNotOwnLeavesItsArchivesInTheUsersCache() throws Exception {
        makeTreeNotTheUsers();
        Map<String, String> env = userEnv();
        Path cache = tmp.resolve("cache");
        env.put("XDG_CACHE_HOME", cache.toString());
        Run first = vmlayout(env, "--kernel=4.19", "--mem=512M", "--kernel-only");
        assertEquals(0, first.status(), first.toString());
        Path dir = Paths.get(cache + "/vmlayout" + tree.toRealPath());
        awaitArchives(dir);
        assertFalse(Files.exists(tree.resolve("lib/vmlayout.jsa")), "nothing written into the tree");
        assertEquals(first.out(), usesItsArchive(env, "--kernel=4.19", "--mem=512M", "--kernel-only").out());
    }

    /**
     * Each mismatch is ignored silently, the run shares at least the JDK's own archive (never slower than
     * without vmlayout's: a JVM given a mismatched archive shares nothing), and the archives are made
     * again: another Java (here: the same JDK behind a script whose mtime changes), a new jar unpacked over
     * the old one (its mtime changes), the whole tree moved elsewhere (the archive names the jar's path).
     */
    @Test
    void aMismatchedArchiveIsIgnoredAndMadeAgain() throws Exception {
        Path jdk = Files.createDirectories(tmp.resolve("jdk/bin"));
        Path java = jdk.resolve("java");
        Files.writeString(java, "#!/bin/sh\nexec '" + JAVA_HOME + "/bin/java' \"$@\"\n");
        java.toFile().setExecutable(true);
        Map<String, String> env = userEnv();
        env.put("JAVA_HOME", jdk.getParent().toString());
        Run first = vmlayout(env, "--kernel=4.19", "--mem=512M", "--kernel-only");
        assertEquals(0, first.status(), first.toString());
        awaitArchives(tree.resolve("lib"));
        usesItsArchive(env, "--kernel=4.19", "--mem=512M", "--kernel-only");

        // another Java
        long day = 86_400_000L;
        Files.setLastModifiedTime(java, FileTime.fromMillis(Files.getLastModifiedTime(java).toMillis() - day));
        mismatchIgnoredAndMadeAgain(env, first.out());

        // a new jar over the old one
        Path jar = tree.resolve("lib/vmlayout.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + day));
        mismatchIgnoredAndMadeAgain(env, first.out());

        // the tree moved (the symlink follows it)
        Path moved = tmp.resolve("moved/vmlayout-" + VERSION);
        Files.createDirectories(moved.getParent());
        Files.move(tree, moved);
        tree = moved;
        Files.delete(links.resolve("vmlayout"));
        Files.createSymbolicLink(links.resolve("vmlayout"), tree.resolve("bin/vmlayout"));
        env.put("PATH", links + ":" + tree.resolve("bin") + ":" + tools);
        mismatchIgnoredAndMadeAgain(env, first.out());
    }

    private void mismatchIgnoredAndMadeAgain(Map<String, String> env, String expected) throws Exception {
        Path lib = tree.resolve("lib");
        Map<String, String> e = new HashMap<>(env);
        Path log = Files.createTempFile(tmp, "classes", ".log");
        e.put("VMLAYOUT_OPTS", "-Xlog:class+load=info:file=" + log);
        Run mismatched = vmlayout(e, "--kernel=4.19", "--mem=512M", "--kernel-only");
        assertEquals(expected, mismatched.out());
        assertEquals("", mismatched.err(), "a mismatch is silent");
        assertTrue(Files.readString(log, StandardCharsets.UTF_8).lines()
                        .anyMatch(l -> l.contains(" java.lang.Object source: shared objects file")),
                "a mismatched archive is not given to the JVM (which would then share nothing, not even the JDK's archive)");
        long deadline = System.currentTimeMillis() + 180_000;
        while (!madeFor(lib)) {
            if (System.currentTimeMillis() > deadline) {
                fail("the archives were not made again in " + lib);
            }
            Thread.sleep(200);
        }
        usesItsArchive(env, "--kernel=4.19", "--mem=512M", "--kernel-only");
    }

    /** The archives in {@code lib} are complete and made for its jar (its path and mtime). */
    private static boolean madeFor(Path lib) throws IOException {
        Path jvm = lib.resolve("vmlayout.jvm");
        Path stamp = lib.resolve("vmlayout.stamp");
        if (Files.exists(lib.resolve("vmlayout.lock")) || !Files.exists(jvm) || !Files.exists(stamp)) {
            return false;
        }
        Path jar = lib.resolve("vmlayout.jar");
        List<String> made = Files.readAllLines(jvm, StandardCharsets.UTF_8); // the java binary, the jar, the flags that map the archives
        return Files.getLastModifiedTime(stamp).equals(Files.getLastModifiedTime(jar))
                && made.size() == 3 && Files.exists(Paths.get(made.get(1))) && Files.isSameFile(Paths.get(made.get(1)), jar);
    }

    @Test
    void javaMissingOrTooOldIsOneLineAndExitTwo() throws Exception {
        Map<String, String> env = userEnv();
        env.remove("JAVA_HOME");
        assertOneLineError(vmlayout(env, "--mem=512M"), "no Java found");

        env.put("JAVA_HOME", tmp.resolve("nowhere").toString());
        assertOneLineError(vmlayout(env, "--mem=512M"), "JAVA_HOME is " + tmp.resolve("nowhere") + ", which has no bin/java");

        Path old = Files.createDirectories(tmp.resolve("jdk11/bin"));
        Files.writeString(old.resolve("java"), "#!/bin/sh\necho 'openjdk version \"11.0.21\" 2023-10-17' >&2\n");
        old.resolve("java").toFile().setExecutable(true);
        env.put("JAVA_HOME", old.getParent().toString());
        assertOneLineError(vmlayout(env, "--mem=512M"), "needs Java 17 or later; " + old.resolve("java") + " is 11.0.21");

        Files.writeString(old.resolve("java"), "#!/bin/sh\necho 'java version \"1.8.0_392\"' >&2\n");
        assertOneLineError(vmlayout(env, "--mem=512M"), "is 1.8.0_392");
    }

    @Test
    void javaOptsAndVmlayoutOptsReachTheJvm() throws Exception {
        Map<String, String> env = userEnv();
        env.put("VMLAYOUT_CDS", "off");
        env.put("TERM", "xterm");
        // the launcher says whether standard output is a terminal with -Dvmlayout.stdout; the user's options come after
        env.put("VMLAYOUT_OPTS", "-Dvmlayout.stdout=tty");
        assertTrue(vmlayout(env, "--kernel", "4.4", "--ram", "0:1G").out().contains("\u001b["), "VMLAYOUT_OPTS reached the JVM");
        env.remove("VMLAYOUT_OPTS");
        env.put("JAVA_OPTS", "-Dvmlayout.stdout=tty");
        assertTrue(vmlayout(env, "--kernel", "4.4", "--ram", "0:1G").out().contains("\u001b["), "JAVA_OPTS reached the JVM");
        env.put("JAVA_OPTS", "-Xmx1k");
        Run tiny = vmlayout(env, "--mem=512M");
        assertTrue(tiny.status() != 0 && (tiny.out() + tiny.err()).contains("Too small maximum heap"), "JAVA_OPTS=-Xmx1k: " + tiny);
    }

    /** A run may leave the archives' background job behind: let it finish before the directory goes. */
    @AfterEach
    void awaitBackgroundJobs() throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        try (Stream<Path> s = Files.walk(tmp)) {
            for (Path lock : (Iterable<Path>) s.filter(p -> p.endsWith("vmlayout.lock")).toList()::iterator) {
                while (Files.exists(lock) && System.currentTimeMillis() < deadline) {
                    Thread.sleep(200);
                }
            }
        }
    }

    // --- helpers

    private static void assertOneLineError(Run r, String expected) {
        assertEquals(2, r.status(), r.toString());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("vmlayout: ") && r.err().contains(expected), r.err());
    }

    /** Runs vmlayout with -Xshare:on (the JVM refuses a stale archive) and checks vmlayout.Main came from it. */
    private Run usesItsArchive(Map<String, String> env, String... args) throws Exception {
        Map<String, String> e = new HashMap<>(env);
        Path log = Files.createTempFile(tmp, "classes", ".log");
        e.put("VMLAYOUT_OPTS", "-Xshare:on -Xlog:class+load=info:file=" + log);
        Run r = vmlayout(e, args);
        assertTrue(r.status() == 0 || r.status() == 1, r.toString());
        String classes = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(classes.lines().anyMatch(l -> l.contains(" vmlayout.Main source: shared objects file")),
                "vmlayout.Main from the launcher's archive: " + classes.lines().filter(l -> l.contains("vmlayout.")).findFirst());
        return r;
    }

    private static void awaitArchives(Path dir) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        while (!Files.exists(dir.resolve("vmlayout.jvm")) || Files.exists(dir.resolve("vmlayout.lock"))) {
            if (System.currentTimeMillis() > deadline) {
                fail("no class-data-sharing archives in " + dir + " three minutes after the first run");
            }
            Thread.sleep(200);
        }
        for (String a : List.of("vmlayout.jsa", "vmlayout-commands.jsa", "vmlayout-help.jsa")) {
            assertTrue(Files.exists(dir.resolve(a)), dir + "/" + a);
        }
    }

    /** PATH: the symlink's directory, the tree's bin (for man's PATH-relative lookup), then tools without java. */
    private Map<String, String> userEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", links + ":" + tree.resolve("bin") + ":" + tools);
        env.put("JAVA_HOME", JAVA_HOME);
        env.put("HOME", tmp.resolve("home").toString());
        env.put("LANG", "C.UTF-8");
        env.put("TERM", "dumb");
        return env;
    }

    /** Every program of /usr/bin and /bin but java, so that the launcher finds no java on PATH. */
    private Path toolsWithoutJava() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("tools"));
        for (String d : List.of("/usr/bin", "/bin")) {
            try (Stream<Path> s = Files.list(Paths.get(d))) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    String name = p.getFileName().toString();
                    if (!name.equals("java") && !Files.exists(dir.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(dir.resolve(name), p);
                    }
                }
            }
        }
        return dir;
    }

    /** Root owns every tree it may write; as root the tree goes to another user, else it is made read-only. */
    private void makeTreeNotTheUsers() throws Exception {
        boolean root = exec(List.of("id", "-u"), Map.of(), null).out().strip().equals("0");
        List<String> cmd = root ? List.of("chown", "-R", "65534", tree.toString()) : List.of("chmod", "-R", "a-w", tree.toString());
        assertEquals(0, exec(cmd, Map.of(), null).status());
    }

    private Run vmlayout(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(links.resolve("vmlayout").toString()));
        cmd.addAll(List.of(args));
        return exec(cmd, env, tmp.toFile());
    }

    static Run exec(List<String> cmd, Map<String, String> env, File dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (!env.isEmpty()) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        if (dir != null) {
            pb.directory(dir);
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Path out = Files.createTempFile("vmlayout", ".out");
        Path err = Files.createTempFile("vmlayout", ".err");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        int status = pb.start().waitFor();
        Run r = new Run(status, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }
}
