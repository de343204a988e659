package io.github.guestinspect.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Optional;

/**
 * Size limits of the image itself.
 *
 * @param maxVirtualSize the largest disk the guest may see
 * @param maxFileSize    the largest image file
 */
public record ImageLimits(@JsonProperty("max-virtual-size") Optional<ByteSize> maxVirtualSize,
                          @JsonProperty("max-file-size") Optional<ByteSize> maxFileSize) {
    public ImageLimits {
        maxVirtualSize = maxVirtualSize == null ? Optional.empty() : maxVirtualSize;
        maxFileSize = maxFileSize == null ? Optional.empty() : maxFileSize;
    }
}
