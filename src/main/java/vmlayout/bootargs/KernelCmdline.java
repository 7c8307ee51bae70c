package vmlayout.bootargs;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a kernel command line the way kernel/params.c parse_args() and next_arg() do.
 *
 * <ul>
 *   <li>Parameters are separated by white space outside double quotes.</li>
 *   <li>A parameter starting with '"' is quoted as a whole; a value starting with '"' loses that quote
 *       and a closing quote at the end of the word.</li>
 *   <li>The name ends at the first '='; a word without '=' has no value.</li>
 *   <li>A bare "--" ends the kernel's parameters: what follows goes to init (parse_args, 4.x+).</li>
 *   <li>Repeated keys are kept, in order: each occurrence reaches the handler.</li>
 * </ul>
 */
public final class KernelCmdline {

    private final List<Param> params;
    private final String forInit;

    private KernelCmdline(List<Param> params, String forInit) {
        this.params = params;
        this.forInit = forInit;
    }

    public List<Param> params() {
        return params;
    }

    /** The text after a bare "--", handed to init untouched; null when there was none. */
    public String forInit() {
        return forInit;
    }

    public static KernelCmdline parse(String line, String origin) {
        List<Param> out = new ArrayList<>();
        char[] a = line.toCharArray();
        int pos = skipSpaces(a, 0);
        while (pos < a.length) {
            int start = pos;
            boolean inQuote = false;
            boolean quoted = false;
            if (a[pos] == '"') {
                start++;
                inQuote = true;
                quoted = true;
            }
            int i = start;
            int equals = -1;
            for (; i < a.length; i++) {
                if (isSpace(a[i]) && !inQuote) {
                    break;
                }
                if (equals < 0 && a[i] == '=') {
                    equals = i;
                }
                if (a[i] == '"') {
                    inQuote = !inQuote;
                }
            }
            int wordEnd = i;
            // next_arg(): a closing quote at the end of the word is dropped when the word or its value
            // was quoted.
            String name;
            String value = null;
            if (equals < 0) {
                int end = wordEnd;
                if (quoted && end > start && a[end - 1] == '"') {
                    end--;
                }
                name = new String(a, start, end - start);
            } else {
                name = new String(a, start, equals - start);
                int vs = equals + 1;
                int ve = wordEnd;
                boolean valueQuoted = vs < ve && a[vs] == '"';
                if (valueQuoted) {
                    vs++;
                }
                if ((valueQuoted || quoted) && ve > vs && a[ve - 1] == '"') {
                    ve--;
                }
                value = new String(a, vs, Math.max(0, ve - vs));
            }
            pos = skipSpaces(a, wordEnd < a.length ? wordEnd + 1 : wordEnd);
            if (value == null && name.equals("--")) {
                return new KernelCmdline(List.copyOf(out), new String(a, pos, a.length - pos));
            }
            if (!name.isEmpty() || value != null) {
                out.add(new Param(name, value, origin));
            }
        }
        return new KernelCmdline(List.copyOf(out), null);
    }

    private static int skipSpaces(char[] a, int i) {
        while (i < a.length && isSpace(a[i])) {
            i++;
        }
        return i;
    }

    /** The kernel's isspace() on ASCII: space, \t, \n, \v, \f, \r. */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
