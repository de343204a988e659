package io.jenkins.plugins.guestinspect.analysis;

import java.util.Objects;

import io.github.guestinspect.policy.Violation;

/**
 * One policy violation as stored in the build folder. All text but the rule id and severity comes from images:
 * untrusted, escaped wherever it is shown.
 *
 * @param ruleId   the rule
 * @param severity "error", "warning" or "info"
 * @param image    the image path as given
 * @param root     the OS root ("" for checks on the image itself)
 * @param subject  what failed
 * @param expected what the rule expects
 * @param waiver   the waiver's reason and last day when waived, "" otherwise
 * @param topic    what it is about, stable across builds (core's {@link Violation#topic()})
 * @param state    its state against the reference build
 */
public record ViolationRow(String ruleId, String severity, String image, String root, String subject,
                           String expected, String waiver, String topic, ViolationState state) {
    public ViolationRow {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(waiver, "waiver");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(state, "state");
    }

    /** The row of a violation of this build, not yet compared with a reference. */
    public static ViolationRow of(final Violation violation) {
        return new ViolationRow(violation.ruleId(), violation.severity().label(), violation.image(),
                violation.root(), violation.subject(), violation.expected(), violation.waiver()
                .map(w -> "until " + w.until() + ": " + w.reason()).orElse(""), violation.topic(),
                violation.isWaived() ? ViolationState.WAIVED : ViolationState.ACTIVE);
    }

    public boolean isWaived() {
        return !waiver.isEmpty();
    }

    public ViolationRow withState(final ViolationState newState) {
        return new ViolationRow(ruleId, severity, image, root, subject, expected, waiver, topic, newState);
    }

    public ViolationRow withImage(final String newImage) {
        return new ViolationRow(ruleId, severity, newImage, root, subject, expected, waiver, topic, state);
    }

    /**
     * What identifies the violation across builds: image, rule, root and topic (the package name without its
     * version, the file path without its size).
     */
    public Key key() {
        return new Key(image, ruleId, root, topic);
    }

    /** "base.qcow2: rule no-telnet: /dev/sda1: telnetd 0.17: forbidden (telnetd)". */
    public String describe() {
        return image + ": rule " + ruleId + ": " + (root.isEmpty() ? "" : root + ": ") + subject + ": " + expected;
    }

    /** A violation's identity across builds. */
    public record Key(String image, String ruleId, String root, String topic) {
    }
}
