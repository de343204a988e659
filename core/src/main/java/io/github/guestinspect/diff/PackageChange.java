package io.github.guestinspect.diff;

import java.util.Objects;

/**
 * One package that differs between two results of an image.
 *
 * @param name   the package name (with ":arch" when the architecture disambiguates)
 * @param kind   what happened
 * @param before the version before ("" when added)
 * @param after  the version after ("" when removed)
 */
public record PackageChange(String name, Kind kind, String before, String after) {
    public PackageChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** What happened to a package. */
    public enum Kind {
        ADDED, REMOVED, UPGRADED, DOWNGRADED
    }
}
