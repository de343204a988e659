package io.github.guestinspect.guest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line of /etc/fstab.
 *
 * @param spec       what to mount: a device path, UUID=..., LABEL=..., PARTUUID=...
 * @param mountpoint where (octal escapes such as \040 decoded)
 * @param type       the filesystem type
 */
public record FstabEntry(String spec, String mountpoint, String type) {
    public FstabEntry {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(mountpoint, "mountpoint");
        Objects.requireNonNull(type, "type");
    }

    /** Parses an fstab; comments, blank and short lines are skipped. */
    public static List<FstabEntry> parse(final byte[] content) {
        List<FstabEntry> entries = new ArrayList<>();
        for (String line : GuestText.lines(content)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            if (fields.length >= 3) {
                entries.add(new FstabEntry(unescape(fields[0]), unescape(fields[1]), fields[2]));
            }
        }
        return entries;
    }

    private static String unescape(final String field) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                text.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            }
            else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
