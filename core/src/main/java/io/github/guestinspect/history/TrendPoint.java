package io.github.guestinspect.history;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One run on a trend chart: totals over its images.
 *
 * @param label                x-axis label (build or date)
 * @param time                 when the run ended
 * @param images               images in the run
 * @param cacheHits            results served from the cache
 * @param cacheMisses          images inspected
 * @param failures             images that could not be inspected
 * @param packages             packages over all images
 * @param hashMillis           summed phase times over the images ...
 * @param cacheLookupMillis    ...
 * @param launchMillis         ... (launch shares)
 * @param osInspectionMillis   ...
 * @param packageListingMillis ...
 * @param wallMillis           the run's wall time (its slowest image)
 * @param violations           active violations by severity label
 */
public record TrendPoint(String label, Instant time, int images, int cacheHits, int cacheMisses, int failures,
                         long packages, long hashMillis, long cacheLookupMillis, long launchMillis,
                         long osInspectionMillis, long packageListingMillis, long wallMillis,
                         Map<String, Integer> violations) {
    public TrendPoint {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(time, "time");
        violations = Map.copyOf(violations);
    }

    /** Share of results served from the cache, 0 to 1. */
    public double cacheHitRatio() {
        return images == 0 ? 0 : (double) cacheHits / images;
    }

    /** The point of a run record. */
    public static TrendPoint of(final RunRecord run) {
        int hits = 0;
        int failures = 0;
        long packages = 0;
        long hash = 0;
        long lookup = 0;
        long launch = 0;
        long os = 0;
        long listing = 0;
        long wall = 0;
        for (RunRecord.ImageRecord image : run.images()) {
            hits += image.cacheHit() ? 1 : 0;
            failures += "FAILED".equals(image.status()) ? 1 : 0;
            packages += image.packages();
            hash += image.hashMillis();
            lookup += image.cacheLookupMillis();
            launch += image.launchShareMillis();
            os += image.osInspectionMillis();
            listing += image.packageListingMillis();
            wall = Math.max(wall, image.totalMillis());
        }
        int images = run.images().size();
        return new TrendPoint(run.label(), run.finished(), images, hits, images - hits - failures, failures, packages,
                hash, lookup, launch, os, listing, wall, run.violations());
    }
}
