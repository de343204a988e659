package io.github.guestinspect.batch;

import io.github.guestinspect.model.CacheInfo;
import io.github.guestinspect.model.DiskInfo;
import io.github.guestinspect.model.Failure;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.model.Timings;
import io.github.guestinspect.model.ToolVersion;
import io.github.guestinspect.runner.BatchOutcome;
import io.github.guestinspect.runner.ChildProcesses;
import io.github.guestinspect.runner.DriveOutcome;
import io.github.guestinspect.runner.GuestfishException;
import io.github.guestinspect.runner.ImageProbe;
import io.github.guestinspect.runner.ImageRejectedException;
import io.github.guestinspect.runner.LibguestfsRunner;
import io.github.guestinspect.runner.ProbedImage;
import io.github.guestinspect.runner.ToolMissingException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final String toolVersion = ToolVersion.get();

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
        Map<Path, Path> given = new LinkedHashMap<>(); // one entry per distinct file: normalised path -> as given
        for (Path image : images) {
            given.putIfAbsent(image.toAbsolutePath().normalize(), image);
        }
        listener.started(given.size());
        Map<Path, InspectionResult> results = new HashMap<>();
        List<ProbedImage> good = new ArrayList<>();
        for (Map.Entry<Path, Path> image : given.entrySet()) {
            long start = System.nanoTime();
            ImageFile file = new ImageFile(image.getValue().toString(), fileName(image.getValue()),
                    size(image.getKey()));
            try {
                good.add(new ProbedImage(image.getKey(), file, probe.probe(image.getKey()), millisSince(start)));
            }
            catch (ImageRejectedException exception) {
                results.put(image.getKey(), rejected(file, exception.toFailure(), start, listener));
            }
            catch (ToolMissingException exception) {
                results.put(image.getKey(), rejected(file,
                        new Failure(FailureKind.TOOL_FAILURE, exception.getMessage()), start, listener));
            }
        }
        runBatches(good, results, listener);
        return given.keySet().stream().map(results::get).toList();
    }

    private InspectionResult rejected(final ImageFile file, final Failure failure, final long start,
                                      final ProgressListener listener) {
        long millis = millisSince(start);
        InspectionResult result = InspectionResult.failed(file, Optional.empty(), failure,
                new Timings(0, millis, 0, 0, 0, 0, millis), toolVersion);
        listener.finished(result);
        return result;
    }

    private void runBatches(final List<ProbedImage> images, final Map<Path, InspectionResult> results,
                            final ProgressListener listener) throws InterruptedException {
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
                completion.submit(() -> runBatch(batch, listener));
                outstanding++;
            }
            while (outstanding > 0) {
                BatchResult finished = completion.take().get();
                outstanding--;
                results.putAll(finished.results());
                for (ProbedImage retry : finished.retries()) {
                    completion.submit(() -> runBatch(List.of(retry), listener));
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

    private BatchResult runBatch(final List<ProbedImage> batch, final ProgressListener listener)
            throws InterruptedException {
        long start = System.nanoTime();
        try {
            BatchOutcome outcome = worker.inspect(batch);
            Map<Path, InspectionResult> results = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                InspectionResult result = toResult(batch.get(i), outcome, outcome.drives().get(i), millisSince(start),
                        batch.size());
                listener.finished(result);
                results.put(batch.get(i).path(), result);
            }
            return new BatchResult(results, List.of());
        }
        catch (GuestfishException exception) {
            if (batch.size() > 1) {
                listener.batchRetried(batch.size(), exception.getMessage());
                return new BatchResult(Map.of(), batch);
            }
            FailureKind kind = exception.isTimedOut() ? FailureKind.TIMEOUT : FailureKind.INSPECTION_ERROR;
            return failAll(batch, new Failure(kind, batch.get(0).file().path() + ": " + exception.getMessage()),
                    start, listener);
        }
        catch (ToolMissingException exception) {
            return failAll(batch, new Failure(FailureKind.TOOL_FAILURE, exception.getMessage()), start, listener);
        }
        catch (RuntimeException exception) { // a bug must cost this batch's images, not the whole run
            return failAll(batch, new Failure(FailureKind.INSPECTION_ERROR, "internal error while inspecting "
                    + batch.stream().map(image -> image.file().path()).toList() + ": " + exception), start,
                    listener);
        }
    }

    private BatchResult failAll(final List<ProbedImage> batch, final Failure failure, final long start,
                                final ProgressListener listener) {
        Map<Path, InspectionResult> results = new LinkedHashMap<>();
        for (ProbedImage image : batch) {
            long millis = millisSince(start);
            InspectionResult result = InspectionResult.failed(image.file(), Optional.of(image.disk()), failure,
                    new Timings(0, image.probeMillis(), 0, 0, 0, 0, millis + image.probeMillis()), toolVersion);
            listener.finished(result);
            results.put(image.path(), result);
        }
        return new BatchResult(results, List.of());
    }

    private InspectionResult toResult(final ProbedImage image, final BatchOutcome batch, final DriveOutcome drive,
                                      final long batchMillis, final int imagesInAppliance) {
        Timings timings = new Timings(0, image.probeMillis(), batch.launchMillis(), imagesInAppliance,
                drive.osInspectionMillis(), drive.packageListingMillis(), image.probeMillis() + batchMillis);
        if (drive.error().isPresent()) {
            return new InspectionResult(image.file(), Optional.of(image.disk()), "", Status.FAILED,
                    Optional.of(new Failure(FailureKind.INSPECTION_ERROR, image.file().path() + ": "
                            + drive.error().get())), List.of(), timings, CacheInfo.notUsed(),
                    batch.libguestfsVersion(), toolVersion);
        }
        Status status = drive.roots().isEmpty() ? Status.NO_OS_FOUND : Status.INSPECTED;
        return new InspectionResult(image.file(), Optional.of(image.disk()), "", status, Optional.empty(),
                drive.roots(), timings, CacheInfo.notUsed(), batch.libguestfsVersion(), toolVersion);
    }

    private static String fileName(final Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    private static long size(final Path path) {
        try {
            return Files.size(path);
        }
        catch (IOException exception) {
            return -1;
        }
    }

    private static long millisSince(final long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** What one batch task hands back: finished results, or images to retry alone. */
    private record BatchResult(Map<Path, InspectionResult> results, List<ProbedImage> retries) {
    }
}
