package vmlayout.bootargs;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code crashkernel=} as parse_crashkernel() reads it (kernel/kexec.c, kernel/crash_core.c from 4.11,
 * kernel/crash_reserve.c from 6.9; read in the 6.16 crash_reserve.c and the 5.x crash_core.c):
 * the arch passes the whole command line and the RAM figure it chooses ({@code system_ram}), and gets a
 * size and a base (0: "find one").
 * <ul>
 *   <li>get_last_crashkernel(): the last {@code crashkernel=} found by strstr() in the command line
 *       (anywhere, even inside another word) whose value does not end with a known suffix
 *       (",high", ",low", ",cma") when no suffix is asked for, or that ends with the asked one;</li>
 *   <li>a ':' before the first space: the range form {@code start-[end]:size[,...][@offset]}
 *       (parse_crashkernel_mem()), matched against system_ram rounded up to 128 MB from the release
 *       that added the rounding;</li>
 *   <li>otherwise {@code size[@offset]} (parse_crashkernel_simple());</li>
 *   <li>with a suffix, {@code size,high} / {@code size,low} (parse_crashkernel_suffix()).</li>
 * </ul>
 * The kernel's warnings ("crashkernel: ...") are returned as lines to print, in order.
 *
 * @param found   a crashkernel= of the asked kind is on the command line
 * @param ok      the parser returned 0
 * @param size    crash_size (bytes)
 * @param base    crash_base (0: automatic)
 * @param text    the crashkernel= the kernel read, as written
 * @param lines   the kernel's own lines (pr_warn / pr_info of the parser), in order
 */
public record CrashkernelParam(boolean found, boolean ok, long size, long base, String text, List<String> lines) {

    public CrashkernelParam {
        lines = List.copyOf(lines);
    }

    private static final String NAME = "crashkernel=";

    /**
     * Parses as the kernel does.
     *
     * @param cmdline    boot_command_line (the parameters joined by single spaces)
     * @param systemRam  the arch's RAM figure
     * @param suffix     null for crashkernel=X[@Y] and the range form, or ",high" / ",low"
     * @param roundUp    true in the releases that round system_ram up to 128 MB in the range form
     * @param known      the suffixes get_last_crashkernel() skips in this release (",high", ",low" from 3.9,
     *                   ",cma" from 6.16; none before 3.9, which took the last crashkernel= as it was)
     * @param suffixes   memparse's suffix letters in this release
     */
    public static CrashkernelParam parse(String cmdline, long systemRam, String suffix, boolean roundUp,
                                         List<String> known, MemParse.Suffixes suffixes) {
        int at = last(cmdline, suffix, known);
        if (at < 0) {
            return new CrashkernelParam(false, false, 0, 0, "", List.of());
        }
        String value = word(cmdline, at + NAME.length());
        String text = NAME + value;
        List<String> lines = new ArrayList<>();
        String ck = cmdline.substring(at + NAME.length());
        if (suffix != null) {
            return suffixForm(ck, suffix, text, suffixes);
        }
        int colon = ck.indexOf(':');
        int space = ck.indexOf(' ');
        if (colon >= 0 && (space < 0 || colon < space)) {
            return rangeForm(ck, systemRam, roundUp, text, suffixes, lines);
        }
        MemParse.Result s = MemParse.parse(ck, suffixes);
        if (!s.hasDigits()) {
            lines.add("crashkernel: memory value expected");
            return new CrashkernelParam(true, false, 0, 0, text, lines);
        }
        long base = 0;
        int cur = s.end();
        char c = at(ck, cur);
        if (c == '@') {
            base = MemParse.parse(ck, cur + 1, suffixes).value();
        } else if (c != ' ' && c != 0) {
            lines.add("crashkernel: unrecognized char: " + c);
            return new CrashkernelParam(true, false, s.value(), 0, text, lines);
        }
        return new CrashkernelParam(true, true, s.value(), base, text, lines);
    }

