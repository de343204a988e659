package io.github.guestinspect.batch;

import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.runner.ChildProcesses;
import io.github.guestinspect.runner.RunnerSettings;
import io.github.guestinspect.testing.Libguestfs;
import io.github.guestinspect.testing.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch that hangs (here: a time limit far below an appliance launch) is killed with its whole process tree,
 * its images are retried alone once, and then reported as timed out by name; nothing is left running.
 */
class InspectionEngineFaultsIT {
    private static TestImages images;

    @TempDir
    Path temporary;

    @BeforeAll
    static void requireLibguestfs() throws IOException, InterruptedException {
        Libguestfs.require();
        images = TestImages.get();
    }

    @Test
    void shouldKillATimedOutBatchRetryItsImagesAloneAndReportThemByName() throws Exception {
        List<String> retried = new CopyOnWriteArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void batchRetried(final int count, final String reason) {
                retried.add(count + ": " + reason);
            }
        };
        RunnerSettings runner = new RunnerSettings(Duration.ofSeconds(2), OptionalInt.empty(), OptionalInt.empty(),
                Map.of(), temporary, List.of());
        List<Path> paths = List.of(images.path("debian12-small.raw"), images.path("alpine.qcow2"));
        List<InspectionResult> results;
        int live;
        try (ChildProcesses processes = new ChildProcesses()) {
            results = InspectionEngine.local(new InspectionSettings(1, OptionalInt.of(2), false, runner), processes,
                    System.err::println)
                    .inspect(paths, listener);
            live = processes.liveCount();
        }

        assertThat(retried).singleElement().asString().startsWith("2: ").contains("did not finish within 2 s");
        assertThat(results).hasSize(2).allSatisfy(result -> assertThat(result.failure()).hasValueSatisfying(
                failure -> {
                    assertThat(failure.kind()).isEqualTo(FailureKind.TIMEOUT);
                    assertThat(failure.message()).contains(result.image().path());
                }));
        assertThat(live).isZero();
        assertThat(guestfishProcesses()).isEmpty();
        try (Stream<Path> left = Files.list(temporary)) {
            assertThat(left).isEmpty();
        }
    }

    /** guestfish or qemu processes whose libguestfs temporary directory lies in this test's directory. */
    private List<Long> guestfishProcesses() {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").contains(temporary.toString()))
                .map(ProcessHandle::pid).toList();
    }
}
