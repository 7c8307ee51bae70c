package vmlayout.engine;

import vmlayout.bootargs.MemParse;
import vmlayout.bootargs.Param;
import vmlayout.config.Sizes;
import vmlayout.report.Message;

/**
 * vmlayout's note when the kernel's memparse() did not read a parameter's value whole, the same for
 * every engine's early parameters: what the kernel made of it.
 */
public final class MemparseNote {

    private MemparseNote() {
    }

    /**
     * The note, or null when memparse read a number and nothing was left over.
     *
     * @param part     what the number was to be ("SIZE", "START", "a size")
     * @param leftover the text memparse left unread
     * @param kmgOnly  this release's memparse knows only K, M and G (an unread T, P or E says so)
     * @param atHint   what to add when the leftover starts with '@' (null: nothing)
     */
    public static Message of(Param p, String part, MemParse.Result r, String leftover, boolean kmgOnly, String atHint) {
        if (!r.hasDigits()) {
            return Message.note(p.text() + ": no number where " + part + " was expected; the kernel's memparse reads 0 here.");
        }
        if (leftover.isEmpty()) {
            return null;
        }
        char c = Character.toUpperCase(leftover.charAt(0));
        String why = "";
        if (r.suffix() == 0 && "TPE".indexOf(c) >= 0 && kmgOnly) {
            why = " (this release's memparse knows only the K, M and G suffixes)";
        } else if (atHint != null && c == '@') {
            why = " (" + atHint + ")";
        }
        return Message.note(p.text() + ": the kernel's memparse reads " + Sizes.human(r.value()) + " and ignores '" + leftover
                + "'" + why + ".");
    }
}
