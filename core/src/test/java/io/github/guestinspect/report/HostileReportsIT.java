package io.github.guestinspect.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.guestinspect.model.InstalledPackage;
import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.testing.HostileImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the machine-readable and console exporters make of a real inspection of images whose every string attacks
 * them ({@link HostileImages}): JSON keeps each string exactly, SARIF and JUnit stay valid against their schemas
 * and carry the names as data, the console shows every control and bidirectional character escaped.
 */
class HostileReportsIT {
    private static HostileImages hostile;
    private static OperatingSystem text;

    @BeforeAll
    static void inspect() throws Exception {
        hostile = HostileImages.get();
        text = hostile.result("hostile-text.qcow2").operatingSystems().get(0);
    }

    /** The hostile names and versions as the image holds them (the long one shortened in some reports). */
    private static List<String> hostileStrings() {
        List<String> strings = new ArrayList<>(List.of(text.hostname(), text.productName(), text.version()));
        text.packages().stream().filter(p -> !p.name().startsWith("gi-long-")).forEach(p -> {
            strings.add(p.name());
            strings.add(p.fullVersion());
        });
        return strings;
    }

    @Test
    void shouldKeepEveryStringExactlyInJson() throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        new JsonReport().write(hostile.results(), json);

        assertThat(new JsonReport().read(json.toByteArray())).isEqualTo(hostile.results());
        HostileImages.assertHoldsNoSecret("the JSON report", json.toString(StandardCharsets.UTF_8));
        assertThat(new String(json.toByteArray(), StandardCharsets.ISO_8859_1).chars())
                .allMatch(c -> c == '\n' || c >= 0x20 && c < 0x7f);
    }

    @Test
    void shouldShowEveryControlAndBidiCharacterEscapedOnTheConsole() {
        StringWriter table = new StringWriter();
        new TextReport().write(hostile.results(), new PrintWriter(table));
        StringWriter policy = new StringWriter();
        new PolicyTextReport().write(hostile.evaluation(), new PrintWriter(policy));

        HostileImages.assertHoldsNoSecret("the console table", table.toString());
        HostileImages.assertHoldsNoSecret("the console policy listing", policy.toString());
        for (String console : List.of(table.toString(), policy.toString())) {
            assertThat(console.codePoints()).noneMatch(c -> c < 0x20 && c != '\n' || c == 0x7f
                    || c >= 0x80 && c < 0xa0 || c >= 0x202a && c <= 0x202e || c == 0x2028);
        }
        assertThat(table.toString()).contains(TerminalText.safe(text.hostname()), TerminalText.safe(text.version()));
        assertThat(policy.toString()).contains(
                "<script>window.pwned=1</script>x 1.0-1\"><img src=x onerror=window.pwned=2>x",
                "gi-ctl-\\x1b[31mred\\x07bell\\x08bs\\x7fdel\\x9bcsi-x 3.0\\x1b]0;title\\x07-1",
                "gi-bidi-\\u202eexe.txt\\u202c-x 4.0\\u2028line-2", "gi-nul-\\x00-x 5",
                "gi-latin1-\u00e9t\u00e9-x 1.0-\\x9b31m-1", "debian " + TerminalText.safe(text.version()),
                "/home/gi-line\\x0abreak/.bash_history", "/home/gi-latin1-\u00e9t\u00e9/.bash_history");
    }

    @Test
    void shouldWriteSchemaValidSarifThatCarriesTheNamesAsData() throws IOException {
        ByteArrayOutputStream sarif = new ByteArrayOutputStream();
        new SarifReport("0.1.0-test").write(hostile.evaluation(), sarif);

        JsonNode log = SarifSchema.read(sarif.toByteArray());
        HostileImages.assertHoldsNoSecret("the SARIF report", sarif.toString(StandardCharsets.UTF_8));

        List<String> messages = new ArrayList<>();
        log.path("runs").get(0).path("results").forEach(result -> messages.add(result.path("message")
                .path("text").asText()));
        for (InstalledPackage hostilePackage : text.packages()) {
            assertThat(messages).as(hostilePackage.name()).anyMatch(message -> message.contains(
                    hostilePackage.name() + " " + hostilePackage.fullVersion()));
        }
        assertThat(messages).anyMatch(message -> message.contains("debian " + text.version()));
    }

    @Test
    void shouldWriteSchemaValidJunitThatCarriesTheNamesAsData() throws IOException {
        ByteArrayOutputStream junit = new ByteArrayOutputStream();
        new JunitReport().write(hostile.evaluation(), hostile.results(), junit);

        Element root = JunitXml.read(junit.toByteArray());
        HostileImages.assertHoldsNoSecret("the JUnit report", junit.toString(StandardCharsets.UTF_8));

        String content = root.getTextContent();
        for (String hostileString : hostileStrings()) {
            if (!hostileString.equals(text.hostname()) && !hostileString.equals(text.productName())) {
                assertThat(content).as(hostileString).contains(XmlText.content(hostileString));
            }
        }
        assertThat(content).contains("gi-ctl-\uFFFD[31mred\uFFFDbell\uFFFDbs\u007fdel\u009bcsi-x");
    }
}
