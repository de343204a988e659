package io.jenkins.plugins.guestinspect.analysis;

import java.util.Objects;

/**
 * One configured quality gate: it fails when the counted value reaches the threshold.
 *
 * @param threshold   the gate fails when the value is at least this (at least 1)
 * @param type        what is counted
 * @param criticality what a failure does
 */
public record GateSpec(int threshold, GateType type, Criticality criticality) {
    public GateSpec {
        if (threshold < 1) {
            throw new IllegalArgumentException("a quality gate threshold must be at least 1, was " + threshold);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(criticality, "criticality");
    }

    /** "New error violations >= 1 (FAILURE)". */
    public String name() {
        return type.displayName() + " >= " + threshold + " (" + criticality + ")";
    }
}
