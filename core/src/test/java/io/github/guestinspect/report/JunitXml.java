package io.github.guestinspect.report;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads a JUnit report back: validated against {@code schemas/junit.xsd}, parsed with a parser that refuses
 * document types, and checked for counts that match the test cases.
 */
final class JunitXml {
    private static final Schema SCHEMA = schema();

    private JunitXml() {
    }

    private static Schema schema() {
        try {
            URL xsd = Objects.requireNonNull(JunitXml.class.getResource("/schemas/junit.xsd"), "junit.xsd");
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(xsd);
        }
        catch (SAXException exception) {
            throw new IllegalStateException(exception);
        }
    }

    /** The document, once it proved well-formed, schema-valid and consistently counted. */
    static Element read(final byte[] xml) {
        try {
            SCHEMA.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            Element root = document.getDocumentElement();
            assertCountsMatch(root);
            return root;
        }
        catch (SAXException | IOException | ParserConfigurationException exception) {
            throw new AssertionError("not a valid JUnit report: " + exception.getMessage() + "\n"
                    + new String(xml, java.nio.charset.StandardCharsets.UTF_8), exception);
        }
    }

    /** Every suite's counts are those of its test cases, and the root's are the sums over the suites. */
    private static void assertCountsMatch(final Element root) {
        int[] total = new int[4];
        for (Element suite : children(root, "testsuite")) {
            int[] counts = new int[4];
            for (Element testCase : children(suite, "testcase")) {
                counts[0]++;
                counts[1] += children(testCase, "failure").size();
                counts[2] += children(testCase, "error").size();
                counts[3] += children(testCase, "skipped").size();
            }
            assertThat(counts(suite)).as("counts of %s", suite.getAttribute("name")).containsExactly(counts);
            for (int i = 0; i < total.length; i++) {
                total[i] += counts[i];
            }
        }
        assertThat(counts(root)).as("counts of testsuites").containsExactly(total);
    }

    static int[] counts(final Element element) {
        return new int[] {Integer.parseInt(element.getAttribute("tests")),
                Integer.parseInt(element.getAttribute("failures")), Integer.parseInt(element.getAttribute("errors")),
                Integer.parseInt(element.getAttribute("skipped"))};
    }

    static List<Element> children(final Element parent, final String name) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
                children.add(element);
            }
        }
        return children;
    }

    static Element child(final Element parent, final String name) {
        List<Element> children = children(parent, name);
        assertThat(children).as("<%s> in <%s %s>", name, parent.getTagName(), parent.getAttribute("name"))
                .hasSize(1);
        return children.get(0);
    }

    static Element suite(final Element root, final String image) {
        return children(root, "testsuite").stream()
                .filter(suite -> suite.getAttribute("name").equals(JunitReport.SUITE_PREFIX + image)).findFirst()
                .orElseThrow(() -> new AssertionError("no suite for " + image));
    }

    static Element testCase(final Element suite, final String name) {
        return children(suite, "testcase").stream().filter(testCase -> testCase.getAttribute("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no test case " + name));
    }
}
