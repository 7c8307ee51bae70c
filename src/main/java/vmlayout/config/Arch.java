package vmlayout.config;

import java.util.Locale;

/** The 32-bit architectures vmlayout models. */
public enum Arch {
    ARM("arm", "ARM"), X86("x86", "x86"), PPC("ppc", "powerpc");

    private final String id;
    private final String kernelName;

    Arch(String id, String kernelName) {
        this.id = id;
        this.kernelName = kernelName;
    }

    public String id() {
        return id;
    }

    /** The name vmlayout's messages use for it, as kernel people write it: ARM, x86, powerpc. */
    public String kernelName() {
        return kernelName;
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
