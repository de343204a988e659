package io.jenkins.plugins.guestinspect;

import java.io.File;
import java.io.IOException;
import java.io.Serial;
import java.net.InetAddress;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.guestinspect.analysis.AgentInspection;
import io.jenkins.plugins.guestinspect.analysis.AgentRequest;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs the inspection on the node that holds the workspace. Only JDK types, the plugin's own classes and the
 * listener cross the channel; the reply is Smile-encoded bytes (remoting's class filter rejects the core's
 * classes, which live in a third-party jar of the plugin).
 */
final class InspectOnAgent extends MasterToSlaveFileCallable<byte[]> {
    @Serial
    private static final long serialVersionUID = 1L;

    private final AgentRequest request;
    private final TaskListener listener;

    InspectOnAgent(final AgentRequest request, final TaskListener listener) {
        this.request = request;
        this.listener = listener;
    }

    @Override
    public byte[] invoke(final File workspace, final VirtualChannel channel) throws IOException,
            InterruptedException {
        return new AgentInspection().run(workspace.toPath(), request, listener.getLogger(), hostName()).encode();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (IOException exception) {
            return "";
        }
    }
}
