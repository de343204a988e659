package io.jenkins.plugins.guestinspect.analysis;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * How a build compares with its reference build, small enough for the build page and the trend charts: which build,
 * new and fixed violations by severity and the package changes over all images. Persisted by XStream: plain fields.
 */
public final class ComparisonSummary implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final BuildLink reference;
    private final String origin;
    private final SeverityCounts newViolations;
    private final SeverityCounts fixedViolations;
    private final PackageChangeCounts packageChanges;

    public ComparisonSummary(final BuildLink reference, final String origin, final SeverityCounts newViolations,
                             final SeverityCounts fixedViolations, final PackageChangeCounts packageChanges) {
        this.reference = Objects.requireNonNull(reference, "reference");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.newViolations = Objects.requireNonNull(newViolations, "newViolations");
        this.fixedViolations = Objects.requireNonNull(fixedViolations, "fixedViolations");
        this.packageChanges = Objects.requireNonNull(packageChanges, "packageChanges");
    }

    /** The summary of a comparison with a reference build. */
    public static ComparisonSummary of(final BuildLink reference, final String origin,
                                       final ViolationComparison violations, final PackageChangeCounts packages) {
        return new ComparisonSummary(reference, origin,
                SeverityCounts.of(violations.inState(ViolationState.NEW)),
                SeverityCounts.of(violations.inState(ViolationState.FIXED)), packages);
    }

    public BuildLink getReference() {
        return reference;
    }

    /** Why this reference: "recorded by discoverReferenceBuild", "the previous completed build ...". */
    public String getOrigin() {
        return origin;
    }

    /** Active violations the reference build did not have. */
    public SeverityCounts getNewViolations() {
        return newViolations;
    }

    /** Active violations of the reference build this build does not have. */
    public SeverityCounts getFixedViolations() {
        return fixedViolations;
    }

    public PackageChangeCounts getPackageChanges() {
        return packageChanges;
    }
}
