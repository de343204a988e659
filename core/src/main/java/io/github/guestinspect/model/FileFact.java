package io.github.guestinspect.model;

import java.util.Objects;

/**
 * A path inside an operating system root, as lstat saw it (a symbolic link is reported as a link and never
 * followed, so a link pointing outside the root tells nothing about the host or another image).
 *
 * @param path the absolute path in the guest (untrusted: it comes from the image when it matched a glob)
 * @param type what it is, MISSING when it does not exist
 * @param size its size in bytes (0 when missing)
 */
public record FileFact(String path, FileType type, long size) {
    public FileFact {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
    }
}
