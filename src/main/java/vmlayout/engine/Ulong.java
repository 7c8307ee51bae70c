package vmlayout.engine;

/**
 * The 32-bit kernel's unsigned long: its arithmetic wraps at 2^32, so the engines, which compute in
 * Java's 64-bit long, mask with {@link #M32} where the kernel's value would wrap.
 */
public final class Ulong {

    /** 2^32 - 1: {@code x & M32} is x as a 32-bit unsigned long. */
    public static final long M32 = 0xffffffffL;

    private Ulong() {
    }
}
