package io.jenkins.plugins.guestinspect.agents;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.Executor;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.model.queue.SubTask;

/**
 * What runs on the executor the queue granted: it holds the executor for the inspection until the run gives the
 * agent back (the batches themselves run through the node's channel), as the {@code node} step's placeholder
 * executable holds its executor for the block.
 */
final class Slot implements Queue.Executable {
    private final SlotTask task;

    Slot(final SlotTask task) {
        this.task = task;
    }

    @NonNull
    @Override
    public SubTask getParent() {
        return task;
    }

    @Override
    public Queue.Executable getParentExecutable() {
        return task.getOwnerExecutable();
    }

    @Override
    public void run() {
        Executor executor = Executor.currentExecutor();
        Computer computer = executor == null ? null : executor.getOwner();
        Node node = computer == null ? null : computer.getNode();
        FilePath root = node == null ? null : node.getRootPath();
        if (node == null || root == null) { // the node went away between scheduling and starting
            task.slots().hold(task, null);
            return;
        }
        task.slots().hold(task, new QueueAgentSource.Grant(node.getNodeName(), root, executor.getNumber()));
    }

    @Override
    public String toString() {
        return task.getDisplayName();
    }
}
