package io.github.guestinspect.batch;

import io.github.guestinspect.model.CacheInfo;
import io.github.guestinspect.model.Failure;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.model.Timings;
import io.github.guestinspect.runner.BatchOutcome;
import io.github.guestinspect.runner.DriveOutcome;
import io.github.guestinspect.runner.GuestfishException;
import io.github.guestinspect.runner.ImageProbe;
import io.github.guestinspect.runner.ImageRejectedException;
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

/**
 * What {@link InspectionEngine} and {@link AgentScheduler} share, so both report alike: checking the images with
 * qemu-img before any appliance, and turning what an appliance (or its failure) yielded into results.
 */
final class BatchResults {
    private BatchResults() {
    }

    /**
     * The images after the qemu-img checks.
     *
     * @param order    every distinct image (normalised path), in the order first given
     * @param rejected the results of the images that failed the checks, by normalised path
     * @param probed   the images that may go to an appliance, in the order given
     */
    record Intake(List<Path> order, Map<Path, InspectionResult> rejected, List<ProbedImage> probed) {
    }

    /** Checks each distinct image once (a file named twice is one image); rejected ones are reported at once. */
    static Intake probeAll(final List<Path> images, final ImageProbe probe, final ProgressListener listener,
                           final String toolVersion) throws InterruptedException {
        Map<Path, Path> given = new LinkedHashMap<>(); // one entry per distinct file: normalised path -> as given
        for (Path image : images) {
            given.putIfAbsent(image.toAbsolutePath().normalize(), image);
        }
        listener.started(given.size());
        Map<Path, InspectionResult> rejected = new HashMap<>();
        List<ProbedImage> good = new ArrayList<>();
        for (Map.Entry<Path, Path> image : given.entrySet()) {
            long start = System.nanoTime();
            ImageFile file = new ImageFile(image.getValue().toString(), fileName(image.getValue()),
                    size(image.getKey()));
            try {
                good.add(new ProbedImage(image.getKey(), file, probe.probe(image.getKey()), millisSince(start)));
            }
            catch (ImageRejectedException exception) {
                rejected.put(image.getKey(), rejected(file, exception.toFailure(), start, listener, toolVersion));
            }
            catch (ToolMissingException exception) {
                rejected.put(image.getKey(), rejected(file, toolFailure(exception), start, listener, toolVersion));
            }
        }
        return new Intake(List.copyOf(given.keySet()), rejected, good);
    }

    private static InspectionResult rejected(final ImageFile file, final Failure failure, final long start,
                                             final ProgressListener listener, final String toolVersion) {
        long millis = millisSince(start);
        InspectionResult result = InspectionResult.failed(file, Optional.empty(), failure,
                new Timings(0, millis, 0, 0, 0, 0, millis), toolVersion);
        listener.finished(result);
        return result;
    }

    /** The result of one drive of an appliance that ran. */
    static InspectionResult fromDrive(final ProbedImage image, final BatchOutcome batch, final DriveOutcome drive,
                                      final long batchMillis, final int imagesInAppliance,
                                      final String toolVersion) {
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

    /** The result of a checked image that got no appliance result: its batch failed, or nothing could run it. */
    static InspectionResult failed(final ProbedImage image, final Failure failure, final long batchMillis,
                                   final String toolVersion) {
        return InspectionResult.failed(image.file(), Optional.of(image.disk()), failure,
                new Timings(0, image.probeMillis(), 0, 0, 0, 0, batchMillis + image.probeMillis()), toolVersion);
    }

    /** Why an image failed whose appliance (holding it alone) failed as a whole. */
    static Failure applianceFailure(final ProbedImage image, final GuestfishException exception) {
        FailureKind kind = exception.isTimedOut() ? FailureKind.TIMEOUT : FailureKind.INSPECTION_ERROR;
        return new Failure(kind, image.file().path() + ": " + exception.getMessage());
    }

    /** libguestfs (or qemu-img) is missing: a tool failure, never a property of the image. */
    static Failure toolFailure(final ToolMissingException exception) {
        return new Failure(FailureKind.TOOL_FAILURE, exception.getMessage());
    }

    /** A bug costs the images of its batch, not the whole run. */
    static Failure internalError(final List<ProbedImage> batch, final RuntimeException exception) {
        return new Failure(FailureKind.INSPECTION_ERROR, "internal error while inspecting "
                + batch.stream().map(image -> image.file().path()).toList() + ": " + exception);
    }

    static long millisSince(final long start) {
        return (System.nanoTime() - start) / 1_000_000;
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
}
