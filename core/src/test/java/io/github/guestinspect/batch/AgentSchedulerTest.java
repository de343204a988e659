package io.github.guestinspect.batch;

import io.github.guestinspect.batch.AgentScheduler.Assignment;
import io.github.guestinspect.batch.AgentScheduler.ScheduledRun;
import io.github.guestinspect.model.CacheInfo;
import io.github.guestinspect.model.Failure;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.model.Timings;
import io.github.guestinspect.runner.ChildProcesses;
import io.github.guestinspect.runner.ImageProbe;
import io.github.guestinspect.runner.ProbedImage;
import io.github.guestinspect.runner.TestFaults;
import io.github.guestinspect.runner.ToolMissingException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.github.guestinspect.batch.FakeAgent.noOs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Spreading batches over agents, with real qemu-img blank images checked by the real probe and in-process agents
 * whose faults the tests inject: slot bounds, heaviest first, lost agents, agents without libguestfs, crashed
 * appliances, interruption, and (as a jqwik property over random runs and faults) that every image gets exactly
 * one result and none is inspected twice. The {@code @Test}s run under JUnit Jupiter, the {@code @Property} under
 * jqwik, which has its own lifecycle ({@code @BeforeContainer}).
 */
class AgentSchedulerTest {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path directory;

    private List<ProbedImage> blankImages(final int count) throws IOException, InterruptedException {
        return BlankImages.probe(BlankImages.raw(directory, "blank-", count));
    }

    private static List<Path> paths(final List<ProbedImage> images) {
        return images.stream().map(ProbedImage::path).toList();
    }

    private static List<String> names(final List<ProbedImage> batch) {
        return batch.stream().map(image -> image.path().getFileName().toString()).toList();
    }

