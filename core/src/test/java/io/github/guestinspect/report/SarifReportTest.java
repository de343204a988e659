package io.github.guestinspect.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.guestinspect.model.ToolVersion;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.policy.ExpiredWaiver;
import io.github.guestinspect.policy.Policy;
import io.github.guestinspect.policy.PolicyEvaluation;
import io.github.guestinspect.policy.PolicyEvaluator;
import io.github.guestinspect.policy.PolicyParser;
import io.github.guestinspect.policy.Rule;
import io.github.guestinspect.policy.Severity;
import io.github.guestinspect.policy.Violation;
import io.github.guestinspect.policy.Waiver;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.github.guestinspect.report.PolicyReports.CONTROLS;
import static io.github.guestinspect.report.PolicyReports.CONTROLS_IN_JSON;
import static io.github.guestinspect.report.PolicyReports.HOSTILE_PACKAGE;
import static io.github.guestinspect.report.PolicyReports.HOSTILE_PATH;
import static io.github.guestinspect.report.PolicyReports.TODAY;
import static io.github.guestinspect.report.PolicyReports.deb;
import static io.github.guestinspect.report.PolicyReports.debian;
import static io.github.guestinspect.report.PolicyReports.failed;
import static io.github.guestinspect.report.PolicyReports.inspected;
import static io.github.guestinspect.report.PolicyReports.rule;
import static io.github.guestinspect.report.PolicyReports.violation;
import static io.github.guestinspect.report.PolicyReports.waived;
import static org.assertj.core.api.Assertions.assertThat;

class SarifReportTest {
    private static final String DEBIAN = "out/debian-12.qcow2";

    private final Rule noTelnet = rule("no-telnet", Severity.ERROR);
    private final Rule hygiene = rule("hygiene", Severity.WARNING, Optional.empty());
    private final Rule inventory = rule("inventory", Severity.INFO);

