package io.github.guestinspect.model;

import java.util.Objects;

/**
 * One line of the guest's fstab that guest-inspect resolved to a filesystem of the same image.
 *
 * @param path   where the guest mounts it ("/", "/usr", ...)
 * @param device the filesystem, named as if the image were the only disk (/dev/sda1, /dev/VG/LV)
 */
public record Mountpoint(String path, String device) {
    public Mountpoint {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(device, "device");
    }
}
