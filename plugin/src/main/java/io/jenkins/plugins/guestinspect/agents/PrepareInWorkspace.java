package io.jenkins.plugins.guestinspect.agents;

import java.io.File;
import java.io.IOException;
import java.io.Serial;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.guestinspect.remote.PrepareRequest;
import io.jenkins.plugins.guestinspect.remote.WorkspaceWork;
import jenkins.MasterToSlaveFileCallable;

/** Runs {@link WorkspaceWork#prepare} on the node that holds the workspace; the answer comes back as Smile bytes. */
public final class PrepareInWorkspace extends MasterToSlaveFileCallable<byte[]> {
    @Serial
    private static final long serialVersionUID = 1L;

    private final PrepareRequest request;

    public PrepareInWorkspace(final PrepareRequest request) {
        this.request = request;
    }

    @Override
    public byte[] invoke(final File workspace, final VirtualChannel channel) throws IOException,
            InterruptedException {
        return new WorkspaceWork().prepare(workspace.toPath(), request, HostName.get()).encode();
    }
}
