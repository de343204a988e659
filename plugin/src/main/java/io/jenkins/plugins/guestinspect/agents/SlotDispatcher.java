package io.jenkins.plugins.guestinspect.agents;

import hudson.Extension;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.model.queue.CauseOfBlockage;
import hudson.model.queue.QueueTaskDispatcher;

/**
 * Keeps an inspection's executors within its bounds: no node runs more of one inspection's appliances than the step
 * allows ({@code maxParallel}), the node whose executor the build already holds for the workspace takes none (its
 * appliances run there directly), and a node found unable to inspect takes no more.
 */
@Extension
public final class SlotDispatcher extends QueueTaskDispatcher {
    @Override
    public CauseOfBlockage canTake(final Node node, final Queue.BuildableItem item) {
        if (item.getTask() instanceof SlotTask task) {
            return task.slots().refusal(node.getNodeName()).map(SlotDispatcher::blockage).orElse(null);
        }
        return null;
    }

    private static CauseOfBlockage blockage(final String reason) {
        return new CauseOfBlockage() {
            @Override
            public String getShortDescription() {
                return reason;
            }
        };
    }
}
