package io.jenkins.plugins.guestinspect.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Evaluates quality gates on the active (not waived) violations of a build, against a reference build for NEW and
 * DELTA gates. Without a reference those gates are skipped and say so. A failed gate names the images and rules
 * that make it fail (at most {@value #LISTED} of them, then a count).
 */
public final class GateEvaluator {
    static final int LISTED = 5;

    public List<GateOutcome> evaluate(final List<GateSpec> gates, final List<ViolationRow> current,
                                      final Optional<List<ViolationRow>> reference) {
        List<ViolationRow> active = current.stream().filter(row -> !row.isWaived()).toList();
        Optional<List<ViolationRow>> activeReference = reference.map(rows -> rows.stream()
                .filter(row -> !row.isWaived()).toList());
        List<GateOutcome> outcomes = new ArrayList<>();
        for (GateSpec gate : gates) {
            outcomes.add(evaluate(gate, active, activeReference));
        }
        return outcomes;
    }

    private static GateOutcome evaluate(final GateSpec gate, final List<ViolationRow> active,
                                        final Optional<List<ViolationRow>> reference) {
        String severity = gate.type().severity().label();
        List<ViolationRow> counted = active.stream().filter(row -> row.severity().equals(severity)).toList();
        if (gate.type().scope() != GateType.Scope.TOTAL && reference.isEmpty()) {
            return new GateOutcome(gate.name(), GateOutcome.State.SKIPPED, gate.criticality(), 0,
                    "skipped: no earlier build with an image inspection to compare with");
        }
        List<ViolationRow> referenceRows = reference.orElse(List.of()).stream()
                .filter(row -> row.severity().equals(severity)).toList();
        int value;
        List<ViolationRow> culprits;
        switch (gate.type().scope()) {
            case NEW -> {
                Set<String> known = referenceRows.stream().map(ViolationRow::fingerprint).collect(Collectors.toSet());
                culprits = counted.stream().filter(row -> !known.contains(row.fingerprint())).toList();
                value = culprits.size();
            }
            case DELTA -> {
                value = counted.size() - referenceRows.size();
                Set<String> known = referenceRows.stream().map(ViolationRow::fingerprint).collect(Collectors.toSet());
                culprits = counted.stream().filter(row -> !known.contains(row.fingerprint())).toList();
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
