package vmlayout.cli;

import picocli.CommandLine.Option;

/** How results are written: --format, --color (from {@link ColorOption}), --kernel-only, --map. */
public class OutputOptions extends ColorOption {

    public enum Format { text, json, svg }

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output format: ${COMPLETION-CANDIDATES} (default: text).")
    Format format = Format.text;

    @Option(names = "--kernel-only", description = "Print only the lines this kernel prints (to diff against a boot log):"
            + " a layout table the release does not print is vmlayout's and left out.")
    boolean kernelOnly;

    @Option(names = "--map", description = "Draw the address space instead: the virtual space and the physical RAM side by side "
            + "(text; --format svg draws the same picture as SVG).")
    boolean map;
}
