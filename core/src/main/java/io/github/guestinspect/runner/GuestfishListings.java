package io.github.guestinspect.runner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the listings guestfish prints as "KEY: VALUE" lines ({@code list-disk-labels}, {@code version},
 * {@code list-filesystems}) and one name a line ({@code lvs}, {@code pvs}). Device names and filesystem types may
 * come from the images, so any line is accepted: a line without the separator is skipped or kept whole.
 */
final class GuestfishListings {
    private static final String SEPARATOR = ": ";

    private GuestfishListings() {
    }

    /** {@code list-disk-labels}: label to appliance device. */
    static Map<String, String> diskLabels(final List<String> lines) {
        Map<String, String> byLabel = new HashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(SEPARATOR);
            if (colon > 0) {
                byLabel.put(line.substring(0, colon).strip(), line.substring(colon + 2).strip());
            }
        }
        return byLabel;
    }

    /** {@code version}: "MAJOR.MINOR.RELEASE", with '?' for a field that is missing. */
    static String libraryVersion(final List<String> lines) {
        Map<String, String> fields = lines.stream().filter(line -> line.contains(SEPARATOR))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf(SEPARATOR)).strip(),
                        line -> line.substring(line.indexOf(SEPARATOR) + 2).strip(), (a, b) -> a));
        return fields.getOrDefault("major", "?") + "." + fields.getOrDefault("minor", "?") + "."
                + fields.getOrDefault("release", "?");
    }

    /** {@code list-filesystems}: one "DEVICE: TYPE" a line, blank lines skipped. */
    static List<FilesystemEntry> filesystems(final List<String> lines) {
        return lines.stream().filter(line -> !line.isBlank()).map(FilesystemEntry::parse).toList();
    }

    /** {@code lvs} and {@code pvs}: one device a line, stripped, blank lines skipped. */
    static List<String> devices(final List<String> lines) {
        return lines.stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
