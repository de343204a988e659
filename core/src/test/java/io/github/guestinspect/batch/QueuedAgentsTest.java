package io.github.guestinspect.batch;

import io.github.guestinspect.batch.AgentScheduler.Assignment;
import io.github.guestinspect.batch.AgentScheduler.ScheduledRun;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.runner.ProbedImage;
import io.github.guestinspect.runner.ToolMissingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.github.guestinspect.batch.FakeAgent.noOs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agents that come from a queue while the run goes on, as Jenkins executors do ({@link QueueLikeSource}: real
 * executor threads that hold their agent until the run gives it back): the run asks for what its queued batches
 * could use, takes agents as they are granted, gives each back as soon as nothing is queued for it, asks for a
 * replacement when one is lost, fails with the source's reason when none can come, and leaves no executor held.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QueuedAgentsTest {
    @TempDir
    Path directory;

    private List<ProbedImage> blankImages(final int count) throws IOException, InterruptedException {
        return BlankImages.probe(BlankImages.raw(directory, "blank-", count));
    }

    private static List<Path> paths(final List<ProbedImage> images) {
        return images.stream().map(ProbedImage::path).toList();
    }

    @Test
    void shouldAskForASlotPerQueuedBatchAndTakeAgentsAsTheQueueGrantsThem() throws Exception {
        List<ProbedImage> images = blankImages(6);
        Map<String, FakeAgent> made = new ConcurrentHashMap<>();
        QueueLikeSource source = new QueueLikeSource(Map.of("h1", 2, "h2", 1), 1, (host, grant) -> made.computeIfAbsent(
                host + "#" + grant, name -> FakeAgent.working(name, 1)));

        ScheduledRun run = new AgentScheduler(source, 1, TimingHints.none(), notice -> {
        }).run(images, ProgressListener.none());
        source.awaitExecutorsFree();

        assertThat(source.demands()).as("first every batch, at the end nothing").startsWith(6).endsWith(0);
        assertThat(source.mostHeldOnOneHost()).as("the per-host bound").isEqualTo(1);
        assertThat(source.granted()).hasSize(2);
        assertThat(source.released()).as("each given back when its work was done, or when the run ended before"
                + " it joined").hasSameSizeAs(source.granted()).allSatisfy(line -> assertThat(line).matches(
                        "h\\d#\\d (DONE|CLOSED)"));
        assertThat(made.values().stream().flatMap(agent -> agent.returned().stream()).toList())
                .containsExactlyInAnyOrderElementsOf(paths(images));
        assertThat(run.results()).hasSize(6).extracting(InspectionResult::status).containsOnly(Status.NO_OS_FOUND);
        assertThat(run.assignments()).extracting(Assignment::agent).isSubsetOf(source.granted());
    }

    @Test
    void shouldGiveAnAgentBackAsSoonAsNothingIsQueuedForItWhileAnotherStillWorks() throws Exception {
        List<ProbedImage> images = blankImages(2);
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<String> firstCaller = new AtomicReference<>();
        List<String> order = new CopyOnWriteArrayList<>();
        AtomicReference<QueueLikeSource> holder = new AtomicReference<>();
        QueueLikeSource source = new QueueLikeSource(Map.of("h1", 1, "h2", 1), 1,
                (host, grant) -> new FakeAgent(host, 1, (call, batch) -> {
                    if (calls.getAndIncrement() == 0) { // the first batch holds on until the other agent is back
                        firstCaller.set(host);
                        holder.get().awaitReleased(host.equals("h1") ? "h2" : "h1");
                    }
                    order.add(host + " done");
                    return noOs(batch);
                }));
        holder.set(source);

        ScheduledRun run = new AgentScheduler(source, 1, TimingHints.none(), notice -> {
        }).run(images, ProgressListener.none());
        source.awaitExecutorsFree();

        String other = firstCaller.get().equals("h1") ? "h2" : "h1";
        assertThat(source.released()).containsExactly(other + " DONE", firstCaller.get() + " DONE");
        assertThat(order).containsExactly(other + " done", firstCaller.get() + " done");
        assertThat(run.results()).extracting(InspectionResult::status).containsOnly(Status.NO_OS_FOUND);
    }

    @Test
    void shouldRunTheBatchOfALostAgentOnAReplacementTheQueueGrants() throws Exception {
        List<ProbedImage> images = blankImages(2);
        Map<String, FakeAgent> made = new ConcurrentHashMap<>();
        QueueLikeSource source = new QueueLikeSource(orderedHosts("h1", "h2"), 1, (host, grant) ->
                made.computeIfAbsent(host, name -> host.equals("h1")
                        ? new FakeAgent(name, 1, (call, batch) -> {
                            throw new AgentLostException("h1 went offline");
                        })
                        : FakeAgent.working(name, 1)));
        List<String> notices = new CopyOnWriteArrayList<>();

        ScheduledRun run = new AgentScheduler(source, 2, TimingHints.none(), notices::add).run(images,
                ProgressListener.none());
        source.awaitExecutorsFree();

        assertThat(source.granted()).as("h2 joins only when h1 is lost").containsExactly("h1", "h2");
        assertThat(source.released()).containsExactly("h1 LOST", "h2 DONE");
        assertThat(made.get("h2").batches()).containsExactly(made.get("h1").batches().get(0));
        assertThat(made.get("h2").returned()).containsExactlyInAnyOrderElementsOf(paths(images));
        assertThat(run.assignments()).extracting(Assignment::agent).containsOnly("h2");
        assertThat(run.lostAgents()).containsExactly(Map.entry("h1", "h1 went offline"));
        assertThat(notices).singleElement().asString().contains("agent h1 was lost");
    }

    @Test
    void shouldFailEveryImageWithTheSourcesReasonWhenNoAgentCanEverCome() throws Exception {
        List<ProbedImage> images = blankImages(3);
        QueueLikeSource source = new QueueLikeSource(Map.of(), 1, (host, grant) -> {
            throw new AssertionError("nothing can be granted");
        });

        ScheduledRun run = new AgentScheduler(source, 1, TimingHints.none(), notice -> {
        }).run(images, ProgressListener.none());

        assertThat(run.results()).hasSize(3).allSatisfy(result -> {
            assertThat(result.status()).isEqualTo(Status.FAILED);
            assertThat(result.failure().orElseThrow().kind()).isEqualTo(FailureKind.TOOL_FAILURE);
            assertThat(result.failure().orElseThrow().message()).isEqualTo("no host to run on");
        });
        assertThat(run.assignments()).isEmpty();
    }

    @Test
    void shouldGiveUpAHostWithoutLibguestfsAndFailTheRestAsAToolFailureWhenNoOtherHostExists() throws Exception {
        List<ProbedImage> images = blankImages(3);
        QueueLikeSource source = new QueueLikeSource(Map.of("h1", 2), 2, (host, grant) ->
                new FakeAgent(host + "#" + grant, 1, (call, batch) -> {
                    throw new ToolMissingException("guestfish (libguestfs)");
                }));

        ScheduledRun run = new AgentScheduler(source, 1, TimingHints.none(), notice -> {
        }).run(images, ProgressListener.none());
        source.awaitExecutorsFree();

        assertThat(run.results()).hasSize(3).allSatisfy(result -> {
            assertThat(result.failure().orElseThrow().kind()).isEqualTo(FailureKind.TOOL_FAILURE);
            assertThat(result.failure().orElseThrow().message()).startsWith("libguestfs cannot run on any agent (h1#")
                    .contains("guestfish (libguestfs) is not installed");
        });
        assertThat(source.released()).as("given up, or given back unused when the run ended before it joined")
                .anyMatch(line -> line.endsWith(" UNUSABLE"))
                .allSatisfy(line -> assertThat(line).matches(".* (UNUSABLE|CLOSED)"));
        assertThat(source.granted()).as("no host is tried again once given up").hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void shouldCancelWhatIsWaitingAndFreeEveryExecutorWhenInterrupted() throws Exception {
        List<ProbedImage> images = blankImages(3);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        QueueLikeSource source = new QueueLikeSource(Map.of("h1", 1), 1, (host, grant) ->
                new FakeAgent(host, 1, (call, batch) -> {
                    running.countDown();
                    never.await();
                    return noOs(batch);
                }));
        RunOnItsOwnThread run = new RunOnItsOwnThread(() -> new AgentScheduler(source, 1, TimingHints.none(),
                notice -> {
                }).run(images, ProgressListener.none()));
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

        Throwable ended = run.interruptAndAwait();
        source.awaitExecutorsFree();

        assertThat(ended).as("how the run ended (null: still going)").isInstanceOf(InterruptedException.class);
        assertThat(source.cancelled()).as("the two batches still waiting for an executor").isEqualTo(2);
        assertThat(source.granted()).containsExactly("h1");
    }

    @Test
    void shouldGiveEveryImageOneResultWhateverTheOrderAgentsJoinIn() throws Exception {
        List<ProbedImage> images = blankImages(8);
        Map<String, FakeAgent> made = new ConcurrentHashMap<>();
        QueueLikeSource source = new QueueLikeSource(orderedHosts("h1", "h2", "h3"), 2, (host, grant) ->
                made.computeIfAbsent(host + "#" + grant, name -> grant == 2
                        ? new FakeAgent(name, 1, (call, batch) -> {
                            throw new AgentLostException(name + " disconnected");
                        })
                        : FakeAgent.working(name, 1)));

        ScheduledRun run = new AgentScheduler(source, 2, TimingHints.none(), notice -> {
        }).run(images, ProgressListener.none());
        source.awaitExecutorsFree();

        assertThat(made.values().stream().flatMap(agent -> agent.returned().stream()).toList())
                .as("each image inspected exactly once").containsExactlyInAnyOrderElementsOf(paths(images));
        assertThat(run.results()).extracting(InspectionResult::status).containsOnly(Status.NO_OS_FOUND);
        assertThat(source.mostHeldOnOneHost()).isLessThanOrEqualTo(2);
        assertThat(source.released().stream().filter(line -> line.endsWith(" LOST")).map(line -> line.split(" ")[0]))
                .as("the second grant is lost if it got a batch at all").containsExactlyElementsOf(
                        run.lostAgents().keySet()).allSatisfy(name -> assertThat(name).endsWith("#2"));
    }

    private static Map<String, Integer> orderedHosts(final String... hosts) {
        Map<String, Integer> executors = new LinkedHashMap<>();
        for (String host : hosts) {
            executors.put(host, 1);
        }
        return executors;
    }
}
