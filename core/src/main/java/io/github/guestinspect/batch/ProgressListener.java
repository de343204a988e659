package io.github.guestinspect.batch;

import io.github.guestinspect.model.InspectionResult;

import java.util.List;

/** Hears about a run while it goes on; called from worker threads, so implementations must be thread-safe. */
public interface ProgressListener {
    /** The run starts with this many images. */
    default void started(final int images) {
    }

    /** An image is done (inspected, found to hold no OS, or failed). */
    default void finished(final InspectionResult result) {
    }

    /** Several images are done at once (a run's cache hits), in this order: each as {@link #finished}. */
    default void finishedAll(final List<InspectionResult> results) {
        results.forEach(this::finished);
    }

    /**
     * An appliance's batch is done: its images' results, in the batch's order, each told to {@link #finished}
     * before. Where results are kept elsewhere (in Jenkins, the workspace's cache on another node), one call per
     * batch costs one round trip instead of one per image.
     */
    default void batchFinished(final List<InspectionResult> results) {
    }

    /** A batch failed as a whole and its images will be retried one by one. */
    default void batchRetried(final int images, final String reason) {
    }

    /** A listener that ignores everything. */
    static ProgressListener none() {
        return new ProgressListener() {
        };
    }
}
