package io.jenkins.plugins.guestinspect.agents;

import java.util.Set;
import java.util.stream.Collectors;

import hudson.model.Label;
import hudson.model.Node;
import hudson.model.Queue;

/** The build queue and the nodes of a label, as Jenkins has them. */
final class JenkinsSlotQueue implements SlotQueue {
    private final Label label;

    JenkinsSlotQueue(final Label label) {
        this.label = label;
    }

    @Override
    public boolean schedule(final SlotTask task) {
        return Queue.getInstance().schedule2(task, 0).isAccepted();
    }

    @Override
    public void cancel(final SlotTask task) {
        Queue.getInstance().cancel(task);
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
