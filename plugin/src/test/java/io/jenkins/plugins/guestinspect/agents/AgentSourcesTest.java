package io.jenkins.plugins.guestinspect.agents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.queue.ScheduleResult;
import io.github.guestinspect.batch.Agent;
import io.github.guestinspect.batch.AgentSource;
import io.jenkins.plugins.guestinspect.remote.PreparedImages;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * Which agents a step gets: the workspace's node alone without a label; with one, executors from the build queue
 * for it, and the workspace's node directly when it has the label. The controller's singletons are mocks handed in
 * as the step facade hands in the real ones.
 */
class AgentSourcesTest {
    private static final PreparedImages PREPARED = ImageShippingTest.prepared(Map.of());

    private final AgentSources.Controller jenkins = mock(AgentSources.Controller.class);
    private final Queue queue = mock(Queue.class);
    private final ScheduledExecutorService timer = mock(ScheduledExecutorService.class);
    private final ScheduledFuture<?> checks = mock(ScheduledFuture.class);
    private final Label kvm = mock(Label.class);
    private final Authentication authentication = mock(Authentication.class);
    private final Node workspaceNode = mock(Node.class);
    private final FilePath workspace = new FakeFiles().path("/ws");
    private final Run<?, ?> run = mock(Run.class);
    private final TaskListener listener = mock(TaskListener.class);
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final List<Agent> joined = new CopyOnWriteArrayList<>();
    private final AgentSource.Pool pool = new AgentSource.Pool() {
        @Override
        public void joined(final Agent agent) {
            joined.add(agent);
        }

        @Override
        public void exhausted(final String reason) {
        }
    };

    @BeforeEach
    void setUpTheControllerAndTheBuild() {
        Computer computer = mock(Computer.class);
        when(workspace.toComputer()).thenReturn(computer);
        when(computer.getNode()).thenReturn(workspaceNode);
        when(workspaceNode.getNodeName()).thenReturn("builder");
        when(run.getFullDisplayName()).thenReturn("images #7");
        when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
        when(jenkins.label("kvm")).thenReturn(kvm);
        when(jenkins.authentication()).thenReturn(authentication);
        when(jenkins.queue()).thenReturn(queue);
        when(jenkins.timer()).thenReturn(timer);
        doReturn(checks).when(timer).scheduleWithFixedDelay(any(), anyLong(), anyLong(), any());
        ScheduleResult accepted = mock(ScheduleResult.class);
        when(accepted.isAccepted()).thenReturn(true);
        when(queue.schedule2(any(), eq(0))).thenReturn(accepted);
    }

    private AgentSource forStep(final String label, final int maxParallel) throws IOException {
        return AgentSources.forStep(jenkins, label, maxParallel, workspace, run, listener, PREPARED, 900,
                List.of());
    }

    private SlotTask scheduled() {
        ArgumentCaptor<Queue.Task> task = ArgumentCaptor.forClass(Queue.Task.class);
        verify(queue).schedule2(task.capture(), eq(0));
        return (SlotTask) task.getValue();
    }

    @Test
    void shouldInspectOnTheWorkspacesNodeAloneWithoutALabelAskingNothingOfTheController() throws Exception {
        try (AgentSource.Lease lease = forStep("", 2).open(pool)) {
            lease.demand(5);
        }

        assertThat(joined).singleElement().satisfies(agent -> {
            assertThat(agent.name()).isEqualTo("builder");
            assertThat(agent.slots()).isEqualTo(2);
        });
        verifyNoInteractions(jenkins);
    }

    @Test
    void shouldRefuseAnExpressionThatIsNoLabel() {
        assertThatThrownBy(() -> forStep("kvm &&", 1)).isInstanceOf(IOException.class)
                .hasMessage("'kvm &&' is not a label expression");
    }

    @Test
    void shouldAskTheQueueForExecutorsWithTheLabelAsTheBuildWhenTheWorkspacesNodeLacksIt() throws Exception {
        when(kvm.getNodes()).thenReturn(Set.of(mock(Node.class)));
        when(kvm.getClouds()).thenReturn(Set.of());

        try (AgentSource.Lease lease = forStep("kvm", 1).open(pool)) {
            assertThat(joined).as("no node joins before the queue grants one").isEmpty();
            lease.demand(1);

            SlotTask task = scheduled();
            assertThat(task.getAssignedLabel()).isSameAs(kvm);
            assertThat(task.getDefaultAuthentication2()).isSameAs(authentication);
            assertThat(task.getDisplayName()).isEqualTo("image inspection 1 of images #7");
            verify(timer).scheduleWithFixedDelay(any(), eq(5_000L), eq(5_000L), eq(TimeUnit.MILLISECONDS));
        }
        verify(queue).cancel(any());
        verify(checks).cancel(false);
    }

    @Test
    void shouldInspectOnTheWorkspacesNodeDirectlyWhenItHasTheLabelAndQueueOnlyForTheOtherNodes() throws Exception {
        Node other = mock(Node.class);
        when(other.getNodeName()).thenReturn("kvm-1");
        when(kvm.matches(workspaceNode)).thenReturn(true);
        when(kvm.getNodes()).thenReturn(Set.of(workspaceNode, other));
        when(kvm.getClouds()).thenReturn(Set.of());

        try (AgentSource.Lease lease = forStep("kvm", 2).open(pool)) {
            assertThat(joined).singleElement().satisfies(agent -> {
                assertThat(agent.name()).isEqualTo("builder");
                assertThat(agent.slots()).isEqualTo(2);
            });
            lease.demand(1);

            assertThat(((QueueAgentSource.Slots) lease).refusal("builder"))
                    .contains("the build inspects on this node directly");
            assertThat(scheduled().getAssignedLabel()).isSameAs(kvm);
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("inspecting on builder (the workspace's node,"
                + " which has the label 'kvm') and on executors the queue grants for 'kvm'");
        verify(queue, never()).getItem(any());
    }
}
