package io.jenkins.plugins.guestinspect.agents;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;

import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.Executor;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.security.ACL;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

/**
 * The queue task an inspection asks executors with, and the executable that holds the executor once granted: it
 * shows as part of its build, answers to the job's permissions, runs as the build, and hands the executor's node,
 * root and number to the inspection (or nothing, when the node went away).
 */
class SlotTaskTest {
    private final QueueAgentSource.Slots slots = mock(QueueAgentSource.Slots.class);
    private final Label label = mock(Label.class);
    private final Run<?, ?> run = mock(Run.class, withSettings().extraInterfaces(Queue.Executable.class));
    private final Job<?, ?> job = mock(Job.class);
    private final ACL acl = mock(ACL.class);
    private final Authentication authentication = mock(Authentication.class);
    private final SlotTask task = new SlotTask(slots, label, run, authentication, 2);

    @BeforeEach
    void setUpTheBuild() {
        when(run.getFullDisplayName()).thenReturn("images #7");
        when(run.getUrl()).thenReturn("job/images/7/");
        doReturn(job).when(run).getParent();
        when(job.getACL()).thenReturn(acl);
    }

    @Test
    void shouldShowAsPartOfItsBuild() {
        assertThat(task.getDisplayName()).isEqualTo("image inspection 2 of images #7");
        assertThat(task.getName()).isEqualTo(task.getDisplayName());
        assertThat(task.getFullDisplayName()).isEqualTo(task.getDisplayName());
        assertThat(task).hasToString(task.getDisplayName());
        assertThat(task.getUrl()).isEqualTo("job/images/7/");
        assertThat(task.getOwnerExecutable()).isSameAs(run);
        assertThat(task.getAssignedLabel()).isSameAs(label);
    }

    @Test
    void shouldHaveNoOwnerExecutableWhenTheRunIsNone() {
        Run<?, ?> plain = mock(Run.class);

        assertThat(new SlotTask(slots, label, plain, authentication, 1).getOwnerExecutable()).isNull();
    }

    @Test
    void shouldAnswerToTheJobsPermissionsAndRunAsTheBuild() {
        assertThat(task.getACL()).isSameAs(acl);
        assertThat(task.getDefaultAuthentication2()).isSameAs(authentication);
        assertThat(task.getDefaultAuthentication2(mock(Queue.Item.class))).isSameAs(authentication);

        SlotTask permissions = spy(task);
        doReturn(true).when(permissions).hasPermission(Item.CANCEL);
        doThrow(new IllegalStateException("may not cancel")).when(permissions).checkPermission(Item.CANCEL);
        assertThat(permissions.hasAbortPermission()).isTrue();
        assertThatThrownBy(permissions::checkAbortPermission).hasMessage("may not cancel");
    }

    @Test
    void shouldCreateASlotThatBelongsToTheTaskAndItsBuild() throws Exception {
        Queue.Executable slot = task.createExecutable();

        assertThat(slot).isInstanceOf(Slot.class).hasToString("image inspection 2 of images #7");
        assertThat(slot.getParent()).isSameAs(task);
        assertThat(slot.getParentExecutable()).isSameAs(run);
    }

    @Test
    void shouldHoldTheExecutorItRunsOnWithItsNodeRootAndNumber() throws Exception {
        FilePath root = mock(FilePath.class);
        Executor executor = executorOn(node("kvm-1", root));

        runSlotOn(executor);

        verify(slots).hold(task, new QueueAgentSource.Grant("kvm-1", root, 3));
    }

    @Test
    void shouldHoldNothingWithoutAnExecutorOrWhenTheNodeWentAway() throws Exception {
        runSlotOn(null);
        runSlotOn(executorOn(null));
        runSlotOn(executorOn(node("offline", null)));

        verify(slots, times(3)).hold(task, null);
    }

    private static Node node(final String name, final FilePath root) {
        Node node = mock(Node.class);
        when(node.getNodeName()).thenReturn(name);
        when(node.getRootPath()).thenReturn(root);
        return node;
    }

    private static Executor executorOn(final Node node) {
        Computer computer = mock(Computer.class);
        when(computer.getNode()).thenReturn(node);
        Executor executor = mock(Executor.class);
        when(executor.getOwner()).thenReturn(computer);
        when(executor.getNumber()).thenReturn(3);
        return executor;
    }

    private void runSlotOn(final Executor executor) throws Exception {
        try (MockedStatic<Executor> executors = mockStatic(Executor.class)) {
            executors.when(Executor::currentExecutor).thenReturn(executor);
            task.createExecutable().run();
        }
    }
}