    private static CrashkernelParam rangeForm(String ck, long systemRam, boolean roundUp, String text,
                                              MemParse.Suffixes suffixes, List<String> lines) {
        long total = roundUp ? roundUp(systemRam, 128L << 20) : systemRam;
        long size = 0;
        int cur = 0;
        while (true) {
            MemParse.Result st = MemParse.parse(ck, cur, suffixes);
            if (!st.hasDigits()) {
                lines.add("crashkernel: Memory value expected");
                return new CrashkernelParam(true, false, 0, 0, text, lines);
            }
            cur = st.end();
            if (at(ck, cur) != '-') {
                lines.add("crashkernel: '-' expected");
                return new CrashkernelParam(true, false, 0, 0, text, lines);
            }
            cur++;
            long end = -1; // ULLONG_MAX
            if (at(ck, cur) != ':') {
                MemParse.Result e = MemParse.parse(ck, cur, suffixes);
                if (!e.hasDigits()) {
                    lines.add("crashkernel: Memory value expected");
                    return new CrashkernelParam(true, false, 0, 0, text, lines);
                }
                cur = e.end();
                end = e.value();
                if (Long.compareUnsigned(end, st.value()) <= 0) {
                    lines.add("crashkernel: end <= start");
                    return new CrashkernelParam(true, false, 0, 0, text, lines);
                }
            }
            if (at(ck, cur) != ':') {
                lines.add("crashkernel: ':' expected");
                return new CrashkernelParam(true, false, 0, 0, text, lines);
            }
            cur++;
            MemParse.Result sz = MemParse.parse(ck, cur, suffixes);
            if (!sz.hasDigits()) {
                lines.add("crashkernel: Memory value expected");
                return new CrashkernelParam(true, false, 0, 0, text, lines);
            }
            cur = sz.end();
            if (Long.compareUnsigned(sz.value(), total) >= 0) {
                lines.add("crashkernel: invalid size");
                return new CrashkernelParam(true, false, 0, 0, text, lines);
            }
            if (Long.compareUnsigned(total, st.value()) >= 0 && Long.compareUnsigned(total, end) < 0) {
                size = sz.value();
                break;
            }
            // "} while (*cur++ == ',');"
            char c = at(ck, cur);
            cur++;
            if (c != ',') {
                break;
            }
        }
        long base = 0;
        if (size > 0) {
            while (cur < ck.length() && ck.charAt(cur) != ' ' && ck.charAt(cur) != '@') {
                cur++;
            }
            if (at(ck, cur) == '@') {
                MemParse.Result b = MemParse.parse(ck, cur + 1, suffixes);
                if (!b.hasDigits()) {
                    lines.add("crashkernel: Memory value expected after '@'");
                    return new CrashkernelParam(true, false, size, 0, text, lines);
                }
                base = b.value();
            }
        } else {
            lines.add("crashkernel size resulted in zero bytes");
        }
        return new CrashkernelParam(true, true, size, base, text, lines);
    }

    private static CrashkernelParam suffixForm(String ck, String suffix, String text, MemParse.Suffixes suffixes) {
        List<String> lines = new ArrayList<>();
        MemParse.Result s = MemParse.parse(ck, suffixes);
        if (!s.hasDigits()) {
            lines.add("crashkernel: memory value expected");
            return new CrashkernelParam(true, false, 0, 0, text, lines);
        }
        int cur = s.end();
        if (!ck.startsWith(suffix, cur)) {
            lines.add("crashkernel: unrecognized char: " + at(ck, cur));
            return new CrashkernelParam(true, false, s.value(), 0, text, lines);
        }
        cur += suffix.length();
        char c = at(ck, cur);
        if (c != ' ' && c != 0) {
            lines.add("crashkernel: unrecognized char: " + c);
            return new CrashkernelParam(true, false, s.value(), 0, text, lines);
        }
        return new CrashkernelParam(true, true, s.value(), 0, text, lines);
    }

    /** get_last_crashkernel(): the index of the last "crashkernel=" of the asked kind, or -1. */
    static int last(String cmdline, String suffix, List<String> known) {
        int found = -1;
        int p = cmdline.indexOf(NAME);
        while (p >= 0) {
            int end = cmdline.indexOf(' ', p);
            if (end < 0) {
                end = cmdline.length();
            }
            String upto = cmdline.substring(p, end);
            if (suffix == null) {
                boolean skipped = false;
                for (String s : known) {
                    if (upto.endsWith(s)) {
                        skipped = true;
                        break;
                    }
                }
                if (!skipped) {
                    found = p;
                }
            } else if (upto.endsWith(suffix)) {
                found = p;
            }
            p = cmdline.indexOf(NAME, p + 1);
        }
        return found;
    }

    private static String word(String s, int from) {
        int end = s.indexOf(' ', from);
        return s.substring(from, end < 0 ? s.length() : end);
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private static long roundUp(long v, long to) {
        return (v + to - 1) / to * to;
    }
}
