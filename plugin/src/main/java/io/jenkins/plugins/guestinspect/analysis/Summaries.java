package io.jenkins.plugins.guestinspect.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.github.guestinspect.history.RunRecord;
import io.github.guestinspect.history.TrendPoint;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.policy.PolicyEvaluation;
import io.github.guestinspect.policy.Violation;

/**
 * Builds a build's {@link InspectionSummary} from the engine's results, the policy evaluation and the comparison
 * with the reference build. The totals come from core's {@link RunRecord} and {@link TrendPoint}, as the command
 * line records a run, so Jenkins' trends and the command line's agree.
 */
public final class Summaries {
    private Summaries() {
    }

    /**
     * The summary of a build.
     *
     * @param build         this build (its number labels the run as the command line labels it in Jenkins: "#42")
     * @param node          the node the images were inspected on
     * @param results       one result per image
     * @param evaluation    the policy evaluation, if a policy was given
     * @param comparison    this build against its reference build
     * @param elapsedMillis how long the inspection took, as the step measured it
     * @param finished      when the inspection ended
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public static InspectionSummary of(final BuildLink build, final String node, final List<InspectionResult> results,
                                       final Optional<PolicyEvaluation> evaluation, final BuildComparison comparison,
                                       final long elapsedMillis, final Instant finished) {
        RunRecord run = RunRecord.from(String.valueOf(build.getNumber()), "#" + build.getNumber(), finished, results,
                evaluation);
        List<ImageSummary> images = results.stream().map(result -> image(result, comparison)).toList();
        int toolFailures = (int) results.stream()
                .filter(r -> r.failure().filter(f -> f.kind() == FailureKind.TOOL_FAILURE).isPresent()).count();
        int waived = evaluation.map(e -> (int) e.violations().stream().filter(Violation::isWaived).count()).orElse(0);
        return new InspectionSummary(node, images, RunFigures.of(TrendPoint.of(run)), toolFailures, waived,
                elapsedMillis, evaluation.isPresent(), comparison.summary(), List.of());
    }

    private static ImageSummary image(final InspectionResult result, final BuildComparison comparison) {
        String path = result.image().path();
        Optional<OperatingSystem> first = result.operatingSystems().stream().findFirst();
        ViolationComparison states = comparison.violations();
        return new ImageSummary(path, result.status().name(), result.failure().map(f -> f.message()).orElse(""),
                first.map(OperatingSystem::productName).orElse(""), first.map(OperatingSystem::distro).orElse(""),
                first.map(OperatingSystem::version).orElse(""), first.map(OperatingSystem::hostname).orElse(""),
                first.map(OperatingSystem::architecture).orElse(""), result.packageCount(), result.cache().hit(),
                result.timings().totalMillis(), SeverityCounts.of(ofImage(states.active(), path)),
                ofImage(states.inState(ViolationState.NEW), path).size(),
                ofImage(states.fixed(), path).size(),
                comparison.changesOf(path).map(changes -> PackageChangeCounts.of(List.of(changes))));
    }

    private static List<ViolationRow> ofImage(final List<ViolationRow> rows, final String image) {
        return rows.stream().filter(row -> row.image().equals(image)).toList();
    }
}
