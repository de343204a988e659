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
 */
public record ViolationRow(String ruleId, String severity, String image, String root, String subject,
                           String expected, String waiver) {
    public ViolationRow {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(waiver, "waiver");
    }

    public static ViolationRow of(final Violation violation) {
        return new ViolationRow(violation.ruleId(), violation.severity().label(), violation.image(),
                violation.root(), violation.subject(), violation.expected(), violation.waiver()
                .map(w -> "until " + w.until() + ": " + w.reason()).orElse(""));
    }

    public boolean isWaived() {
        return !waiver.isEmpty();
    }

    /** What identifies the violation across builds (NEW gates): image, rule, root and subject. */
    public String fingerprint() {
        return String.join("\u0000", image, ruleId, root, subject);
    }

    /** "base.qcow2: rule no-telnet: telnetd 0.17: forbidden (telnetd)". */
    public String describe() {
        return image + ": rule " + ruleId + ": " + (root.isEmpty() ? "" : root + ": ") + subject + ": " + expected;
    }
}
