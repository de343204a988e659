package io.jenkins.plugins.guestinspect.agents;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import hudson.FilePath;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.CauseOfBlockage;
import io.github.guestinspect.batch.Agent;
import io.github.guestinspect.batch.AgentSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The queue asks the dispatcher whether a node may take a task: an inspection's slot tasks are kept within its
 * bounds by the inspection's own lease (a real one here, over a recording queue), every other task goes through.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlotDispatcherTest {
    private final SlotDispatcher dispatcher = new SlotDispatcher();
    private final FakeSlotQueue queue = new FakeSlotQueue();
    private final Run<?, ?> run = mock(Run.class);
    private final CountDownLatch joined = new CountDownLatch(1);
    private AgentSource.Lease lease;
    private Thread executor;

    @AfterEach
    void freeTheExecutor() throws InterruptedException {
        lease.close();
        if (executor != null) {
            executor.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(executor.isAlive()).as("the executor is free").isFalse();
        }
    }

    /** An inspection with label 'kvm' on nodes a and b (and the workspace's node ws, used directly). */
    private void open(final int maxParallel) {
        queue.nodes.addAll(List.of("ws", "a", "b"));
        NodeAgent workspace = agent("ws");
        when(workspace.slots()).thenReturn(maxParallel);
        lease = new QueueAgentSource(queue, (slots, number) -> new SlotTask(slots, null, run, null, number),
                (grant, name) -> agent(name), Optional.of(new QueueAgentSource.Direct(workspace, "ws")),
                maxParallel, "kvm", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new ManualTicker()).open(new AgentSource.Pool() {
                    @Override
                    public void joined(final Agent agent) {
                        if (agent != workspace) {
                            joined.countDown();
                        }
                    }

                    @Override
                    public void exhausted(final String reason) {
                    }
                });
    }

    private static NodeAgent agent(final String name) {
        NodeAgent agent = mock(NodeAgent.class);
        when(agent.name()).thenReturn(name);
        return agent;
    }

    /** The queue starts the oldest waiting task on {@code node}, whose executor the inspection then holds. */
    private void startOn(final String node) throws InterruptedException {
        SlotTask task = queue.next();
        QueueAgentSource.Grant grant = new QueueAgentSource.Grant(node, mock(FilePath.class), 0);
        executor = new Thread(() -> task.slots().hold(task, grant), "executor on " + node);
        executor.start();
        assertThat(joined.await(10, TimeUnit.SECONDS)).as("the executor joined the inspection").isTrue();
    }

    private static Node node(final String name) {
        Node node = mock(Node.class);
        when(node.getNodeName()).thenReturn(name);
        return node;
    }

    private static Queue.BuildableItem item(final Queue.Task task) {
        Queue.BuildableItem item = mock(Queue.BuildableItem.class);
        when(item.getTask()).thenReturn(task);
        return item;
    }

    private Optional<String> blockage(final String node, final Queue.Task task) {
        return Optional.ofNullable(dispatcher.canTake(node(node), item(task)))
                .map(CauseOfBlockage::getShortDescription);
    }

    @Test
    void shouldBlockANodeThatRunsMaxParallelOfTheInspectionsAppliancesAndLetTheOtherNodeTakeTheTask()
            throws Exception {
        open(1);
        lease.demand(3);
        startOn("a");
        SlotTask waiting = queue.waiting().get(0);

        assertThat(blockage("a", waiting)).contains("this node already runs 1 appliance(s) of this inspection");
        assertThat(blockage("b", waiting)).isEmpty();
    }

    @Test
    void shouldLetANodeTakeTasksUpToMaxParallel() throws Exception {
        open(2);
        lease.demand(4);
        startOn("a");

        assertThat(blockage("a", queue.waiting().get(0))).as("one of two held").isEmpty();
    }

    @Test
    void shouldBlockTheWorkspacesNodeWhichTheBuildInspectsOnDirectly() {
        open(1);
        lease.demand(3);

        assertThat(blockage("ws", queue.waiting().get(0))).contains("the build inspects on this node directly");
    }

    @Test
    void shouldBlockEveryNodeOnceTheInspectionIsOver() {
        open(1);
        lease.demand(3);
        SlotTask late = queue.waiting().get(0);

        lease.close();

        assertThat(blockage("b", late)).contains("the image inspection is over");
    }

    @Test
    void shouldLetEveryTaskThatIsNotAnImageInspectionThrough() {
        open(1);

        assertThat(blockage("ws", mock(Queue.Task.class))).isEmpty();
    }
}
