package io.github.guestinspect.version;

import io.github.guestinspect.model.InstalledPackage;

import java.util.Objects;
import java.util.Optional;

/**
 * How a package format orders versions. Each scheme reproduces its package manager exactly on the versions that
 * manager accepts, because a policy verdict ("older than the fixed version") must agree with what the package
 * manager itself would install or report. Versions read from images are untrusted, so every scheme is also a total
 * preorder over arbitrary strings: malformed input sorts somewhere, deterministically and consistently (antisymmetric
 * and transitive), instead of throwing. Zero means "the same version to this package manager", which includes
 * different spellings such as {@code 1.0} and {@code 1.00}.
 */
public enum VersionScheme {
    /** Debian and Ubuntu: dpkg's order ({@code [epoch:]upstream[-revision]}, {@code ~} before everything). */
    DEB,
    /** Fedora, RHEL, SUSE: rpm's rpmvercmp on epoch, version and release ({@code ~} and {@code ^} as rpm 4.15+). */
    RPM,
    /** Alpine: apk-tools' order (digits, letter, {@code _suffix}, {@code ~hash}, {@code -rN}). */
    APK;

    /**
     * Compares two versions of this scheme. Total over ANY strings (never throws on malformed input: it still compares
     * deterministically and consistently).
     *
     * @return a negative number, zero or a positive number as {@code left} is older than, the same as, or newer than
     *         {@code right}
     */
    public int compare(final String left, final String right) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        int result = switch (this) {
            case DEB -> DebianVersion.parse(left).compareTo(DebianVersion.parse(right));
            case RPM -> RpmVersion.parse(left).compareTo(RpmVersion.parse(right));
            case APK -> ApkVersionOrder.compare(left, right);
        };
        return Integer.signum(result);
    }

    /**
     * The scheme of a package format as {@code InstalledPackage}/{@code OperatingSystem.packageFormat()} names it:
     * "deb", "rpm", "apk"; empty for anything else (such as "unknown"), since there is no order to guess.
     */
    public static Optional<VersionScheme> forPackageFormat(final String format) {
        Objects.requireNonNull(format, "format");
        return switch (format) {
            case "deb" -> Optional.of(DEB);
            case "rpm" -> Optional.of(RPM);
            case "apk" -> Optional.of(APK);
            default -> Optional.empty();
        };
    }

    /**
     * The version string this scheme compares for an installed package, rebuilt the way the package manager writes
     * it, because the package database splits it into fields: DEB and RPM {@code [epoch:]version[-release]} (epoch 0
     * is left out, as both treat a missing epoch as 0), APK {@code version[-rRELEASE]} (apk writes the release as
     * {@code -rN}, and has no epoch).
     */
    public String versionOf(final InstalledPackage pkg) {
        Objects.requireNonNull(pkg, "pkg");
        StringBuilder text = new StringBuilder();
        if (this != APK && pkg.epoch() != 0) {
            text.append(pkg.epoch()).append(':');
        }
        text.append(pkg.version());
        if (!pkg.release().isEmpty()) {
            text.append(this == APK ? "-r" : "-").append(pkg.release());
        }
        return text.toString();
    }

    /**
     * Whether an installed version satisfies one comparison. Not simply {@code compare}: rpm decides dependencies
     * with its own rule for a missing release (see {@link RpmVersion#satisfies}).
     */
    boolean satisfies(final String installed, final VersionConstraint.Operator operator, final String wanted) {
        if (this == RPM) {
            return RpmVersion.parse(installed).satisfies(operator, RpmVersion.parse(wanted));
        }
        return operator.accepts(compare(installed, wanted));
    }
}
