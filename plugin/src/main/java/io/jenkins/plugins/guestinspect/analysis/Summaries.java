package io.jenkins.plugins.guestinspect.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.policy.PolicyEvaluation;
import io.github.guestinspect.policy.Severity;
import io.github.guestinspect.policy.Violation;

/** Builds a build's {@link InspectionSummary} from the engine's results and the policy evaluation. */
public final class Summaries {
    private Summaries() {
    }

    public static InspectionSummary of(final String node, final List<InspectionResult> results,
                                       final Optional<PolicyEvaluation> evaluation, final long wallMillis) {
        List<Violation> active = evaluation.map(PolicyEvaluation::active).orElse(List.of());
        List<ImageSummary> images = new ArrayList<>();
        int hits = 0;
        int failures = 0;
        int toolFailures = 0;
        long hash = 0;
        long launch = 0;
        long os = 0;
        long packages = 0;
        for (InspectionResult result : results) {
            hits += result.cache().hit() ? 1 : 0;
            failures += result.status() == Status.FAILED ? 1 : 0;
            toolFailures += result.failure().filter(f -> f.kind() == FailureKind.TOOL_FAILURE).isPresent() ? 1 : 0;
            hash += result.timings().hashMillis();
            launch += result.timings().launchShareMillis();
            os += result.timings().osInspectionMillis();
            packages += result.timings().packageListingMillis();
            images.add(image(result, active));
        }
        int waived = evaluation.map(e -> (int) e.violations().stream().filter(Violation::isWaived).count()).orElse(0);
        return new InspectionSummary(node, images, hits, failures, toolFailures, count(active, Severity.ERROR),
                count(active, Severity.WARNING), count(active, Severity.INFO), waived, wallMillis, hash, launch, os,
                packages, evaluation.isPresent(), List.of());
    }

    private static ImageSummary image(final InspectionResult result, final List<Violation> active) {
        String path = result.image().path();
        List<Violation> own = active.stream().filter(v -> v.image().equals(path)).toList();
        Optional<OperatingSystem> first = result.operatingSystems().stream().findFirst();
        return new ImageSummary(path, result.status().name(), result.failure().map(f -> f.message()).orElse(""),
                first.map(OperatingSystem::productName).orElse(""), first.map(OperatingSystem::distro).orElse(""),
                first.map(OperatingSystem::version).orElse(""), first.map(OperatingSystem::hostname).orElse(""),
                first.map(OperatingSystem::architecture).orElse(""), result.packageCount(), result.cache().hit(),
                result.timings().totalMillis(), count(own, Severity.ERROR), count(own, Severity.WARNING),
                count(own, Severity.INFO));
    }

    private static int count(final List<Violation> violations, final Severity severity) {
        return (int) violations.stream().filter(v -> v.severity() == severity).count();
    }
}
