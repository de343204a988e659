package io.github.guestinspect.runner;

import io.github.guestinspect.guest.FstabEntry;
import io.github.guestinspect.guest.GuestText;
import io.github.guestinspect.guest.OsRelease;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives distro, version, product name and hostname from the /etc files read out of a root, with the fallbacks
 * older systems need (no os-release: alpine-release, redhat-release, debian_version).
 *
 * @param files the /etc files that were present, by name relative to /etc
 */
record RootFacts(Map<String, byte[]> files) {
    /** The /etc files worth reading; only those that exist are downloaded. */
    static final List<String> ETC_FILES = List.of("os-release", "hostname", "HOSTNAME", "fstab", "alpine-release",
            "redhat-release", "fedora-release", "centos-release", "debian_version", "SuSE-release");
    private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?");
    private static final Pattern RELEASE_LINE = Pattern.compile("release\\s+(\\d+(?:\\.\\d+)*)");
    private static final int MAX_HOSTNAME = 255;

    RootFacts {
        files = Map.copyOf(files);
    }

    private Optional<String> firstLine(final String name) {
        return Optional.ofNullable(files.get(name)).flatMap(bytes -> GuestText.lines(bytes).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).findFirst());
    }

    private OsRelease osRelease() {
        return Optional.ofNullable(files.get("os-release")).map(OsRelease::parse).orElse(new OsRelease(Map.of()));
    }

    String distro() {
        Optional<String> id = osRelease().get("ID");
        if (id.isPresent()) {
            return id.get();
        }
        if (files.containsKey("alpine-release")) {
            return "alpine";
        }
        if (files.containsKey("fedora-release")) {
            return "fedora";
        }
        if (files.containsKey("centos-release")) {
            return "centos";
        }
        if (files.containsKey("redhat-release")) {
            return "rhel";
        }
        if (files.containsKey("debian_version")) {
            return "debian";
        }
        return "unknown";
    }

    String version() {
        return osRelease().get("VERSION_ID")
                .or(() -> firstLine("alpine-release"))
                .or(() -> releaseFileVersion("fedora-release"))
                .or(() -> releaseFileVersion("centos-release"))
                .or(() -> releaseFileVersion("redhat-release"))
                .or(() -> firstLine("debian_version"))
                .orElse("");
    }

    private Optional<String> releaseFileVersion(final String name) {
        return firstLine(name).map(RELEASE_LINE::matcher).filter(Matcher::find).map(matcher -> matcher.group(1));
    }

    String productName() {
        return osRelease().get("PRETTY_NAME")
                .or(() -> firstLine("redhat-release"))
                .or(() -> firstLine("fedora-release"))
                .or(() -> osRelease().get("NAME"))
                .orElse(distro() + " " + version()).strip();
    }

    int majorVersion() {
        Matcher matcher = VERSION.matcher(version());
        return matcher.lookingAt() ? parse(matcher.group(1)) : 0;
    }

    int minorVersion() {
        Matcher matcher = VERSION.matcher(version());
        return matcher.lookingAt() && matcher.group(2) != null ? parse(matcher.group(2)) : 0;
    }

    private static int parse(final String digits) {
        return digits.length() > 9 ? 0 : Integer.parseInt(digits);
    }

    String hostname() {
        String name = firstLine("hostname").or(() -> firstLine("HOSTNAME")).orElse("");
        return name.length() > MAX_HOSTNAME ? name.substring(0, MAX_HOSTNAME) : name;
    }

    /** True when os-release says the distro is, or is like, one of the given IDs. */
    boolean isLike(final String... ids) {
        OsRelease release = osRelease();
        String like = distro() + " " + release.get("ID_LIKE").orElse("");
        for (String id : ids) {
            for (String word : like.split("\\s+")) {
                if (word.equals(id)) {
                    return true;
                }
            }
        }
        return false;
    }

    List<FstabEntry> fstab() {
        return Optional.ofNullable(files.get("fstab")).map(FstabEntry::parse).orElse(List.of());
    }
}
