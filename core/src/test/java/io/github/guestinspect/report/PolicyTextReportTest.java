package io.github.guestinspect.report;

import io.github.guestinspect.policy.PolicyEvaluation;
import io.github.guestinspect.policy.Rule;
import io.github.guestinspect.policy.Severity;
import io.github.guestinspect.policy.Violation;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static io.github.guestinspect.report.PolicyReports.CONTROLS;
import static io.github.guestinspect.report.PolicyReports.HOSTILE_PATH;
import static io.github.guestinspect.report.PolicyReports.rule;
import static io.github.guestinspect.report.PolicyReports.violation;
import static org.assertj.core.api.Assertions.assertThat;

class PolicyTextReportTest {
    private static String write(final PolicyEvaluation evaluation) {
        StringWriter text = new StringWriter();
        new PolicyTextReport().write(evaluation, new PrintWriter(text));
        return text.toString();
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
