package vmlayout.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import vmlayout.render.ColourPolicy;

/**
 * The main job without picocli. Building picocli's model costs about 130 ms of a cold JVM, several
 * times the JVM's own start-up, and a CI job runs vmlayout hundreds of times. So the common case, the
 * main command with plain options ({@code --name=value}, {@code --name value}, {@code -D NAME=VALUE},
 * bare {@code PARAM=VALUE}), is read here into the same {@link MachineOptions} and {@link
 * OutputOptions} objects picocli fills, and runs the same {@link VmlayoutCommand#run}. Anything else
 * (help, a subcommand, an option not listed here, a value it cannot place) returns null and goes to
 * picocli, which is the reference for every option, message and error. FastPathTest checks that both
 * read every option listed here into the same machine.
 */
final class FastPath {

    private FastPath() {
    }

    /** Runs the main job if the arguments are plain enough; otherwise null (picocli takes over). */
    static Integer tryRun(String[] args, PrintWriter out) {
        MachineOptions m = new MachineOptions();
        OutputOptions o = new OutputOptions();
        if (!parse(args, m, o)) {
            return null;
        }
        return VmlayoutCommand.run(m, o, out);
    }

    /** Fills the option objects; false when some argument is not for the fast path. */
    static boolean parse(String[] args, MachineOptions m, OutputOptions o) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-")) {
                if (a.indexOf('=') <= 0) {
                    return false; // a subcommand or a stray word: picocli explains
                }
                m.params.add(a);
                continue;
            }
            String name;
            String value;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else {
                name = a;
                if (name.equals("--kernel-only")) {
                    o.kernelOnly = true;
                    continue;
                }
                if (name.equals("--map")) {
                    o.map = true;
                    continue;
                }
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    return false;
                }
                value = args[++i];
            }
            if (!set(name, value, m, o)) {
                return false;
            }
        }
        return true;
    }

    private static boolean set(String name, String v, MachineOptions m, OutputOptions o) {
        switch (name) {
            case "--arch":
                return once(m.arch) && (m.arch = v) != null;
            case "--kernel":
                return once(m.kernel) && (m.kernel = v) != null;
            case "--ram":
                m.ram.add(v);
                return true;
            case "--e820":
                m.e820.add(v);
                return true;
            case "--cmdline":
                m.cmdline.add(v);
                return true;
            case "--mem":
                m.mem.add(v);
                return true;
            case "--memmap":
                m.memmap.add(v);
                return true;
            case "--vmalloc":
                return once(m.vmalloc) && (m.vmalloc = v) != null;
            case "--highmem":
                return once(m.highmem) && (m.highmem = v) != null;
            case "-D":
            case "--define":
                m.defines.add(v);
                return true;
            case "--page-offset":
                return once(m.pageOffset) && (m.pageOffset = v) != null;
            case "--vmalloc-end":
                return once(m.vmallocEnd) && (m.vmallocEnd = v) != null;
            case "--lowmem-size":
                return once(m.lowmemSize) && (m.lowmemSize = v) != null;
            case "--profile":
                m.profiles.add(v);
                return true;
            case "--cmdline-file":
                m.cmdlineFiles.add(v);
                return true;
            case "--config":
                return once(m.config) && (m.config = v) != null;
            case "--system-map":
                return once(m.systemMap) && (m.systemMap = v) != null;
            case "--dtb":
                return once(m.dtb) && (m.dtb = v) != null;
            case "--uboot-env":
                return once(m.ubootEnv) && (m.ubootEnv = v) != null;
            case "--format":
                return o.format == OutputOptions.Format.text && enumValue(v, List.of("text", "json", "svg")) && (o.format = OutputOptions.Format.valueOf(v.toLowerCase(Locale.ROOT))) != null;
            case "--color":
                return o.color == ColourPolicy.When.auto && enumValue(v, List.of("auto", "always", "never"))
                        && (o.color = ColourPolicy.When.valueOf(v.toLowerCase(Locale.ROOT))) != null;
            default:
                return false;
        }
    }

    /** A single-valued option given twice is picocli's error to report. */
    private static boolean once(String current) {
        return current == null;
    }

    private static boolean enumValue(String v, List<String> allowed) {
        return allowed.contains(v.toLowerCase(Locale.ROOT));
    }
}
