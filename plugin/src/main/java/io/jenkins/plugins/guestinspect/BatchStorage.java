package io.jenkins.plugins.guestinspect;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.guestinspect.batch.ProgressListener;
import io.github.guestinspect.model.InspectionResult;
import io.jenkins.plugins.guestinspect.analysis.LogProgress;
import io.jenkins.plugins.guestinspect.remote.PreparedImages;
import io.jenkins.plugins.guestinspect.remote.StoreRequest;

/**
 * Keeps each batch's results in the workspace cache as soon as the batch is back, as the command line keeps each
 * result as it finishes: a build that is aborted, or whose later batches fail or time out, keeps what it finished,
 * and the next build gets cache hits for it. The storing runs on the node that holds the workspace, one call per
 * batch, on the scheduler's thread (between two batches, while the other agents go on). A batch that cannot be
 * stored is a warning naming its images, and is tried again when the run is over ({@link #runOver}).
 */
final class BatchStorage implements ProgressListener {
    private static final String PREFIX = "[guest-inspect] warning: ";

    private final StepFacade jenkins;
    private final PreparedImages prepared;
    private final List<String> fileQueries;
    private final ProgressListener progress;
    private final PrintStream log;
    /** The images (absolute, as scheduled) whose batch call returned: the node stored them or said why not. */
    private final Set<String> stored = ConcurrentHashMap.newKeySet();

    /**
     * @param progress told of every image and retried batch first (the build log's progress lines)
     */
    BatchStorage(final StepFacade jenkins, final PreparedImages prepared, final List<String> fileQueries,
                 final ProgressListener progress, final PrintStream log) {
        this.jenkins = jenkins;
        this.prepared = prepared;
        this.fileQueries = List.copyOf(fileQueries);
        this.progress = progress;
        this.log = log;
    }

    @Override
    public void finished(final InspectionResult result) {
        progress.finished(result);
    }

    @Override
    public void batchRetried(final int images, final String reason) {
        progress.batchRetried(images, reason);
    }

    @Override
    public void batchFinished(final List<InspectionResult> results) {
        List<InspectionResult> worth = results.stream().filter(result -> !result.isFailed()).toList();
        if (worth.isEmpty()) {
            return;
        }
        try {
            warn(jenkins.store(StoreRequest.batch(prepared.lookups(), worth), fileQueries));
            worth.forEach(result -> stored.add(result.image().path()));
        }
        catch (IOException exception) {
            log.println(PREFIX + "cannot store the results of " + names(worth) + " in the workspace cache ("
                    + LogProgress.printable(String.valueOf(exception.getMessage()))
                    + "); trying again when the run is over");
        }
        catch (InterruptedException exception) {
            Thread.currentThread().interrupt(); // the build is being aborted: the scheduler stops at its next wait
            log.println(PREFIX + "the results of " + names(worth) + " are not stored in the workspace cache: the"
                    + " build was interrupted");
        }
    }

    /**
     * The run is over: stores what no batch call stored and records the run's hits and misses in the cache. A
     * cache that cannot be reached costs the caching only: a warning, and the run's results stand.
     *
     * @param scheduled every result the scheduler gave
     */
    void runOver(final List<InspectionResult> scheduled) throws InterruptedException {
        List<InspectionResult> leftOver = scheduled.stream().filter(result -> !result.isFailed()
                && !stored.contains(result.image().path())).toList();
        try {
            warn(jenkins.store(StoreRequest.runOver(prepared.lookups(), leftOver), fileQueries));
        }
        catch (IOException exception) {
            log.println(PREFIX + "cannot store in the workspace cache" + (leftOver.isEmpty() ? ""
                    : " the results of " + names(leftOver)) + " ("
                    + LogProgress.printable(String.valueOf(exception.getMessage())) + ")");
        }
    }

    private void warn(final List<String> warnings) {
        warnings.forEach(warning -> log.println(PREFIX + LogProgress.printable(warning)));
    }

    private String names(final List<InspectionResult> results) {
        return LogProgress.printable(String.join(", ", results.stream().map(result -> prepared.relative(
                result.image().path())).toList()));
    }
}
