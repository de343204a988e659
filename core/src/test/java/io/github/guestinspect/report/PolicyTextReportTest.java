package io.github.guestinspect.report;

import io.github.guestinspect.policy.PolicyEvaluation;
import io.github.guestinspect.policy.Rule;
import io.github.guestinspect.policy.Severity;
import io.github.guestinspect.policy.Violation;
import io.github.guestinspect.policy.Waiver;
import io.github.guestinspect.report.samples.ReportSamples;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.github.guestinspect.report.PolicyReports.CONTROLS;
import static io.github.guestinspect.report.PolicyReports.HOSTILE_PATH;
import static io.github.guestinspect.report.PolicyReports.rule;
import static io.github.guestinspect.report.PolicyReports.violation;
import static io.github.guestinspect.report.PolicyReports.waived;
import static org.assertj.core.api.Assertions.assertThat;

class PolicyTextReportTest {
    private static List<String> lines(final PolicyEvaluation evaluation) {
        StringWriter text = new StringWriter();
        new PolicyTextReport().write(evaluation, new PrintWriter(text));
        return text.toString().lines().toList();
    }

    @Test
    void shouldCountActiveViolationsBySeverityAndTheWaivedApart() {
        List<String> lines = lines(ReportSamples.realistic().policy().orElseThrow());

        assertThat(lines.get(0)).isEmpty();
        assertThat(lines.get(1)).isEqualTo(
                "Policy: 2 error(s), 3 warning(s), 1 info, 1 waived, over 4 image(s) and 4 rule(s)");
    }

    @Test
    void shouldListViolationsByImageThenRuleInPolicyOrder() {
        List<String> lines = lines(ReportSamples.realistic().policy().orElseThrow());

        assertThat(lines).containsSubsequence(
                "  out/web-01.qcow2  no-telnet [error] Telnet servers must not be installed",
                "    /dev/sda1: telnetd 0.17-44: not installed",
                "  out/web-01.qcow2  openssl-min [error] OpenSSL at least 3.0.13",
                "  out/web-01.qcow2  golden-hygiene [warning] Golden images carry no machine identity",
                "    /dev/sda1: /etc/machine-id: must be empty",
                "    /dev/sda1: /etc/ssh/ssh_host_ed25519_key: must not exist",
                "  out/web-01.qcow2  ssh-root-login [info] Root logins over SSH are discouraged",
                "  out/db-01.qcow2  openssl-min [error] OpenSSL at least 3.0.13",
                "  out/edge-alpine.qcow2  golden-hygiene [warning] Golden images carry no machine identity");
        assertThat(lines).noneMatch(line -> line.contains("scratch-disk")); // no violation, no line
    }

    @Test
    void shouldShowAWaiversEndAndReasonBesideWhatItWaivesAndReportExpiredWaivers() {
        List<String> lines = lines(ReportSamples.realistic().policy().orElseThrow());

        assertThat(lines).contains("    /dev/rl/root: openssl 1:3.0.7-25.el9: openssl >= 3.0.13"
                + "  (waived until 2027-03-31: vendor image, replaced in Q1 (OPS-1432))");
        assertThat(lines).last().isEqualTo(
                "  expired waiver: rule golden-hygiene for out/edge-alpine.qcow2 ended 2026-10-01 (migration window)");
    }

    @Test
    void shouldPrintOnlyTheSummaryWhenNothingIsViolated() {
        Rule rule = rule("no-telnet", Severity.ERROR);

        assertThat(lines(new PolicyEvaluation(List.of(rule), List.of("a.qcow2"), List.of(), List.of())))
                .containsExactly("", "Policy: 0 error(s), 0 warning(s), 0 info, 0 waived, over 1 image(s) and 1 rule(s)");
    }

    @Test
    void shouldShowControlCharactersFromImagesAndWaiversInsteadOfObeyingThem() {
        Rule rule = rule("no-telnet", Severity.ERROR);
        String image = "out/a\u0001b\u001b[31mc\nd.qcow2";
        Waiver waiver = new Waiver("*", LocalDate.of(2027, 1, 1), "because\u001b[2J");

        List<String> lines = lines(new PolicyEvaluation(List.of(rule), List.of(image), List.of(
                violation(rule, image, "/dev/sda\u0007", PolicyReports.HOSTILE_PACKAGE + "\n  forged", "not installed"),
                waived(rule, image, "/", "telnetd", "not installed", waiver)), List.of()));

        assertThat(String.join("\n", lines)).doesNotContain("\u001b", "\u0007", "\u0001");
        assertThat(lines).hasSize(5).contains(
                "  out/a\\x01b\\x1b[31mc\\x0ad.qcow2  no-telnet [error] Rule no-telnet",
                "    /dev/sda\\x07: <script>alert(1)</script>\\x0a  forged: not installed",
                "    /: telnetd: not installed  (waived until 2027-01-01: because\\x1b[2J)");
    }

    private static String write(final PolicyEvaluation evaluation) {
        return String.join("\n", lines(evaluation));
    }

    @Test
    void shouldShowTheFirstViolationsOfEachRuleAndImageAndCountTheRest() {
        Rule forbid = rule("no-gi", Severity.ERROR);
        Rule other = rule("other", Severity.WARNING);
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            violations.add(violation(forbid, "big.qcow2", "/dev/sda", "gi-load-" + i + " 1.0-1", "forbidden"));
        }
        violations.add(violation(other, "big.qcow2", "/dev/sda", "fedora 39", "debian"));
        violations.add(violation(forbid, "small.qcow2", "/dev/sda", "gi-one 1.0-1", "forbidden"));

        String text = write(new PolicyEvaluation(List.of(forbid, other), List.of("big.qcow2", "small.qcow2"),
                violations, List.of()));

        assertThat(text).contains("Policy: 50001 error(s), 1 warning(s)")
                .contains("gi-load-0 1.0-1", "gi-load-" + (PolicyTextReport.SHOWN_PER_RULE - 1) + " 1.0-1")
                .doesNotContain("gi-load-" + PolicyTextReport.SHOWN_PER_RULE + " ")
                .contains("... and " + (50_000 - PolicyTextReport.SHOWN_PER_RULE) + " more (the JUnit and SARIF"
                        + " reports list every violation)")
                .contains("fedora 39", "gi-one 1.0-1");
        assertThat(text.lines()).hasSizeLessThan(40);
    }

    @Test
    void shouldShowImageTextWithoutObeyingIt() {
        Rule forbid = rule("no-gi", Severity.ERROR);

        String text = write(new PolicyEvaluation(List.of(forbid), List.of(HOSTILE_PATH),
                List.of(violation(forbid, HOSTILE_PATH, "/dev/sda", CONTROLS, "forbidden")), List.of()));

        assertThat(text).contains(HOSTILE_PATH).contains("a\\x01b\\x1b[31mc\\x0ad").doesNotContain("\u001b");
    }
}
