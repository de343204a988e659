package io.jenkins.plugins.guestinspect.agents;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import hudson.FilePath;
import hudson.model.TaskListener;
import io.github.guestinspect.batch.Agent;
import io.github.guestinspect.batch.AgentLostException;
import io.github.guestinspect.runner.BatchOutcome;
import io.github.guestinspect.runner.GuestfishException;
import io.github.guestinspect.runner.ProbedImage;
import io.github.guestinspect.runner.ToolMissingException;
import io.jenkins.plugins.guestinspect.remote.BatchReply;
import io.jenkins.plugins.guestinspect.remote.BatchRequest;
import io.jenkins.plugins.guestinspect.remote.PreparedImages;

/**
 * A Jenkins node as one of the scheduler's agents: each batch is shipped there ({@link ImageShipping}) and run
 * through the node's channel ({@link InspectOnNode}). Whatever breaks the channel or the copy (the agent went
 * offline, its disk is full) makes the agent lost, so its batch runs elsewhere; an agent whose executor was taken
 * away ({@link #revoke}) is lost as well, also in the middle of a batch.
 */
final class NodeAgent implements Agent {
    private final String name;
    private final int slots;
    private final FilePath onNode;
    private final ImageShipping shipping;
    private final Batches batches;
    private final Set<Thread> calling = ConcurrentHashMap.newKeySet();
    private volatile String revoked;

    /**
     * @param name     the agent's name in the results (node name, and executor when it holds one of several)
     * @param slots    appliances at once
     * @param onNode   any path on the node: batches run through its channel
     * @param shipping where the node finds the images
     * @param batches  what each batch needs besides its images
     */
    NodeAgent(final String name, final int slots, final FilePath onNode, final ImageShipping shipping,
              final Batches batches) {
        this.name = name;
        this.slots = slots;
        this.onNode = onNode;
        this.shipping = shipping;
        this.batches = batches;
    }

    /**
     * What every batch of a run needs besides its images.
     *
     * @param prepared       what the workspace node found (where the images are, what they need beside them)
     * @param timeoutSeconds the limit per appliance
     * @param fileQueries    the policy's paths and globs
     * @param listener       the build log
     */
    record Batches(PreparedImages prepared, long timeoutSeconds, List<String> fileQueries, TaskListener listener) {
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int slots() {
        return slots;
    }

    @Override
    public BatchOutcome inspect(final List<ProbedImage> batch)
            throws AgentLostException, ToolMissingException, GuestfishException, InterruptedException {
        Thread caller = Thread.currentThread();
        calling.add(caller);
        try {
            failIfRevoked();
            List<ProbedImage> there = shipping.place(batch, batches.prepared());
            byte[] reply = onNode.act(new InspectOnNode(new BatchRequest(there, batches.timeoutSeconds(),
                    batches.fileQueries()), name, batches.listener()));
            return BatchReply.decode(reply).outcomeOrThrow();
        }
        catch (IOException exception) {
            throw new AgentLostException(String.valueOf(exception.getMessage()), exception);
        }
        catch (InterruptedException exception) {
            failIfRevoked();
            throw exception;
        }
        finally {
            calling.remove(caller);
        }
    }

    /**
     * The agent may not be used any more (its executor was interrupted): a batch running on it is stopped, and it
     * and any later one end as lost, so they run elsewhere.
     */
    void revoke(final String why) {
        revoked = why;
        calling.forEach(Thread::interrupt);
    }

    private void failIfRevoked() throws AgentLostException {
        String why = revoked;
        if (why != null) {
            throw new AgentLostException(why);
        }
    }

    /** Removes the copies shipped to the node. */
    void clean() throws IOException, InterruptedException {
        shipping.clean();
    }

    @Override
    public String toString() {
        return "NodeAgent[" + name + ", " + slots + " slots]";
    }
}
