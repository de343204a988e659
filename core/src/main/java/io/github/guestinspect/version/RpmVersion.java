package io.github.guestinspect.version;

import java.util.Objects;
import java.util.Optional;

/**
 * A version as rpm splits it, {@code [epoch:]version[-release]}, ordered as rpm 4.18's {@code rpmverCmp}
 * (rpmio/rpmver.c): epoch (missing = 0), then version, then release, each with {@link RpmVerCmp}; a missing release
 * sorts before any release, so the order is total.
 * <p>
 * Splitting follows rpm's {@code parseEVR}: the epoch is a run of leading digits ended by a colon (an empty one counts
 * as 0), the release is the part after the last hyphen. It accepts every string, as rpm's does.
 * <p>
 * Written here rather than taken from versatile-core, whose {@code RpmVersion} reads a missing release as "0" (rpm:
 * "1.0" is older than "1.0-0", and "8" older than "8-r0"; versatile: equal, and newer), ignores an epoch before an
 * empty version ("143:") and throws on versions rpm accepts, such as a trailing hyphen ("1.0-").
 *
 * @param epoch   the epoch digits, "0" when absent
 * @param version the version
 * @param release the release, empty when there is no hyphen (present but empty for a trailing hyphen, as rpm has it)
 */
record RpmVersion(String epoch, String version, Optional<String> release) implements Comparable<RpmVersion> {
    RpmVersion {
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(release, "release");
    }

    /** Splits a version the way rpm does; never fails. */
    static RpmVersion parse(final String text) {
        String evr = CStrings.untilNul(text);
        int digits = 0;
        while (digits < evr.length() && evr.charAt(digits) >= '0' && evr.charAt(digits) <= '9') {
            digits++;
        }
        int hyphen = evr.lastIndexOf('-');
        Optional<String> release = hyphen < 0 ? Optional.empty() : Optional.of(evr.substring(hyphen + 1));
        String rest = hyphen < 0 ? evr : evr.substring(0, hyphen);
        if (digits < evr.length() && evr.charAt(digits) == ':') {
            return new RpmVersion(digits == 0 ? "0" : evr.substring(0, digits), rest.substring(digits + 1), release);
        }
        return new RpmVersion("0", rest, release);
    }

    /** rpm's {@code rpmverCmp}: the order of {@code rpm.vercmp} and of installed packages. */
    @Override
    public int compareTo(final RpmVersion other) {
        int result = RpmVerCmp.compare(epoch, other.epoch);
        if (result == 0) {
            result = RpmVerCmp.compare(version, other.version);
        }
        if (result == 0) {
            result = compareReleases(release, other.release);
        }
        return result;
    }

    /**
     * Whether this (installed) version satisfies {@code operator wanted}, by rpm's dependency rule
     * ({@code rpmverOverlap} with this version provided as "= this"). rpm compares releases only when both sides
     * have one: a requirement without a release, such as {@code >= 3.0.13}, means "any release of 3.0.13", so
     * {@code 3.0.13-1} satisfies it and does not satisfy {@code > 3.0.13}. In the other direction an installed version
     * without a release, compared with a wanted one that has a release at the same epoch and version, is a match for
     * every operator that rpm has (rpm's "always matches if the side with no release has SENSE_EQUAL"). {@code !=},
     * which rpm lacks, is the negation of {@code =}.
     */
    boolean satisfies(final VersionConstraint.Operator operator, final RpmVersion wanted) {
        if (operator == VersionConstraint.Operator.NE) {
            return !satisfies(VersionConstraint.Operator.EQ, wanted);
        }
        int sense = RpmVerCmp.compare(epoch, wanted.epoch);
        if (sense == 0) {
            sense = RpmVerCmp.compare(version, wanted.version);
        }
        if (sense == 0) {
            boolean mine = hasNonEmptyRelease();
            boolean theirs = wanted.hasNonEmptyRelease();
            if (mine && theirs) {
                sense = RpmVerCmp.compare(release.orElseThrow(), wanted.release.orElseThrow());
            }
            else if (theirs) {
                return true;
            }
        }
        return operator.accepts(sense);
    }

    private boolean hasNonEmptyRelease() {
        return release.filter(text -> !text.isEmpty()).isPresent();
    }

    private static int compareReleases(final Optional<String> left, final Optional<String> right) {
        if (left.isPresent() && right.isPresent()) {
            return RpmVerCmp.compare(left.get(), right.get());
        }
        return Boolean.compare(left.isPresent(), right.isPresent());
    }
}
