package io.jenkins.plugins.guestinspect.remote;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What the controller asks of the node that holds the workspace before any image is inspected: a plain
 * Serializable class of JDK types, as it crosses the channel inside a file callable.
 */
public final class PrepareRequest implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final ArrayList<String> images;
    private final boolean cache;
    private final ArrayList<String> fileQueries;

    /**
     * @param images      image paths relative to the workspace
     * @param cache       use the workspace's result cache
     * @param fileQueries the paths and globs the policy's file rules need (a cached result must have them)
     */
    public PrepareRequest(final List<String> images, final boolean cache, final List<String> fileQueries) {
        this.images = new ArrayList<>(images);
        this.cache = cache;
        this.fileQueries = new ArrayList<>(fileQueries);
    }

    public List<String> images() {
        return List.copyOf(images);
    }

    public boolean cache() {
        return cache;
    }

    public List<String> fileQueries() {
        return List.copyOf(fileQueries);
    }
}
