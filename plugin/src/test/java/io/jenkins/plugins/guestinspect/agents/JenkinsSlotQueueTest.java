package io.jenkins.plugins.guestinspect.agents;

import java.util.Set;

import org.junit.jupiter.api.Test;

import hudson.model.Label;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.model.queue.ScheduleResult;
import hudson.slaves.Cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The inspection's view of the real build queue and label, on a mocked {@code Queue} and {@code Label}. */
class JenkinsSlotQueueTest {
    private final Queue queue = mock(Queue.class);
    private final Label label = mock(Label.class);
    private final SlotTask task = mock(SlotTask.class);
    private final JenkinsSlotQueue slots = new JenkinsSlotQueue(label, queue);

    private static ScheduleResult result(final boolean accepted) {
        ScheduleResult result = mock(ScheduleResult.class);
        when(result.isAccepted()).thenReturn(accepted);
        return result;
    }

    @Test
    void shouldScheduleATaskWithoutQuietPeriodAndSayWhetherTheQueueTookIt() {
        SlotTask refused = mock(SlotTask.class);
        ScheduleResult accepted = result(true);
        ScheduleResult refusal = result(false);
        when(queue.schedule2(task, 0)).thenReturn(accepted);
        when(queue.schedule2(refused, 0)).thenReturn(refusal);

        assertThat(slots.schedule(task)).isTrue();
        assertThat(slots.schedule(refused)).isFalse();
        verify(queue).schedule2(task, 0);
    }

    @Test
    void shouldCancelATaskThroughTheQueue() {
        slots.cancel(task);

        verify(queue).cancel(task);
    }

    @Test
    void shouldGiveTheQueuesReasonForAWaitingTaskAndNoneForOneThatLeftTheQueueOrHasNone() {
        Queue.Item item = mock(Queue.Item.class);
        when(item.getWhy()).thenReturn("Waiting for next available executor on \u2018kvm\u2019");
        when(queue.getItem(task)).thenReturn(item);
        SlotTask noReason = mock(SlotTask.class);
        when(queue.getItem(noReason)).thenReturn(mock(Queue.Item.class));

        assertThat(slots.why(task)).contains("Waiting for next available executor on \u2018kvm\u2019");
        assertThat(slots.why(noReason)).isEmpty();
        assertThat(slots.why(mock(SlotTask.class))).as("not in the queue").isEmpty();
    }

    @Test
    void shouldNameTheLabelsNodesTheBuiltInNodeAsTheEmptyName() {
        Node builtIn = mock(Node.class);
        when(builtIn.getNodeName()).thenReturn("");
        Node kvm = mock(Node.class);
        when(kvm.getNodeName()).thenReturn("kvm-1");
        when(label.getNodes()).thenReturn(Set.of(builtIn, kvm));

        assertThat(slots.nodes()).containsExactlyInAnyOrder("", "kvm-1");
    }

    @Test
    void shouldSeeWhetherACloudCanProvisionAnAgentWithTheLabel() {
        when(label.getClouds()).thenReturn(Set.of());
        assertThat(slots.hasClouds()).isFalse();

        when(label.getClouds()).thenReturn(Set.of(mock(Cloud.class)));
        assertThat(slots.hasClouds()).isTrue();
    }
}
