package io.github.guestinspect.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What qemu-img says about the container, before any appliance is launched.
 *
 * @param format      the format given to libguestfs
 * @param virtualSize the guest-visible disk size in bytes
 * @param backingFile the backing file the image declares, if any (such images are refused unless allowed)
 */
public record DiskInfo(DiskFormat format, long virtualSize, Optional<String> backingFile) {
    public DiskInfo {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(backingFile, "backingFile");
    }
}
