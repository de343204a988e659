package io.github.guestinspect.runner;

import io.github.guestinspect.model.FileFact;
import io.github.guestinspect.model.FileType;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of guestfish's {@code lstatns} and {@code lstatnslist} output that matter here (all numbers, never
 * image text): {@code st_ino: 123} lines, in {@code [0] = { ... }} blocks for a list. A field that is missing or not a
 * number keeps its default, so a reply that cannot be read makes the file MISSING, never an error.
 *
 * @param device st_dev
 * @param inode  the inode, -1 when the file is missing
 * @param mode   st_mode
 * @param links  st_nlink
 * @param size   st_size
 */
record StatReply(long device, long inode, long mode, long links, long size) {
    static final StatReply MISSING = new StatReply(0, -1, 0, 0, 0);

    FileFact fact(final String path) {
        return inode < 0 ? new FileFact(path, FileType.MISSING, 0)
                : new FileFact(path, FileType.fromMode(mode), size);
    }

    boolean exists() {
        return inode >= 0;
    }

    /** True when this is the same file as the other (one device, one inode): a hard link, or where links lead. */
    boolean isSameFileAs(final StatReply other) {
        return exists() && other.exists() && device == other.device && inode == other.inode;
    }

    static StatReply parse(final List<String> lines) {
        long device = 0;
        long inode = -1;
        long mode = 0;
        long links = 0;
        long size = 0;
        for (String line : lines) {
            String trimmed = line.strip();
            int colon = trimmed.indexOf(": ");
            if (colon < 0) {
                continue;
            }
            String value = trimmed.substring(colon + 2).strip();
            switch (trimmed.substring(0, colon)) {
                case "st_dev" -> device = number(value, 0);
                case "st_ino" -> inode = number(value, -1);
                case "st_mode" -> mode = number(value, 0);
                case "st_nlink" -> links = number(value, 0);
                case "st_size" -> size = number(value, 0);
                default -> {
                }
            }
        }
        return new StatReply(device, inode, mode, links, size);
    }

    /** Splits {@code [0] = { ... }} blocks. */
    static List<StatReply> parseList(final List<String> lines) {
        List<StatReply> stats = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("[")) {
                block = new ArrayList<>();
            }
            else if (line.startsWith("}")) {
                stats.add(parse(block));
            }
            else {
                block.add(line);
            }
        }
        return stats;
    }

    private static long number(final String value, final long otherwise) {
        try {
            return Long.parseLong(value);
        }
        catch (NumberFormatException exception) {
            return otherwise;
        }
    }
}
