package vmlayout.config;

import java.util.Locale;

/** The 32-bit architectures vmlayout models. */
public enum Arch {
    ARM("arm"), X86("x86"), PPC("ppc");

    private final String id;

    Arch(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Accepts the ids and the kernel's own directory names (arm, x86, i386, powerpc, ppc). */
    public static Arch parse(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "arm":
            case "arm32":
                return ARM;
            case "x86":
            case "i386":
            case "x86_32":
                return X86;
            case "ppc":
            case "ppc32":
            case "powerpc":
                return PPC;
            default:
                throw new InputException("--arch: unknown architecture '" + s + "': expected arm, x86 or ppc");
        }
    }
}
