package io.github.guestinspect.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.guestinspect.batch.AgentScheduler.Assignment;
import io.github.guestinspect.batch.AgentScheduler.ScheduledRun;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.runner.BatchOutcome;
import io.github.guestinspect.runner.ChildProcesses;
import io.github.guestinspect.runner.GuestfishException;
import io.github.guestinspect.runner.ImageProbe;
import io.github.guestinspect.runner.ProbedImage;
import io.github.guestinspect.runner.RunnerSettings;
import io.github.guestinspect.runner.ToolMissingException;
import io.github.guestinspect.testing.Libguestfs;
import io.github.guestinspect.testing.TestImages;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real local agents with real libguestfs that come from a queue as Jenkins executors do (one executor each,
 * granted on demand), one appliance launch per agent: agent-a is granted first, inspects the batch of four small
 * images and is then lost before its results come back; only then is agent-b asked for and granted, and the batch
 * re-run there, whose results must match the manifest. (Run with LIBGUESTFS_BACKEND_SETTINGS=force_tcg where nested
 * KVM is unreliable.)
 */
class AgentSchedulerIT {
    private static final List<String> FILES = List.of("alpine.qcow2", "clone-a.qcow2", "clone-b.qcow2",
            "fedora39.qcow2");

    @TempDir
    static Path temporary;

    private static TestImages images;
    private static ScheduledRun run;
    private static final AtomicInteger LAUNCHES_A = new AtomicInteger();
    private static final AtomicInteger LAUNCHES_B = new AtomicInteger();
    private static final List<String> NOTICES = new CopyOnWriteArrayList<>();
    private static QueueLikeSource source;
    private static int liveProcessesAfterwards;
    private static long leftoverTemporaryFiles;

    @BeforeAll
    static void inspectOnTwoAgentsOneOfWhichIsLost() throws IOException, InterruptedException {
        Libguestfs.require();
        images = TestImages.get();
        RunnerSettings runner = new RunnerSettings(Duration.ofMinutes(15), OptionalInt.empty(), OptionalInt.empty(),
                Map.of(), temporary, List.of("/etc/hostname"));
        List<Path> paths = FILES.stream().map(images::path).toList();
        try (ChildProcesses processes = new ChildProcesses()) {
            Map<String, Integer> hosts = new LinkedHashMap<>();
            hosts.put("agent-a", 1);
            hosts.put("agent-b", 1);
            source = new QueueLikeSource(hosts, 1, (host, grant) -> host.equals("agent-a")
                    ? new Counting(new LocalAgent(processes, runner, host, 1, System.err::println), LAUNCHES_A, true)
                    : new Counting(new LocalAgent(processes, runner, host, 1, System.err::println), LAUNCHES_B,
                    false));
            run = new AgentScheduler(source, 4, TimingHints.none(), NOTICES::add)
                    .inspect(paths, new ImageProbe(processes, false), ProgressListener.none());
            source.awaitExecutorsFree();
            liveProcessesAfterwards = processes.liveCount();
        }
        try (Stream<Path> left = Files.list(temporary)) {
            leftoverTemporaryFiles = left.count();
        }
    }

    /** Counts appliance launches; the lossy one is lost after its first batch, as if it went offline. */
    private record Counting(Agent agent, AtomicInteger launches, boolean lostAfterFirstBatch) implements Agent {
        @Override
        public String name() {
            return agent.name();
        }

        @Override
        public int slots() {
            return agent.slots();
        }

        @Override
        public BatchOutcome inspect(final List<ProbedImage> batch)
                throws AgentLostException, ToolMissingException, GuestfishException, InterruptedException {
            launches.incrementAndGet();
            BatchOutcome outcome = agent.inspect(batch);
            if (lostAfterFirstBatch) {
                throw new AgentLostException(name() + " went offline before its results came back ("
                        + outcome.drives().size() + " drives inspected)");
            }
            return outcome;
        }
    }

    @Test
    void shouldAskForTheSecondAgentOnlyWhenTheFirstIsLostAndGiveBothBack() {
        assertThat(source.granted()).containsExactly("agent-a", "agent-b");
        assertThat(source.demands()).containsExactly(1, 0, 1, 0);
        assertThat(source.released()).containsExactly("agent-a LOST", "agent-b DONE");
    }

    @Test
    void shouldLaunchOneApplianceOnEachAgentAndRerunTheLostBatchOnTheOther() {
        assertThat(LAUNCHES_A.get()).isEqualTo(1);
        assertThat(LAUNCHES_B.get()).isEqualTo(1);
        assertThat(run.lostAgents()).containsOnlyKeys("agent-a");
        assertThat(run.lostAgents().get("agent-a")).contains("4 drives inspected");
        assertThat(NOTICES).singleElement().asString().contains("agent agent-a was lost");
        assertThat(run.assignments()).hasSize(4).allSatisfy(assignment -> {
            assertThat(assignment.agent()).isEqualTo("agent-b");
            assertThat(assignment.imagesInBatch()).isEqualTo(4);
        });
        assertThat(run.assignments()).extracting(Assignment::image).extracting(image -> image.path())
                .containsExactlyInAnyOrderElementsOf(FILES.stream().map(file -> images.path(file).toString())
                        .toList());
    }

    @Test
    void shouldReturnOneResultPerImageMatchingTheManifest() {
        assertThat(run.results()).extracting(result -> result.image().path())
                .containsExactlyElementsOf(FILES.stream().map(file -> images.path(file).toString()).toList());
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < FILES.size(); i++) {
            JsonNode entry = images.entry(FILES.get(i));
            InspectionResult result = run.results().get(i);
            softly.assertThat(result.status()).as(FILES.get(i)).isEqualTo(Status.valueOf(entry.path("status").asText()));
            List<String> expected = new ArrayList<>();
            entry.path("os").forEach(os -> expected.add(os.path("hostname").asText()));
            softly.assertThat(result.operatingSystems()).extracting(OperatingSystem::hostname).as(FILES.get(i))
                    .containsExactlyElementsOf(expected);
            softly.assertThat(result.operatingSystems()).extracting(OperatingSystem::distro).as(FILES.get(i))
                    .containsExactlyElementsOf(entry.path("os").findValuesAsText("distro"));
            softly.assertThat(result.timings().imagesInAppliance()).as(FILES.get(i)).isEqualTo(4);
            softly.assertThat(result.timings().launchMillis()).as(FILES.get(i)).isPositive();
            softly.assertThat(result.libguestfsVersion()).as(FILES.get(i)).matches("\\d+\\.\\d+\\.\\d+");
        }
        softly.assertAll();
    }

    @Test
    void shouldLeaveNoProcessAndNoTemporaryFileBehind() {
        assertThat(liveProcessesAfterwards).isZero();
        assertThat(leftoverTemporaryFiles).isZero();
    }
}
