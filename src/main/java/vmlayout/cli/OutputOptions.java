package vmlayout.cli;

import picocli.CommandLine.Option;
import vmlayout.render.Style;

/** How results are written: --format, --color, --kernel-only, --map. */
public class OutputOptions {

    public enum Format { text, json, svg }

    public enum ColorMode { auto, always, never }

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output format: ${COMPLETION-CANDIDATES} (default: text).")
    Format format = Format.text;

    @Option(names = "--color", paramLabel = "WHEN",
            description = "Colour: ${COMPLETION-CANDIDATES} (default: auto = only on a terminal and when NO_COLOR is not set).")
    ColorMode color = ColorMode.auto;

    @Option(names = "--kernel-only", description = "Print only the kernel's lines (to diff against a boot log).")
    boolean kernelOnly;

    @Option(names = "--map", description = "Draw the address space instead: the virtual space and the physical RAM side by side "
            + "(text; --format svg draws the same picture as SVG).")
    boolean map;

    /** --color always beats NO_COLOR; NO_COLOR beats auto; auto means stdout is a terminal. */
    boolean colour() {
        switch (color) {
            case always:
                return true;
            case never:
                return false;
            default:
                return System.getenv("NO_COLOR") == null && System.console() != null;
        }
    }

    Style style() {
        return colour() ? Style.ansi() : Style.PLAIN;
    }
}
