package io.jenkins.plugins.guestinspect.analysis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.guestinspect.history.RunRecord;
import io.github.guestinspect.history.TrendPoint;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.policy.PolicyEvaluation;
import io.github.guestinspect.policy.PolicyEvaluator;
import io.github.guestinspect.policy.PolicyParser;

import static org.assertj.core.api.Assertions.assertThat;

class SummariesTest {
    private static final BuildLink BUILD = new BuildLink(7, "images #7", "job/images/7/");
    private static final Instant FINISHED = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void shouldSummariseResultsAndViolations() throws Exception {
        List<InspectionResult> results = List.of(Fixtures.debian("out/a.qcow2", true, "telnetd", "nano"),
                Fixtures.debian("out/b.qcow2", false, "bash"), Fixtures.failed("out/c.qcow2",
                        FailureKind.TOOL_FAILURE));
        PolicyEvaluation evaluation = evaluate(results);

        InspectionSummary summary = summarise(results, evaluation, Optional.empty());

        assertThat(summary.getImageCount()).isEqualTo(3);
        assertThat(summary.getOperatingSystems()).containsExactly("Debian GNU/Linux 12 (bookworm)");
        assertThat(summary.getCacheHits()).isEqualTo(1);
        assertThat(summary.getCacheHitRatio()).isEqualTo(1 / 3.0);
        assertThat(summary.getFailures()).isEqualTo(1);
        assertThat(summary.getToolFailures()).isEqualTo(1);
        assertThat(summary.getErrors()).isEqualTo(1);
        assertThat(summary.getWarnings()).isEqualTo(1);
        assertThat(summary.getInfos()).isZero();
        assertThat(summary.getPackages()).isEqualTo(3);
        assertThat(summary.getDuration()).isEqualTo("5.0 s");
        assertThat(summary.getComparison()).isEmpty();
        assertThat(summary.getImages().get(0).getViolations().getErrors()).isEqualTo(1);
        assertThat(summary.getImages().get(0).getPackageChanges()).isEmpty();
        assertThat(summary.getImages().get(1).getViolations().getTotal()).isZero();
        assertThat(summary.getImages().get(2).isFailed()).isTrue();
        assertThat(summary.getImages().get(2).getFailure()).contains("libguestfs could not launch");
    }

    @Test
    void shouldTotalTheBuildAsTheCommandLineRecordsTheSameRun() throws Exception {
        List<InspectionResult> results = List.of(Fixtures.debian("out/a.qcow2", true, "telnetd"),
                Fixtures.debian("out/b.qcow2", false, "bash"));
        PolicyEvaluation evaluation = evaluate(results);

        InspectionSummary summary = summarise(results, evaluation, Optional.empty());

        assertThat(summary.getTrendPoint()).isEqualTo(TrendPoint.of(RunRecord.from("7", "#7", FINISHED, results,
                Optional.of(evaluation))));
        // a cache hit spent nothing on the launch in this build: only b's share (3000 ms over 2 images) counts
        assertThat(summary.getPhases()).extracting(InspectionSummary.PhaseTime::label,
                InspectionSummary.PhaseTime::millis).contains(org.assertj.core.groups.Tuple.tuple(
                "appliance launch (share)", 1500L), org.assertj.core.groups.Tuple.tuple("OS inspection", 400L));
        assertThat(summary.getSlowestImageMillis()).isEqualTo(4000);
    }

    @Test
    void shouldSummariseTheComparisonWithTheReferenceBuild() throws Exception {
        List<InspectionResult> before = List.of(Fixtures.debianWith("a.qcow2", "openssl=3.0.11-1", "nano=7.2-1",
                "telnetd=0.17-41"));
        List<InspectionResult> now = List.of(Fixtures.debianWith("a.qcow2", "openssl=3.0.13-1", "bash=5.2-1",
                "telnetd=0.17-42"));
        PolicyEvaluation evaluation = evaluate(now);
        Reference reference = new Reference(new BuildLink(6, "images #6", "job/images/6/"), "test",
                BuildDetails.of(before, BuildComparison.of(before, rows(evaluate(before)), Optional.empty()),
                        List.of()));

        InspectionSummary summary = summarise(now, evaluation, Optional.of(reference));

        assertThat(summary.getComparison()).hasValueSatisfying(comparison -> {
            assertThat(comparison.getReference().getNumber()).isEqualTo(6);
            assertThat(comparison.getNewViolations().getTotal()).isZero();
            assertThat(comparison.getFixedViolations()).hasToString("0 error, 1 warning, 0 info");
            assertThat(comparison.getPackageChanges()).hasToString(
                    "1 added, 1 removed, 2 upgraded, 0 downgraded");
        });
        ImageSummary image = summary.getImages().get(0);
        assertThat(image.getFixedViolations()).isEqualTo(1);
        assertThat(image.getPackageChanges()).hasValueSatisfying(counts -> assertThat(counts.getUpgraded())
                .isEqualTo(2));
    }

