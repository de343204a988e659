package io.github.guestinspect.history;

import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.Timings;
import io.github.guestinspect.policy.PolicyEvaluation;
import io.github.guestinspect.policy.Severity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run did, compactly: enough to draw trends without the full results.
 *
 * @param runId      unique id of the run (a build number when run from CI, else a timestamp-based id)
 * @param label      what charts show on the x axis ("#42", "2026-11-25 17:40")
 * @param finished   when the run ended
 * @param images     per image figures
 * @param violations active policy violations by severity label ("error", "warning", "info"); empty without policy
 */
public record RunRecord(String runId, String label, Instant finished, List<ImageRecord> images,
                        Map<String, Integer> violations) {
    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(finished, "finished");
        images = List.copyOf(images);
        violations = Map.copyOf(violations);
    }

    /**
     * The record of a run from its results.
     *
     * @param runId    unique id of the run
     * @param label    what charts show for it
     * @param finished when the run ended
     * @param results  one result per image
     * @param policy   the policy evaluation, if a policy was given: its active (not waived) violations are counted by
     *                 severity label, every severity present (zero when none); without policy the map is empty
     */
    public static RunRecord from(final String runId, final String label, final Instant finished,
                                 final List<InspectionResult> results, final Optional<PolicyEvaluation> policy) {
        Map<String, Integer> violations = new LinkedHashMap<>();
        policy.ifPresent(evaluation -> evaluation.counts().forEach(
                (severity, count) -> violations.put(severity.label(), Math.toIntExact(count))));
        return new RunRecord(runId, label, finished, results.stream().map(ImageRecord::of).toList(), violations);
    }

    /** The number of active violations of a severity in this run (0 without policy). */
    public int violationCount(final Severity severity) {
        return violations.getOrDefault(severity.label(), 0);
    }

    /**
     * One image of a run.
     *
     * @param image                the image path as given
     * @param status               INSPECTED, NO_OS_FOUND or FAILED
     * @param cacheHit             served from the cache
     * @param packages             packages over all roots
     * @param hashMillis           hashing
     * @param cacheLookupMillis    cache lookup
     * @param launchShareMillis    this image's share of its appliance launch
     * @param osInspectionMillis   finding and reading roots
     * @param packageListingMillis package databases
     * @param totalMillis          wall time until its result
     */
    public record ImageRecord(String image, String status, boolean cacheHit, int packages, long hashMillis,
                              long cacheLookupMillis, long launchShareMillis, long osInspectionMillis,
                              long packageListingMillis, long totalMillis) {
        public ImageRecord {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(status, "status");
        }

        /**
         * The figures of one result, as this run spent them: a result served from the cache keeps the launch, OS
         * inspection and package listing times of the run that inspected it, which this run did not spend, so they
         * count as 0 here (hashing and lookup are this run's).
         */
        public static ImageRecord of(final InspectionResult result) {
            Timings timings = result.timings();
            boolean hit = result.cache().hit();
            return new ImageRecord(result.image().path(), result.status().name(), hit, result.packageCount(),
                    timings.hashMillis(), result.cache().lookupMillis(), hit ? 0 : timings.launchShareMillis(),
                    hit ? 0 : timings.osInspectionMillis(), hit ? 0 : timings.packageListingMillis(),
                    timings.totalMillis());
        }
    }
}
