package vmlayout.cli;

import picocli.CommandLine.Option;
import vmlayout.render.Style;

/** How results are written: --format, --color, --kernel-only. */
public class OutputOptions {

    public enum Format { text, json }

    public enum ColorMode { auto, always, never }

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output format: ${COMPLETION-CANDIDATES} (default: text).")
    Format format = Format.text;

    @Option(names = "--color", paramLabel = "WHEN",
            description = "Colour: ${COMPLETION-CANDIDATES} (default: auto = only on a terminal and when NO_COLOR is not set).")
    ColorMode color = ColorMode.auto;

    @Option(names = "--kernel-only", description = "Print only the kernel's lines (to diff against a boot log).")
    boolean kernelOnly;

    /** --color always beats NO_COLOR; NO_COLOR beats auto; auto means stdout is a terminal. */
    Style style() {
        switch (color) {
            case always:
                return Style.ansi();
            case never:
                return Style.PLAIN;
            default:
                if (System.getenv("NO_COLOR") != null) {
                    return Style.PLAIN;
                }
                return System.console() != null ? Style.ansi() : Style.PLAIN;
        }
    }
}
