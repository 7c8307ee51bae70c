package vmlayout.cli;

/**
 * The version from the jar's manifest (Implementation-Version, written by Maven from the pom). The
 * package carries it already, so reading it costs nothing at start-up (a resource lookup cost ~4 ms);
 * Run from classes (tests, the build's man page), the build passes it as -Dvmlayout.version; else "dev".
 */
public final class Version {

    private Version() {
    }

    public static String get() {
        Package p = Version.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v != null ? v : System.getProperty("vmlayout.version", "dev");
    }
}
