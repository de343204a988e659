package io.github.guestinspect.report;

import io.github.guestinspect.diff.ImageChanges;
import io.github.guestinspect.history.TrendPoint;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.policy.PolicyEvaluation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a human-facing report (HTML, Markdown, PDF) shows about one run.
 *
 * @param title     the report's title ("guest-inspect report", or a job and build name)
 * @param generated when the report was made
 * @param results   one result per image
 * @param policy    the policy evaluation, when a policy was given
 * @param trend     earlier runs and this one, oldest first (empty without history)
 * @param changes   package changes since the previous run, per image (empty when there is none)
 */
public record ReportData(String title, Instant generated, List<InspectionResult> results,
                         Optional<PolicyEvaluation> policy, List<TrendPoint> trend, List<ImageChanges> changes) {
    public ReportData {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(generated, "generated");
        results = List.copyOf(results);
        Objects.requireNonNull(policy, "policy");
        trend = List.copyOf(trend);
        changes = List.copyOf(changes);
    }
}
