package io.jenkins.plugins.guestinspect.analysis;

import java.util.List;
import java.util.Optional;

import io.github.guestinspect.model.InspectionResult;

/**
 * Everything a build found, kept in the build folder and read only when the detail page or a NEW/DELTA gate of a
 * later build needs it.
 *
 * @param results        one result per image, with OS roots and package lists
 * @param violations     every violation, waived ones included
 * @param expiredWaivers one sentence per waiver past its date
 */
public record BuildDetails(List<InspectionResult> results, List<ViolationRow> violations,
                           List<String> expiredWaivers) {
    public BuildDetails {
        results = List.copyOf(results);
        violations = List.copyOf(violations);
        expiredWaivers = List.copyOf(expiredWaivers);
    }

    public static BuildDetails empty() {
        return new BuildDetails(List.of(), List.of(), List.of());
    }

    /** The result of one image, by its path as given. */
    public Optional<InspectionResult> result(final String image) {
        return results.stream().filter(result -> result.image().path().equals(image)).findFirst();
    }

    public List<ViolationRow> violationsOf(final String image) {
        return violations.stream().filter(row -> row.image().equals(image)).toList();
    }
}
