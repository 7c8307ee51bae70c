package vmlayout.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import vmlayout.config.InputException;

/**
 * One board that check checks: a profile (null: the options alone describe it) with its own bootargs
 * file (null: the profile's bootargs, or the options'). The board options given to check (-D, --kernel,
 * parameters ...) apply over every board.
 *
 * @param profile  a built-in profile name or a profile file, or null
 * @param bootargs a bootargs file ('-' is standard input), or null
 */
public record Board(String profile, String bootargs) {

    /** How findings name the board: "PROFILE + BOOTARGS", one of them, or "-" for the options alone. */
    public String origin() {
        if (profile == null && bootargs == null) {
            return "-";
        }
        if (profile == null) {
            return bootargs;
        }
        return bootargs == null ? profile : profile + " + " + bootargs;
    }

    /**
     * The boards of check's --profile and --cmdline-file options: each profile with the bootargs file (one
     * profile with several bootargs files, or several profiles with one). Several of both would pair every
     * profile with every file, which is refused: --board pairs them.
     *
     * @param withBoards whether --board options were given too (then --cmdline-file would be ambiguous)
     */
    public static List<Board> pairs(List<String> profiles, List<String> bootargsFiles, boolean withBoards) {
        if (profiles.size() > 1 && bootargsFiles.size() > 1) {
            throw new InputException("check: " + profiles.size() + " profiles and " + bootargsFiles.size() + " bootargs"
                    + " files would check every profile with every file (" + profiles.size() * bootargsFiles.size()
                    + " checks): pair each board with its bootargs with --board PROFILE:BOOTARGS");
        }
        if (withBoards && !bootargsFiles.isEmpty()) {
            throw new InputException("check: --cmdline-file " + bootargsFiles.get(0) + " with --board: give each board's"
                    + " bootargs in its --board PROFILE:BOOTARGS");
        }
        List<Board> out = new ArrayList<>();
        List<String> ps = profiles.isEmpty() && !bootargsFiles.isEmpty() ? Collections.singletonList(null) : profiles;
        for (String p : ps) {
            if (bootargsFiles.isEmpty()) {
                out.add(new Board(p, null));
            }
            for (String f : bootargsFiles) {
                out.add(new Board(p, f));
            }
        }
        return out;
    }

    /**
     * {@code PROFILE} or {@code PROFILE:BOOTARGS}: split at the first ':' after which the part before
     * is a profile (a profile file's path may hold a ':' itself).
     */
    public static Board parse(String spec, Predicate<String> isProfile) {
        if (isProfile.test(spec)) {
            return new Board(spec, null);
        }
        for (int i = spec.indexOf(':'); i > 0; i = spec.indexOf(':', i + 1)) {
            String profile = spec.substring(0, i);
            if (isProfile.test(profile)) {
                String bootargs = spec.substring(i + 1);
                if (bootargs.isEmpty()) {
                    break;
                }
                return new Board(profile, bootargs);
            }
        }
        int colon = spec.indexOf(':');
        String profile = colon > 0 ? spec.substring(0, colon) : spec;
        if (colon > 0 && colon == spec.length() - 1 && isProfile.test(profile)) {
            throw new InputException("--board " + spec + ": the bootargs file is missing after the ':'"
                    + " (--board PROFILE:BOOTARGS, or --board PROFILE alone)");
        }
        throw new InputException("--board " + spec + ": expected PROFILE:BOOTARGS, PROFILE a built-in profile (vmlayout"
                + " profiles) or a profile file, BOOTARGS a file; '" + profile + "' is neither");
    }
}
