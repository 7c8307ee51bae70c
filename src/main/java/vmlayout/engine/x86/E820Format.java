package vmlayout.engine.x86;

import java.util.ArrayList;
import java.util.List;
import vmlayout.config.Fmt;
import vmlayout.report.Message.Level;
import vmlayout.report.Message;

/**
 * The kernel's e820 print-outs, per era:
 * <ul>
 *   <li>up to 3.4: {@code " %s: %016Lx - %016Lx "} + type, end exclusive, type words in parentheses
 *       except the default {@code "type %u"} (print_memory_map() / e820_print_map());</li>
 *   <li>3.5 on: {@code "%s: [mem %#018Lx-%#018Lx] "} + type, end inclusive, bare words; the headers
 *       carry "e820: " from 3.5 to 4.18 (literal strings; 4.19 e820.c has no prefix and no pr_fmt).</li>
 * </ul>
 */
final class E820Format {

    private E820Format() {
    }

    /** e820_print_type() / the switch of print_memory_map(). */
    static String typeWord(X86Era era, int type) {
        String word;
        switch (type) {
            case E820Table.RAM:
                word = "usable";
                break;
            case E820Table.RESERVED:
                word = "reserved";
                break;
            case E820Table.ACPI:
                word = "ACPI data";
                break;
            case E820Table.NVS:
                word = "ACPI NVS";
                break;
            case E820Table.UNUSABLE:
                // E820_UNUSABLE reaches e820_print_type() with the unified e820.c
                word = era.e820Unified.holds() ? "unusable" : null;
                break;
            case E820Table.PMEM:
            case E820Table.PRAM:
                // 4.1 "x86/mm: Add support for the non-standard protected e820 type"
                return era.pram && era.memFormat ? "persistent (type " + type + ")" : "type " + Integer.toUnsignedString(type);
            case E820Table.SOFT_RESERVED:
                word = era.softReserved ? "soft reserved" : null;
                break;
            default:
                word = null;
                break;
        }
        if (word == null) {
            return "type " + Integer.toUnsignedString(type);
        }
        return era.memFormat ? word : "(" + word + ")";
    }

    /** One entry line for {@code who} ("BIOS-e820", "user", "limit_regions start", ...). */
    static String entry(X86Era era, String who, E820Table.Entry e) {
        if (era.memFormat) {
            return who + ": [mem 0x" + Fmt.hex(e.addr, 16) + "-0x" + Fmt.hex(e.addr + e.size - 1, 16) + "] " + typeWord(era, e.type);
        }
        return " " + who + ": " + Fmt.hex(e.addr, 16) + " - " + Fmt.hex(e.addr + e.size, 16) + " " + typeWord(era, e.type);
    }

    /** The whole table as print_memory_map(who) / e820_print_map(who) prints it. */
    static List<Message> table(X86Era era, String who, E820Table t, Level level) {
        List<Message> out = new ArrayList<>();
        for (E820Table.Entry e : t.entries) {
            out.add(Message.kernel(level, entry(era, who, e), false));
        }
        return out;
    }

    static Message biosHeader(X86Era era) {
        return Message.kernel(Level.INFO, era.e820Prefix() + "BIOS-provided physical RAM map:", false);
    }

    static Message userHeader(X86Era era) {
        return Message.kernel(Level.INFO, era.e820Prefix() + "user-defined physical RAM map:", false);
    }

    /** e820_end_pfn()'s line (2.6.27+). */
    static Message lastPfn(X86Era era, long lastPfn, long maxArchPfn) {
        return Message.kernel(Level.INFO, era.e820Prefix() + "last_pfn = 0x" + Long.toHexString(lastPfn) + " max_arch_pfn = 0x"
                + Long.toHexString(maxArchPfn), false);
    }

    /** __e820_add_region() on a full table. */
    static Message tooMany(X86Era era, long start, long size) {
        if (!era.memFormat) {
            return Message.kernel(Level.ERR, "Ooops! Too many entries in the memory map!", true);
        }
        return Message.kernel(Level.ERR, era.e820Prefix() + "too many entries; ignoring [mem " + Fmt.hex8(start) + "-"
                + Fmt.hex8(start + size - 1) + "]", true);
    }

    /**
     * The KERN_DEBUG line of e820_remove_range(): "e820 remove range: %016Lx - %016Lx " (end exclusive, type
     * in parentheses) up to 3.4, "e820: remove [mem %#010Lx-%#010Lx] " (end inclusive) from 3.5; the old
     * type when {@code checkType}.
     */
    static Message remove(X86Era era, long start, long size, int oldType, boolean checkType) {
        if (Long.compareUnsigned(size, -1L - start) > 0) {
            size = -1L - start;
        }
        String type = checkType ? typeWord(era, oldType) : "";
        String text = era.memFormat ? "e820: remove [mem " + Fmt.hex8(start) + "-" + Fmt.hex8(start + size - 1) + "] " + type
                : "e820 remove range: " + Fmt.hex(start, 16) + " - " + Fmt.hex(start + size, 16) + " " + type;
        return Message.kernel(Level.DEBUG, text, false);
    }

    /**
     * The KERN_DEBUG line of e820_update_range() (__e820__range_update() 4.12+): old type "==>" new type,
     * in the form of {@link #remove}.
     */
    static Message update(X86Era era, long start, long size, int oldType, int newType) {
        if (Long.compareUnsigned(size, -1L - start) > 0) {
            size = -1L - start;
        }
        String types = typeWord(era, oldType) + " ==> " + typeWord(era, newType);
        return Message.kernel(Level.DEBUG, era.memFormat ? "e820: update [mem " + Fmt.hex8(start) + "-" + Fmt.hex8(start + size - 1)
                + "] " + types : "e820 update range: " + Fmt.hex(start, 16) + " - " + Fmt.hex(start + size, 16) + " " + types, false);
    }
}
