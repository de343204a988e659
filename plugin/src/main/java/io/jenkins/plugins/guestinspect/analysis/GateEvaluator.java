package io.jenkins.plugins.guestinspect.analysis;

import java.util.List;
import java.util.stream.Collectors;

import io.github.guestinspect.policy.Severity;

/**
 * Evaluates quality gates on the active (not waived) violations of a build; NEW and DELTA gates against the
 * reference build ({@link ViolationComparison}). Without a reference those gates are skipped and say so. A failed
 * gate names the images and rules that make it fail (at most {@value #LISTED} of them, then a count).
 */
public final class GateEvaluator {
    static final int LISTED = 5;

    public List<GateOutcome> evaluate(final List<GateSpec> gates, final ViolationComparison violations) {
        return gates.stream().map(gate -> evaluate(gate, violations)).toList();
    }

    private static GateOutcome evaluate(final GateSpec gate, final ViolationComparison violations) {
        Severity severity = gate.type().severity();
        if (gate.type().scope() != GateType.Scope.TOTAL && !violations.hasReference()) {
            return new GateOutcome(gate.name(), GateOutcome.State.SKIPPED, gate.criticality(), 0,
                    "skipped: no reference build (no earlier build with an image inspection) to compare with");
        }
        List<ViolationRow> counted = violations.active().stream()
                .filter(row -> row.severity().equals(severity.label())).toList();
        List<ViolationRow> added = counted.stream().filter(row -> row.state() == ViolationState.NEW).toList();
        int value;
        List<ViolationRow> culprits;
        switch (gate.type().scope()) {
            case NEW -> {
                culprits = added;
                value = added.size();
            }
            case DELTA -> {
                culprits = added;
                value = counted.size() - violations.referenceCount(severity);
            }
            default -> {
                culprits = counted;
                value = counted.size();
            }
        }
        if (value < gate.threshold()) {
            return new GateOutcome(gate.name(), GateOutcome.State.PASSED, gate.criticality(), value, "");
        }
        return new GateOutcome(gate.name(), GateOutcome.State.FAILED, gate.criticality(), value,
                "quality gate '" + gate.name() + "' failed with " + value + ": " + list(culprits));
    }

    private static String list(final List<ViolationRow> culprits) {
        if (culprits.isEmpty()) {
            return "(no single violation to name)";
        }
        String named = culprits.stream().limit(LISTED).map(ViolationRow::describe)
                .collect(Collectors.joining("; "));
        return culprits.size() > LISTED ? named + "; and " + (culprits.size() - LISTED) + " more" : named;
    }
}
