package io.jenkins.plugins.guestinspect.agents;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import hudson.model.Label;
import hudson.model.Node;
import hudson.model.Queue;

/** The build queue and the nodes of a label, as Jenkins has them. */
final class JenkinsSlotQueue implements SlotQueue {
    private final Label label;
    private final Queue queue;

    JenkinsSlotQueue(final Label label, final Queue queue) {
        this.label = label;
        this.queue = queue;
    }

    @Override
    public boolean schedule(final SlotTask task) {
        return queue.schedule2(task, 0).isAccepted();
    }

    @Override
    public void cancel(final SlotTask task) {
        queue.cancel(task);
    }

    @Override
    public Optional<String> why(final SlotTask task) {
        return Optional.ofNullable(queue.getItem(task)).map(Queue.Item::getWhy);
    }

    @Override
    public Set<String> nodes() {
        return label.getNodes().stream().map(Node::getNodeName).collect(Collectors.toSet());
    }

    @Override
    public boolean hasClouds() {
        return !label.getClouds().isEmpty();
    }
}
