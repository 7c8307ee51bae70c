package vmlayout.suggest;

import vmlayout.config.Fmt;
import vmlayout.config.InputException;
import vmlayout.config.Sizes;

/**
 * A physical range the kernel must never use (--reserve START:SIZE): after the change it may lie in
 * reserved or unused RAM, or outside RAM, but no byte of it may be lowmem or highmem.
 */
public record Reserve(long start, long size) {

    public long end() {
        return start + size;
    }

    public static Reserve parse(String s) {
        int colon = s.indexOf(':');
        if (colon < 0 || s.indexOf(':', colon + 1) >= 0) {
            throw new InputException("--reserve: cannot read '" + s + "': expected START:SIZE, e.g. 0x60000000:256M");
        }
        long start = Sizes.parse(s.substring(0, colon).strip(), "--reserve " + s + " (START)");
        long size = Sizes.parse(s.substring(colon + 1).strip(), "--reserve " + s + " (SIZE)");
        if (size <= 0) {
            throw new InputException("--reserve: '" + s + "' has size 0: expected at least one page");
        }
        if (start < 0 || start >= (1L << 40) || size > (1L << 40) - start) {
            throw new InputException("--reserve: '" + s + "' reaches beyond the 40-bit physical space of LPAE/PAE");
        }
        return new Reserve(start, size);
    }

    @Override
    public String toString() {
        return "reserve " + Fmt.hex8(start) + "-" + Fmt.hex8(end()) + " (" + Sizes.human(size) + ")";
    }
}
