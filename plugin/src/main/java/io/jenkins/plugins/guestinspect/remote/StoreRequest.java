package io.jenkins.plugins.guestinspect.remote;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import io.github.guestinspect.cache.CacheLookups;
import io.github.guestinspect.model.InspectionResult;

/**
 * What goes into the workspace cache: after each batch, the results its agent returned; when the run is over, those
 * no batch call stored, and the run's hits and misses are recorded. Results are as the scheduler gives them (absolute
 * paths, no cache facts: the node adds them from the lookups).
 *
 * @param lookups   the cache's answer before the run: for a batch only its images' entries, for the run all of them
 * @param inspected inspected results to store (failures are never stored)
 * @param runOver   whether the run is over, so its hits and misses are recorded
 */
public record StoreRequest(CacheLookups lookups, List<InspectionResult> inspected, boolean runOver) {
    public StoreRequest {
        Objects.requireNonNull(lookups, "lookups");
        inspected = List.copyOf(inspected);
    }

    /** One finished batch's results, with the lookups of its images only (the run's may be large: hits included). */
    public static StoreRequest batch(final CacheLookups lookups, final List<InspectionResult> inspected) {
        return new StoreRequest(lookups.only(inspected.stream().map(result -> result.image().path()).toList()),
                inspected, false);
    }

    /** The end of the run: what no batch call stored (its call failed), and every lookup for the run's figures. */
    public static StoreRequest runOver(final CacheLookups lookups, final List<InspectionResult> leftOver) {
        return new StoreRequest(lookups, leftOver, true);
    }

    public byte[] encode() throws IOException {
        return Smile.encode(this);
    }

    public static StoreRequest decode(final byte[] bytes) throws IOException {
        return Smile.decode(bytes, StoreRequest.class);
    }
}
