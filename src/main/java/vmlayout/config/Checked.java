package vmlayout.config;

import java.util.List;

/**
 * How far an engine's era facts reach: the newest release whose rules were checked against kernel
 * source, mailing lists or boot logs, the evidence for its newest facts, and what could not be checked
 * for the releases after it. A newer release is computed with the rules of {@code newest}, and a note
 * says so (see src/docs/eras.md, "How far the facts reach").
 *
 * @param newest     the newest release checked (its stable updates, 6.19.y, count as checked)
 * @param evidence   what the newest facts were read from, in a few words
 * @param notChecked what a newer release may change that vmlayout could not check
 */
public record Checked(KernelVersion newest, String evidence, String notChecked) {

    /**
     * The note for {@code release}, newer than {@code newest}: what it is computed with, the change known to be
     * pending, and the facts of {@code newest} the output rests on ({@code carried}, from the arch's era class).
     */
    public static String pastNote(KernelVersion release, String arch, Checked c, List<String> carried) {
        return "Linux " + release + " is newer than " + c.newest() + ", the newest release vmlayout's " + arch
                + " rules are checked against (" + c.evidence() + "): computed with the rules of " + c.newest()
                + ". Not checked for " + release + ": " + c.notChecked() + "; nor whether it keeps these facts of "
                + c.newest() + " this output rests on: " + String.join("; ", carried) + ".";
    }
}
