package io.github.guestinspect.runner;

import io.github.guestinspect.model.DiskInfo;
import io.github.guestinspect.model.ImageFile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An image that passed the qemu-img checks and may be handed to libguestfs.
 *
 * @param path        the file
 * @param file        the file as the user named it
 * @param disk        the container facts; {@code disk.format()} is what libguestfs is told
 * @param probeMillis how long the checks took
 */
public record ProbedImage(Path path, ImageFile file, DiskInfo disk, long probeMillis) {
    public ProbedImage {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(disk, "disk");
    }
}