    private static void awaitAll(final CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        }
        catch (BrokenBarrierException | TimeoutException | InterruptedException exception) {
            throw new AssertionError("not every slot ran at the same time", exception);
        }
    }

    @Test
    void shouldKeepEverySlotOfEveryAgentBusyButNeverExceedIt() throws Exception {
        List<ProbedImage> images = blankImages(9);
        CyclicBarrier allSlots = new CyclicBarrier(3); // only passes when A's two slots and B's one run at once
        FakeAgent.Behaviour together = (call, batch) -> {
            awaitAll(allSlots);
            return noOs(batch);
        };
        FakeAgent a = new FakeAgent("agent-a", 2, together);
        FakeAgent b = new FakeAgent("agent-b", 1, together);

        ScheduledRun run = new AgentScheduler(List.of(a, b), 1, TimingHints.none()).run(images,
                ProgressListener.none());

        assertThat(a.mostAtOnce()).isEqualTo(2);
        assertThat(b.mostAtOnce()).isEqualTo(1);
        assertThat(a.calls()).isEqualTo(6);
        assertThat(b.calls()).isEqualTo(3);
        assertThat(Stream.concat(a.returned().stream(), b.returned().stream()).toList())
                .containsExactlyInAnyOrderElementsOf(paths(images));
        assertThat(run.results()).hasSize(9).extracting(InspectionResult::status).containsOnly(Status.NO_OS_FOUND);
        assertThat(run.assignmentsByAgent().get("agent-a")).hasSize(6);
        assertThat(run.assignmentsByAgent().get("agent-b")).hasSize(3);
    }

    @Test
    void shouldStartWithTheLargestImageWhenNoTimingIsKnown() throws Exception {
        FakeAgent agent = FakeAgent.working("agent-a", 1);

        new AgentScheduler(List.of(agent), 1, TimingHints.none()).run(blankImages(4), ProgressListener.none());

        assertThat(agent.batches()).extracting(AgentSchedulerTest::names).containsExactly(
                List.of("blank-4M.raw"), List.of("blank-3M.raw"), List.of("blank-2M.raw"), List.of("blank-1M.raw"));
    }

    @Test
    void shouldStartWithTheImageThatTookLongestLastTimeAndWeighTheOthersBySizeCalibratedByTheKnownOnes()
            throws Exception {
        List<ProbedImage> images = blankImages(4);
        TimingHints hints = TimingHints.of(Map.of(images.get(0).file().path(), 4000L,
                images.get(1).file().path(), 3000L, "not-in-this-run.qcow2", 1L));
        FakeAgent agent = FakeAgent.working("agent-a", 1);

        new AgentScheduler(List.of(agent), 1, hints).run(images, ProgressListener.none());

        // 7000 ms for 3 MiB known: 3 MiB unknown costs 7000, 4 MiB 9333; 1 MiB took 4000, 2 MiB 3000
        assertThat(hints.estimate(images)).containsExactlyInAnyOrderEntriesOf(Map.of(images.get(0).path(), 4000L,
                images.get(1).path(), 3000L, images.get(2).path(), 7000L, images.get(3).path(), 9333L));
        assertThat(agent.batches()).extracting(AgentSchedulerTest::names).containsExactly(
                List.of("blank-4M.raw"), List.of("blank-3M.raw"), List.of("blank-1M.raw"), List.of("blank-2M.raw"));
    }

    @Test
    void shouldWeighImagesInBytesWhenNoneOfThemHasAPastTime() throws Exception {
        List<ProbedImage> images = blankImages(2);

        assertThat(TimingHints.of(Map.of("elsewhere.qcow2", 5L)).estimate(images))
                .containsExactlyInAnyOrderEntriesOf(Map.of(images.get(0).path(), MIB, images.get(1).path(), 2 * MIB));
    }

    @Test
    void shouldTakePastTimesOnlyFromResultsThatRanAnAppliance() {
        Timings took = new Timings(0, 0, 0, 0, 0, 0, 1234);
        InspectionResult inspected = new InspectionResult(new ImageFile("a.qcow2", "a.qcow2", 1), Optional.empty(),
                "", Status.NO_OS_FOUND, Optional.empty(), List.of(), took, CacheInfo.notUsed(), "1.48.6", "test");
        InspectionResult cacheHit = inspected.withImage(new ImageFile("hit.qcow2", "hit.qcow2", 1))
                .withCache("0123", new CacheInfo(true, 3));
        InspectionResult timedOut = InspectionResult.failed(new ImageFile("slow.qcow2", "slow.qcow2", 1),
                Optional.empty(), new Failure(FailureKind.TIMEOUT, "slow.qcow2: too slow"), took.withTotalMillis(9999),
                "test");
        InspectionResult rejected = InspectionResult.failed(new ImageFile("text.qcow2", "text.qcow2", 1),
                Optional.empty(), new Failure(FailureKind.NOT_A_DISK_IMAGE, "text.qcow2: no header"), took, "test");

        assertThat(TimingHints.fromResults(List.of(inspected, cacheHit, timedOut, rejected)).millisByPath())
                .containsExactlyInAnyOrderEntriesOf(Map.of("a.qcow2", 1234L, "slow.qcow2", 9999L));
    }

    @Test
    void shouldPackBatchesBalancedByCostAndNeverLargerThanTheBatchSize() throws Exception {
        List<ProbedImage> images = blankImages(5);
        long[] cost = {7, 5, 4, 3, 1};
        Map<Path, Long> costs = new HashMap<>();
        for (int i = 0; i < images.size(); i++) {
            costs.put(images.get(i).path(), cost[i]);
        }

        List<List<ProbedImage>> batches = AgentScheduler.pack(images, 3, costs);

        assertThat(batches).extracting(AgentSchedulerTest::names).containsExactly(
                List.of("blank-1M.raw", "blank-4M.raw"), List.of("blank-2M.raw", "blank-3M.raw", "blank-5M.raw"));
        assertThat(batches).allSatisfy(batch -> assertThat(batch.stream().mapToLong(i -> costs.get(i.path())).sum())
                .isEqualTo(10));
        assertThat(AgentScheduler.pack(images, 2, costs)).hasSize(3)
                .allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(2));
        assertThat(AgentScheduler.evenBatchSize(10, List.of(FakeAgent.working("a", 2), FakeAgent.working("b", 1))))
                .isEqualTo(4);
        assertThat(AgentScheduler.evenBatchSize(1000, List.of(FakeAgent.working("a", 1)))).isEqualTo(16);
    }

    @Test
    void shouldRerunTheBatchOfAnAgentLostMidBatchOnTheOtherAgentAndInspectEveryImageExactlyOnce()
            throws Exception {
        List<ProbedImage> images = blankImages(4);
        CountDownLatch bIsWorking = new CountDownLatch(1);
        FakeAgent a = new FakeAgent("agent-a", 1, (call, batch) -> {
            bIsWorking.await(); // A holds its batch while B works, then goes offline in the middle of it
            throw new AgentLostException("channel to agent-a closed");
        });
        FakeAgent b = new FakeAgent("agent-b", 1, (call, batch) -> {
            bIsWorking.countDown();
            return noOs(batch);
        });
        List<String> notices = new CopyOnWriteArrayList<>();

        ScheduledRun run = new AgentScheduler(List.of(a, b), 2, TimingHints.none(), notices::add).run(images,
                ProgressListener.none());

        assertThat(a.calls()).as("a lost agent gets no more work").isEqualTo(1);
        assertThat(b.batches()).hasSize(2);
        assertThat(b.batches().get(1)).as("the lost batch, re-run").isEqualTo(a.batches().get(0));
        assertThat(a.returned()).isEmpty();
        assertThat(b.returned()).containsExactlyInAnyOrderElementsOf(paths(images));
        assertThat(run.results()).extracting(InspectionResult::status).containsOnly(Status.NO_OS_FOUND);
        assertThat(run.assignments()).extracting(Assignment::agent).containsOnly("agent-b");
        assertThat(run.assignments()).extracting(assignment -> assignment.image().path())
                .containsExactlyInAnyOrderElementsOf(images.stream().map(image -> image.file().path()).toList());
        assertThat(run.lostAgents()).containsExactly(Map.entry("agent-a", "channel to agent-a closed"));
        assertThat(notices).singleElement().asString().contains("agent agent-a was lost")
                .contains("runs on another agent");
    }

    @Test
    void shouldFailWhatIsLeftAsAToolFailureNamingEveryLostAgentWhenNoAgentRemains() throws Exception {
        List<ProbedImage> images = blankImages(3);
        CountDownLatch aTakesItsSecondBatch = new CountDownLatch(1);
        FakeAgent a = new FakeAgent("agent-a", 1, (call, batch) -> {
            if (call == 0) {
                return noOs(batch);
            }
            aTakesItsSecondBatch.countDown();
            throw new AgentLostException("agent-a went offline");
        });
        FakeAgent b = new FakeAgent("agent-b", 1, (call, batch) -> {
            aTakesItsSecondBatch.await();
            throw new AgentLostException("agent-b was disconnected");
        });

        ScheduledRun run = new AgentScheduler(List.of(a, b), 1, TimingHints.none()).run(images,
                ProgressListener.none());

        assertThat(run.results()).extracting(InspectionResult::status)
                .containsExactly(Status.FAILED, Status.FAILED, Status.NO_OS_FOUND);
        assertThat(run.results().subList(0, 2)).allSatisfy(result -> {
            assertThat(result.failure().orElseThrow().kind()).isEqualTo(FailureKind.TOOL_FAILURE);
            assertThat(result.failure().orElseThrow().message()).isEqualTo("no agent left to inspect on: agent"
                    + " agent-a was lost (agent-a went offline); agent agent-b was lost (agent-b was disconnected)");
        });
        assertThat(a.returned()).containsExactly(images.get(2).path());
        assertThat(run.assignments()).singleElement().satisfies(assignment -> {
            assertThat(assignment.agent()).isEqualTo("agent-a");
            assertThat(assignment.image()).isEqualTo(images.get(2).file());
        });
        assertThat(run.lostAgents()).containsOnlyKeys("agent-a", "agent-b");
    }

    @Test
    void shouldGiveTheWorkOfAnAgentWithoutLibguestfsToTheOthers() throws Exception {
        List<ProbedImage> images = blankImages(4);
        FakeAgent a = new FakeAgent("agent-a", 1, (call, batch) -> {
            throw new ToolMissingException("guestfish (libguestfs)");
        });
        FakeAgent b = FakeAgent.working("agent-b", 1);

        ScheduledRun run = new AgentScheduler(List.of(a, b), 1, TimingHints.none()).run(images,
                ProgressListener.none());

        assertThat(a.calls()).isEqualTo(1);
        assertThat(b.returned()).containsExactlyInAnyOrderElementsOf(paths(images));
        assertThat(run.results()).extracting(InspectionResult::status).containsOnly(Status.NO_OS_FOUND);
        assertThat(run.agentsWithoutLibguestfs()).containsOnlyKeys("agent-a");
        assertThat(run.lostAgents()).isEmpty();
    }

    @Test
    void shouldReportEveryImageAsAToolFailureWhenNoAgentHasLibguestfs() throws Exception {
        FakeAgent.Behaviour missing = (call, batch) -> {
            throw new ToolMissingException("guestfish (libguestfs)");
        };
        FakeAgent a = new FakeAgent("agent-a", 2, missing);
        FakeAgent b = new FakeAgent("agent-b", 1, missing);

        ScheduledRun run = new AgentScheduler(List.of(a, b), 2, TimingHints.none()).run(blankImages(3),
                ProgressListener.none());

        assertThat(run.results()).hasSize(3).allSatisfy(result -> {
            assertThat(result.status()).isEqualTo(Status.FAILED);
            assertThat(result.failure().orElseThrow().kind()).isEqualTo(FailureKind.TOOL_FAILURE);
            assertThat(result.failure().orElseThrow().message())
                    .startsWith("libguestfs cannot run on any agent (agent-a, agent-b): guestfish (libguestfs) is not"
                            + " installed").contains("apt-get install");
        });
        assertThat(run.assignments()).isEmpty();
        assertThat(a.calls()).as("both of A's slots took a batch at the start").isEqualTo(2);
        assertThat(b.calls()).as("B tried one of them, then nothing was left to try").isEqualTo(1);
    }

    @Test
    void shouldRetryTheImagesOfACrashedApplianceOneByOneAndFailOnlyTheImageThatCrashesAlone()
            throws Exception {
        List<ProbedImage> images = blankImages(3);
        FakeAgent agent = new FakeAgent("agent-a", 1, (call, batch) -> {
            if (batch.size() > 1 || names(batch).contains("blank-2M.raw")) {
                throw TestFaults.crashed("appliance crashed on purpose");
            }
            return noOs(batch);
        });
        List<String> retried = new CopyOnWriteArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void batchRetried(final int count, final String reason) {
                retried.add(count + ": " + reason);
            }
        };

        ScheduledRun run = new AgentScheduler(List.of(agent), 3, TimingHints.none()).run(images, listener);

        assertThat(retried).containsExactly("3: appliance crashed on purpose");
        assertThat(agent.batches()).extracting(List::size).containsExactly(3, 1, 1, 1);
        assertThat(run.results()).extracting(InspectionResult::status)
                .containsExactly(Status.NO_OS_FOUND, Status.FAILED, Status.NO_OS_FOUND);
        assertThat(run.results().get(1).failure()).contains(new Failure(FailureKind.INSPECTION_ERROR,
                images.get(1).file().path() + ": appliance crashed on purpose"));
        assertThat(run.assignments()).hasSize(3).allSatisfy(assignment -> assertThat(assignment.imagesInBatch())
                .isEqualTo(1));
    }

    @Test
    void shouldTellTheListenerOfEachBatchOnceEachOfItsImagesIsFinishedAlsoWhenItFailed() throws Exception {
        List<ProbedImage> images = blankImages(3);
        FakeAgent agent = new FakeAgent("agent-a", 1, (call, batch) -> {
            if (names(batch).contains("blank-3M.raw")) {
                throw TestFaults.crashed("appliance crashed on purpose");
            }
            return noOs(batch);
        });
        List<String> heard = new CopyOnWriteArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void finished(final InspectionResult result) {
                heard.add(Path.of(result.image().path()).getFileName() + " " + result.status());
            }

            @Override
            public void batchFinished(final List<InspectionResult> results) {
                heard.add("batch " + results.stream().map(result -> Path.of(result.image().path()).getFileName()
                        .toString()).toList());
            }
        };

        new AgentScheduler(List.of(agent), 2, TimingHints.none()).run(images, listener);

        assertThat(heard).containsExactly("blank-3M.raw FAILED", "batch [blank-3M.raw]",
                "blank-2M.raw NO_OS_FOUND", "blank-1M.raw NO_OS_FOUND", "batch [blank-2M.raw, blank-1M.raw]");
    }

    @Test
    void shouldStartNoFurtherBatchOnceInterruptedWhileTheListenerHeardOfOne() throws Exception {
        List<ProbedImage> images = blankImages(2);
        FakeAgent agent = FakeAgent.working("agent-a", 1);
        ProgressListener interruptedWhileStoring = new ProgressListener() {
            @Override
            public void batchFinished(final List<InspectionResult> results) {
                Thread.currentThread().interrupt(); // the build is aborted while the batch is being stored
            }
        };

        try {
            assertThatThrownBy(() -> new AgentScheduler(List.of(agent), 1, TimingHints.none()).run(images,
                    interruptedWhileStoring)).isInstanceOf(InterruptedException.class);
        }
        finally {
            Thread.interrupted();
        }

        assertThat(agent.batches()).hasSize(1);
    }

    @Test
    void shouldStopPromptlyAndInterruptEveryAgentCallWhenInterrupted() throws Exception {
        List<ProbedImage> images = blankImages(4);
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch bothInterrupted = new CountDownLatch(2);
        CountDownLatch never = new CountDownLatch(1);
        FakeAgent agent = new FakeAgent("agent-a", 2, (call, batch) -> {
            bothRunning.countDown();
            try {
                never.await();
            }
            catch (InterruptedException exception) {
                bothInterrupted.countDown();
                throw exception;
            }
            return noOs(batch);
        });
        RunOnItsOwnThread run = new RunOnItsOwnThread(() -> new AgentScheduler(List.of(agent), 1, TimingHints.none())
                .run(images, ProgressListener.none()));
        assertThat(bothRunning.await(30, TimeUnit.SECONDS)).isTrue();

        Throwable ended = run.interruptAndAwait();

        assertThat(ended).as("how the run ended (null: still going)").isInstanceOf(InterruptedException.class);
        assertThat(bothInterrupted.await(10, TimeUnit.SECONDS)).as("every agent call interrupted").isTrue();
        assertThat(agent.calls()).as("no batch started after the interruption").isEqualTo(2);
    }

    @Test
    void shouldCheckImagesFirstAndReturnOneResultPerDistinctImageInTheOrderGiven() throws Exception {
        List<Path> files = BlankImages.raw(directory, "blank-", 2);
        Path text = Files.writeString(directory.resolve("notes.qcow2"), "not a disk image\n");
        FakeAgent agent = FakeAgent.working("agent-a", 1);
        ScheduledRun run;
        try (ChildProcesses processes = new ChildProcesses()) {
            run = new AgentScheduler(List.of(agent), 4, TimingHints.none()).inspect(List.of(files.get(1), text,
                    files.get(0), files.get(1).getParent().resolve(".").resolve(files.get(1).getFileName())),
                    new ImageProbe(processes, false), ProgressListener.none());
        }

        assertThat(run.results()).extracting(result -> result.image().path()).containsExactly(
                files.get(1).toString(), text.toString(), files.get(0).toString());
        assertThat(run.results()).extracting(InspectionResult::status)
                .containsExactly(Status.NO_OS_FOUND, Status.FAILED, Status.NO_OS_FOUND);
        assertThat(run.results().get(1).failure().orElseThrow().kind()).isEqualTo(FailureKind.NOT_A_DISK_IMAGE);
        assertThat(agent.returned()).hasSize(2);
        assertThat(run.assignments()).hasSize(2);
    }

    // ---- the property: random runs with random faults (jqwik) ----

    private static final long[] POOL_KIB = {64, 100, 256, 512, 768, 1024, 1536, 2048, 3072, 4096, 5120, 8192};

    private static Path poolDirectory;
    private static List<ProbedImage> pool;

    @BeforeContainer
    static void createImagePool() throws IOException, InterruptedException {
        poolDirectory = Files.createTempDirectory("agent-scheduler-pool");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < POOL_KIB.length; i++) {
            files.add(BlankImages.create(poolDirectory, "pool-" + i + ".raw", "raw", POOL_KIB[i] * 1024));
        }
        files.add(BlankImages.create(poolDirectory, "pool-q0.qcow2", "qcow2", 64 * MIB));
        files.add(BlankImages.create(poolDirectory, "pool-q1.qcow2", "qcow2", MIB));
        pool = BlankImages.probe(files);
    }

    @AfterContainer
    static void deleteImagePool() throws IOException {
        try (Stream<Path> files = Files.walk(poolDirectory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** What a fake agent does on one call. */
    enum Fault { NONE, LOST, NO_LIBGUESTFS, CRASH }

    /** A fake agent: its slots, and what it does on its first calls (later calls work). */
    record AgentPlan(int slots, List<Fault> faults) {
        Fault on(final int call) {
            return call < faults.size() ? faults.get(call) : Fault.NONE;
        }

        boolean canFail() {
            return faults.contains(Fault.LOST) || faults.contains(Fault.NO_LIBGUESTFS);
        }
    }

    @Provide
    Arbitrary<List<AgentPlan>> agentPlans() {
        Arbitrary<Fault> fault = Arbitraries.frequency(Tuple.of(6, Fault.NONE), Tuple.of(2, Fault.LOST),
                Tuple.of(1, Fault.NO_LIBGUESTFS), Tuple.of(2, Fault.CRASH));
        return Combinators.combine(Arbitraries.integers().between(1, 3), fault.list().ofMaxSize(6))
                .as(AgentPlan::new).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<Integer>> imageChoice() {
        return Arbitraries.integers().between(0, POOL_KIB.length + 1).list().uniqueElements()
                .ofMaxSize(POOL_KIB.length + 2);
    }

    @Provide
    Arbitrary<Map<Integer, Long>> pastMillis() {
        return Arbitraries.maps(Arbitraries.integers().between(0, POOL_KIB.length + 1),
                Arbitraries.longs().between(0, 100_000)).ofMaxSize(POOL_KIB.length + 2);
    }

    @Property(tries = 200)
    void shouldGiveEveryImageExactlyOneResultAndInspectNoImageTwice(
            @ForAll("imageChoice") final List<Integer> choice, @ForAll("agentPlans") final List<AgentPlan> plans,
            @ForAll @IntRange(min = 1, max = 5) final int batchSize,
            @ForAll("pastMillis") final Map<Integer, Long> past) throws InterruptedException {
        List<ProbedImage> images = choice.stream().map(pool::get).toList();
        Map<String, Long> hints = new HashMap<>();
        past.forEach((index, millis) -> hints.put(pool.get(index).file().path(), millis));
        Set<Path> crashedAlone = ConcurrentHashMap.newKeySet();
        Set<String> threwAgentFault = ConcurrentHashMap.newKeySet();
        List<FakeAgent> agents = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            AgentPlan plan = plans.get(i);
            String name = "agent-" + i;
            agents.add(new FakeAgent(name, plan.slots(), (call, batch) -> {
                Fault fault = plan.on(call);
                if (fault == Fault.LOST || fault == Fault.NO_LIBGUESTFS) {
                    threwAgentFault.add(name);
                }
                if (fault == Fault.CRASH && batch.size() == 1) {
                    crashedAlone.add(batch.get(0).path());
                }
                return switch (fault) {
                    case NONE -> noOs(batch);
                    case LOST -> throw new AgentLostException(name + " lost on purpose");
                    case NO_LIBGUESTFS -> throw new ToolMissingException("guestfish (libguestfs)");
                    case CRASH -> throw TestFaults.crashed("crashed on purpose");
                };
            }));
        }

        ScheduledRun run = new AgentScheduler(agents, batchSize, TimingHints.of(hints)).run(images,
                ProgressListener.none());

        assertThat(run.results()).extracting(result -> result.image().path())
                .containsExactlyElementsOf(images.stream().map(image -> image.file().path()).toList());
        Map<Path, Long> returned = agents.stream().flatMap(agent -> agent.returned().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Map<String, String> assigned = new HashMap<>();
        for (Assignment assignment : run.assignments()) {
            assertThat(assigned.put(assignment.image().path(), assignment.agent())).as("assigned twice").isNull();
        }
        Set<String> unusable = new HashSet<>(run.lostAgents().keySet());
        unusable.addAll(run.agentsWithoutLibguestfs().keySet());
        for (int i = 0; i < images.size(); i++) {
            ProbedImage image = images.get(i);
            InspectionResult result = run.results().get(i);
            long times = returned.getOrDefault(image.path(), 0L);
            assertThat(times).as("successful inspections of " + image.path()).isLessThanOrEqualTo(1);
            if (result.status() == Status.NO_OS_FOUND) {
                assertThat(times).isEqualTo(1);
                FakeAgent inspector = agents.stream().filter(agent -> agent.returned().contains(image.path()))
                        .findFirst().orElseThrow();
                assertThat(assigned).containsEntry(image.file().path(), inspector.name());
                continue;
            }
            assertThat(result.status()).isEqualTo(Status.FAILED);
            assertThat(times).isZero();
            Failure failure = result.failure().orElseThrow();
            if (failure.kind() == FailureKind.TOOL_FAILURE) {
                assertThat(unusable).as("a tool failure only when no agent is left").hasSize(agents.size());
                run.lostAgents().keySet().forEach(name -> assertThat(failure.message()).contains(name));
                assertThat(assigned).doesNotContainKey(image.file().path());
            }
            else {
                assertThat(failure.kind()).isEqualTo(FailureKind.INSPECTION_ERROR);
                assertThat(crashedAlone).contains(image.path());
                assertThat(assigned).containsKey(image.file().path());
            }
        }
        assertThat(unusable).isEqualTo(threwAgentFault);
        if (plans.stream().anyMatch(plan -> !plan.canFail())) {
            assertThat(run.results()).noneMatch(result -> result.failure()
                    .map(failure -> failure.kind() == FailureKind.TOOL_FAILURE).orElse(false));
        }
        for (int i = 0; i < agents.size(); i++) {
            assertThat(agents.get(i).mostAtOnce()).as(agents.get(i) + " at once")
                    .isLessThanOrEqualTo(plans.get(i).slots());
        }
    }
}
