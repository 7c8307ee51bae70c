package vmlayout.config;

/**
 * A kernel release such as 2.6.37, 3.18, 4.4.75 or 6.1. The numeric part and an "-rcN" count: "4.4.75-cip6",
 * "v5.10" and "6.15.0-rc2-custom+" are read as 4.4.75, 5.10 and 6.15-rc2.
 *
 * <p>An -rc is ordered with its release ({@link #compareTo} ignores {@code rc}): it has the release's
 * merge-window changes, which is what almost every era boundary is. The few fixes that land during the
 * rc cycle are era facts that also read {@link #rcBefore} (e.g. 6.15's "for for" text, fixed in -rc7).
 *
 * @param rc the N of "-rcN", 0 for a release
 */
public record KernelVersion(int major, int minor, int patch, int sub, int rc) implements Comparable<KernelVersion> {

    public KernelVersion(int major, int minor, int patch, int sub) {
        this(major, minor, patch, sub, 0);
    }

    public static KernelVersion of(int major, int minor) {
        return new KernelVersion(major, minor, 0, 0);
    }

    public static KernelVersion of(int major, int minor, int patch) {
        return new KernelVersion(major, minor, patch, 0);
    }

    /** True for an "-rcN" of this release with N below {@code n} (false for the release itself). */
    public boolean rcBefore(int n) {
        return rc > 0 && rc < n;
    }

    public static KernelVersion parse(String s) {
        if (s.contains("..")) {
            throw new InputException("--kernel: '" + s + "' is a range of releases: A..B compares them with"
                    + " 'vmlayout diff --kernel A..B' (the same board under both); elsewhere give one release");
        }
        String t = s.trim();
        if (t.startsWith("v") || t.startsWith("V")) {
            t = t.substring(1);
        }
        int[] parts = new int[4];
        int n = 0;
        int i = 0;
        while (n < 4) {
            int start = i;
            long v = 0;
            while (i < t.length() && Character.isDigit(t.charAt(i)) && t.charAt(i) < 128) {
                v = v * 10 + (t.charAt(i) - '0');
                if (v > 9999) {
                    throw bad(s);
                }
                i++;
            }
            if (i == start) {
                throw bad(s);
            }
            parts[n++] = (int) v;
            if (i < t.length() && t.charAt(i) == '.') {
                i++;
                continue;
            }
            break;
        }
        if (n < 2 || (parts[0] == 2 && n < 3)) {
            throw bad(s);
        }
        if (i < t.length()) {
            char c = t.charAt(i);
            if (c != '-' && c != '+' && c != '_' && c != '~') {
                throw bad(s);
            }
        }
        int rc = rc(t, i);
        KernelVersion v = new KernelVersion(parts[0], parts[1], parts[2], parts[3], rc);
        if (v.major < 2 || v.major > 7 || (v.major == 2 && v.minor != 6)) {
            throw new InputException("--kernel: '" + s + "' is not a release vmlayout models: expected 2.6.x to 7.x");
        }
        return v;
    }

    /** N of an "-rcN" right after the numbers at {@code i} ("-rc2", "-rc2-custom+"), else 0. */
    private static int rc(String t, int i) {
        if (!t.regionMatches(true, i, "-rc", 0, 3)) {
            return 0;
        }
        int j = i + 3;
        int n = 0;
        while (j < t.length() && t.charAt(j) >= '0' && t.charAt(j) <= '9' && n < 1000) {
            n = n * 10 + (t.charAt(j) - '0');
            j++;
        }
        return j > i + 3 ? n : 0;
    }

    private static InputException bad(String s) {
        return new InputException("--kernel: cannot read '" + s + "' as a kernel release: expected e.g. 2.6.37, 3.18, 4.4.75 or 6.1");
    }

    @Override
    public int compareTo(KernelVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) c = Integer.compare(minor, o.minor);
        if (c == 0) c = Integer.compare(patch, o.patch);
        if (c == 0) c = Integer.compare(sub, o.sub);
        return c;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder().append(major).append('.').append(minor);
        if (patch != 0 || sub != 0 || major == 2) {
            b.append('.').append(patch);
        }
        if (sub != 0) {
            b.append('.').append(sub);
        }
        if (rc != 0) {
            b.append("-rc").append(rc);
        }
        return b.toString();
    }
}
