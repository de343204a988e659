package io.github.guestinspect.model;

import java.util.Objects;

/**
 * A filesystem found on the image.
 *
 * @param device the device, named as if the image were the only disk (/dev/sda1, /dev/VG/LV)
 * @param type   the filesystem type (ext4, xfs, swap, vfat, ...)
 */
public record Filesystem(String device, String type) {
    public Filesystem {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(type, "type");
    }
}
