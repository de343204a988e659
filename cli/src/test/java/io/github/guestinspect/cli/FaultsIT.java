package io.github.guestinspect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.guestinspect.cache.ResultCache;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.testing.Libguestfs;
import io.github.guestinspect.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static io.github.guestinspect.cli.CliProcess.await;
import static io.github.guestinspect.cli.CliProcess.qemu;
import static io.github.guestinspect.cli.CliProcess.runDirectory;
import static io.github.guestinspect.cli.CliProcess.runProcesses;
import static io.github.guestinspect.cli.CliProcess.socketDirectory;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults a run survives, with the real jar in JVMs of its own and real libguestfs (six appliance launches in all,
 * two of them cut short): SIGTERM and SIGINT in the middle of a batch, SIGKILL, an appliance that stops responding,
 * and two runs at once. Nothing is ever left running or half-written, and the next run completes.
 */
class FaultsIT {
    private static final Duration LAUNCH = Duration.ofMinutes(10);
    /** The time limit for the runs whose appliance hangs: far more than a healthy batch of one image needs. */
    private static final int HANG_TIMEOUT_SECONDS = 90;
    /**
     * A guestfish that stops responding, in front of the real one (GI_TEST_REAL_GUESTFISH). With
     * GI_TEST_HANG=before-launch it stops reading as soon as it is asked to add an image whose name contains
     * "stops-responding" (no appliance starts); with GI_TEST_HANG=after-launch, once the appliance is launched.
     * Its pipe into the real guestfish stays open, so that one waits for input for ever, as a hung appliance does.
     */
    private static final String HANGING_GUESTFISH = """
            #!/bin/bash
            while IFS= read -r line; do
              if [[ $GI_TEST_HANG == before-launch && $line == -add* && $line == *stops-responding* ]]; then
                exec sleep 100000
              fi
              printf '%s\\n' "$line"
              if [[ $GI_TEST_HANG == after-launch && $line == -run ]]; then
                exec sleep 100000
              fi
            done | "$GI_TEST_REAL_GUESTFISH" "$@"
            """;

    private static TestImages images;

    @TempDir
    Path directory;

    private final List<CliProcess> started = new ArrayList<>();

    @BeforeAll
    static void requireLibguestfs() throws IOException, InterruptedException {
        Libguestfs.require();
        images = TestImages.get();
    }

    @AfterEach
    void killWhatIsLeft() {
        started.forEach(CliProcess::destroy);
    }

