package io.github.guestinspect.report;

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
import org.w3c.dom.Element;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.github.guestinspect.report.JunitXml.child;
import static io.github.guestinspect.report.JunitXml.children;
import static io.github.guestinspect.report.JunitXml.counts;
import static io.github.guestinspect.report.JunitXml.suite;
import static io.github.guestinspect.report.JunitXml.testCase;
import static io.github.guestinspect.report.PolicyReports.CONTROLS;
import static io.github.guestinspect.report.PolicyReports.CONTROLS_IN_XML;
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

class JunitReportTest {
    private static final String DEBIAN = "out/debian-12.qcow2";
    private static final String ALPINE = "/srv/images/alpine.3.20.raw";

    private final Rule noTelnet = rule("no-telnet", Severity.ERROR);
    private final Rule hygiene = rule("hygiene", Severity.WARNING);
    private final Rule inventory = rule("inventory", Severity.INFO);

    private static byte[] write(final PolicyEvaluation evaluation, final List<InspectionResult> results)
            throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        new JunitReport().write(evaluation, results, output);
        return output.toByteArray();
    }

    private static Element report(final PolicyEvaluation evaluation, final List<InspectionResult> results)
            throws IOException {
        return JunitXml.read(write(evaluation, results));
    }

    private PolicyEvaluation evaluation(final List<String> images, final List<Violation> violations,
                                        final List<ExpiredWaiver> expired) {
        return new PolicyEvaluation(List.of(noTelnet, hygiene, inventory), images, violations, expired);
    }

    @Test
    void shouldWriteOneSuitePerImageAndOneTestCasePerRule() throws IOException {
        Element root = report(evaluation(List.of(DEBIAN, ALPINE), List.of(), List.of()),
                List.of(inspected(DEBIAN), inspected(ALPINE)));

        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(children(root, "testsuite")).extracting(suite -> suite.getAttribute("name"))
                .containsExactly("guest-inspect policy: out/debian-12.qcow2",
                        "guest-inspect policy: /srv/images/alpine.3.20.raw");
        Element alpine = suite(root, ALPINE);
        assertThat(children(alpine, "testcase")).extracting(testCase -> testCase.getAttribute("name"))
                .containsExactly("no-telnet", "hygiene", "inventory");
        assertThat(children(alpine, "testcase")).extracting(testCase -> testCase.getAttribute("classname"))
                .containsOnly("guest-inspect.alpine_3_20_raw");
        assertThat(children(suite(root, DEBIAN), "testcase")).extracting(testCase -> testCase.getAttribute("classname"))
                .containsOnly("guest-inspect.debian-12_qcow2");
        assertThat(counts(alpine)).containsExactly(3, 0, 0, 0);
        assertThat(counts(root)).containsExactly(6, 0, 0, 0);
        assertThat(children(testCase(alpine, "no-telnet"), "failure")).isEmpty();
        assertThat(testCase(alpine, "no-telnet").getChildNodes().getLength()).isZero();
    }

    @Test
    void shouldFailARuleWithActiveErrorViolationsAndListEachWithRootSubjectAndExpectation() throws IOException {
        Element root = report(evaluation(List.of(DEBIAN), List.of(
                violation(noTelnet, DEBIAN, "/dev/sda1", "telnetd 0.17-44", "forbidden (telnetd)"),
                violation(noTelnet, DEBIAN, "/dev/sdb2", "rsh-server 0.17-1", "forbidden (rsh-*)")), List.of()),
                List.of(inspected(DEBIAN)));

        Element failure = child(testCase(suite(root, DEBIAN), "no-telnet"), "failure");
        assertThat(failure.getAttribute("message")).isEqualTo("2 violation(s) of no-telnet (error)");
        assertThat(failure.getAttribute("type")).isEqualTo("error");
        assertThat(failure.getTextContent()).isEqualTo("""
                Rule no-telnet
                /dev/sda1: telnetd 0.17-44: forbidden (telnetd)
                /dev/sdb2: rsh-server 0.17-1: forbidden (rsh-*)
                """);
        assertThat(counts(suite(root, DEBIAN))).containsExactly(3, 1, 0, 0);
    }

    @Test
    void shouldFailAWarningRuleWithTheWarningAsType() throws IOException {
        Element root = report(evaluation(List.of(DEBIAN), List.of(
                violation(hygiene, DEBIAN, "", "file size 5368709120 bytes", "at most 4GiB")), List.of()),
                List.of(inspected(DEBIAN)));

        Element failure = child(testCase(suite(root, DEBIAN), "hygiene"), "failure");
        assertThat(failure.getAttribute("message")).isEqualTo("1 violation(s) of hygiene (warning)");
        assertThat(failure.getAttribute("type")).isEqualTo("warning");
        assertThat(failure.getTextContent()).contains("\nfile size 5368709120 bytes: at most 4GiB\n");
    }

    @Test
    void shouldPassInfoViolationsAndListThemInSystemOut() throws IOException {
        Element root = report(evaluation(List.of(DEBIAN), List.of(
                violation(inventory, DEBIAN, "/dev/sda1", "telnetd 0.17-44", "forbidden (telnetd)")), List.of()),
                List.of(inspected(DEBIAN)));

        Element testCase = testCase(suite(root, DEBIAN), "inventory");
        assertThat(children(testCase, "failure")).isEmpty();
        assertThat(child(testCase, "system-out").getTextContent()).isEqualTo("""
                1 violation(s) of inventory (info, does not fail): Rule inventory
                /dev/sda1: telnetd 0.17-44: forbidden (telnetd)
                """);
        assertThat(counts(root)).containsExactly(3, 0, 0, 0);
    }

    @Test
    void shouldPassWaivedViolationsAndShowTheReasonAndTheLastDay() throws IOException {
        Waiver waiver = new Waiver("debian-*.qcow2", LocalDate.of(2027, 3, 31), "legacy appliance, replaced in Q1");
        Element root = report(evaluation(List.of(DEBIAN), List.of(
                waived(noTelnet, DEBIAN, "/dev/sda1", "telnetd 0.17-44", "forbidden (telnetd)", waiver)), List.of()),
                List.of(inspected(DEBIAN)));

        Element testCase = testCase(suite(root, DEBIAN), "no-telnet");
        assertThat(children(testCase, "failure")).isEmpty();
        assertThat(child(testCase, "system-out").getTextContent()).isEqualTo("""
                1 waived violation(s) of no-telnet:
                /dev/sda1: telnetd 0.17-44: forbidden (telnetd) (waived until 2027-03-31: legacy appliance, \
                replaced in Q1)
                """);
        assertThat(counts(root)).containsExactly(3, 0, 0, 0);
    }

    @Test
    void shouldFailOnTheActiveViolationsAndStillListTheWaivedOnes() throws IOException {
        Waiver waiver = new Waiver("out/*", LocalDate.of(2027, 3, 31), "accepted risk");
        Element root = report(evaluation(List.of(DEBIAN), List.of(
                violation(noTelnet, DEBIAN, "/dev/sda1", "telnetd 0.17-44", "forbidden (telnetd)"),
                waived(noTelnet, DEBIAN, "/dev/sda1", "rsh-server 0.17-1", "forbidden (rsh-*)", waiver)), List.of()),
                List.of(inspected(DEBIAN)));

        Element testCase = testCase(suite(root, DEBIAN), "no-telnet");
        assertThat(child(testCase, "failure").getAttribute("message")).isEqualTo("1 violation(s) of no-telnet (error)");
        assertThat(child(testCase, "failure").getTextContent()).doesNotContain("rsh-server");
        assertThat(child(testCase, "system-out").getTextContent()).contains("rsh-server 0.17-1", "accepted risk");
    }

    @Test
    void shouldMentionAnExpiredWaiverInTheFailureItNoLongerPrevents() throws IOException {
        Waiver old = new Waiver("debian-*", LocalDate.of(2025, 12, 31), "migration to bookworm");
        Element root = report(evaluation(List.of(DEBIAN), List.of(
                violation(noTelnet, DEBIAN, "/dev/sda1", "telnetd 0.17-44", "forbidden (telnetd)")),
                List.of(new ExpiredWaiver("no-telnet", DEBIAN, old))), List.of(inspected(DEBIAN)));

        assertThat(child(testCase(suite(root, DEBIAN), "no-telnet"), "failure").getTextContent()).endsWith(
                "waiver for 'debian-*' expired on 2025-12-31 and no longer applies (migration to bookworm)\n");
    }

    @Test
    void shouldMentionAnExpiredWaiverOfAPassingRuleInSystemOut() throws IOException {
        Waiver old = new Waiver("debian-*", LocalDate.of(2025, 12, 31), "migration to bookworm");
        Element root = report(evaluation(List.of(DEBIAN), List.of(),
                List.of(new ExpiredWaiver("hygiene", DEBIAN, old))), List.of(inspected(DEBIAN)));

        Element testCase = testCase(suite(root, DEBIAN), "hygiene");
        assertThat(children(testCase, "failure")).isEmpty();
        assertThat(child(testCase, "system-out").getTextContent()).contains("expired on 2025-12-31");
    }

    @Test
    void shouldReportAnImageThatCouldNotBeInspectedAsAnErrorAndSkipItsRules() throws IOException {
        String broken = "out/broken.qcow2";
        Element root = report(evaluation(List.of(DEBIAN), List.of(), List.of()),
                List.of(inspected(DEBIAN), failed(broken, FailureKind.CORRUPT,
                        "out/broken.qcow2: qemu-img check found 3 leaked clusters")));

        Element suite = suite(root, broken);
        Element error = child(testCase(suite, "inspection"), "error");
        assertThat(testCase(suite, "inspection").getAttribute("classname")).isEqualTo("guest-inspect.broken_qcow2");
        assertThat(error.getAttribute("message")).isEqualTo("out/broken.qcow2: qemu-img check found 3 leaked clusters");
        assertThat(error.getAttribute("type")).isEqualTo("corrupt");
        assertThat(error.getTextContent()).isEqualTo("the image could not be inspected (corrupt): out/broken.qcow2:"
                + " qemu-img check found 3 leaked clusters");
        assertThat(children(suite, "testcase")).extracting(testCase -> testCase.getAttribute("name"))
                .containsExactly("inspection", "no-telnet", "hygiene", "inventory");
        assertThat(child(testCase(suite, "no-telnet"), "skipped").getAttribute("message"))
                .isEqualTo("not evaluated: the image could not be inspected");
        assertThat(counts(suite)).containsExactly(4, 0, 1, 3);
        assertThat(counts(root)).containsExactly(7, 0, 1, 3);
    }

    @Test
    void shouldReportATimedOutImageEvenWithoutAnyRule() throws IOException {
        Element root = report(new PolicyEvaluation(List.of(), List.of(), List.of(), List.of()),
                List.of(failed("a.qcow2", FailureKind.TIMEOUT, "a.qcow2: no result within 1800 s")));

        assertThat(counts(root)).containsExactly(1, 0, 1, 0);
        assertThat(child(testCase(suite(root, "a.qcow2"), "inspection"), "error").getAttribute("type"))
                .isEqualTo("timeout");
    }

    @Test
    void shouldCountEveryOutcomeOnEachSuiteAndOnTheWhole() throws IOException {
        Waiver waiver = new Waiver("*", LocalDate.of(2027, 1, 1), "tracked in OPS-1");
        Element root = report(evaluation(List.of(DEBIAN, ALPINE), List.of(
                violation(noTelnet, DEBIAN, "/dev/sda1", "telnetd 0.17-44", "forbidden (telnetd)"),
                violation(hygiene, DEBIAN, "/dev/sda1", "/etc/machine-id (33 bytes)", "must be empty"),
                violation(inventory, DEBIAN, "/dev/sda1", "telnetd 0.17-44", "forbidden (telnetd)"),
                waived(noTelnet, ALPINE, "/dev/sda", "busybox-extras 1.36", "forbidden (busybox-extras)", waiver)),
                List.of()), List.of(inspected(DEBIAN), failed("gone.qcow2", FailureKind.MISSING, "gone.qcow2: no such"
                + " file"), inspected(ALPINE)));

        assertThat(children(root, "testsuite")).extracting(suite -> suite.getAttribute("name")).containsExactly(
                JunitReport.SUITE_PREFIX + DEBIAN, JunitReport.SUITE_PREFIX + "gone.qcow2",
                JunitReport.SUITE_PREFIX + ALPINE);
        assertThat(counts(suite(root, DEBIAN))).containsExactly(3, 2, 0, 0);
        assertThat(counts(suite(root, ALPINE))).containsExactly(3, 0, 0, 0);
        assertThat(counts(suite(root, "gone.qcow2"))).containsExactly(4, 0, 1, 3);
        assertThat(counts(root)).containsExactly(10, 2, 1, 3);
    }

    @Test
    void shouldTellImagesWithTheSameFileNameApartByTheirPaths() throws IOException {
        Element root = report(evaluation(List.of("a/disk.qcow2", "b/disk.qcow2", "c/other.qcow2"), List.of(),
                List.of()), List.of(inspected("a/disk.qcow2"), inspected("b/disk.qcow2"), inspected("c/other.qcow2")));

        assertThat(testCase(suite(root, "a/disk.qcow2"), "hygiene").getAttribute("classname"))
                .isEqualTo("guest-inspect.a/disk_qcow2");
        assertThat(testCase(suite(root, "b/disk.qcow2"), "hygiene").getAttribute("classname"))
                .isEqualTo("guest-inspect.b/disk_qcow2");
        assertThat(testCase(suite(root, "c/other.qcow2"), "hygiene").getAttribute("classname"))
                .isEqualTo("guest-inspect.other_qcow2");
    }

    @Test
    void shouldNameEvaluatedImagesTheResultsDoNotList() throws IOException {
        Element root = report(evaluation(List.of("x/y/z.img"), List.of(), List.of()), List.of());

        assertThat(testCase(suite(root, "x/y/z.img"), "no-telnet").getAttribute("classname"))
                .isEqualTo("guest-inspect.z_img");
    }

    @Test
    void shouldWriteAValidReportWithoutImages() throws IOException {
        Element root = report(evaluation(List.of(), List.of(), List.of()), List.of());

        assertThat(children(root, "testsuite")).isEmpty();
        assertThat(counts(root)).containsExactly(0, 0, 0, 0);
    }

    @Test
    void shouldKeepHostileTextFromImagesInsideItsElementsAndPreserveIt() throws IOException {
        String image = HOSTILE_PATH + CONTROLS;
        String imageInAttribute = (HOSTILE_PATH + CONTROLS_IN_XML).replace('\n', ' ');
        byte[] xml = write(evaluation(List.of(image), List.of(
                violation(noTelnet, image, "/dev/sda1" + CONTROLS, HOSTILE_PACKAGE + " 1.0", "forbidden (*)"),
                violation(inventory, image, "/dev/sda1", "]]><!-- " + CONTROLS, "&amp; \"quoted\" 'single'")),
                List.of()), List.of(inspected(image)));
        String text = new String(xml, StandardCharsets.UTF_8);

        Element root = JunitXml.read(xml);

        assertThat(text).doesNotContain("<script>", "<img", "\u0001", "\u001b").contains("&lt;script&gt;");
        assertThat(children(root, "testsuite")).singleElement().satisfies(suite ->
                assertThat(suite.getAttribute("name")).isEqualTo(JunitReport.SUITE_PREFIX + imageInAttribute));
        Element suite = children(root, "testsuite").get(0);
        assertThat(testCase(suite, "no-telnet").getAttribute("classname"))
                .isEqualTo("guest-inspect.\"><img onerror=x>_qcow2a\uFFFDb\uFFFD[31mc d\uFFFDe");
        assertThat(child(testCase(suite, "no-telnet"), "failure").getTextContent())
                .contains("/dev/sda1" + CONTROLS_IN_XML + ": <script>alert(1)</script> 1.0: forbidden (*)\n");
        assertThat(child(testCase(suite, "inventory"), "system-out").getTextContent())
                .contains("/dev/sda1: ]]><!-- " + CONTROLS_IN_XML + ": &amp; \"quoted\" 'single'\n");
    }

    @Test
    void shouldCarryTheFailureMessageOfAnImageOnOneLineInTheAttributeAndWholeInTheText() throws IOException {
        Element root = report(evaluation(List.of(), List.of(), List.of()), List.of(failed("x.qcow2",
                FailureKind.INSPECTION_ERROR, "x.qcow2: guestfs said:\r\n<error>\u0000\tboom\u0007")));

        Element error = child(testCase(suite(root, "x.qcow2"), "inspection"), "error");
        assertThat(error.getAttribute("message")).isEqualTo("x.qcow2: guestfs said: <error>\uFFFD boom\uFFFD");
        assertThat(error.getTextContent()).endsWith("x.qcow2: guestfs said:\n<error>\uFFFD\tboom\uFFFD");
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
                      packages: [telnetd, "rsh-*"]
                  - id: openssl-patched
                    severity: warning
                    require:
                      packages: [{name: openssl, version: ">= 3.0.13"}]
                    except:
                      - {image: "legacy-*.qcow2", until: 2027-03-31, reason: "replaced in Q1"}
                  - id: no-passwords
                    severity: info
                    accounts: [password-set]
                    except:
                      - {image: "legacy-*.qcow2", until: 2026-01-31, reason: "old waiver"}
                """);
        List<InspectionResult> results = List.of(
                inspected("out/golden.qcow2", debian("/dev/sda1", List.of(deb("openssl", "3.0.13", "1")), List.of())),
                inspected("out/legacy-1.qcow2", debian("/dev/sda1", List.of(deb("openssl", "3.0.11", "1~deb12u2"),
                        deb("telnetd", "0.17", "44"), deb(HOSTILE_PACKAGE, "1", "")), List.of("root"))),
                failed("out/broken.qcow2", FailureKind.NOT_A_DISK_IMAGE, "out/broken.qcow2 is not a qcow2 image"));
        PolicyEvaluation evaluation = new PolicyEvaluator(policy, TODAY).evaluate(results);

        Element root = report(evaluation, results);

        assertThat(counts(suite(root, "out/golden.qcow2"))).containsExactly(3, 0, 0, 0);
        Element legacy = suite(root, "out/legacy-1.qcow2");
        assertThat(counts(legacy)).containsExactly(3, 1, 0, 0);
        assertThat(child(testCase(legacy, "no-telnet"), "failure").getTextContent()).isEqualTo("""
                Telnet servers are not allowed
                /dev/sda1: telnetd 0.17-44: forbidden (telnetd)
                """);
        assertThat(child(testCase(legacy, "openssl-patched"), "system-out").getTextContent())
                .contains("openssl 3.0.11-1~deb12u2: openssl >= 3.0.13 (waived until 2027-03-31: replaced in Q1)");
        assertThat(child(testCase(legacy, "no-passwords"), "system-out").getTextContent())
                .contains("/dev/sda1: account root: no password hash in a golden image")
                .contains("waiver for 'legacy-*.qcow2' expired on 2026-01-31 and no longer applies (old waiver)");
        assertThat(counts(suite(root, "out/broken.qcow2"))).containsExactly(4, 0, 1, 3);
        assertThat(counts(root)).containsExactly(10, 1, 1, 3);
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

        new JunitReport().write(evaluation(List.of(DEBIAN), List.of(), List.of()), List.of(), output);

        assertThat(closed).isFalse();
    }

    @Property(tries = 300)
    void shouldStayValidAndPreserveAnyTextModuloWhatXmlCannotCarry(@ForAll("text") final String subject,
                                                                    @ForAll("text") final String image)
            throws IOException {
        Rule rule = rule("r", Severity.ERROR, Optional.of("title " + subject));
        PolicyEvaluation evaluation = new PolicyEvaluation(List.of(rule), List.of(image),
                List.of(violation(rule, image, subject, subject, "expected " + subject)), List.of());

        Element root = report(evaluation, List.of(inspected(image),
                failed(image + "-2", FailureKind.CORRUPT, subject)));

        Element suite = children(root, "testsuite").get(0);
        assertThat(suite.getAttribute("name")).isEqualTo(JunitReport.SUITE_PREFIX + XmlText.attribute(image));
        assertThat(child(testCase(suite, "r"), "failure").getTextContent()).isEqualTo(XmlText.content("title "
                + subject + "\n" + (subject.isEmpty() ? "" : subject + ": ") + subject + ": expected " + subject
                + "\n"));
        assertThat(child(testCase(children(root, "testsuite").get(1), "inspection"), "error").getAttribute("message"))
                .isEqualTo(XmlText.attribute(subject));
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.of(HOSTILE_PACKAGE, HOSTILE_PATH, CONTROLS, "]]>", "\uD83D\uDE00", "\uDE00\uD83D",
                        "\uFFFE\uFFFF", "\r\n\r", "&#0;", "\u0085\u2028"));
    }
}
