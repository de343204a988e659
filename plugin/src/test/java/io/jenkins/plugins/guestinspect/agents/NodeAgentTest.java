package io.jenkins.plugins.guestinspect.agents;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import hudson.FilePath;
import hudson.model.TaskListener;
import io.github.guestinspect.batch.AgentLostException;
import io.github.guestinspect.runner.BatchOutcome;
import io.github.guestinspect.runner.DriveOutcome;
import io.github.guestinspect.runner.GuestfishException;
import io.github.guestinspect.runner.ProbedImage;
import io.github.guestinspect.runner.ToolMissingException;
import io.jenkins.plugins.guestinspect.remote.BatchReply;
import io.jenkins.plugins.guestinspect.remote.BatchRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * A node as one of the scheduler's agents, its channel a mocked {@link FilePath#act}: the reply comes back as the
 * runner's outcome or failure, whatever breaks the channel or the copy makes the agent lost, and a revoked agent
 * stops the batch it runs and takes no other.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NodeAgentTest {
    private static final BatchOutcome OUTCOME = new BatchOutcome(List.of(new DriveOutcome(List.of(),
            Optional.empty(), 3, 0)), 20_000, "1.48.6");

    private final FakeFiles files = new FakeFiles().file("/ws/out/a.qcow2", 1024);
    private final FilePath onNode = files.path("/agent");
    private final List<ProbedImage> batch = List.of(ImageShippingTest.image("/ws/out/a.qcow2", 1024));
    /** The batches sent through the channel. */
    private final List<BatchRequest> sent = new CopyOnWriteArrayList<>();

    private NodeAgent agent(final FilePath incoming) {
        return new NodeAgent("agent-1", 1, onNode, new ImageShipping(files.path("/ws"), incoming),
                new NodeAgent.Batches(ImageShippingTest.prepared(Map.of()), 900, List.of("/etc/motd"),
                        mock(TaskListener.class)));
    }

    private void replies(final BatchReply reply) throws Exception {
        doAnswer(call -> {
            sent.add(call.<InspectOnNode>getArgument(0).request());
            return reply.encode();
        }).when(onNode).act(any());
    }

    private static BatchReply failure(final Optional<String> missingProgram, final Optional<String> failure) {
        return new BatchReply(Optional.empty(), missingProgram, failure, true, List.of());
    }

    @Test
    void shouldRunTheBatchThroughTheNodesChannelAndReturnTheOutcomeItReplied() throws Exception {
        replies(new BatchReply(Optional.of(OUTCOME), Optional.empty(), Optional.empty(), false, List.of()));

        assertThat(agent(null).inspect(batch)).isEqualTo(OUTCOME);

        assertThat(sent).singleElement().isEqualTo(new BatchRequest(batch, 900, List.of("/etc/motd")));
    }

    @Test
    void shouldSendThePathsTheImagesWereShippedTo() throws Exception {
        replies(new BatchReply(Optional.of(OUTCOME), Optional.empty(), Optional.empty(), false, List.of()));

        agent(files.path("/agent/incoming/u1")).inspect(batch);

        assertThat(sent).singleElement().satisfies(request -> assertThat(request.images())
                .extracting(ProbedImage::path).containsExactly(Path.of("/agent/incoming/u1/0/a.qcow2")));
    }

    @Test
    void shouldBeLostWhenTheChannelBreaks() throws Exception {
        IOException closed = new IOException("channel to agent-1 closed");
        doThrow(closed).when(onNode).act(any());

        assertThatThrownBy(() -> agent(null).inspect(batch)).isInstanceOf(AgentLostException.class)
                .hasMessage("channel to agent-1 closed").hasCause(closed);
    }

    @Test
    void shouldBeLostWithoutRunningAnythingWhenTheImagesCannotBeShipped() throws Exception {
        doThrow(new IOException("No space left on device")).when(files.path("/ws/out/a.qcow2")).copyTo(any());

        assertThatThrownBy(() -> agent(files.path("/agent/incoming/u1")).inspect(batch))
                .isInstanceOf(AgentLostException.class).hasMessage("No space left on device");
        verify(onNode, never()).act(any());
    }

    @Test
    void shouldThrowToolMissingExceptionWhenTheNodeHasNoLibguestfs() throws Exception {
        replies(failure(Optional.of("guestfish (libguestfs)"), Optional.empty()));

        assertThatThrownBy(() -> agent(null).inspect(batch)).isInstanceOfSatisfying(ToolMissingException.class,
                exception -> assertThat(exception.program()).isEqualTo("guestfish (libguestfs)"));
    }

    @Test
    void shouldThrowGuestfishExceptionWhenTheApplianceFailedOnTheNode() throws Exception {
        replies(failure(Optional.empty(), Optional.of("guestfish timed out after 900 s")));

        assertThatThrownBy(() -> agent(null).inspect(batch)).isInstanceOfSatisfying(GuestfishException.class,
                exception -> assertThat(exception.isTimedOut()).isTrue())
                .hasMessage("guestfish timed out after 900 s");
    }

    /** Makes the channel block until the calling thread is interrupted; {@code entered} opens once it blocks. */
    private void blocksUntilInterrupted(final CountDownLatch entered) throws Exception {
        doAnswer(call -> {
            entered.countDown();
            new CountDownLatch(1).await();
            return null;
        }).when(onNode).act(any());
    }

    /** Runs {@code agent.inspect} on a thread of its own, keeping what it threw. */
    private Thread calling(final NodeAgent agent, final AtomicReference<Throwable> thrown) {
        Thread caller = new Thread(() -> {
            try {
                agent.inspect(batch);
            }
            catch (Exception exception) {
                thrown.set(exception);
            }
        }, "scheduler call");
        caller.start();
        return caller;
    }

    @Test
    void shouldStopTheBatchBlockedOnTheChannelWhenRevokedAndRefuseEveryLaterOne() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        blocksUntilInterrupted(entered);
        NodeAgent agent = agent(null);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = calling(agent, thrown);
        assertThat(entered.await(10, TimeUnit.SECONDS)).as("the batch reached the channel").isTrue();

        agent.revoke("the executor on agent-1 was interrupted");
        caller.join();

        assertThat(thrown.get()).isInstanceOf(AgentLostException.class)
                .hasMessage("the executor on agent-1 was interrupted");
        assertThatThrownBy(() -> agent.inspect(batch)).isInstanceOf(AgentLostException.class)
                .hasMessage("the executor on agent-1 was interrupted");
        verify(onNode, times(1)).act(any());
    }

    @Test
    void shouldLetAnInterruptionThatIsNoRevocationThrough() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        blocksUntilInterrupted(entered);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = calling(agent(null), thrown);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        caller.interrupt(); // the scheduler stops its calls: the run was aborted
        caller.join();

        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    }
}
