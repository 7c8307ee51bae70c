package vmlayout.engine.ppc;

import vmlayout.config.InputException;
import vmlayout.engine.Constants;

/**
 * The processor family a 32-bit powerpc kernel is built for (Kconfig "Processor Type"): it decides
 * the MMU header (book3s/32 or nohash/32) and with it the few layout rules that differ.
 */
enum PpcPlatform {
    /** 6xx/7xx/74xx/e300: hash MMU, BATs, segments (asm/book3s/32/pgtable.h). */
    BOOK3S_32("PPC_BOOK3S_32", false),
    /** MPC8xx (asm/nohash/32/mmu-8xx.h). */
    PPC_8XX("PPC_8XX", true),
    /** 40x (asm/nohash/32). */
    PPC_40X("40X", true),
    /** 44x: pinned 256M TLB entries (asm/mmu-44x.h PPC_PIN_SIZE). */
    PPC_44X("44X", true),
    /** e500 / FSL_BOOKE. */
    PPC_85XX("PPC_85XX", false);

    /** The -D name. */
    final String symbol;
    /** Kconfig selects NOT_COHERENT_CACHE for it (8xx, 4xx). */
    final boolean notCoherentByDefault;

    PpcPlatform(String symbol, boolean notCoherentByDefault) {
        this.symbol = symbol;
        this.notCoherentByDefault = notCoherentByDefault;
    }

    /** The one platform -D chose (PPC_83XX implies book3s/32), or book3s/32; two at once is an input error. */
    static PpcPlatform read(Constants c) {
        PpcPlatform chosen = null;
        for (PpcPlatform p : values()) {
            Long v = c.pin(p.symbol);
            if (v != null && v != 0) {
                if (chosen != null) {
                    throw new InputException("-D " + p.symbol + "=y: only one processor family can be chosen (already "
                            + chosen.symbol + "): PPC_BOOK3S_32, PPC_8XX, 40X, 44X or PPC_85XX");
                }
                chosen = p;
            }
        }
        Long mpc83xx = c.pin("PPC_83XX");
        if (mpc83xx != null && mpc83xx != 0 && chosen != null && chosen != BOOK3S_32) {
            throw new InputException("-D PPC_83XX=y: MPC83xx is a book3s/32 part and cannot be combined with -D "
                    + chosen.symbol + "=y");
        }
        PpcPlatform p = chosen == null ? BOOK3S_32 : chosen;
        for (PpcPlatform q : values()) {
            if (c.pinned(q.symbol)) {
                c.flag(q.symbol, false, "-D");
            }
        }
        if (chosen == null) {
            c.flag(BOOK3S_32.symbol, true, "vmlayout default platform: book3s/32 (6xx/7xx/74xx)");
        }
        return p;
    }

    boolean isBook3s32() {
        return this == BOOK3S_32;
    }
}
