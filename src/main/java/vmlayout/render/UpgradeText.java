package vmlayout.render;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import vmlayout.config.Boundary;
import vmlayout.config.Fmt;
import vmlayout.config.Sizes;
import vmlayout.diff.LayoutDiff;
import vmlayout.diff.Upgrade;
import vmlayout.engine.Reservation;

/** The release-by-release part of {@code vmlayout diff} when the sides differ only in --kernel. */
final class UpgradeText {

    private UpgradeText() {
    }

    static void write(Upgrade u, PrintWriter out) {
        out.println("what changes from Linux " + u.a() + " to " + u.b() + " for this board, release by release:");
        List<String> quiet = new ArrayList<>();
        for (Upgrade.StepEffect s : u.steps()) {
            if (!s.affects()) {
                for (Boundary b : s.boundaries()) {
                    quiet.add(b.name() + " (" + b.release() + ")");
                }
                continue;
            }
            out.println("  " + s.from() + " -> " + s.to() + ":");
            for (Boundary b : s.boundaries()) {
                out.println("    " + b.name() + ": " + u.describe(b));
            }
            for (String e : effects(s)) {
                out.println("    effect: " + e);
            }
        }
        if (u.steps().stream().noneMatch(Upgrade.StepEffect::affects)) {
            out.println("  no release boundary between them changes anything vmlayout shows for this board");
        }
        if (!quiet.isEmpty()) {
            out.println("  also crossed, no effect on this board: " + String.join(", ", quiet));
        }
        if (u.notChecked() != null) {
            out.println("  note: " + u.notChecked());
        }
    }

    /** One line per kind of change: RAM, regions, kernel messages, other kernel lines, defaults. */
    static List<String> effects(Upgrade.StepEffect s) {
        LayoutDiff d = s.diff();
        List<String> out = new ArrayList<>();
        List<String> ram = new ArrayList<>();
        for (LayoutDiff.RamChange c : d.ram()) {
            if (c.delta() != 0) {
                ram.add(c.use().id() + " " + Sizes.summary(c.a()) + " -> " + Sizes.summary(c.b()));
            }
        }
        if (!ram.isEmpty()) {
            out.add("RAM " + String.join(", ", ram));
        }
        for (LayoutDiff.RegionChange r : d.regions()) {
            if (!r.moved()) {
                continue;
            }
            if (r.a() == null || r.b() == null) {
                out.add(r.name() + (r.a() == null ? " appears" : " vanishes"));
                continue;
            }
            out.add(r.name() + " moves: " + String.join(", ", r.deltas()));
        }
        for (LayoutDiff.ReservationChange r : d.reservations()) {
            if (r.changed()) {
                out.add(reservation(r));
            }
        }
        for (String m : d.onlyA()) {
            out.add("the kernel no longer prints \"" + m + "\"");
        }
        for (String m : d.onlyB()) {
            out.add("the kernel prints \"" + m + "\"");
        }
        if (d.onlyA().isEmpty() && d.onlyB().isEmpty() && !d.sameKernelLines()) {
            out.add("kernel lines change (see the line diff below)");
        }
        for (String x : s.defaultsGone()) {
            out.add("default no longer taken: " + x);
        }
        for (String x : s.defaultsNew()) {
            out.add("default taken: " + x);
        }
        return out;
    }

    /** "reservation cma moves: 0x7f000000 -> 0x6f000000 (16 MB)", "... fails (placed at ... before)", "... appears". */
    static String reservation(LayoutDiff.ReservationChange r) {
        String what = "reservation " + r.label();
        if (r.a() == null) {
            return what + " appears: " + where(r.b());
        }
        if (r.b() == null) {
            return what + " vanishes (was " + where(r.a()) + ")";
        }
        if (r.a().placed() && !r.b().placed()) {
            return what + (r.b().status() == Reservation.Status.FAILED ? " fails" : " is no longer placed by vmlayout")
                    + " (was " + where(r.a()) + ")" + (r.b().why() == null || r.b().why().isEmpty() ? "" : ": " + r.b().why());
        }
        if (!r.a().placed() && r.b().placed()) {
            return what + " is placed (was " + r.a().status().id() + "): " + where(r.b());
        }
        return what + " moves: " + where(r.a()) + " -> " + where(r.b());
    }

    private static String where(Reservation r) {
        if (!r.placed()) {
            return r.status().id() + ", " + Sizes.summary(r.size());
        }
        return Fmt.hex8(r.start()) + "-" + Fmt.hex8(r.end()) + " " + Sizes.summary(r.size()) + " in " + r.zone().id();
    }

    static void json(JsonGenerator g, Upgrade u) throws IOException {
        g.writeObjectFieldStart("releases");
        g.writeStringField("a", u.a().toString());
        g.writeStringField("b", u.b().toString());
        g.writeArrayFieldStart("steps");
        for (Upgrade.StepEffect s : u.steps()) {
            g.writeStartObject();
            g.writeStringField("from", s.from().toString());
            g.writeStringField("to", s.to().toString());
            g.writeArrayFieldStart("boundaries");
            for (Boundary b : s.boundaries()) {
                g.writeStartObject();
                g.writeStringField("name", b.name());
                g.writeStringField("release", b.release().toString());
                g.writeStringField("what", u.describe(b));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeBooleanField("affectsBoard", s.affects());
            g.writeArrayFieldStart("effects");
            for (String e : effects(s)) {
                g.writeString(e);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        if (u.notChecked() != null) {
            g.writeStringField("notChecked", u.notChecked());
        } else {
            g.writeNullField("notChecked");
        }
        g.writeEndObject();
    }
}
