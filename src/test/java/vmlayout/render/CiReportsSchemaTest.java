package vmlayout.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;
import vmlayout.CliRunner;

/**
 * check's CI reports are valid against the schemas the CI systems read (src/test/resources/schemas, see
 * its README for their sources): --format junit against the Jenkins xUnit plugin's junit-10.xsd (with the
 * JDK's XML Schema validator), --format sarif against the OASIS SARIF 2.1.0 schema, --format json against
 * the shipped schema; for passing and failing boards of ARM, x86 and PowerPC, one board per run and all
 * together, and with a board that cannot be read.
 */
class CiReportsSchemaTest {

    @TempDir
    Path dir;

    /** Boards whose outcome is known: name, expected exit status, arguments. */
    static final List<Object[]> BOARDS = List.of(
            // ARM 3.18, 1 GB, HIGHMEM: vmalloc 240 MB, nothing dropped
            new Object[] {"arm pass", 0, List.of("--profile", "marvell-88pa6220-granite2")},
            // ARM 4.4.75, 1 GB without HIGHMEM: 256 MB dropped, the kernel truncates RAM
            new Object[] {"arm fail", 1, List.of("--profile", "socfpga-de0")},
            // the Ubuntu 3.2 i386 PC of the x86-01 log: 751 MB lowmem, the rest highmem
            new Object[] {"x86 pass", 0, List.of("--profile", "ubuntu-3.2-i386-2G")},
            // a near miss: vmaloc= is not a parameter the kernel reads
            new Object[] {"x86 fail", 1, List.of("--arch", "x86", "--kernel", "3.2", "--ram", "2G", "vmaloc=256M")},
            new Object[] {"ppc pass", 0, List.of("--profile", "ppc7448-2G")},
            // vmalloc= does nothing on powerpc
            new Object[] {"ppc fail", 1, List.of("--profile", "ppc7448-2G", "vmalloc=1024M")});

    static List<String> args(String format, List<String> board) {
        List<String> a = new ArrayList<>(List.of("check", "--format", format));
        a.addAll(board);
        return a;
    }

    @SuppressWarnings("unchecked")
    @TestFactory
    List<DynamicTest> everyArchPassingAndFailingValidates() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Object[] b : BOARDS) {
            for (String format : List.of("junit", "sarif", "json")) {
                tests.add(DynamicTest.dynamicTest(format + " " + b[0], () -> {
                    CliRunner.Result r = CliRunner.run(args(format, (List<String>) b[2]).toArray(new String[0]));
                    assertEquals(b[1], r.status(), r.toString());
                    assertValid(format, r.out());
                    if (format.equals("junit")) {
                        assertEquals((int) b[1] == 1, r.out().contains("<failure "), r.out());
                    }
                    if (format.equals("sarif")) {
                        JsonNode results = SchemaCheck.M.readTree(r.out()).get("runs").get(0).get("results");
                        assertEquals((int) b[1] == 1, results.size() > 0, r.out());
                    }
                }));
            }
        }
        return tests;
    }

    @Test
    void severalBoardsAndAnUnreadableOneValidate() throws Exception {
        Path bootargs = dir.resolve("gw bootargs.txt"); // a space: the SARIF uri must encode it
        Files.writeString(bootargs, "console=ttyS0\nvmaloc=300M\n");
        for (String format : List.of("junit", "sarif")) {
            CliRunner.Result r = CliRunner.run("check", "--format", format, "--board", "socfpga-de0:" + bootargs,
                    "--board", "marvell-88pa6220-granite2", "--board", "ppc7448-2G:" + dir.resolve("missing.txt"));
            assertEquals(2, r.status(), r.toString());
            assertValid(format, r.out());
        }
    }

    @Test
    void theValidatorsReject() throws Exception {
        assertFalse(xsdErrors("<testsuites><testsuite name=\"a\"/></testsuites>").isEmpty(), "tests, failures, errors are required");
        assertFalse(SchemaCheck.sarif().validate("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {}}}]}").isEmpty(),
                "a driver needs a name");
    }

    static void assertValid(String format, String out) throws Exception {
        switch (format) {
            case "junit" -> assertEquals(List.of(), xsdErrors(out), out);
            case "sarif" -> assertEquals(List.of(), SchemaCheck.sarif().validate(out), out);
            default -> assertEquals(List.of(), SchemaCheck.shipped().validate(out), out);
        }
    }

    /** The JUnit XML against junit-10.xsd, with the JDK's validator (no network: the XSD imports nothing). */
    static List<String> xsdErrors(String xml) throws IOException {
        URL xsd = CiReportsSchemaTest.class.getResource("/schemas/junit-10.xsd");
        List<String> errors = new ArrayList<>();
        try {
            Validator v = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd).newValidator();
            v.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException e) {
                    errors.add(e.getLineNumber() + ": " + e.getMessage());
                }

                @Override
                public void fatalError(org.xml.sax.SAXParseException e) {
                    errors.add(e.getLineNumber() + ": " + e.getMessage());
                }
            });
            v.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            errors.add(e.getMessage());
        }
        return errors;
    }
}
