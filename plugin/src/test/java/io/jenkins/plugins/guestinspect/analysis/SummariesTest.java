package io.jenkins.plugins.guestinspect.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.policy.PolicyEvaluation;
import io.github.guestinspect.policy.PolicyEvaluator;
import io.github.guestinspect.policy.PolicyParser;

import static org.assertj.core.api.Assertions.assertThat;

class SummariesTest {
    @Test
    void shouldSummariseResultsAndViolations() throws Exception {
        List<InspectionResult> results = List.of(Fixtures.debian("out/a.qcow2", true, "telnetd", "nano"),
                Fixtures.debian("out/b.qcow2", false, "bash"), Fixtures.failed("out/c.qcow2",
                        FailureKind.TOOL_FAILURE));
        PolicyEvaluation evaluation = new PolicyEvaluator(new PolicyParser().parse("p.yaml", Fixtures.POLICY),
                LocalDate.of(2026, 1, 1)).evaluate(results);

        InspectionSummary summary = Summaries.of("agent-1", results, Optional.of(evaluation), 5000);

        assertThat(summary.getImageCount()).isEqualTo(3);
        assertThat(summary.getOperatingSystems()).containsExactly("Debian GNU/Linux 12 (bookworm)");
        assertThat(summary.getCacheHits()).isEqualTo(1);
        assertThat(summary.getCacheHitRatio()).isEqualTo(1 / 3.0);
        assertThat(summary.getFailures()).isEqualTo(1);
        assertThat(summary.getToolFailures()).isEqualTo(1);
        assertThat(summary.getErrors()).isEqualTo(1);
        assertThat(summary.getWarnings()).isEqualTo(1);
        assertThat(summary.getInfos()).isZero();
        assertThat(summary.getLaunchMillis()).isEqualTo(3000);
        assertThat(summary.getDuration()).isEqualTo("5.0 s");
        assertThat(summary.getImages().get(0).getErrors()).isEqualTo(1);
        assertThat(summary.getImages().get(1).getErrors()).isZero();
        assertThat(summary.getImages().get(2).isFailed()).isTrue();
        assertThat(summary.getImages().get(2).getFailure()).contains("libguestfs could not launch");
    }

    @Test
    void shouldReturnPlainMapsForScriptedPipeline() {
        InspectionSummary summary = Summaries.of("", List.of(Fixtures.debian("a.qcow2", false, "bash")),
                Optional.empty(), 1000).withGates(List.of(new GateOutcome("g", GateOutcome.State.FAILED,
                Criticality.UNSTABLE, 1, "gate g failed: a.qcow2: rule r")));

        Map<String, Object> map = summary.toMap("UNSTABLE");

        assertThat(map).containsEntry("result", "UNSTABLE").containsEntry("images", 1)
                .containsEntry("failedGates", List.of("gate g failed: a.qcow2: rule r"));
        @SuppressWarnings("unchecked")
        Map<String, Object> image = ((List<Map<String, Object>>) map.get("perImage")).get(0);
        assertThat(image).containsEntry("os", "Debian GNU/Linux 12 (bookworm)").containsEntry("version", "12")
                .containsEntry("hostname", "web-<01>").containsEntry("packages", 1)
                .containsEntry("violations", Map.of("error", 0, "warning", 0, "info", 0));
        assertThat(map.get("perImage").getClass().getName()).startsWith("java.util.");
    }

    @Test
    void shouldFormatLongDurations() {
        assertThat(InspectionSummary.duration(125_000)).isEqualTo("2 min 5 s");
        assertThat(InspectionSummary.empty().getOperatingSystems()).isEmpty();
        assertThat(InspectionSummary.empty().getCacheHitRatio()).isZero();
    }
}
