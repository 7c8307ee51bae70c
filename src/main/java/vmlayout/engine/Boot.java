package vmlayout.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vmlayout.config.Checked;
import vmlayout.config.Defines;
import vmlayout.config.KernelVersion;
import vmlayout.config.Machine;
import vmlayout.config.SymbolCatalog;
import vmlayout.report.Message;

/**
 * One boot of the modelled kernel, as every engine carries it from step to step: the machine, the
 * constants of this run (pinned with -D or derived, {@link Constants}), the boot log so far (messages
 * in log order, starting with what reading the inputs found), the defaults chosen for inputs not given,
 * and the derivation. The steps every engine shares are written here once; an engine's own steps are
 * named after the kernel functions they port and hand their results on as the kernel does.
 */
public final class Boot {

    public final Machine machine;
    public final Constants constants;
    /** The boot log so far: {@link Machine#inputMessages()} first, as they would come first in a boot log. */
    public final List<Message> messages;
    /** Defaults vmlayout chose for inputs not given, shown under "defaults used". */
    public final List<String> defaults;
    public final DerivationLog log;
    public final Engine.Detail detail;
    /** The early reservations so far, in the order the kernel makes them. */
    public final List<Reservation> reservations = new ArrayList<>();

    public Boot(Machine machine, SymbolCatalog symbols, Engine.Detail detail) {
        this.machine = machine;
        this.constants = new Constants(symbols, machine.defines());
        this.messages = new ArrayList<>(machine.inputMessages());
        this.defaults = new ArrayList<>(machine.defaultsUsed());
        this.log = new DerivationLog(detail == Engine.Detail.DERIVATION);
        this.detail = detail;
    }

    /** Whether the kernel's table lines are to be formatted (not for a batch line's summary). */
    public boolean tableText() {
        return detail != Engine.Detail.SUMMARY;
    }

    public void message(Message m) {
        messages.add(m);
    }

    /**
     * The unused-define note, after the engine's last step: a name set with -D (or a shorthand option or
     * a profile entry) that no step asked for had no effect on this arch and release. A value read from
     * a file (--config, --system-map) is not the user's setting: it is named by where it was read, and
     * only when set (a file's "=n" of a symbol this arch does not have says nothing).
     */
    public void noteUnusedDefines() {
        Defines d = machine.defines();
        String on = " has no effect on " + machine.arch().kernelName() + " " + machine.kernel() + ".";
        for (String unused : constants.unused()) {
            if (!d.fromFile(unused)) {
                messages.add(Message.note(d.origin(unused) + on));
            } else if (!d.raw().get(unused).equalsIgnoreCase("n")) {
                messages.add(Message.note(d.origin(unused) + on));
            }
        }
    }

    /**
     * The note for a release that does not print the layout table: before {@code added} (shown in its
     * first form) or from {@code removed} on (shown in its last form, with this release's values).
     *
     * @param firstArch how the arch was called when its kernel first printed the table (ARM, i386)
     * @param removedBy the title of the patch that stopped printing it
     */
    public void noteTableNotPrinted(boolean notYet, String firstArch, KernelVersion added, KernelVersion removed,
                                    String removedBy) {
        KernelVersion k = machine.kernel();
        messages.add(Message.note(notYet
                ? "Linux " + k + " does not print this table yet (" + firstArch + " first prints it in " + added
                + "); shown in its first form."
                : "Linux " + k + " no longer prints this table (removed in " + removed + " by \"" + removedBy
                + "\"); shown in the last form the kernel printed, with this release's values."));
    }

    /**
     * The note for a release newer than the newest the engine's era facts were checked against: it is
     * computed with that release's rules, and what could have changed since is named.
     */
    public void notePastChecked(Checked checked, List<String> carried) {
        messages.add(Message.note(Checked.pastNote(machine.kernel(), machine.arch().name().toLowerCase(Locale.ROOT),
                checked, carried)));
    }

    /**
     * The layout this boot ends with, after the pinned constants are checked against the orders no
     * kernel can break ({@link ConstantRules}: a slip in a -D is refused, exit 2, not printed as a table).
     */
    public Layout layout(List<Region> regions, List<RamRange> ram, List<String> table, boolean tablePrinted) {
        ConstantRules.check(machine, constants);
        return new Layout(machine.arch(), machine.kernel(), machine.params(), regions, ram, messages, table, tablePrinted,
                constants.used(), defaults, log.steps(), reservations);
    }
}
