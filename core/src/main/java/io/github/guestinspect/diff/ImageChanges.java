package io.github.guestinspect.diff;

import java.util.List;
import java.util.Objects;

/**
 * The package changes of one image between two runs (or two results).
 *
 * @param image   the image path as given (the newer run's)
 * @param changes sorted by name; empty when nothing changed
 */
public record ImageChanges(String image, List<PackageChange> changes) {
    public ImageChanges {
        Objects.requireNonNull(image, "image");
        changes = List.copyOf(changes);
    }

    public long count(final PackageChange.Kind kind) {
        return changes.stream().filter(change -> change.kind() == kind).count();
    }
}
