package io.github.guestinspect.runner;

import java.util.List;

/** Where each package format keeps its database, in the order they are tried. */
enum PackageDatabase {
    DPKG("deb", List.of("/var/lib/dpkg/status")),
    APK("apk", List.of("/lib/apk/db/installed", "/usr/lib/apk/db/installed")),
    RPM_SQLITE("rpm", List.of("/var/lib/rpm/rpmdb.sqlite", "/usr/lib/sysimage/rpm/rpmdb.sqlite")),
    RPM_BERKELEY_DB("rpm", List.of("/var/lib/rpm/Packages", "/usr/lib/sysimage/rpm/Packages"));

    private final String format;
    private final List<String> paths;

    PackageDatabase(final String format, final List<String> paths) {
        this.format = format;
        this.paths = paths;
    }

    String format() {
        return format;
    }

    List<String> paths() {
        return paths;
    }
}
