package io.jenkins.plugins.guestinspect.analysis;

import java.util.List;
import java.util.Optional;

import io.github.guestinspect.diff.ImageChanges;
import io.github.guestinspect.diff.PackageChange;
import io.github.guestinspect.model.InspectionResult;

/**
 * Everything a build found, kept in the build folder and read only when the detail page or a later build (as its
 * reference) needs it.
 *
 * @param results         one result per image, with OS roots and package lists
 * @param violations      every violation, waived ones included, each with its state against the reference build
 * @param fixed           the reference build's violations this build no longer has (state FIXED)
 * @param packageChanges  the package changes per image against the reference build (none without one)
 * @param expiredWaivers  one sentence per waiver past its date
 */
public record BuildDetails(List<InspectionResult> results, List<ViolationRow> violations, List<ViolationRow> fixed,
                           List<ImageChanges> packageChanges, List<String> expiredWaivers) {
    public BuildDetails {
        results = List.copyOf(results);
        violations = List.copyOf(violations);
        fixed = List.copyOf(fixed);
        packageChanges = List.copyOf(packageChanges);
        expiredWaivers = List.copyOf(expiredWaivers);
    }

    /** The details of a build from its results, its comparison with the reference and its expired waivers. */
    public static BuildDetails of(final List<InspectionResult> results, final BuildComparison comparison,
                                  final List<String> expiredWaivers) {
        return new BuildDetails(results, comparison.violations().violations(), comparison.violations().fixed(),
                comparison.packageChanges(), expiredWaivers);
    }

    public static BuildDetails empty() {
        return new BuildDetails(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** The result of one image, by its path as given. */
    public Optional<InspectionResult> result(final String image) {
        return results.stream().filter(result -> result.image().path().equals(image)).findFirst();
    }

    public List<ViolationRow> violationsOf(final String image) {
        return violations.stream().filter(row -> row.image().equals(image)).toList();
    }

    public List<ViolationRow> fixedOf(final String image) {
        return fixed.stream().filter(row -> row.image().equals(image)).toList();
    }

    /** The fixed violations of images this build does not have (any more). */
    public List<ViolationRow> fixedOfOtherImages() {
        return fixed.stream().filter(row -> result(row.image()).isEmpty()).toList();
    }

    /** The package changes of one image; empty when it was not compared with a reference. */
    public List<PackageChange> packageChangesOf(final String image) {
        return packageChanges.stream().filter(changes -> changes.image().equals(image)).findFirst()
                .map(ImageChanges::changes).orElse(List.of());
    }

    /** Whether the image was compared with the reference build (it then has a package change list, maybe empty). */
    public boolean isCompared(final String image) {
        return packageChanges.stream().anyMatch(changes -> changes.image().equals(image));
    }
}
