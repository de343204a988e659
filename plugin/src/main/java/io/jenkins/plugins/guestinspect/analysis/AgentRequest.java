package io.jenkins.plugins.guestinspect.analysis;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What the controller asks the agent to do: a plain Serializable class of JDK types, as it crosses the remoting
 * channel inside the file callable.
 */
public final class AgentRequest implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final ArrayList<String> images;
    private final int jobs;
    private final int batchSize;
    private final long timeoutSeconds;
    private final boolean cache;
    private final ArrayList<String> fileQueries;

    /**
     * @param images         image paths relative to the workspace
     * @param jobs           appliances at once
     * @param batchSize      images per appliance
     * @param timeoutSeconds limit per appliance batch
     * @param cache          use the agent's result cache
     * @param fileQueries    the paths and globs the policy's file rules need
     */
    public AgentRequest(final List<String> images, final int jobs, final int batchSize, final long timeoutSeconds,
                        final boolean cache, final List<String> fileQueries) {
        this.images = new ArrayList<>(images);
        this.jobs = jobs;
        this.batchSize = batchSize;
        this.timeoutSeconds = timeoutSeconds;
        this.cache = cache;
        this.fileQueries = new ArrayList<>(fileQueries);
    }

    public List<String> images() {
        return List.copyOf(images);
    }

    public int jobs() {
        return jobs;
    }

    public int batchSize() {
        return batchSize;
    }

    public long timeoutSeconds() {
        return timeoutSeconds;
    }

    public boolean cache() {
        return cache;
    }

    public List<String> fileQueries() {
        return List.copyOf(fileQueries);
    }
}
