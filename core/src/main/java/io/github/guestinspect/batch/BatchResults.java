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
import io.github.guestinspect.runner.ProbedImage;
import io.github.guestinspect.runner.ToolMissingException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@link InspectionEngine} and {@link AgentScheduler} share, so both report alike: checking the images with
 * qemu-img before any appliance, and turning what an appliance (or its failure) yielded into results.
 */
final class BatchResults {
    private BatchResults() {
    }

    static InspectionResult rejected(final ImageFile file, final Failure failure, final long start,
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

    static String fileName(final Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    static long size(final Path path) {
        try {
            return Files.size(path);
        }
        catch (IOException exception) {
            return -1;
        }
    }
}
