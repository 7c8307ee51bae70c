package vmlayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vmlayout.CliRunner;

/**
 * Bad input is exit status 2 and exactly one line on stderr that names the offending token: never a
 * stack trace, never partial output on stdout.
 */
class BadInputTest {

    /** Each case: the arguments, and a piece of the one-line message (the token it must name). */
    static List<Object[]> cases() {
        return List.of(
                c("'512Q'", "--mem=512Q"),
                c("'banana'", "--ram=banana"),
                c("SIZE", "--ram=0x80000000:"),
                c("START", "--ram=:512M"),
                c("'1:2:3'", "--ram=1:2:3"),
                c("size 0", "--ram=0:0"),
                c("'four'", "--kernel=four"),
                c("--kernel", "--kernel="),
                c("'2.4.20'", "--kernel=2.4.20"),
                c("'sparc'", "--arch=sparc"),
                c("'--no-such-option'", "--no-such-option"),
                c("'xml'", "--format=xml"),
                c("'sometimes'", "--color=sometimes"),
                c("--define", "-D"),
                c("'=y'", "-D", "=y"),
                c("FOO", "-D", "FOO=1"),
                c("'maybe'", "-D", "HIGHMEM=maybe"),
                c("32 bits", "-D", "VMALLOC_END=0x1ffffffff"),
                c("'zz'", "-D", "VMALLOC_END=zz"),
                c("'lots'", "--vmalloc=lots"),
                c("--vmalloc", "--vmalloc="),
                c("SIZE", "--mem=@0x80000000"),
                c("START", "--mem=64M@"),
                c("'zz'", "--mem=64M@zz"),
                c("'zz'", "--memmap=64K$zz"),
                c("'3G5'", "--page-offset=3G5"),
                c("'1:2'", "--e820=1:2"),
                c("'purple'", "--e820=0:1M:purple"),
                c("--cmdline", "--cmdline"),
                c("'chekc'", "chekc"),
                c("64 bits", "--mem=99999999999999999999999"),
                c("'2T:1G'", "--ram=2T:1G"),
                c("VMSPLIT_1G", "-D", "VMSPLIT_2G=y", "-D", "VMSPLIT_1G=y"),
                c("--lowmem-size", "--lowmem-size=0x20000000"),
                c("'x'", "--highmem=x"),
                c("'-1'", "--vmalloc=-1"),
                c("'0x'", "--vmalloc-end=0x"));
    }

    private static Object[] c(String token, String... args) {
        return new Object[]{token, args};
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void oneLineExitTwo(String token, String[] args) {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(2, r.status(), r.toString());
        assertEquals("", r.out(), "nothing on stdout");
        String err = r.err();
        assertTrue(err.endsWith("\n") && err.indexOf('\n') == err.length() - 1, "exactly one line: " + err);
        assertTrue(err.startsWith("vmlayout: "), err);
        assertTrue(err.contains(token), "names " + token + ": " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
    }
}
