package io.jenkins.plugins.guestinspect.analysis;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.guestinspect.history.TrendPoint;

/**
 * A build's totals exactly as the command line records a run: core's {@link TrendPoint} (built from a
 * {@code RunRecord}, which counts a cache hit's launch, OS and package time as 0), kept field by field because
 * XStream, which persists the build summary, cannot restore records.
 */
public final class RunFigures implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String label;
    private final long finishedMillis;
    private final int images;
    private final int cacheHits;
    private final int cacheMisses;
    private final int failures;
    private final long packages;
    private final long hashMillis;
    private final long cacheLookupMillis;
    private final long launchMillis;
    private final long osInspectionMillis;
    private final long packageListingMillis;
    private final long wallMillis;
    private final Map<String, Integer> violations;

    private RunFigures(final TrendPoint point) {
        label = point.label();
        finishedMillis = point.time().toEpochMilli();
        images = point.images();
        cacheHits = point.cacheHits();
        cacheMisses = point.cacheMisses();
        failures = point.failures();
        packages = point.packages();
        hashMillis = point.hashMillis();
        cacheLookupMillis = point.cacheLookupMillis();
        launchMillis = point.launchMillis();
        osInspectionMillis = point.osInspectionMillis();
        packageListingMillis = point.packageListingMillis();
        wallMillis = point.wallMillis();
        violations = new LinkedHashMap<>(point.violations());
    }

    public static RunFigures of(final TrendPoint point) {
        return new RunFigures(Objects.requireNonNull(point, "point"));
    }

    /** The trend point these figures were taken from. */
    public TrendPoint toTrendPoint() {
        return new TrendPoint(label, Instant.ofEpochMilli(finishedMillis), images, cacheHits, cacheMisses, failures,
                packages, hashMillis, cacheLookupMillis, launchMillis, osInspectionMillis, packageListingMillis,
                wallMillis, violations);
    }
}
