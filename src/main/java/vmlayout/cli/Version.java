package vmlayout.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version from the build (src/main/resources/vmlayout/version.properties, filtered by Maven). */
public final class Version implements IVersionProvider {

    public static String get() {
        try (InputStream in = Version.class.getResourceAsStream("/vmlayout/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[]{"vmlayout " + get()};
    }
}
