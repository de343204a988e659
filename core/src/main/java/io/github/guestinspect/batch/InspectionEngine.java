package io.github.guestinspect.batch;

import io.github.guestinspect.model.Failure;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.ToolVersion;
import io.github.guestinspect.runner.BatchOutcome;
import io.github.guestinspect.runner.ChildProcesses;
import io.github.guestinspect.runner.GuestfishException;
import io.github.guestinspect.runner.ImageProbe;
import io.github.guestinspect.runner.LibguestfsRunner;
import io.github.guestinspect.runner.ProbedImage;
import io.github.guestinspect.runner.ToolMissingException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Inspects a list of images: checks each with qemu-img, packs the good ones into batches, runs up to
 * {@code jobs} appliances at once, retries the images of a failed batch alone, and returns one result per distinct
 * image in the order given. Nothing is lost: every image ends as INSPECTED, NO_OS_FOUND or FAILED with a reason.
 */
public final class InspectionEngine {
    private final InspectionSettings settings;
    private final ImageProbe probe;
    private final BatchWorker worker;

    public InspectionEngine(final InspectionSettings settings, final ImageProbe probe, final BatchWorker worker) {
        this.settings = settings;
        this.probe = probe;
        this.worker = worker;
    }

    /** An engine that runs every appliance on this machine; the runner's choices are told to {@code warnings}. */
    public static InspectionEngine local(final InspectionSettings settings, final ChildProcesses processes,
                                         final Consumer<String> warnings) {
        LibguestfsRunner runner = new LibguestfsRunner(processes, settings.runner(), warnings);
        return new InspectionEngine(settings, new ImageProbe(processes, settings.allowBackingFiles()), runner::inspect);
    }

    public List<InspectionResult> inspect(final List<Path> images, final ProgressListener listener)
            throws InterruptedException {
        if (images.isEmpty()) { // all served from a cache: not even the version is read
            listener.started(0);
            return List.of();
        }
        String toolVersion = ToolVersion.get();
        CheckedImages intake = CheckedImages.check(images, probe, listener, toolVersion);
        Map<Path, InspectionResult> results = new HashMap<>(intake.rejected());
        runBatches(intake.probed(), results, listener, toolVersion);
        return intake.order().stream().map(results::get).toList();
    }

    private void runBatches(final List<ProbedImage> images, final Map<Path, InspectionResult> results,
                            final ProgressListener listener, final String toolVersion) throws InterruptedException {
        if (images.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(settings.jobs(), runnable -> {
            Thread thread = new Thread(runnable, "guest-inspect-appliance");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<BatchResult> completion = new ExecutorCompletionService<>(pool);
            int outstanding = 0;
            for (List<ProbedImage> batch : BatchPlanner.plan(images, settings.batchSizeFor(images.size()))) {
                completion.submit(() -> runBatch(batch, listener, toolVersion));
                outstanding++;
            }
            while (outstanding > 0) {
                BatchResult finished = completion.take().get();
                outstanding--;
                results.putAll(finished.results());
                for (ProbedImage retry : finished.retries()) {
                    completion.submit(() -> runBatch(List.of(retry), listener, toolVersion));
                    outstanding++;
                }
            }
        }
        catch (ExecutionException exception) {
            throw new IllegalStateException("an appliance worker failed unexpectedly", exception.getCause());
        }
        finally {
            pool.shutdownNow();
        }
    }

    private BatchResult runBatch(final List<ProbedImage> batch, final ProgressListener listener,
                                 final String toolVersion) throws InterruptedException {
        long start = System.nanoTime();
        try {
            BatchOutcome outcome = worker.inspect(batch);
            Map<Path, InspectionResult> results = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                InspectionResult result = BatchResults.fromDrive(batch.get(i), outcome, outcome.drives().get(i),
                        BatchResults.millisSince(start), batch.size(), toolVersion);
                listener.finished(result);
                results.put(batch.get(i).path(), result);
            }
            listener.batchFinished(List.copyOf(results.values()));
            return new BatchResult(results, List.of());
        }
        catch (GuestfishException exception) {
            if (batch.size() > 1) {
                listener.batchRetried(batch.size(), exception.getMessage());
                return new BatchResult(Map.of(), batch);
            }
            return failAll(batch, BatchResults.applianceFailure(batch.get(0), exception), start, listener,
                    toolVersion);
        }
        catch (ToolMissingException exception) {
            return failAll(batch, BatchResults.toolFailure(exception), start, listener, toolVersion);
        }
        catch (RuntimeException exception) { // a bug must cost this batch's images, not the whole run
            return failAll(batch, BatchResults.internalError(batch, exception), start, listener, toolVersion);
        }
    }

    private static BatchResult failAll(final List<ProbedImage> batch, final Failure failure, final long start,
                                       final ProgressListener listener, final String toolVersion) {
        Map<Path, InspectionResult> results = new LinkedHashMap<>();
        for (ProbedImage image : batch) {
            InspectionResult result = BatchResults.failed(image, failure, BatchResults.millisSince(start),
                    toolVersion);
            listener.finished(result);
            results.put(image.path(), result);
        }
        listener.batchFinished(List.copyOf(results.values()));
        return new BatchResult(results, List.of());
    }

    /** What one batch task hands back: finished results, or images to retry alone. */
    private record BatchResult(Map<Path, InspectionResult> results, List<ProbedImage> retries) {
    }
}
