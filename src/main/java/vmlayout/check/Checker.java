package vmlayout.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vmlayout.config.Sizes;
import vmlayout.engine.Ioremap;
import vmlayout.engine.Layout;
import vmlayout.engine.RamUse;
import vmlayout.engine.Region;
import vmlayout.engine.Reservation;
import vmlayout.report.Message;

/** Evaluates requirements against a computed layout. */
public final class Checker {

    /**
     * The requirements used when none are given: the kernel must not complain, drop RAM or ignore a parameter,
     * and every early reservation asked for (cma=, crashkernel=, a device-tree pool) must be placed.
     */
    public static final List<String> DEFAULT = List.of(Requirement.NO_KERNEL_WARNING, "dropped==0", Requirement.PARAMS_EFFECTIVE,
            Requirement.RESERVATIONS_PLACED);

    private Checker() {
    }

    /** The findings of {@code l} against {@code reqs}, each pointing at the board's input to change. */
    public static List<Finding> check(Layout l, List<Requirement> reqs, BoardSources board) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : check(l, reqs, board.origin)) {
            out.add(new Finding(f.origin(), f.requirement(), f.message(), locate(f, reqs, board)));
        }
        return out;
    }

    /**
     * The line to change for a finding: the board's parameter the message quotes ("vmaloc=300M is not a
     * parameter ..."), else one whose name it quotes ("vmalloc=" ...), else the parameter that sets the
     * requirement's metric (the last vmalloc= for vmalloc and ioremap; mem=, memmap= or highmem= for RAM),
     * else the profile key of the board's RAM for a RAM figure or a kernel message about RAM, else the
     * board's first file.
     */
    static Location locate(Finding f, List<Requirement> reqs, BoardSources b) {
        String m = f.message();
        for (BoardSources.Param p : b.params) {
            if (p.at().hasFile() && p.text().indexOf('=') > 0 && m.contains(p.text())) {
                return p.at();
            }
        }
        for (BoardSources.Param p : b.params) {
            if (p.at().hasFile() && !p.name().isEmpty() && m.contains(p.name() + "=")) {
                return p.at();
            }
        }
        String metric = f.requirement();
        for (Requirement r : reqs) {
            if (r.text().equals(f.requirement())) {
                metric = r.metric();
            }
        }
        boolean vmalloc = metric.equals("vmalloc") || metric.equals("ioremap")
                || metric.equals(Requirement.NO_KERNEL_WARNING) && m.toLowerCase(Locale.ROOT).contains("vmalloc");
        String[] names = vmalloc ? new String[] {"vmalloc"} : new String[] {"mem", "memmap", "highmem"};
        Location param = null;
        for (BoardSources.Param p : b.params) {
            for (String n : names) {
                if (p.at().hasFile() && p.name().equals(n)) {
                    param = p.at(); // the last one: the kernel acts on the last vmalloc= and mem=
                }
            }
        }
        if (param != null) {
            return param;
        }
        if (!vmalloc && !metric.equals(Requirement.PARAMS_EFFECTIVE)) {
            for (String key : new String[] {"ram", "e820"}) {
                Location k = b.keys.get(key);
                if (k != null) {
                    return k;
                }
            }
        }
        return b.primary();
    }

    public static List<Finding> check(Layout l, List<Requirement> reqs, String origin) {
        List<Finding> out = new ArrayList<>();
        for (Requirement r : reqs) {
            if (r.metric().equals(Requirement.NO_KERNEL_WARNING)) {
                for (Message m : l.messages()) {
                    if (m.source() == Message.Source.KERNEL && m.finding()) {
                        out.add(new Finding(origin, r.text(), "the kernel would print: " + m.text()));
                    }
                }
            } else if (r.metric().equals(Requirement.PARAMS_EFFECTIVE)) {
                for (Message m : l.messages()) {
                    if (m.source() == Message.Source.VMLAYOUT && m.finding()) {
                        out.add(new Finding(origin, r.text(), m.text()));
                    }
                }
            } else if (r.metric().equals(Requirement.RESERVATIONS_PLACED)) {
                for (Reservation x : l.reservations()) {
                    if (!x.context() && x.status() == Reservation.Status.FAILED) {
                        out.add(new Finding(origin, r.text(), x.request() + ": " + x.words() + " (" + Sizes.human(x.size())
                                + ") is not placed: " + x.why()));
                    }
                }
            } else {
                long actual = metric(l, r.metric());
                if (!r.holds(actual)) {
                    out.add(new Finding(origin, r.text(), describe(r.metric()) + " is " + Sizes.human(actual)
                            + " (" + actual + " bytes), required " + r.op() + " " + Sizes.human(r.value())));
                }
            }
        }
        return out;
    }

    public static long metric(Layout l, String name) {
        switch (name) {
            case "vmalloc": {
                Region v = l.region("vmalloc");
                return v == null ? 0 : v.size();
            }
            case "lowmem":
                return l.ramBytes(RamUse.LOWMEM);
            case "highmem":
                return l.ramBytes(RamUse.HIGHMEM);
            case "dropped":
                return l.ramBytes(RamUse.DROPPED);
            case "reserved":
                return l.ramBytes(RamUse.RESERVED);
            case "ioremap":
                return Ioremap.largest(l);
            case "cma":
                return cmaBytes(l);
            default:
                throw new IllegalArgumentException(name);
        }
    }

    /** The contiguous memory reserved: the global CMA area and the device tree's CMA pools that were placed. */
    static long cmaBytes(Layout l) {
        long sum = 0;
        for (Reservation x : l.reservations()) {
            if (x.placed() && (x.kind() == Reservation.Kind.CMA || x.kind() == Reservation.Kind.CMA_POOL)) {
                sum += x.size();
            }
        }
        return sum;
    }

    private static String describe(String metric) {
        switch (metric) {
            case "cma":
                return "the CMA reserved";
            case "vmalloc":
                return "the vmalloc area";
            case "ioremap":
                return "the largest ioremap() that fits";
            case "dropped":
                return "RAM dropped";
            case "reserved":
                return "RAM reserved";
            default:
                return metric;
        }
    }
}