    @Test
    void shouldReturnPlainMapsForScriptedPipeline() throws Exception {
        List<InspectionResult> before = List.of(Fixtures.debianWith("a.qcow2", "openssl=3.0.11-1"));
        List<InspectionResult> now = List.of(Fixtures.debianWith("a.qcow2", "openssl=3.0.13-1", "telnetd=0.17-1"));
        Reference reference = new Reference(new BuildLink(6, "images #6", "job/images/6/"), "test",
                Fixtures.details(before, List.of()));
        PolicyEvaluation evaluation = evaluate(now);
        BuildComparison comparison = BuildComparison.of(now, rows(evaluation), Optional.of(reference));
        InspectionSummary summary = Summaries.of(BUILD, "", now, Optional.of(evaluation), comparison, 1000,
                FINISHED).withGates(List.of(new GateOutcome("g", GateOutcome.State.FAILED, Criticality.UNSTABLE, 1,
                "gate g failed: a.qcow2: rule r")));

        Map<String, Object> map = summary.toMap("UNSTABLE", comparison.packageChanges());

        assertThat(map).containsEntry("result", "UNSTABLE").containsEntry("images", 1)
                .containsEntry("failedGates", List.of("gate g failed: a.qcow2: rule r"))
                .containsEntry("referenceBuild", Map.of("number", 6, "displayName", "images #6",
                        "url", "job/images/6/"))
                .containsEntry("newViolations", Map.of("error", 1, "warning", 0, "info", 0))
                .containsEntry("packageChanges", Map.of("added", 1, "removed", 0, "upgraded", 1, "downgraded", 0));
        @SuppressWarnings("unchecked")
        Map<String, Object> image = ((List<Map<String, Object>>) map.get("perImage")).get(0);
        assertThat(image).containsEntry("os", "Debian GNU/Linux 12 (bookworm)").containsEntry("version", "12")
                .containsEntry("hostname", "web-<01>").containsEntry("packages", 2)
                .containsEntry("violations", Map.of("error", 1, "warning", 0, "info", 0))
                .containsEntry("newViolations", 1)
                .containsEntry("changedPackages", List.of(
                        Map.of("name", "openssl", "change", "upgraded", "before", "3.0.11-1", "after", "3.0.13-1"),
                        Map.of("name", "telnetd", "change", "added", "before", "", "after", "0.17-1")));
        assertThat(map.get("perImage").getClass().getName()).startsWith("java.util.");
        assertThat(image.get("changedPackages").getClass().getName()).startsWith("java.util.");
    }

    @Test
    void shouldReturnEmptyComparisonMapsWithoutReference() {
        List<InspectionResult> results = List.of(Fixtures.debian("a.qcow2", false, "bash"));

        Map<String, Object> map = summarise(results, null, Optional.empty()).toMap("SUCCESS", List.of());

        assertThat(map).containsEntry("referenceBuild", Map.of()).containsEntry("newViolations", Map.of())
                .containsEntry("fixedViolations", Map.of()).containsEntry("packageChanges", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> image = ((List<Map<String, Object>>) map.get("perImage")).get(0);
        assertThat(image).containsEntry("packageChanges", Map.of()).containsEntry("changedPackages", List.of());
    }

    @Test
    void shouldFormatLongDurations() {
        assertThat(InspectionSummary.duration(125_000)).isEqualTo("2 min 5 s");
        assertThat(InspectionSummary.empty().getOperatingSystems()).isEmpty();
        assertThat(InspectionSummary.empty().getCacheHitRatio()).isZero();
    }

    private static InspectionSummary summarise(final List<InspectionResult> results,
                                               final PolicyEvaluation evaluation,
                                               final Optional<Reference> reference) {
        Optional<PolicyEvaluation> policy = Optional.ofNullable(evaluation);
        return Summaries.of(BUILD, "agent-1", results, policy, BuildComparison.of(results,
                policy.map(SummariesTest::rows).orElse(List.of()), reference), 5000, FINISHED);
    }

    private static List<ViolationRow> rows(final PolicyEvaluation evaluation) {
        return evaluation.violations().stream().map(ViolationRow::of).toList();
    }

    private static PolicyEvaluation evaluate(final List<InspectionResult> results) throws Exception {
        return new PolicyEvaluator(new PolicyParser().parse("p.yaml", Fixtures.POLICY), LocalDate.of(2026, 1, 1))
                .evaluate(results);
    }
}
