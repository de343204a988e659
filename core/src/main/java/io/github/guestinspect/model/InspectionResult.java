package io.github.guestinspect.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything guest-inspect learned about one image: its container, its operating systems and their packages,
 * or why it could not be inspected. An image that failed is a result too, so a run never loses an image.
 *
 * @param image             the file as the user named it
 * @param disk              the container facts from qemu-img (empty when the file could not be probed)
 * @param contentHash       SHA-256 of the content ("" until the cache computed it)
 * @param status            the outcome
 * @param failure           why it failed (present exactly when status is FAILED)
 * @param operatingSystems  every root found, in device order
 * @param timings           where the time went
 * @param cache             whether the result came from the cache
 * @param libguestfsVersion the libguestfs version that produced the result ("" when none ran)
 * @param toolVersion       the guest-inspect version that produced the result
 */
public record InspectionResult(ImageFile image, Optional<DiskInfo> disk, String contentHash, Status status,
                               Optional<Failure> failure, List<OperatingSystem> operatingSystems, Timings timings,
                               CacheInfo cache, String libguestfsVersion, String toolVersion) {
    public InspectionResult {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(disk, "disk");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(libguestfsVersion, "libguestfsVersion");
        Objects.requireNonNull(toolVersion, "toolVersion");
        operatingSystems = List.copyOf(operatingSystems);
        if ((status == Status.FAILED) != failure.isPresent()) {
            throw new IllegalArgumentException("a failure must be given exactly for FAILED results: " + image.path());
        }
    }

    /** A failed result for an image that never reached an appliance. */
    public static InspectionResult failed(final ImageFile image, final Optional<DiskInfo> disk, final Failure failure,
                                          final Timings timings, final String toolVersion) {
        return new InspectionResult(image, disk, "", Status.FAILED, Optional.of(failure), List.of(), timings,
                CacheInfo.notUsed(), "", toolVersion);
    }

    @JsonIgnore
    public boolean isFailed() {
        return status == Status.FAILED;
    }

    /** The number of packages over all roots. */
    @JsonIgnore
    public int packageCount() {
        return operatingSystems.stream().mapToInt(os -> os.packages().size()).sum();
    }

    public InspectionResult withTimings(final Timings newTimings) {
        return new InspectionResult(image, disk, contentHash, status, failure, operatingSystems, newTimings, cache,
                libguestfsVersion, toolVersion);
    }

    public InspectionResult withCache(final String hash, final CacheInfo newCache) {
        return new InspectionResult(image, disk, hash, status, failure, operatingSystems, timings, newCache,
                libguestfsVersion, toolVersion);
    }

    public InspectionResult withImage(final ImageFile newImage) {
        return new InspectionResult(newImage, disk, contentHash, status, failure, operatingSystems, timings, cache,
                libguestfsVersion, toolVersion);
    }
}
