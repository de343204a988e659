package io.jenkins.plugins.guestinspect.agents;

import java.io.File;
import java.io.IOException;
import java.io.Serial;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.guestinspect.analysis.LogProgress;
import io.jenkins.plugins.guestinspect.remote.BatchRequest;
import io.jenkins.plugins.guestinspect.remote.BatchWork;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs one appliance batch ({@link BatchWork}) on the node it is sent to; request and reply are Smile bytes, the
 * runner's warnings go straight to the build log.
 */
final class InspectOnNode extends MasterToSlaveFileCallable<byte[]> {
    @Serial
    private static final long serialVersionUID = 1L;

    private final byte[] request;
    private final String agent;
    private final TaskListener listener;

    InspectOnNode(final BatchRequest request, final String agent, final TaskListener listener) throws IOException {
        this.request = request.encode();
        this.agent = agent;
        this.listener = listener;
    }

    /** The batch as the agent will see it. */
    BatchRequest request() throws IOException {
        return BatchRequest.decode(request);
    }

    @Override
    public byte[] invoke(final File anywhere, final VirtualChannel channel) throws IOException,
            InterruptedException {
        return new BatchWork().run(BatchRequest.decode(request), warning -> listener.getLogger().println(
                "[guest-inspect] " + LogProgress.printable(agent) + ": warning: " + LogProgress.printable(warning)))
                .encode();
    }
}
