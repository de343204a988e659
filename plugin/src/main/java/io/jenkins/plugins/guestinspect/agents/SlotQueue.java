package io.jenkins.plugins.guestinspect.agents;

import java.util.Optional;
import java.util.Set;

/**
 * What {@link QueueAgentSource} needs of Jenkins: its build queue and the nodes of the step's label. The real one is
 * {@link JenkinsSlotQueue}; tests give their own.
 */
interface SlotQueue {
    /** Puts the task into the build queue; false when the queue refused it. */
    boolean schedule(SlotTask task);

    /** Takes the task out of the queue if it is still waiting there. */
    void cancel(SlotTask task);

    /**
     * Why the task still waits in the queue, as the queue's page says it ({@code Queue.Item.getWhy()}); empty when
     * it is no longer there or the queue gives no reason.
     */
    Optional<String> why(SlotTask task);

    /** The names of the nodes the label matches now ("" for the built-in node). */
    Set<String> nodes();

    /** Whether a cloud could provision an agent with the label. */
    boolean hasClouds();
}
