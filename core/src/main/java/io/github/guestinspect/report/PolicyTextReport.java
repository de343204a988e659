package io.github.guestinspect.report;

import io.github.guestinspect.policy.ExpiredWaiver;
import io.github.guestinspect.policy.PolicyEvaluation;
import io.github.guestinspect.policy.Rule;
import io.github.guestinspect.policy.Severity;
import io.github.guestinspect.policy.Violation;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * Policy results for people: per image and rule, the violations with what the rule expected. A console is read,
 * not searched: each image and rule shows its first {@value #SHOWN_PER_RULE} violations and counts the rest (a
 * forbidden glob over 50,000 packages would otherwise print 50,000 lines); JUnit and SARIF list every one.
 */
public final class PolicyTextReport {
    static final int SHOWN_PER_RULE = 20;

    public void write(final PolicyEvaluation evaluation, final PrintWriter output) {
        output.println();
        Map<Severity, Long> counts = evaluation.counts();
        output.printf("Policy: %d error(s), %d warning(s), %d info, %d waived, over %d image(s) and %d rule(s)%n",
                counts.get(Severity.ERROR), counts.get(Severity.WARNING), counts.get(Severity.INFO),
                evaluation.violations().size() - evaluation.active().size(), evaluation.images().size(),
                evaluation.rules().size());
        for (String image : evaluation.images()) {
            for (Rule rule : evaluation.rules()) {
                List<Violation> violations = evaluation.of(image, rule.id());
                if (violations.isEmpty()) {
                    continue;
                }
                output.printf("  %s  %s [%s] %s%n", TerminalText.safe(image), rule.id(), rule.severity().label(),
                        TerminalText.safe(rule.title()));
                for (Violation violation : violations.subList(0, Math.min(SHOWN_PER_RULE, violations.size()))) {
                    output.printf("    %s%s%s%n", violation.root().isEmpty() ? "" : TerminalText.safe(violation.root())
                            + ": ", TerminalText.safe(violation.message()), violation.waiver().map(waiver ->
                            "  (waived until " + waiver.until() + ": " + TerminalText.safe(waiver.reason()) + ")")
                            .orElse(""));
                }
                if (violations.size() > SHOWN_PER_RULE) {
                    output.printf("    ... and %d more (the JUnit and SARIF reports list every violation)%n",
                            violations.size() - SHOWN_PER_RULE);
                }
            }
        }
        for (ExpiredWaiver expired : evaluation.expiredWaivers()) {
            output.printf("  expired waiver: rule %s for %s ended %s (%s)%n", expired.ruleId(),
                    TerminalText.safe(expired.image()), expired.waiver().until(),
                    TerminalText.safe(expired.waiver().reason()));
        }
        output.flush();
    }
}