    @Test
    void shouldStopCleanlyOnSigtermAndOnSigintMidBatchAndLetTheNextRunComplete() throws Exception {
        Path temporaryRoot = Files.createDirectories(directory.resolve("tmp"));
        Path cache = directory.resolve(".guest-inspect/cache");
        Path debian = images.path("debian12-small.raw");
        Path alpine = images.path("alpine.qcow2");
        String[] inspect = {"inspect", "--jobs", "1", "--batch-size", "1", "--format", "json", "-o", "result.json",
                debian.toString(), alpine.toString()};

        CliProcess terminated = start("terminated", temporaryRoot, Map.of(), inspect);
        terminated.awaitWhileRunning("one image inspected and stored, the other one's appliance running", LAUNCH,
                () -> entries(cache) == 1 && qemu(terminated.handle().descendants().toList()).isPresent());
        Path sockets = socketDirectory(qemu(terminated.handle().descendants().toList()).orElseThrow());
        terminated.signal("TERM");

        assertThat(terminated.awaitExit(Duration.ofMinutes(1))).as(terminated.err())
                .isEqualTo(ExitCode.TERMINATED.code());
        assertThat(terminated.err()).contains("guest-inspect: stopping: killed 1 child process");
        assertNothingLeft(temporaryRoot, sockets);
        List<String> warnings = new ArrayList<>();
        List<Optional<InspectionResult>> stored = List.of(cached(cache, debian, "raw", warnings),
                cached(cache, alpine, "qcow2", warnings));
        assertThat(stored).as("the finished image is stored whole, the other not at all")
                .filteredOn(Optional::isPresent).hasSize(1);
        assertThat(warnings).as("every entry decodes").isEmpty();
        assertThat(hiddenFiles(directory.resolve(".guest-inspect"))).as("no temporary file is left").isEmpty();
        assertThat(directory.resolve("result.json")).as("a stopped run writes no report").doesNotExist();
        assertThat(directory.resolve(".guest-inspect/history")).as("nor a history record").doesNotExist();

        CliProcess interrupted = start("interrupted", temporaryRoot, Map.of(), inspect);
        interrupted.awaitWhileRunning("the appliance of the image not stored yet running", LAUNCH,
                () -> qemu(interrupted.handle().descendants().toList()).isPresent());
        sockets = socketDirectory(qemu(interrupted.handle().descendants().toList()).orElseThrow());
        interrupted.signal("INT");

        assertThat(interrupted.awaitExit(Duration.ofMinutes(1))).as(interrupted.err())
                .isEqualTo(ExitCode.INTERRUPTED.code());
        assertThat(interrupted.err()).contains("[1/2]").contains("guest-inspect: stopping: killed 1 child process");
        assertNothingLeft(temporaryRoot, sockets);
        assertThat(hiddenFiles(directory.resolve(".guest-inspect"))).isEmpty();

        CliProcess next = start("next", temporaryRoot, Map.of(), inspect);

        assertThat(next.awaitExit(LAUNCH)).as(next.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(directory.resolve("result.json").toFile()).path("results");
        assertThat(results).hasSize(2).allSatisfy(result -> assertThat(result.path("status").asText())
                .isEqualTo("INSPECTED"));
        assertThat(results.findValues("hit")).extracting(JsonNode::asBoolean).containsExactlyInAnyOrder(true, false);
        assertNothingLeft(temporaryRoot);
    }

    @Test
    void shouldRetryAHungBatchAloneAndCleanUpAfterAKilledRunButNeverAfterALiveOne() throws Exception {
        Path temporaryRoot = Files.createDirectories(directory.resolve("tmp"));
        Map<String, String> hanging = hangingGuestfish("before-launch");
        Path stopsResponding = Files.copy(images.path("alpine.qcow2"), directory.resolve("stops-responding.qcow2"));
        Path debian = images.path("debian12-small.raw");

        // a live run: its one batch hangs before launching; the batch must be retried image by image
        CliProcess hung = start("hung", temporaryRoot, hanging, "inspect", "--no-cache", "--no-history", "--jobs",
                "2", "--batch-size", "2", "--timeout", Integer.toString(HANG_TIMEOUT_SECONDS), "--format", "json",
                "-o", "hung.json", stopsResponding.toString(), debian.toString());
        hung.awaitWhileRunning("the live run's guestfish stops responding", LAUNCH, () -> hangs(hung));
        Path hungRun = runDirectory(hung.handle().descendants().findFirst().orElseThrow()).orElseThrow();

        // a run whose appliance stops responding once launched, then killed with SIGKILL: no hook runs
        CliProcess killed = start("killed", temporaryRoot, hangingGuestfish("after-launch"), "inspect", "--no-cache",
                "--no-history", "--timeout", "900", images.path("alpine.qcow2").toString());
        killed.awaitWhileRunning("the killed run's appliance is up and its guestfish stops responding", LAUNCH,
                () -> qemu(killed.handle().descendants().toList()).isPresent() && hangs(killed));
        List<ProcessHandle> leftovers = killed.handle().descendants().toList();
        ProcessHandle killedQemu = qemu(leftovers).orElseThrow();
        Path killedRun = runDirectory(killedQemu).orElseThrow();
        Path killedSockets = socketDirectory(killedQemu);
        long killedPid = killed.handle().pid();
        killed.killHard();
        assertThat(leftovers).as("what a SIGKILL leaves: guestfish, qemu, ...").isNotEmpty()
                .allMatch(ProcessHandle::isAlive);
        assertThat(killedRun).isDirectory();

        // the next run (served from the cache: no appliance) cleans up after the killed run, not after the live one
        Path cachedImage = Files.write(directory.resolve("cached.qcow2"), "served from the cache".getBytes());
        SavedResults.seed(directory.resolve("cache"), cachedImage, SavedResults.build41().get(0));
        CliProcess next = start("next", temporaryRoot, Map.of(), "inspect", "--cache-dir", "cache", "--no-history",
                "--format", "json", "-o", "next.json", cachedImage.toString());

        assertThat(next.awaitExit(Duration.ofMinutes(2))).as(next.err()).isZero();
        assertThat(next.err().lines().filter(line -> line.contains("cleaned up"))).singleElement().asString()
                .startsWith("guest-inspect: warning: cleaned up after a killed guest-inspect run (pid " + killedPid
                        + " started ").containsPattern("\\): [1-9][0-9]* leftover process(es)? killed, 1 temporary"
                        + " directory deleted$");
        await("the killed run's processes are gone", Duration.ofSeconds(30),
                () -> leftovers.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(killedRun).doesNotExist();
        assertThat(killedSockets).doesNotExist();
        assertThat(hung.handle().isAlive()).as("the live run goes on").isTrue();
        assertThat(hangs(hung)).isTrue();
        assertThat(hungRun).isDirectory();

        assertThat(hung.awaitExit(LAUNCH)).as(hung.err()).isEqualTo(ExitCode.IMAGE_FAILED.code());
        assertThat(hung.err()).contains("an appliance with 2 images failed (guestfish did not finish within "
                + HANG_TIMEOUT_SECONDS + " s and was killed with its appliance); retrying each image alone");
        JsonNode results = new ObjectMapper().readTree(directory.resolve("hung.json").toFile()).path("results");
        assertThat(results.get(0).path("failure").path("kind").asText()).isEqualTo("TIMEOUT");
        assertThat(results.get(0).path("failure").path("message").asText()).startsWith(stopsResponding.toString());
        assertThat(results.get(1).path("status").asText()).as("the other image of the hung batch, alone")
                .isEqualTo("INSPECTED");
        assertThat(results.get(1).path("operatingSystems").get(0).path("hostname").asText())
                .isEqualTo(images.entry("debian12-small.raw").path("os").get(0).path("hostname").asText());
        assertNothingLeft(temporaryRoot);
    }

    private CliProcess start(final String name, final Path temporaryRoot, final Map<String, String> environment,
                             final String... arguments) throws IOException {
        CliProcess process = CliProcess.start(name, directory, temporaryRoot, environment, arguments);
        started.add(process);
        return process;
    }

    /** The environment that puts the hanging guestfish first on the PATH. */
    private Map<String, String> hangingGuestfish(final String when) throws IOException {
        Path bin = directory.resolve("bin");
        Path wrapper = bin.resolve("guestfish");
        if (!Files.exists(wrapper)) {
            Files.createDirectories(bin);
            Files.writeString(wrapper, HANGING_GUESTFISH);
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        String path = System.getenv("PATH");
        String real = Stream.of(path.split(File.pathSeparator)).map(folder -> Path.of(folder, "guestfish"))
                .filter(Files::isExecutable).findFirst().orElseThrow().toString();
        return Map.of("PATH", bin + File.pathSeparator + path, "GI_TEST_REAL_GUESTFISH", real, "GI_TEST_HANG", when);
    }

    /** True when the run's guestfish wrapper has stopped responding (its sleep runs). */
    private static boolean hangs(final CliProcess run) {
        return run.handle().descendants().anyMatch(process -> process.info().command().orElse("").endsWith("/sleep"));
    }

    /** Nothing of any run under the root: no process, no run directory, no appliance socket directory. */
    private static void assertNothingLeft(final Path temporaryRoot, final Path... sockets) throws Exception {
        await("no process of a run left", Duration.ofSeconds(30), () -> runProcesses(temporaryRoot).isEmpty());
        try (Stream<Path> entries = Files.list(temporaryRoot)) {
            assertThat(entries).as("run directories left").isEmpty();
        }
        assertThat(sockets).allSatisfy(socketDirectory -> assertThat(socketDirectory).doesNotExist());
    }

    private static Optional<InspectionResult> cached(final Path cache, final Path image, final String format,
                                                     final List<String> warnings) throws Exception {
        return new ResultCache(cache, warnings::add).get(SavedResults.cacheKey(cache, image, format));
    }

    /** The cache entries written so far (temporary files excluded). */
    private static long entries(final Path cache) {
        try (Stream<Path> files = Files.walk(cache.resolve("entries"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".gic")
                    && !file.getFileName().toString().startsWith(".")).count();
        }
        catch (IOException | java.io.UncheckedIOException exception) {
            return 0; // none yet
        }
    }

    private static List<Path> hiddenFiles(final Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith(".") && !file.equals(folder))
                    .toList();
        }
    }
}
