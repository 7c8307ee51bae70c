package vmlayout.engine;

import vmlayout.config.Arch;
import vmlayout.engine.arm.ArmEngine;
import vmlayout.engine.ppc.PpcEngine;
import vmlayout.engine.x86.X86Engine;

/** Picks the engine for an architecture. */
public final class Engines {

    private Engines() {
    }

    public static Engine forArch(Arch arch) {
        return switch (arch) {
            case ARM -> new ArmEngine();
            case X86 -> new X86Engine();
            case PPC -> new PpcEngine();
        };
    }
}
