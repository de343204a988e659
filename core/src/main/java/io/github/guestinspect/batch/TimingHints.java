package io.github.guestinspect.batch;

import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.runner.ProbedImage;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What an image is expected to cost, as parallel-test-executor splits tests by the last build's timings: the past
 * total milliseconds of an image (by its path as the user named it) where known; otherwise a cost proportional to
 * its file size, calibrated to milliseconds by the images of the run whose past time is known, or in plain bytes
 * when none is known. Within one run every estimate is in the same unit, so estimates compare.
 */
public final class TimingHints {
    private static final TimingHints NONE = new TimingHints(Map.of());

    private final Map<String, Long> millisByPath;

    private TimingHints(final Map<String, Long> millisByPath) {
        this.millisByPath = millisByPath;
    }

    /** No past timings: images are weighed by file size alone. */
    public static TimingHints none() {
        return NONE;
    }

    /** Past total milliseconds by image path, as {@code InspectionResult.image().path()} names it. */
    public static TimingHints of(final Map<String, Long> millisByPath) {
        Map<String, Long> copy = new LinkedHashMap<>();
        millisByPath.forEach((path, millis) -> {
            if (millis == null || millis < 0) {
                throw new IllegalArgumentException("a past time must not be negative: " + path + " " + millis);
            }
            copy.put(path, millis);
        });
        return new TimingHints(Map.copyOf(copy));
    }

    /**
     * The timings of the last run's results. Only results whose time says what an appliance costs count: cache
     * hits are left out (their time is a lookup), and so are failures that never reached an appliance (only
     * timeouts and inspection errors are kept). An image listed twice keeps its larger time.
     */
    public static TimingHints fromResults(final Collection<InspectionResult> lastRun) {
        Map<String, Long> millis = new HashMap<>();
        for (InspectionResult result : lastRun) {
            if (result.cache().hit() || result.failure().map(failure -> failure.kind() != FailureKind.TIMEOUT
                    && failure.kind() != FailureKind.INSPECTION_ERROR).orElse(false)) {
                continue;
            }
            millis.merge(result.image().path(), Math.max(0, result.timings().totalMillis()), Math::max);
        }
        return new TimingHints(Map.copyOf(millis));
    }

    /** The past times, by image path. */
    public Map<String, Long> millisByPath() {
        return millisByPath;
    }

    /** The image's past total time, looked up by the path the user gave, then by its file path. */
    public OptionalLong pastMillis(final ProbedImage image) {
        Long millis = millisByPath.get(image.file().path());
        if (millis == null) {
            millis = millisByPath.get(image.path().toString());
        }
        return millis == null ? OptionalLong.empty() : OptionalLong.of(millis);
    }

    /**
     * The estimated cost of each image of a run (at least 1), by {@code ProbedImage.path()}: its past time where
     * known, else its file size times the milliseconds per byte of the images with a known time (or 1 per byte).
     */
    public Map<Path, Long> estimate(final List<ProbedImage> images) {
        long knownMillis = 0;
        long knownBytes = 0;
        for (ProbedImage image : images) {
            OptionalLong past = pastMillis(image);
            if (past.isPresent() && image.file().fileSize() > 0) {
                knownMillis += past.getAsLong();
                knownBytes += image.file().fileSize();
            }
        }
        double perByte = knownBytes == 0 ? 1.0 : (double) knownMillis / knownBytes;
        Map<Path, Long> costs = new HashMap<>();
        for (ProbedImage image : images) {
            OptionalLong past = pastMillis(image);
            long cost = past.isPresent() ? past.getAsLong()
                    : Math.round(Math.max(1, image.file().fileSize()) * perByte);
            costs.put(image.path(), Math.max(1, cost));
        }
        return costs;
    }

    @Override
    public String toString() {
        return "TimingHints" + millisByPath;
    }
}
