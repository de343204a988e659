package io.github.guestinspect.batch;

import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.runner.ChildProcesses;
import io.github.guestinspect.runner.RunnerSettings;
import io.github.guestinspect.testing.Libguestfs;
import io.github.guestinspect.testing.ManifestAssertions;
import io.github.guestinspect.testing.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inspects every test image through real libguestfs in ONE appliance launch: the worst case for batching (clones
 * sharing a filesystem UUID, fstabs naming /dev/sda, two images with the same LVM volume-group name, a disk with
 * two OS roots), plus the broken inputs, which must fail by name without costing a launch. Each image's results
 * are compared with the manifest that the image script computed from the data it put in.
 */
class InspectionEngineIT {
    @TempDir
    static Path temporary;

    private static TestImages images;
    private static List<InspectionResult> results;
    private static List<String> files;
    private static int liveProcessesAfterwards;
    private static long leftoverTemporaryFiles;

    @BeforeAll
    static void inspectAllImagesInOneAppliance() throws IOException, InterruptedException {
        Libguestfs.require();
        images = TestImages.get();
        files = new ArrayList<>();
        images.entries().forEach(entry -> files.add(entry.path("file").asText()));
        files.add("does-not-exist.qcow2");
        List<Path> paths = files.stream().map(images::path).toList();
        RunnerSettings runner = new RunnerSettings(Duration.ofMinutes(15), OptionalInt.empty(), OptionalInt.empty(),
                Map.of(), temporary, List.of("/etc/hostname", "/etc/ssh/*"));
        InspectionSettings settings = new InspectionSettings(1, OptionalInt.of(64), false, runner);
        try (ChildProcesses processes = new ChildProcesses()) {
            results = InspectionEngine.local(settings, processes, System.err::println).inspect(paths, ProgressListener.none());
            liveProcessesAfterwards = processes.liveCount();
        }
        try (Stream<Path> left = Files.list(temporary)) {
            leftoverTemporaryFiles = left.count();
        }
    }

    @Test
    void shouldReturnOneResultPerImageInTheOrderGiven() {
        assertThat(results).extracting(result -> result.image().path())
                .containsExactlyElementsOf(files.stream().map(file -> images.path(file).toString()).toList());
    }

    @Test
    void shouldMatchTheManifestForEveryImage() {
        ManifestAssertions.assertMatchManifest(images, results);
    }

    @Test
    void shouldKeepEachCloneToItsOwnPackagesAlthoughTheyShareAFilesystemUuid() {
        OperatingSystem a = resultOf("clone-a.qcow2").operatingSystems().get(0);
        OperatingSystem b = resultOf("clone-b.qcow2").operatingSystems().get(0);
        assertThat(a.hostname()).isEqualTo("clone-a");
        assertThat(b.hostname()).isEqualTo("clone-b");
        assertThat(a.packages()).hasSize(images.entry("clone-a.qcow2").path("os").get(0).path("packageCount").asInt())
                .isNotEqualTo(b.packages());
    }

    @Test
    void shouldSeparateImagesThatShareAVolumeGroupName() {
        assertThat(resultOf("lvm-a.qcow2").operatingSystems()).singleElement()
                .satisfies(os -> assertThat(os.root()).isEqualTo("/dev/vg0/root"))
                .satisfies(os -> assertThat(os.hostname()).isEqualTo("lvm-a"));
        assertThat(resultOf("lvm-b.qcow2").operatingSystems()).singleElement()
                .satisfies(os -> assertThat(os.root()).isEqualTo("/dev/vg0/root"))
                .satisfies(os -> assertThat(os.hostname()).isEqualTo("lvm-b"));
    }

    @Test
    void shouldNameDevicesAsIfEachImageWereTheOnlyDisk() {
        assertThat(resultOf("multi-os.qcow2").operatingSystems()).extracting(OperatingSystem::root)
                .containsExactly("/dev/sda1", "/dev/sda2");
        assertThat(resultOf("debian12.qcow2").operatingSystems().get(0).mountpoints())
                .anySatisfy(mount -> assertThat(mount.device()).isEqualTo("/dev/sda"));
    }

    @Test
    void shouldFindKernelsAndRecordTimings() {
        InspectionResult debian = resultOf("debian12.qcow2");
        assertThat(debian.operatingSystems().get(0).kernels()).containsExactly("6.1.0-18-amd64");
        assertThat(debian.timings().imagesInAppliance()).isEqualTo(
                (int) results.stream().filter(result -> result.disk().isPresent() && !result.isFailed()).count());
        assertThat(debian.timings().launchMillis()).isPositive();
        assertThat(debian.libguestfsVersion()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void shouldReportAMissingFileByName() {
        InspectionResult missing = resultOf("does-not-exist.qcow2");
        assertThat(missing.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.kind()).isEqualTo(FailureKind.MISSING);
            assertThat(failure.message()).contains("does-not-exist.qcow2").contains("no such file");
        });
    }

    @Test
    void shouldLeaveNoProcessAndNoTemporaryFileBehind() {
        assertThat(liveProcessesAfterwards).isZero();
        assertThat(leftoverTemporaryFiles).isZero();
    }

    private static InspectionResult resultOf(final String file) {
        String path = images.path(file).toString();
        return results.stream().filter(result -> result.image().path().equals(path)).findFirst().orElseThrow();
    }
}
