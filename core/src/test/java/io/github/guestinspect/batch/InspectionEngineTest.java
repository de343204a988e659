package io.github.guestinspect.batch;

import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.runner.BatchOutcome;
import io.github.guestinspect.runner.ChildProcesses;
import io.github.guestinspect.runner.DriveOutcome;
import io.github.guestinspect.runner.GuestfishException;
import io.github.guestinspect.runner.ImageProbe;
import io.github.guestinspect.runner.ProbedImage;
import io.github.guestinspect.runner.RunnerSettings;
import io.github.guestinspect.runner.TestFaults;
import io.github.guestinspect.runner.ToolMissingException;
import io.github.guestinspect.testing.Libguestfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduling around the appliances, with real qemu-img checks on real (blank) images and workers that fail on
 * purpose: retries, per-image failures, tool failures, parallelism bounds, and that no image is lost or run twice.
 */
class InspectionEngineTest {
    @TempDir
    Path directory;

    private ChildProcesses processes;

    @BeforeEach
    void startProcesses() {
        processes = new ChildProcesses();
    }

    @AfterEach
    void stopProcesses() {
        processes.close();
    }

    private List<Path> blankImages(final int count) throws IOException, InterruptedException {
        Libguestfs.require();
        List<Path> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path image = directory.resolve("blank-" + i + ".qcow2");
            Process process = new ProcessBuilder("qemu-img", "create", "-q", "-f", "qcow2", image.toString(),
                    (i + 1) + "M").inheritIO().start();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            images.add(image);
        }
        return images;
    }

    private InspectionEngine engine(final int jobs, final int batchSize, final BatchWorker worker) {
        return new InspectionEngine(new InspectionSettings(jobs, OptionalInt.of(batchSize), false,
                RunnerSettings.defaults()), new ImageProbe(processes, false), worker);
    }

    private static BatchOutcome noOs(final List<ProbedImage> batch) {
        return new BatchOutcome(batch.stream().map(image -> new DriveOutcome(List.of(), Optional.empty(), 1, 0))
                .toList(), 10, "1.48.6");
    }

    @Test
    void shouldStartARunOfNoImagesAndReturnNoResultWithoutCallingTheWorker() throws Exception {
        List<Integer> started = new CopyOnWriteArrayList<>();
        AtomicInteger batches = new AtomicInteger();

        List<InspectionResult> results = engine(2, 4, batch -> {
            batches.incrementAndGet();
            return noOs(batch);
        }).inspect(List.of(), new ProgressListener() {
            @Override
            public void started(final int images) {
                started.add(images);
            }
        });

        assertThat(results).isEmpty();
        assertThat(started).containsExactly(0);
        assertThat(batches).hasValue(0);
    }

    @Test
    void shouldRetryTheImagesOfAFailedBatchOneByOne() throws Exception {
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        BatchWorker worker = batch -> {
            batchSizes.add(batch.size());
            if (batch.size() > 1) {
                throw TestFaults.crashed("appliance crashed on purpose");
            }
            return noOs(batch);
        };

        List<InspectionResult> results = engine(1, 3, worker).inspect(blankImages(3), ProgressListener.none());

        assertThat(batchSizes).containsExactly(3, 1, 1, 1);
        assertThat(results).extracting(InspectionResult::status).containsOnly(Status.NO_OS_FOUND);
    }

    @Test
    void shouldTellTheListenerOfEachBatchThatEndedWithResultsButNotOfOneRetriedImageByImage() throws Exception {
        BatchWorker worker = batch -> {
            if (batch.size() > 1 || batch.get(0).path().getFileName().toString().equals("blank-1.qcow2")) {
                throw TestFaults.crashed("appliance crashed on purpose");
            }
            return noOs(batch);
        };
        List<List<Status>> finishedBatches = new CopyOnWriteArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void batchFinished(final List<InspectionResult> results) {
                finishedBatches.add(results.stream().map(InspectionResult::status).toList());
            }
        };

        engine(1, 3, worker).inspect(blankImages(3), listener);

        assertThat(finishedBatches).containsExactlyInAnyOrder(List.of(Status.NO_OS_FOUND), List.of(Status.FAILED),
                List.of(Status.NO_OS_FOUND));
    }

    @Test
    void shouldFailOnlyTheImageWhoseSingleBatchFails() throws Exception {
        List<Path> images = blankImages(3);
        BatchWorker worker = batch -> {
            if (batch.stream().anyMatch(image -> image.path().getFileName().toString().equals("blank-1.qcow2"))) {
                throw TestFaults.crashed("appliance crashed on purpose");
            }
            return noOs(batch);
        };

        List<InspectionResult> results = engine(2, 1, worker).inspect(images, ProgressListener.none());

        assertThat(results).extracting(InspectionResult::status)
                .containsExactly(Status.NO_OS_FOUND, Status.FAILED, Status.NO_OS_FOUND);
        assertThat(results.get(1).failure().orElseThrow().message()).contains("blank-1.qcow2");
        assertThat(results.get(1).failure().orElseThrow().kind()).isEqualTo(FailureKind.INSPECTION_ERROR);
    }

    @Test
    void shouldReportAMissingLibguestfsAsAToolFailureForEveryImage() throws Exception {
        BatchWorker worker = batch -> {
            throw new ToolMissingException("guestfish (libguestfs)");
        };

        List<InspectionResult> results = engine(1, 2, worker).inspect(blankImages(2), ProgressListener.none());

        assertThat(results).allSatisfy(result -> assertThat(result.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.kind()).isEqualTo(FailureKind.TOOL_FAILURE);
            assertThat(failure.message()).contains("apt-get install").contains("libguestfs-tools");
        }));
    }

    @Test
    void shouldRunJobsAppliancesAtOnceButNeverMoreAndInspectEachImageOnce() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Path> seen = new CopyOnWriteArrayList<>();
        CyclicBarrier pairs = new CyclicBarrier(2); // only passes when two batches really run at the same time
        List<Path> images = blankImages(8);
        BatchWorker worker = batch -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            batch.forEach(image -> seen.add(image.path()));
            try {
                pairs.await(30, TimeUnit.SECONDS);
            }
            catch (BrokenBarrierException | TimeoutException exception) {
                throw new AssertionError("the second job never ran alongside the first", exception);
            }
            running.decrementAndGet();
            return noOs(batch);
        };

        List<InspectionResult> results = engine(2, 2, worker).inspect(images, ProgressListener.none());

        assertThat(mostAtOnce.get()).isLessThanOrEqualTo(2);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(images.stream()
                .map(path -> path.toAbsolutePath().normalize()).toList());
        assertThat(results).hasSize(8).extracting(InspectionResult::status).containsOnly(Status.NO_OS_FOUND);
    }

    @Test
    void shouldInspectAFileNamedTwiceOnlyOnce() throws Exception {
        Path image = blankImages(1).get(0);
        AtomicInteger drives = new AtomicInteger();
        BatchWorker worker = batch -> {
            drives.addAndGet(batch.size());
            return noOs(batch);
        };

        List<InspectionResult> results = engine(1, 4, worker)
                .inspect(List.of(image, image.getParent().resolve(".").resolve(image.getFileName())),
                        ProgressListener.none());

        assertThat(drives.get()).isEqualTo(1);
        assertThat(results).hasSize(1);
    }

    @Test
    void shouldRejectBrokenFilesWithoutAnAppliance() throws Exception {
        Path text = Files.writeString(directory.resolve("notes.qcow2"), "not a disk image\n");
        Path empty = Files.createFile(directory.resolve("empty.raw"));
        BatchWorker worker = batch -> {
            throw new AssertionError("no appliance may be launched for broken files");
        };
        Libguestfs.require();

        List<InspectionResult> results = engine(1, 4, worker).inspect(List.of(text, empty), ProgressListener.none());

        assertThat(results.get(0).failure().orElseThrow().kind()).isEqualTo(FailureKind.NOT_A_DISK_IMAGE);
        assertThat(results.get(0).failure().orElseThrow().message()).contains("notes.qcow2")
                .contains("has no qcow2 header");
        assertThat(results.get(1).failure().orElseThrow().message()).contains("empty.raw").contains("0 bytes");
    }
}
