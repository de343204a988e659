package io.github.guestinspect.batch;

import io.github.guestinspect.runner.RunnerSettings;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a run is spread.
 *
 * @param jobs              appliances running at once (each keeps one core busy under TCG)
 * @param batchSize         images per appliance; empty: spread the images evenly over the jobs
 * @param allowBackingFiles inspect qcow2 images that declare a backing file (refused by default)
 * @param runner            how each appliance is launched
 */
public record InspectionSettings(int jobs, OptionalInt batchSize, boolean allowBackingFiles, RunnerSettings runner) {
    /** More drives than this in one appliance cost memory (about 150 MiB each) for no further gain. */
    public static final int MAX_AUTOMATIC_BATCH = 16;

    public InspectionSettings {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, was " + jobs);
        }
        Objects.requireNonNull(batchSize, "batchSize");
        if (batchSize.isPresent() && batchSize.getAsInt() < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize.getAsInt());
        }
        Objects.requireNonNull(runner, "runner");
    }

    /** Defaults: one appliance per core (at most 4), images spread evenly, backing files refused. */
    public static InspectionSettings defaults() {
        return new InspectionSettings(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
                OptionalInt.empty(), false, RunnerSettings.defaults());
    }

    /** The batch size for this many images. */
    int batchSizeFor(final int images) {
        if (batchSize.isPresent()) {
            return batchSize.getAsInt();
        }
        return Math.max(1, Math.min(MAX_AUTOMATIC_BATCH, (images + jobs - 1) / jobs));
    }
}
