package io.github.guestinspect.runner;

/**
 * A filesystem as the appliance lists it.
 *
 * @param device the appliance device (/dev/sdc1, /dev/vg0/root)
 * @param type   the filesystem type
 */
record FilesystemEntry(String device, String type) {
    /** Filesystems that can hold a Linux root. */
    boolean mayHoldLinuxRoot() {
        return switch (type) {
            case "ext2", "ext3", "ext4", "xfs", "btrfs", "jfs", "reiserfs", "f2fs", "nilfs2" -> true;
            default -> false;
        };
    }

    /** Parses one {@code list-filesystems} line: "DEVICE: TYPE". */
    static FilesystemEntry parse(final String line) {
        int separator = line.lastIndexOf(": ");
        if (separator <= 0) {
            return new FilesystemEntry(line.strip(), "unknown");
        }
        return new FilesystemEntry(line.substring(0, separator), line.substring(separator + 2).strip());
    }
}
