package io.jenkins.plugins.guestinspect.agents;

import java.io.File;
import java.io.IOException;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.guestinspect.remote.StoreRequest;
import io.jenkins.plugins.guestinspect.remote.WorkspaceWork;
import jenkins.MasterToSlaveFileCallable;

/** Runs {@link WorkspaceWork#store} on the node that holds the workspace; returns what the cache warned about. */
public final class StoreInWorkspace extends MasterToSlaveFileCallable<ArrayList<String>> {
    @Serial
    private static final long serialVersionUID = 1L;

    private final byte[] request;
    private final ArrayList<String> fileQueries;

    public StoreInWorkspace(final StoreRequest request, final List<String> fileQueries) throws IOException {
        this.request = request.encode();
        this.fileQueries = new ArrayList<>(fileQueries);
    }

    @Override
    public ArrayList<String> invoke(final File workspace, final VirtualChannel channel) throws IOException {
        return new ArrayList<>(new WorkspaceWork().store(workspace.toPath(), StoreRequest.decode(request),
                fileQueries));
    }
}
