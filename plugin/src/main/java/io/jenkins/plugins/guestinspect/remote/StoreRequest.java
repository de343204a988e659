package io.jenkins.plugins.guestinspect.remote;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import io.github.guestinspect.cache.CacheLookups;
import io.github.guestinspect.model.InspectionResult;

/**
 * What goes back into the workspace cache after a run: the lookups the node made and every image's completed
 * result (absolute paths, as {@link PreparedImages#complete} gives them).
 *
 * @param lookups   the cache's answer before the run
 * @param completed every image's result, in the lookups' order
 */
public record StoreRequest(CacheLookups lookups, List<InspectionResult> completed) {
    public StoreRequest {
        Objects.requireNonNull(lookups, "lookups");
        completed = List.copyOf(completed);
    }

    public byte[] encode() throws IOException {
        return Smile.encode(this);
    }

    public static StoreRequest decode(final byte[] bytes) throws IOException {
        return Smile.decode(bytes, StoreRequest.class);
    }
}
