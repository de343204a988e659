package io.github.guestinspect.hash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What identifies a file's content without reading it: device, inode, size and modification and change times in
 * nanoseconds. Any write changes at least one of them; so does replacing the file.
 *
 * @param device      st_dev
 * @param inode       st_ino
 * @param size        bytes
 * @param mtimeNanos  last modification
 * @param ctimeNanos  last status change (cannot be set back by a user, unlike mtime)
 */
public record FileIdentity(long device, long inode, long size, long mtimeNanos, long ctimeNanos) {
    /** Reads the identity of a file (following a symbolic link to the file it names). */
    public static FileIdentity of(final Path file) throws IOException {
        Map<String, Object> unix = Files.readAttributes(file, "unix:dev,ino,size,lastModifiedTime,ctime");
        return new FileIdentity(((Number) unix.get("dev")).longValue(), ((Number) unix.get("ino")).longValue(),
                ((Number) unix.get("size")).longValue(), nanos(unix.get("lastModifiedTime")),
                nanos(unix.get("ctime")));
    }

    private static long nanos(final Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }

    /** The memo's file name for this identity: only digits and a dash, so it cannot leave the memo directory. */
    String memoName() {
        return Long.toUnsignedString(device) + "-" + Long.toUnsignedString(inode);
    }
}
