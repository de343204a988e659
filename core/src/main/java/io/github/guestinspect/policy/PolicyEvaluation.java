package io.github.guestinspect.policy;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of a policy on a set of inspected images.
 *
 * @param rules          the policy's rules, in order
 * @param images         the images evaluated (paths as given; images that could not be inspected are not here)
 * @param violations     every failed check, waived ones included
 * @param expiredWaivers waivers past their date that matched an image
 */
public record PolicyEvaluation(List<Rule> rules, List<String> images, List<Violation> violations,
                               List<ExpiredWaiver> expiredWaivers) {
    public PolicyEvaluation {
        rules = List.copyOf(rules);
        images = List.copyOf(images);
        violations = List.copyOf(violations);
        expiredWaivers = List.copyOf(expiredWaivers);
    }

    /** The violations that count: not waived. */
    public List<Violation> active() {
        return violations.stream().filter(violation -> !violation.isWaived()).toList();
    }

    /** The active violations of one rule on one image. */
    public List<Violation> of(final String image, final String ruleId) {
        return violations.stream().filter(v -> v.image().equals(image) && v.ruleId().equals(ruleId)).toList();
    }

    /** The rules by id, in policy order (ids are unique, the policy guarantees it). */
    public Map<String, Rule> rulesById() {
        Map<String, Rule> byId = new LinkedHashMap<>();
        rules.forEach(rule -> byId.put(rule.id(), rule));
        return byId;
    }

    /** Every image, evaluated or named by a violation, in order, each once. */
    public List<String> allImages() {
        Set<String> all = new LinkedHashSet<>(images);
        violations.forEach(violation -> all.add(violation.image()));
        return List.copyOf(all);
    }

    /** The active violations of one image, most severe first, then by rule. */
    public List<Violation> activeOf(final String image) {
        return active().stream().filter(violation -> violation.image().equals(image))
                .sorted(Comparator.comparing(Violation::severity).thenComparing(Violation::ruleId)).toList();
    }

    /** The waived violations of one image. */
    public List<Violation> waivedOf(final String image) {
        return violations.stream().filter(violation -> violation.image().equals(image) && violation.isWaived())
                .toList();
    }

    /** True when an active violation at or above the threshold exists. */
    public boolean fails(final Severity threshold) {
        return active().stream().anyMatch(violation -> violation.severity().isAtLeast(threshold));
    }

    /** Active violations by severity (every severity present, zero when none). */
    public Map<Severity, Long> counts() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, active().stream().filter(v -> v.severity() == severity).count());
        }
        return counts;
    }
}
