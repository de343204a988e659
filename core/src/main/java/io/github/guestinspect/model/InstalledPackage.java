package io.github.guestinspect.model;

import java.util.Objects;

/**
 * One installed package of an operating system root. All strings come from the image and are untrusted.
 *
 * @param name         package name
 * @param epoch        epoch, 0 when the package format has none or the package declares none
 * @param version      upstream version (dpkg: without epoch and revision; rpm: VERSION; apk: without "-rN")
 * @param release      revision or release ("" when there is none)
 * @param architecture architecture as the package database spells it ("" when unknown)
 */
public record InstalledPackage(String name, int epoch, String version, String release, String architecture) {
    public InstalledPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(architecture, "architecture");
    }

    /** The version as the package manager writes it: [epoch:]version[-release]. */
    public String fullVersion() {
        StringBuilder text = new StringBuilder();
        if (epoch != 0) {
            text.append(epoch).append(':');
        }
        text.append(version);
        if (!release.isEmpty()) {
            text.append('-').append(release);
        }
        return text.toString();
    }
}
