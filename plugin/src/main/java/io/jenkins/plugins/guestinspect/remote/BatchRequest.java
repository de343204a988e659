package io.jenkins.plugins.guestinspect.remote;

import java.io.IOException;
import java.util.List;

import io.github.guestinspect.runner.ProbedImage;

/**
 * One appliance batch for an agent: the images (paths as they are on that agent, formats as the checks decided
 * them, never probed again), the time limit and the policy's file queries.
 *
 * @param images         the batch, in order
 * @param timeoutSeconds the limit for the appliance
 * @param fileQueries    paths and globs to look up in every root
 */
public record BatchRequest(List<ProbedImage> images, long timeoutSeconds, List<String> fileQueries) {
    public BatchRequest {
        images = List.copyOf(images);
        fileQueries = List.copyOf(fileQueries);
    }

    public byte[] encode() throws IOException {
        return Smile.encode(this);
    }

    public static BatchRequest decode(final byte[] bytes) throws IOException {
        return Smile.decode(bytes, BatchRequest.class);
    }
}
