package io.jenkins.plugins.guestinspect.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.guestinspect.diff.ImagePairs;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.policy.Severity;

/**
 * This build's violations against the reference build's: each active one is new or outstanding, and the reference's
 * active violations this build no longer has are fixed.
 *
 * <p>A violation is the same one in both builds when image, rule, root and topic agree ({@link ViolationRow#key()}):
 * a package upgraded from one forbidden version to another stays outstanding. Images are paired as the package
 * changes pair them ({@link ImagePairs}), so {@code out/41/web.qcow2} and {@code out/42/web.qcow2} are one image.
 * Equal keys are matched as a multiset. A reference violation of an image that could not be inspected in this build
 * is not fixed (nothing is known about it), one of an image that is no longer inspected at all is. A waived
 * violation is neither new nor outstanding, and its reference twin is not fixed.
 *
 * @param violations      this build's violations, each with its state (NEW, OUTSTANDING, WAIVED; ACTIVE without a
 *                        reference)
 * @param fixed           the reference's violations this build does not have (state FIXED, image path of this
 *                        build where the image was paired)
 * @param referenceCounts the reference build's active violations by severity label; empty without a reference
 */
public record ViolationComparison(List<ViolationRow> violations, List<ViolationRow> fixed,
                                  Optional<Map<String, Integer>> referenceCounts) {
    public ViolationComparison {
        violations = List.copyOf(violations);
        fixed = List.copyOf(fixed);
        referenceCounts = referenceCounts.map(Map::copyOf);
    }

    /** Without a reference build: every active violation stays ACTIVE, nothing is new or fixed. */
    public static ViolationComparison withoutReference(final List<ViolationRow> current) {
        return new ViolationComparison(current, List.of(), Optional.empty());
    }

    /**
     * Classifies this build's violations against the reference build's.
     *
     * @param current   this build's violations (as {@link ViolationRow#of} makes them)
     * @param results   this build's results (which images were inspected, for pairing)
     * @param reference the reference build's stored details
     */
    public static ViolationComparison of(final List<ViolationRow> current, final List<InspectionResult> results,
                                         final BuildDetails reference) {
        Map<String, String> thisPathOf = new HashMap<>();
        ImagePairs.pairPaths(reference.results(), results).forEach((now, before) -> thisPathOf.put(before, now));
        List<ViolationRow> referenceActive = reference.violations().stream().filter(row -> !row.isWaived())
                .map(row -> row.withImage(thisPathOf.getOrDefault(row.image(), row.image()))).toList();
        Map<ViolationRow.Key, Deque<ViolationRow>> unmatched = new LinkedHashMap<>();
        referenceActive.forEach(row -> unmatched.computeIfAbsent(row.key(), key -> new ArrayDeque<>()).add(row));

        List<ViolationRow> classified = new ArrayList<>();
        for (ViolationRow row : current) {
            Deque<ViolationRow> twins = unmatched.get(row.key());
            boolean known = twins != null && !twins.isEmpty();
            if (known) {
                twins.removeFirst();
            }
            classified.add(row.withState(row.isWaived() ? ViolationState.WAIVED
                    : known ? ViolationState.OUTSTANDING : ViolationState.NEW));
        }
        Set<String> notInspected = results.stream().filter(InspectionResult::isFailed)
                .map(result -> result.image().path()).collect(Collectors.toSet());
        List<ViolationRow> fixed = unmatched.values().stream().flatMap(Deque::stream)
                .filter(row -> !notInspected.contains(row.image()))
                .map(row -> row.withState(ViolationState.FIXED)).toList();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            counts.put(severity.label(), (int) referenceActive.stream()
                    .filter(row -> row.severity().equals(severity.label())).count());
        }
        return new ViolationComparison(classified, fixed, Optional.of(counts));
    }

    public boolean hasReference() {
        return referenceCounts.isPresent();
    }

    /** The violations of this build that are counted (not waived). */
    public List<ViolationRow> active() {
        return violations.stream().filter(row -> !row.isWaived()).toList();
    }

    /** This build's violations in a state, or the fixed ones for FIXED. */
    public List<ViolationRow> inState(final ViolationState state) {
        List<ViolationRow> rows = state == ViolationState.FIXED ? fixed : violations;
        return rows.stream().filter(row -> row.state() == state).toList();
    }

    /** How many violations of a severity are in a state (FIXED: the fixed ones). */
    public int count(final ViolationState state, final Severity severity) {
        return (int) inState(state).stream().filter(row -> row.severity().equals(severity.label())).count();
    }

    /** The reference build's active violations of a severity (0 without a reference). */
    public int referenceCount(final Severity severity) {
        return referenceCounts.map(counts -> counts.getOrDefault(severity.label(), 0)).orElse(0);
    }
}
