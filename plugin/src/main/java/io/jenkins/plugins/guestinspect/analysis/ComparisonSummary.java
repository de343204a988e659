package io.jenkins.plugins.guestinspect.analysis;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.guestinspect.policy.Severity;

/**
 * How a build compares with its reference build, small enough for the build page and the trend charts: which build,
 * new and fixed violations by severity and the package changes over all images. Persisted by XStream: plain fields.
 */
public final class ComparisonSummary implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final BuildLink reference;
    private final String origin;
    private final int newErrors;
    private final int newWarnings;
    private final int newInfos;
    private final int fixedErrors;
    private final int fixedWarnings;
    private final int fixedInfos;
    private final PackageChangeCounts packageChanges;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public ComparisonSummary(final BuildLink reference, final String origin, final int newErrors,
                             final int newWarnings, final int newInfos, final int fixedErrors, final int fixedWarnings,
                             final int fixedInfos, final PackageChangeCounts packageChanges) {
        this.reference = Objects.requireNonNull(reference, "reference");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.newErrors = newErrors;
        this.newWarnings = newWarnings;
        this.newInfos = newInfos;
        this.fixedErrors = fixedErrors;
        this.fixedWarnings = fixedWarnings;
        this.fixedInfos = fixedInfos;
        this.packageChanges = Objects.requireNonNull(packageChanges, "packageChanges");
    }

    /** The summary of a comparison with a reference build. */
    public static ComparisonSummary of(final BuildLink reference, final String origin,
                                       final ViolationComparison violations, final PackageChangeCounts packages) {
        return new ComparisonSummary(reference, origin, violations.count(ViolationState.NEW, Severity.ERROR),
                violations.count(ViolationState.NEW, Severity.WARNING),
                violations.count(ViolationState.NEW, Severity.INFO),
                violations.count(ViolationState.FIXED, Severity.ERROR),
                violations.count(ViolationState.FIXED, Severity.WARNING),
                violations.count(ViolationState.FIXED, Severity.INFO), packages);
    }

    public BuildLink getReference() {
        return reference;
    }

    /** Why this reference: "recorded by discoverReferenceBuild", "the previous completed build ...". */
    public String getOrigin() {
        return origin;
    }

    public int getNewErrors() {
        return newErrors;
    }

    public int getNewWarnings() {
        return newWarnings;
    }

    public int getNewInfos() {
        return newInfos;
    }

    public int getNewViolations() {
        return newErrors + newWarnings + newInfos;
    }

    public int getFixedErrors() {
        return fixedErrors;
    }

    public int getFixedWarnings() {
        return fixedWarnings;
    }

    public int getFixedInfos() {
        return fixedInfos;
    }

    public int getFixedViolations() {
        return fixedErrors + fixedWarnings + fixedInfos;
    }

    public PackageChangeCounts getPackageChanges() {
        return packageChanges;
    }

    /** New violations by severity for Scripted Pipeline. */
    public Map<String, Object> newToMap() {
        return bySeverity(newErrors, newWarnings, newInfos);
    }

    /** Fixed violations by severity for Scripted Pipeline. */
    public Map<String, Object> fixedToMap() {
        return bySeverity(fixedErrors, fixedWarnings, fixedInfos);
    }

    static Map<String, Object> bySeverity(final int errors, final int warnings, final int infos) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(Severity.ERROR.label(), errors);
        map.put(Severity.WARNING.label(), warnings);
        map.put(Severity.INFO.label(), infos);
        return map;
    }
}
