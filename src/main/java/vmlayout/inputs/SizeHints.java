package vmlayout.inputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vmlayout.bootargs.MemParse;
import vmlayout.bootargs.Param;
import vmlayout.report.Message;

/**
 * A size without a unit where megabytes were surely meant: {@code mem=512} or {@code --mem 512} is 512
 * bytes to the kernel's memparse() (lib/cmdline.c: a number without a K/M/G suffix is bytes), so the
 * machine is computed as the kernel would compute it, and a note names the size that was probably
 * meant. Only sizes below 1 MiB are flagged: no memory parameter means a size that small.
 */
final class SizeHints {

    /** The memory parameters whose value starts with a size (memparse): mem=, memmap=, vmalloc= ... */
    private static final List<String> SIZED = List.of("mem", "memmap", "vmalloc", "highmem", "reservetop", "cma",
            "crashkernel");

    private SizeHints() {
    }

    /** A loop, not a stream: a cold JVM's first lambda costs ~7 ms, on every run (StartupIT). */
    private static boolean sized(Param p) {
        for (String name : SIZED) {
            if (p.is(name)) {
                return true;
            }
        }
        return false;
    }

    /** One note per parameter whose leading size has no unit and is between 1 byte and 1 MiB. */
    static List<Message> of(List<Param> params, Map<String, String> paramOptions) {
        List<Message> out = new ArrayList<>();
        for (Param p : params) {
            if (p.value() == null || !sized(p) || p.value().indexOf(':') >= 0) {
                continue; // crashkernel=RANGE:SIZE,... has no leading size
            }
            MemParse.Result r = MemParse.parse(p.value(), MemParse.Suffixes.KMGTPE);
            if (!r.hasDigits() || r.suffix() != 0 || r.value() == 0 || Long.compareUnsigned(r.value(), 1L << 20) >= 0) {
                continue;
            }
            String digits = p.value().substring(0, r.digitsEnd());
            String meant = digits + "M" + p.value().substring(r.digitsEnd());
            boolean option = paramOptions.containsKey(p.origin());
            String given = option ? p.origin() + " " + p.value() : p.name() + "=" + p.value();
            String write = option ? p.origin() + " " + meant : p.name() + "=" + meant;
            out.add(Message.note(given + " is " + Long.toUnsignedString(r.value()) + " bytes: a size without a unit is"
                    + " bytes to the kernel (memparse()); for " + digits + " MB write " + write + "."));
        }
        return out;
    }
}
