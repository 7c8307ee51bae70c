package vmlayout.bootargs;

import java.util.List;

/**
 * One kernel command-line parameter as {@code next_arg()} splits it.
 *
 * @param name   the text before the first '=' (or the whole word)
 * @param value  the text after the first '=' with surrounding quotes removed; null when there was no '='
 * @param origin where it came from, for messages: "--cmdline", "argument", "--mem", ...
 */
public record Param(String name, String value, String origin) {

    /** The parameter as it would appear on a kernel command line. */
    public String text() {
        return value == null ? name : name + "=" + value;
    }

    /** True when {@code name} matches, the way the kernel's parameq() does ('-' and '_' are the same). */
    public boolean is(String wanted) {
        if (name.length() != wanted.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char a = name.charAt(i) == '-' ? '_' : name.charAt(i);
            char b = wanted.charAt(i) == '-' ? '_' : wanted.charAt(i);
            if (a != b) {
                return false;
            }
        }
        return true;
    }

    /** Some parameter of {@code params} is {@code wanted} ({@link #is}). */
    public static boolean anyIs(List<Param> params, String wanted) {
        for (Param p : params) {
            if (p.is(wanted)) {
                return true;
            }
        }
        return false;
    }
}
