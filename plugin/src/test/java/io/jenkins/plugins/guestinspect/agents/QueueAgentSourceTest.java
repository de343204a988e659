package io.jenkins.plugins.guestinspect.agents;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import hudson.model.Run;
import io.github.guestinspect.batch.Agent;
import io.github.guestinspect.batch.AgentLostException;
import io.github.guestinspect.batch.AgentSource;
import io.github.guestinspect.batch.AgentSource.Release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Agents from the build queue, with a queue that records what it is asked and real threads acting as the executors
 * it starts tasks on (each calls {@link QueueAgentSource.Slots#hold} as {@link Slot#run} does, and ends when the
 * hold does): how many tasks a demand asks for, which it cancels, how executors join and are held until given back,
 * which nodes are given up or refused, the workspace's node used directly, and what closing leaves behind.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QueueAgentSourceTest {
    private static final NodeAgent.Batches BATCHES = new NodeAgent.Batches(ImageShippingTest.prepared(Map.of()),
            900, List.of(), null);

    private final FakeSlotQueue queue = new FakeSlotQueue();
    private final ManualTicker ticker = new ManualTicker();
    private final FakePool pool = new FakePool();
    private final FakeFiles files = new FakeFiles();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final Run<?, ?> run = mock(Run.class);
    private final List<Thread> executors = new CopyOnWriteArrayList<>();
    private AgentSource.Lease lease;

    @BeforeEach
    void nameTheBuild() {
        when(run.getFullDisplayName()).thenReturn("images #7");
    }

    @AfterEach
    void freeEveryExecutor() throws InterruptedException {
        if (lease != null) {
            lease.close();
        }
        for (Thread executor : executors) {
            awaitEnd(executor);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // the queue, its executors and the run's pool, as the tests drive them

    /** The run's side: the agents that joined, in order, and every time the source said it was exhausted. */
    private static final class FakePool implements AgentSource.Pool {
        private final BlockingQueue<Agent> joined = new LinkedBlockingQueue<>();
        private final List<String> exhausted = new CopyOnWriteArrayList<>();

        @Override
        public void joined(final Agent agent) {
            joined.add(agent);
        }

        @Override
        public void exhausted(final String reason) {
            exhausted.add(reason);
        }

        /** The next agent to join, waiting for its executor thread to get there. */
        NodeAgent nextJoined() throws InterruptedException {
            Agent agent = joined.poll(10, TimeUnit.SECONDS);
            assertThat(agent).as("an agent joined").isNotNull();
            return (NodeAgent) agent;
        }
    }

    /** An executor the queue granted, its thread holding it, and the agent that joined for it. */
    private record Held(NodeAgent agent, Thread executor) {
    }

    private AgentSource.Lease open(final int maxParallel, final String... nodes) {
        return open(maxParallel, Optional.empty(), nodes);
    }

    private AgentSource.Lease open(final int maxParallel, final Optional<QueueAgentSource.Direct> direct,
                                   final String... nodes) {
        queue.nodes.addAll(List.of(nodes));
        lease = new QueueAgentSource(queue, (slots, number) -> new SlotTask(slots, null, run, null, number),
                (grant, name) -> new NodeAgent(name, 1, grant.root(), new ImageShipping(files.path("/ws"),
                        incoming(grant.node(), grant.executor())), BATCHES),
                direct, maxParallel, "kvm", new PrintStream(log, true, StandardCharsets.UTF_8), ticker).open(pool);
        return lease;
    }

    private FilePath incoming(final String node, final int executor) {
        return files.path("/nodes/" + node + "/incoming/" + executor);
    }

    /** The queue starts {@code task} on executor {@code number} of {@code node} (null: the node went away). */
    private Thread start(final SlotTask task, @CheckForNull final String node, final int number) {
        QueueAgentSource.Grant grant = node == null ? null
                : new QueueAgentSource.Grant(node, files.path("/nodes/" + node), number);
        Thread executor = new Thread(() -> task.slots().hold(task, grant), "executor " + node + " #" + number);
        executors.add(executor);
        executor.start();
        return executor;
    }

    /** The oldest waiting task starts on {@code node}, and its agent joins. */
    private Held grant(final String node, final int number) throws InterruptedException {
        Thread executor = start(queue.next(), node, number);
        return new Held(pool.nextJoined(), executor);
    }

    private static void awaitEnd(final Thread executor) throws InterruptedException {
        executor.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(executor.isAlive()).as(executor.getName() + " is free").isFalse();
    }

    private static List<String> names(final List<SlotTask> tasks) {
        return tasks.stream().map(SlotTask::getDisplayName).toList();
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------------------
    // demands

    @Test
    void shouldScheduleOneTaskPerSlotUpToWhatTheLabelsNodesCanRun() {
        open(2, "a", "b").demand(10);

        assertThat(names(queue.scheduled())).containsExactly("image inspection 1 of images #7",
                "image inspection 2 of images #7", "image inspection 3 of images #7",
                "image inspection 4 of images #7");
        assertThat(log()).contains("[guest-inspect] asked the build queue for 4 executor(s) with label 'kvm'"
                + " (4 waiting)");
        assertThat(pool.exhausted).isEmpty();
    }

    @Test
    void shouldCountTheExecutorsAlreadyHeldAgainstWhatTheNodesCanRun() throws Exception {
        open(1, "a", "b").demand(1);
        grant("a", 0);

        lease.demand(5);

        assertThat(queue.scheduled()).as("one node is busy with this run: one more task").hasSize(2);
        assertThat(queue.waiting()).hasSize(1);
    }

    @Test
    void shouldAskForEverySlotWhenACloudCanProvisionAgents() {
        queue.clouds = true;

        open(1).demand(3);

        assertThat(queue.waiting()).hasSize(3);
        assertThat(pool.exhausted).isEmpty();
    }

    @Test
    void shouldCancelTheNewestWaitingTasksWhenTheDemandShrinks() {
        open(1, "a", "b", "c").demand(3);
        List<SlotTask> tasks = queue.scheduled();

        lease.demand(1);

        assertThat(queue.cancelled()).containsExactly(tasks.get(2), tasks.get(1));
        assertThat(queue.waiting()).containsExactly(tasks.get(0));

        lease.demand(0);

        assertThat(queue.waiting()).isEmpty();
    }

    @Test
    void shouldAnswerTheQueueWhileADemandWaitsForTheQueuesLock() throws Exception {
        ReentrantLock queueLock = new ReentrantLock(); // Queue's own: schedule2 takes it, maintain holds it
        CountDownLatch scheduling = new CountDownLatch(1);
        queue.onSchedule = () -> {
            scheduling.countDown();
            queueLock.lock();
            queueLock.unlock();
        };
        open(1, "a");
        queueLock.lock(); // the queue's maintenance runs ...
        try {
            Thread demand = new Thread(() -> lease.demand(1), "scheduler");
            demand.setDaemon(true);
            demand.start();
            assertThat(scheduling.await(10, TimeUnit.SECONDS)).as("the demand waits for the queue").isTrue();

            // ... and asks the dispatcher whether a may take a task, while the demand holds the lease
            CompletableFuture<Optional<String>> answer = CompletableFuture.supplyAsync(() -> slots().refusal("a"));

            assertThat(answer.get(10, TimeUnit.SECONDS)).as("answered, no deadlock").isEmpty();
        }
        finally {
            queueLock.unlock();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // granted executors

    @Test
    void shouldHoldAGrantedExecutorForItsAgentUntilTheRunGivesItBack() throws Exception {
        open(1, "a", "b").demand(1);

        Held held = grant("a", 2);

        assertThat(held.agent().name()).isEqualTo("a");
        assertThat(log()).contains("[guest-inspect] a joined the inspection");
        assertThat(held.executor().isAlive()).as("held").isTrue();
        assertThat(slots().refusal("a")).contains("this node already runs 1 appliance(s) of this inspection");

        lease.release(held.agent(), Release.DONE);
        awaitEnd(held.executor());

        verify(incoming("a", 2)).deleteRecursive();
        assertThat(slots().refusal("a")).as("not given up").isEmpty();
        lease.demand(2);
        assertThat(queue.waiting()).as("both nodes can take a task again").hasSize(2);
    }

    private QueueAgentSource.Slots slots() {
        return (QueueAgentSource.Slots) lease;
    }

    /**
     * The two waiting tasks start on {@code lost} and {@code unusable}; the run has no more work and gives the first
     * back as lost, the second as unusable, and both executors are free again.
     */
    private List<NodeAgent> giveUp(final String lost, final String unusable) throws InterruptedException {
        Held first = grant(lost, 0);
        Held second = grant(unusable, 1);
        lease.demand(0);
        lease.release(first.agent(), Release.LOST);
        lease.release(second.agent(), Release.UNUSABLE);
        awaitEnd(first.executor());
        awaitEnd(second.executor());
        return List.of(first.agent(), second.agent());
    }

    @Test
    void shouldGiveUpTheNodeOfALostOrUnusableAgentAndCountItNoMore() throws Exception {
        open(1, "a", "b", "c").demand(2);

        giveUp("a", "b");

        assertThat(slots().refusal("a")).contains("this node cannot inspect images for this build");
        assertThat(slots().refusal("b")).contains("this node cannot inspect images for this build");
        lease.demand(3);
        assertThat(queue.waiting()).as("only c is left").hasSize(1);
        assertThat(pool.exhausted).isEmpty();
    }

    @Test
    void shouldSayThePoolIsExhaustedNamingTheNodesGivenUpWhenNoCloudCanHelp() throws Exception {
        open(1, "", "b").demand(2);
        List<NodeAgent> givenUp = giveUp("", "b");
        assertThat(pool.exhausted).isEmpty();

        lease.demand(1);

        assertThat(givenUp.get(0).name()).isEqualTo("built-in");
        assertThat(pool.exhausted).containsExactly("no agent with label 'kvm' is left to inspect on: built-in, b"
                + " were given up");
        assertThat(queue.scheduled()).hasSize(2);
    }

    @Test
    void shouldSayThePoolIsExhaustedWhenNoNodeHasTheLabel() {
        open(1).demand(1);

        assertThat(pool.exhausted).containsExactly("no agent with label 'kvm' can inspect images: no node has that"
                + " label and no cloud can provision one");
        assertThat(queue.scheduled()).isEmpty();
    }

    @Test
    void shouldBoundEachNodeToMaxParallelAndRefuseTheWorkspacesNodeItUsesDirectly() throws Exception {
        open(2, direct(), "ws", "a", "b").demand(4);
        assertThat(pool.nextJoined().name()).isEqualTo("ws");
        assertThat(queue.waiting()).as("two nodes besides the workspace's, two slots each").hasSize(4);

        Held first = grant("a", 1);
        assertThat(slots().refusal("a")).isEmpty();
        Held second = grant("a", 2);

        assertThat(List.of(first.agent().name(), second.agent().name())).containsExactly("a #1", "a #2");
        assertThat(slots().refusal("a")).contains("this node already runs 2 appliance(s) of this inspection");
        assertThat(slots().refusal("b")).isEmpty();
        assertThat(slots().refusal("ws")).contains("the build inspects on this node directly");
    }

    private final NodeAgent workspaceAgent = new NodeAgent("ws", 1, files.path("/ws"),
            new ImageShipping(files.path("/ws"), null), BATCHES);

    private Optional<QueueAgentSource.Direct> direct() {
        return Optional.of(new QueueAgentSource.Direct(workspaceAgent, "ws"));
    }

    @Test
    void shouldOfferTheWorkspacesNodeAtOnceAgainAfterItWasDoneButNeverAfterItWasLost() throws Exception {
        open(1, direct(), "ws", "a", "b", "c");
        assertThat(pool.nextJoined()).as("joined at open").isSameAs(workspaceAgent);
        assertThat(log()).contains("[guest-inspect] inspecting on ws (the workspace's node, which has the label"
                + " 'kvm') and on executors the queue grants for 'kvm'");
        lease.demand(2);
        List<SlotTask> tasks = queue.scheduled();
        assertThat(tasks).as("the workspace's node is busy").hasSize(2);

        lease.release(workspaceAgent, Release.DONE);
        lease.demand(2);

        assertThat(pool.joined.poll()).isSameAs(workspaceAgent);
        assertThat(queue.cancelled()).as("it takes one slot of the demand").containsExactly(tasks.get(1));

        lease.release(workspaceAgent, Release.LOST);
        lease.demand(2);

        assertThat(pool.joined).isEmpty();
        assertThat(queue.waiting()).hasSize(2);
    }

    @Test
    void shouldReplaceATaskTheQueueStartedOnARefusedNodeOrAfterItsNodeWentAway() throws Exception {
        open(1, "a", "b").demand(2);
        grant("a", 0);

        Thread refused = start(queue.next(), "a", 1);
        awaitEnd(refused);

        assertThat(queue.scheduled()).as("replaced by a new task").hasSize(3);
        assertThat(queue.waiting()).containsExactly(queue.scheduled().get(2));

        Thread nodeless = start(queue.next(), null, 0);
        awaitEnd(nodeless);

        assertThat(queue.scheduled()).hasSize(4);
        assertThat(queue.waiting()).containsExactly(queue.scheduled().get(3));
        assertThat(pool.joined).as("only the first joined").isEmpty();
    }

    @Test
    void shouldCancelEveryWaitingTaskAndFreeEveryExecutorWhenClosed() throws Exception {
        open(1, "a", "b", "c").demand(3);
        Held a = grant("a", 0);
        Held b = grant("b", 0);
        SlotTask waiting = queue.waiting().get(0);

        lease.close();

        assertThat(queue.cancelled()).containsExactly(waiting);
        awaitEnd(a.executor());
        awaitEnd(b.executor());
        verify(incoming("a", 0)).deleteRecursive();
        verify(incoming("b", 0)).deleteRecursive();
        assertThat(slots().refusal("c")).contains("the image inspection is over");
        lease.demand(2);
        assertThat(queue.scheduled()).as("nothing asked after closing").hasSize(3);
    }

    @Test
    void shouldRevokeTheAgentOfAnInterruptedExecutor() throws Exception {
        open(1, "a").demand(1);
        Held held = grant("a", 0);

        held.executor().interrupt(); // the executor was aborted
        awaitEnd(held.executor());

        assertThatThrownBy(() -> held.agent().inspect(List.of(ImageShippingTest.image("/ws/a.qcow2", 1024))))
                .isInstanceOf(AgentLostException.class).hasMessage("the executor on a was interrupted");
        verify(files.path("/nodes/a"), never()).act(any());
        verify(incoming("a", 0)).deleteRecursive();
        assertThat(slots().refusal("a")).as("its executor is free").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // waiting in the queue: the build log says so as the node step does, without flooding it

    private static final String NO_EXECUTOR = "Waiting for next available executor on \u2018kvm\u2019";

    private long waitingLines() {
        return log().lines().filter(line -> line.startsWith("[guest-inspect] Still waiting to schedule task"))
                .count();
    }

    /** Lets {@code seconds} pass, checking every 5 seconds as the controller's timer does. */
    private void pass(final int seconds) {
        for (int passed = 0; passed < seconds; passed += 5) {
            ticker.advance(Duration.ofSeconds(5));
        }
    }

    @Test
    void shouldSayWhyTasksWaitNamingTheLabelOnceTheyHaveWaitedAsLongAsTheNodeStepWaits() {
        open(1, "a", "b").demand(2);
        queue.scheduled().forEach(task -> queue.because(task, NO_EXECUTOR));

        pass(10);
        assertThat(waitingLines()).as("an executor granted within 15 s says nothing").isZero();

        pass(5);
        assertThat(log()).contains("[guest-inspect] Still waiting to schedule task: 2 executor(s) with label 'kvm': "
                + NO_EXECUTOR + "\n");
        assertThat(ticker.periods()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void shouldRepeatTheSameReasonsAtMostOnceAMinuteButAtOnceWhenTheyChange() throws Exception {
        open(1, "a", "b", "c").demand(2);
        grant("a", 0);
        lease.demand(3);
        queue.waiting().forEach(task -> queue.because(task, NO_EXECUTOR));
        pass(15);
        assertThat(waitingLines()).isOne();
        assertThat(log()).contains("2 executor(s) with label 'kvm' (1 held): " + NO_EXECUTOR);

        pass(55);
        assertThat(waitingLines()).as("the same reasons within a minute").isOne();
        pass(5);
        assertThat(waitingLines()).as("a minute later").isEqualTo(2);

        queue.because(queue.waiting().get(1), "\u2018c\u2019 is offline");
        pass(5);
        assertThat(waitingLines()).as("the queue's reasons changed").isEqualTo(3);
        assertThat(log()).contains("2 executor(s) with label 'kvm' (1 held): " + NO_EXECUTOR + "; \u2018c\u2019 is"
                + " offline\n");
    }

    @Test
    void shouldEndAWaitWhenNoTaskWaitsAndSayItAgainAsSoonAsTheNextWaitStarts() {
        open(1, "a").demand(1);
        pass(15);
        assertThat(log()).contains("[guest-inspect] Still waiting to schedule task: 1 executor(s) with label 'kvm'\n");

        lease.demand(0);
        pass(5);
        lease.demand(1);
        pass(10);
        assertThat(waitingLines()).as("the new task has waited 10 s").isOne();
        pass(5);

        assertThat(waitingLines()).as("a new wait, within a minute of the last line").isEqualTo(2);
    }

    @Test
    void shouldStopCheckingTheQueueWhenTheRunIsOver() {
        open(1, "a").demand(1);
        assertThat(ticker.running()).isOne();

        lease.close();

        assertThat(ticker.running()).isZero();
        pass(60);
        assertThat(waitingLines()).isZero();
    }

    // ---------------------------------------------------------------------------------------------------------
    // an executor given back while the run already asks again (the run releases and demands back to back)

    @Test
    void shouldAskTheQueueAgainOnceAnExecutorGivenBackIsFree() throws Exception {
        open(1, "a").demand(1);
        Held held = grant("a", 0);
        lease.demand(0);

        synchronized (lease) { // the executor's thread cannot free it between the release and the next demand
            lease.release(held.agent(), Release.DONE);
            lease.demand(1); // a batch came back: another agent lost it
        }
        awaitEnd(held.executor());

        assertThat(queue.waiting()).as("the run waits for an executor; the queue must be asked for one")
                .hasSize(1);
    }

    @Test
    void shouldAskForAReplacementOnAnotherNodeOnceTheLostAgentsExecutorIsFree() throws Exception {
        open(1, "a", "b").demand(1);
        Held held = grant("a", 0);
        lease.demand(0);

        synchronized (lease) {
            lease.release(held.agent(), Release.LOST);
            lease.demand(1); // its batch is queued again
        }
        awaitEnd(held.executor());

        assertThat(queue.waiting()).as("b can take it").hasSize(1);
        assertThat(slots().refusal("a")).isPresent();
    }
}