    private static byte[] write(final PolicyEvaluation evaluation) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        new SarifReport().write(evaluation, output);
        return output.toByteArray();
    }

    private static JsonNode log(final PolicyEvaluation evaluation) throws IOException {
        return SarifSchema.read(write(evaluation));
    }

    private PolicyEvaluation evaluation(final List<Violation> violations) {
        return new PolicyEvaluation(List.of(noTelnet, hygiene, inventory), List.of(DEBIAN), violations, List.of());
    }

    @Test
    void shouldDescribeTheToolAndTheRulesWithTheirLevels() throws IOException {
        JsonNode log = log(evaluation(List.of()));

        assertThat(log.get("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        assertThat(log.get("runs")).hasSize(1);
        JsonNode driver = log.at("/runs/0/tool/driver");
        assertThat(driver.get("name").asText()).isEqualTo("guest-inspect");
        assertThat(driver.get("version").asText()).isEqualTo(ToolVersion.get()).isNotBlank();
        assertThat(URI.create(driver.get("informationUri").asText()).isAbsolute()).isTrue();
        assertThat(driver.get("rules")).extracting(rule -> rule.get("id").asText())
                .containsExactly("no-telnet", "hygiene", "inventory");
        assertThat(driver.get("rules")).extracting(rule -> rule.at("/shortDescription/text").asText())
                .containsExactly("Rule no-telnet", "hygiene", "Rule inventory");
        assertThat(driver.get("rules")).extracting(rule -> rule.at("/defaultConfiguration/level").asText())
                .containsExactly("error", "warning", "note");
        assertThat(log.at("/runs/0/results")).isEmpty();
    }

    @Test
    void shouldWriteOneResultPerViolationWithItsRuleLevelAndMessage() throws IOException {
        JsonNode log = log(evaluation(List.of(
                violation(noTelnet, DEBIAN, "/dev/sda1", "telnetd 0.17-44", "forbidden (telnetd)"),
                violation(hygiene, DEBIAN, "", "file size 5368709120 bytes", "at most 4GiB"),
                violation(inventory, DEBIAN, "/dev/sda1", "telnetd 0.17-44", "forbidden (telnetd)"))));

        JsonNode results = log.at("/runs/0/results");
        assertThat(results).extracting(result -> result.get("ruleId").asText())
                .containsExactly("no-telnet", "hygiene", "inventory");
        assertThat(results).extracting(result -> result.get("ruleIndex").asInt()).containsExactly(0, 1, 2);
        assertThat(results).extracting(result -> result.get("level").asText())
                .containsExactly("error", "warning", "note");
        assertThat(results).extracting(result -> result.at("/message/text").asText()).containsExactly(
                "telnetd 0.17-44: forbidden (telnetd) (root /dev/sda1)",
                "file size 5368709120 bytes: at most 4GiB",
                "telnetd 0.17-44: forbidden (telnetd) (root /dev/sda1)");
        assertThat(results).allSatisfy(result -> assertThat(result.has("suppressions")).isFalse());
    }

    @Test
    void shouldLocateAResultAtTheImageFileAndLogicallyAtTheRootAndTheSubject() throws IOException {
        JsonNode log = log(new PolicyEvaluation(List.of(noTelnet), List.of("/srv/golden images/debian.qcow2"), List.of(
                violation(noTelnet, "/srv/golden images/debian.qcow2", "/dev/sda1", "telnetd 0.17-44",
                        "forbidden (telnetd)"),
                violation(noTelnet, "/srv/golden images/debian.qcow2", "", "no operating system found",
                        "telnetd not installed")), List.of()));

        JsonNode first = log.at("/runs/0/results/0/locations/0");
        assertThat(first.at("/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("file:///srv/golden%20images/debian.qcow2");
        assertThat(first.get("logicalLocations")).hasSize(2);
        assertThat(first.at("/logicalLocations/0/name").asText()).isEqualTo("/dev/sda1");
        assertThat(first.at("/logicalLocations/1/name").asText()).isEqualTo("telnetd 0.17-44");
        assertThat(first.at("/logicalLocations/1/fullyQualifiedName").asText()).isEqualTo("/dev/sda1: telnetd 0.17-44");
        JsonNode second = log.at("/runs/0/results/1/locations/0");
        assertThat(second.get("logicalLocations")).singleElement()
                .satisfies(logical -> assertThat(logical.get("name").asText()).isEqualTo("no operating system found"));
        assertThat(log.at("/runs/0/results/1/properties/expected").asText()).isEqualTo("telnetd not installed");
    }

    @Test
    void shouldSuppressAWaivedViolationWithTheWaiversReason() throws IOException {
        Waiver waiver = new Waiver("debian-*", LocalDate.of(2027, 3, 31), "legacy appliance, replaced in Q1");
        JsonNode log = log(evaluation(List.of(
                waived(noTelnet, DEBIAN, "/dev/sda1", "telnetd 0.17-44", "forbidden (telnetd)", waiver))));

        JsonNode result = log.at("/runs/0/results/0");
        assertThat(result.get("level").asText()).isEqualTo("error");
        assertThat(result.get("suppressions")).singleElement().satisfies(suppression -> {
            assertThat(suppression.get("kind").asText()).isEqualTo("external");
            assertThat(suppression.get("justification").asText()).isEqualTo("legacy appliance, replaced in Q1");
            assertThat(suppression.at("/properties/until").asText()).isEqualTo("2027-03-31");
        });
    }

    @Test
    void shouldListExpiredWaiversInTheRunsProperties() throws IOException {
        Waiver old = new Waiver("debian-*", LocalDate.of(2025, 12, 31), "migration to bookworm");
        JsonNode log = log(new PolicyEvaluation(List.of(noTelnet), List.of(DEBIAN), List.of(),
                List.of(new ExpiredWaiver("no-telnet", DEBIAN, old))));

        assertThat(log.at("/runs/0/properties/expiredWaivers")).singleElement().satisfies(expired -> {
            assertThat(expired.get("ruleId").asText()).isEqualTo("no-telnet");
            assertThat(expired.get("image").asText()).isEqualTo(DEBIAN);
            assertThat(expired.get("until").asText()).isEqualTo("2025-12-31");
            assertThat(expired.get("reason").asText()).isEqualTo("migration to bookworm");
        });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "out/debian-12.qcow2 | out/debian-12.qcow2",
            "images/debian 12.qcow2 | images/debian%2012.qcow2",
            "/srv/a b.qcow2 | file:///srv/a%20b.qcow2",
            "50%.qcow2 | 50%25.qcow2",
            "%41.qcow2 | %2541.qcow2",
            "a#b?c.qcow2 | a%23b%3Fc.qcow2",
            "c:image.qcow2 | ./c:image.qcow2",
            "dir/c:image.qcow2 | dir/c:image.qcow2",
            "caf\u00e9.qcow2 | caf%C3%A9.qcow2",
            "cafe\u0301.qcow2 | cafe%CC%81.qcow2",
            "\uF900\uD83D\uDE00.raw | %EF%A4%80%F0%9F%98%80.raw",
            "nbsp\u00a0nel\u0085.raw | nbsp%C2%A0nel%C2%85.raw",
            "'\"><img onerror=x>.qcow2' | %22%3E%3Cimg%20onerror=x%3E.qcow2",
            "back\\slash.raw | back%5Cslash.raw",
            "../up.raw | ../up.raw"
    })
    void shouldEncodeTheImagePathAsAUriReference(final String path, final String uri) {
        assertThat(SarifReport.artifactUri(path)).isEqualTo(uri);
    }

    @Property(tries = 1000)
    void shouldEncodeAnyPathAsAUriThatDecodesToIt(@ForAll("anyText") final String path) {
        String uri = SarifReport.artifactUri(path);

        URI parsed = URI.create(uri);
        assertThat(uri).matches("[\\x21-\\x7e]*");
        assertThat(parsed.getFragment()).isNull();
        assertThat(parsed.getQuery()).isNull();
        String expected = UnicodeText.wellFormed(path);
        if (path.startsWith("/")) {
            assertThat(parsed.getScheme()).isEqualTo("file");
            assertThat(parsed.getPath()).isEqualTo(expected);
        }
        else {
            assertThat(parsed.getScheme()).isNull();
            assertThat(parsed.getPath()).isIn(expected, "./" + expected);
        }
    }

    @Test
    void shouldKeepHostileTextFromImagesValidAndPreserved() throws IOException {
        String image = HOSTILE_PATH + CONTROLS;
        byte[] json = write(new PolicyEvaluation(List.of(noTelnet), List.of(image), List.of(
                violation(noTelnet, image, "/dev/sda1" + CONTROLS, HOSTILE_PACKAGE + " 1.0", "forbidden (*)")),
                List.of()));

        JsonNode log = SarifSchema.read(json);

        JsonNode result = log.at("/runs/0/results/0");
        assertThat(result.at("/message/text").asText())
                .isEqualTo(HOSTILE_PACKAGE + " 1.0: forbidden (*) (root /dev/sda1" + CONTROLS_IN_JSON + ")");
        assertThat(result.at("/locations/0/logicalLocations/1/name").asText()).isEqualTo(HOSTILE_PACKAGE + " 1.0");
        assertThat(result.at("/properties/image").asText()).isEqualTo(HOSTILE_PATH + CONTROLS_IN_JSON);
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo(
                "images/%22%3E%3Cimg%20onerror=x%3E.qcow2a%01b%1B%5B31mc%0Ad%EF%BF%BDe");
        assertThat(new String(json, StandardCharsets.UTF_8)).doesNotContain("\u0001", "\u001b", "\n" + "d")
                .contains("\\u0001", "\\u001B");
    }

    @Property(tries = 200)
    void shouldStayValidAndPreserveAnyText(@ForAll("anyText") final String subject,
                                           @ForAll("anyText") final String image) throws IOException {
        Rule rule = rule("r", Severity.WARNING, Optional.of("title " + subject));
        Waiver waiver = new Waiver("*", LocalDate.of(2030, 1, 1), "reason " + subject);
        JsonNode log = log(new PolicyEvaluation(List.of(rule), List.of(image), List.of(
                waived(rule, image, subject, subject, subject, waiver)), List.of()));

        String text = UnicodeText.wellFormed(subject);
        assertThat(log.at("/runs/0/tool/driver/rules/0/shortDescription/text").asText()).isEqualTo("title " + text);
        assertThat(log.at("/runs/0/results/0/properties/subject").asText()).isEqualTo(text);
        assertThat(log.at("/runs/0/results/0/properties/image").asText()).isEqualTo(UnicodeText.wellFormed(image));
        assertThat(log.at("/runs/0/results/0/suppressions/0/justification").asText()).isEqualTo("reason " + text);
    }

    @Test
    void shouldEvaluateAParsedPolicyOnInspectionResults() throws Exception {
        Policy policy = new PolicyParser().parse("policy.yaml", """
                version: 1
                rules:
                  - id: no-telnet
                    description: Telnet servers are not allowed
                    severity: error
                    forbid:
                      packages: [telnetd]
                  - id: openssl-patched
                    severity: warning
                    require:
                      packages: [{name: openssl, version: ">= 3.0.13"}]
                    except:
                      - {image: "legacy-*.qcow2", until: 2027-03-31, reason: "replaced in Q1"}
                  - id: no-passwords
                    severity: info
                    accounts: [password-set]
                """);
        List<InspectionResult> results = List.of(
                inspected("out/golden.qcow2", debian("/dev/sda1", List.of(deb("openssl", "3.0.13", "1")), List.of())),
                inspected("out/legacy-1.qcow2", debian("/dev/sda1", List.of(deb("openssl", "3.0.11", "1~deb12u2"),
                        deb("telnetd", "0.17", "44")), List.of("root"))),
                failed("out/broken.qcow2", FailureKind.CORRUPT, "truncated"));
        PolicyEvaluation evaluation = new PolicyEvaluator(policy, TODAY).evaluate(results);

        JsonNode log = log(evaluation);

        JsonNode results1 = log.at("/runs/0/results");
        assertThat(results1).extracting(result -> result.get("ruleId").asText() + " " + result.get("level").asText()
                + " " + result.has("suppressions")).containsExactly("no-telnet error false",
                "openssl-patched warning true", "no-passwords note false");
        assertThat(results1).extracting(result -> result.at("/locations/0/physicalLocation/artifactLocation/uri")
                .asText()).containsOnly("out/legacy-1.qcow2");
        assertThat(results1.get(1).at("/message/text").asText())
                .isEqualTo("openssl 3.0.11-1~deb12u2: openssl >= 3.0.13 (root /dev/sda1)");
    }

    @Test
    void shouldLetTheSchemaRejectAnInvalidLog() throws IOException {
        ObjectNode log = (ObjectNode) new ObjectMapper().readTree(write(evaluation(List.of(
                violation(noTelnet, DEBIAN, "/dev/sda1", "telnetd 0.17-44", "forbidden (telnetd)")))));
        assertThat(SarifSchema.errors(log)).isEmpty();

        ((ObjectNode) log.at("/runs/0/results/0")).put("level", "fatal");
        assertThat(SarifSchema.errors(log)).isNotEmpty();
        ((ObjectNode) log.at("/runs/0/results/0")).put("level", "error");
        ((ObjectNode) log.at("/runs/0/results/0")).put("ruleIndex", -2);
        assertThat(SarifSchema.errors(log)).isNotEmpty();
        ((ObjectNode) log.at("/runs/0/results/0")).remove("ruleIndex");
        ((ObjectNode) log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation"))
                .put("uri", "out/debian 12.qcow2");
        assertThat(SarifSchema.errors(log)).isNotEmpty();
        ((ObjectNode) log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation"))
                .put("uri", SarifReport.artifactUri("out/debian 12.qcow2"));
        assertThat(SarifSchema.errors(log)).isEmpty();
        ((ObjectNode) log.at("/runs/0/results/0")).remove("message");
        assertThat(SarifSchema.errors(log)).isNotEmpty();
    }

    @Test
    void shouldNameTheVersionItIsGiven() throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        new SarifReport("9.9.9").write(evaluation(List.of()), output);

        assertThat(SarifSchema.read(output.toByteArray()).at("/runs/0/tool/driver/version").asText())
                .isEqualTo("9.9.9");
    }

    @Test
    void shouldLeaveTheStreamOpen() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        OutputStream output = new FilterOutputStream(new ByteArrayOutputStream()) {
            @Override
            public void close() {
                closed.set(true);
            }
        };

        new SarifReport().write(evaluation(List.of()), output);

        assertThat(closed).isFalse();
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.of(HOSTILE_PACKAGE, HOSTILE_PATH, CONTROLS, "/", "", ":", "a:b", "%", "%zz", "#", "?",
                        "\uD83D\uDE00", "\uDE00\uD83D", "//host/share", "\u0000"));
    }
}
