package vmlayout.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * A release boundary of an era class: the static KernelVersion constant NAME of XxxEra, the first release
 * with the new behaviour (src/docs/eras.md has its row, ErasDocTest keeps the two in step). Read from the
 * era classes themselves, so that a new boundary is known wherever boundaries are listed.
 *
 * @param name    the constant's name, e.g. HIGHMEM64G_REMOVED
 * @param release the first release with the new behaviour (an "-rcN" for a fix of the rc cycle)
 * @param era     the era class's simple name (ArmEra, X86Era, PpcEra, CmdlineEra)
 */
public record Boundary(String name, KernelVersion release, String era) {

    /** Every {@code static final KernelVersion} of the given era classes, in declaration order. */
    public static List<Boundary> of(Class<?>... eras) {
        List<Boundary> out = new ArrayList<>();
        for (Class<?> c : eras) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (f.getType() != KernelVersion.class || !Modifier.isStatic(m) || !Modifier.isFinal(m)) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    out.add(new Boundary(f.getName(), (KernelVersion) f.get(null), c.getSimpleName()));
                } catch (IllegalAccessException | RuntimeException e) {
                    throw new IllegalStateException("cannot read " + c.getSimpleName() + "." + f.getName(), e);
                }
            }
        }
        return out;
    }
}
