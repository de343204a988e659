package io.github.guestinspect.model;

import java.util.Objects;

/**
 * The image file as the user named it.
 *
 * @param path     the path as given on the command line or by the step (not normalised, so reports show what the user wrote)
 * @param fileName the last path element
 * @param fileSize the size on disk in bytes, -1 when the file could not be read
 */
public record ImageFile(String path, String fileName, long fileSize) {
    public ImageFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fileName, "fileName");
    }
}
