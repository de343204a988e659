package io.jenkins.plugins.guestinspect.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.github.guestinspect.diff.ImageChanges;
import io.github.guestinspect.diff.PackageDiff;
import io.github.guestinspect.model.InspectionResult;

/**
 * This build against its reference build: the state of every violation and the package changes of every image
 * (core's {@link PackageDiff}, in each image's own version order, as {@code guest-inspect diff} shows them).
 *
 * @param reference      the reference build and why it was chosen; empty when there is none
 * @param violations     the violations with their states
 * @param packageChanges per image of this build that was inspected in both builds or is new; empty without reference
 */
public record BuildComparison(Optional<Reference> reference, ViolationComparison violations,
                              List<ImageChanges> packageChanges) {
    public BuildComparison {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(violations, "violations");
        packageChanges = List.copyOf(packageChanges);
    }

    /**
     * Compares this build's results and violations with the reference build's stored details.
     *
     * @param results    this build's results
     * @param violations this build's violations (as {@link ViolationRow#of} makes them)
     * @param reference  the reference build, if there is one
     */
    public static BuildComparison of(final List<InspectionResult> results, final List<ViolationRow> violations,
                                     final Optional<Reference> reference) {
        if (reference.isEmpty()) {
            return new BuildComparison(reference, ViolationComparison.withoutReference(violations), List.of());
        }
        BuildDetails before = reference.get().details();
        return new BuildComparison(reference, ViolationComparison.of(violations, results, before),
                new PackageDiff().forImagesOf(before.results(), results));
    }

    /** The small summary for the build page, the charts and the return value; empty without a reference. */
    public Optional<ComparisonSummary> summary() {
        return reference.map(found -> ComparisonSummary.of(found.build(), found.origin(), violations,
                PackageChangeCounts.of(packageChanges)));
    }

    /** The package changes of one image of this build; empty when it was not compared. */
    public Optional<ImageChanges> changesOf(final String image) {
        return packageChanges.stream().filter(changes -> changes.image().equals(image)).findFirst();
    }
}
