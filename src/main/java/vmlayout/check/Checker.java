package vmlayout.check;

import java.util.ArrayList;
import java.util.List;
import vmlayout.config.Sizes;
import vmlayout.engine.Ioremap;
import vmlayout.engine.Layout;
import vmlayout.engine.RamUse;
import vmlayout.engine.Region;
import vmlayout.report.Message;

/** Evaluates requirements against a computed layout. */
public final class Checker {

    /** The requirements used when none are given: the kernel must not complain, drop RAM or ignore a parameter. */
    public static final List<String> DEFAULT = List.of(Requirement.NO_KERNEL_WARNING, "dropped==0", Requirement.PARAMS_EFFECTIVE);

    private Checker() {
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
            default:
                throw new IllegalArgumentException(name);
        }
    }

    private static String describe(String metric) {
        switch (metric) {
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
