package io.github.guestinspect.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    }
}
