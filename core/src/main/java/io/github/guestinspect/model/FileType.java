package io.github.guestinspect.model;

/** What a path in an image is (never following a symbolic link). */
public enum FileType {
    REGULAR, DIRECTORY, SYMLINK, OTHER, MISSING;

    /** The type from a POSIX st_mode. */
    public static FileType fromMode(final long mode) {
        long format = mode & 0170000;
        if (format == 0100000) {
            return REGULAR;
        }
        if (format == 0040000) {
            return DIRECTORY;
        }
        if (format == 0120000) {
            return SYMLINK;
        }
        return OTHER;
    }
}
