package vmlayout.config;

/**
 * The command line built into the kernel (CONFIG_CMDLINE) and how the kernel combines it with the
 * bootloader's.
 *
 * @param text   CONFIG_CMDLINE
 * @param mode   the Kconfig choice: ARM and powerpc CMDLINE_FROM_BOOTLOADER / CMDLINE_EXTEND /
 *               CMDLINE_FORCE; x86 CMDLINE_BOOL without CMDLINE_OVERRIDE is EXTEND (x86 always puts the
 *               built-in line first), with CMDLINE_OVERRIDE it is FORCE
 * @param source where it was read, e.g. "--config .config"
 */
public record BuiltinCmdline(String text, Mode mode, String source) {

    public enum Mode {
        FROM_BOOTLOADER("CMDLINE_FROM_BOOTLOADER"), EXTEND("CMDLINE_EXTEND"), FORCE("CMDLINE_FORCE");

        private final String kconfig;

        Mode(String kconfig) {
            this.kconfig = kconfig;
        }

        /** The Kconfig name (ARM's and powerpc's spelling). */
        public String kconfig() {
            return kconfig;
        }
    }
}
