package io.github.guestinspect.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * One failed check of one rule on one image (and root). Subjects come from images: untrusted text.
 *
 * @param ruleId   the rule
 * @param severity the rule's severity
 * @param image    the image path as the user named it
 * @param root     the operating system root ("" for checks on the image itself)
 * @param subject  what failed: "openssl 3.0.11-1~deb12u2", "/etc/machine-id", "debian 11", "account root"
 * @param expected what the rule expects: "not installed", "openssl >= 3.0.13", "must be empty"
 * @param waiver   the waiver that excuses it, if one applies and has not expired
 */
public record Violation(String ruleId, Severity severity, String image, String root, String subject, String expected,
                        Optional<Waiver> waiver) {
    public Violation {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(waiver, "waiver");
    }

    public boolean isWaived() {
        return waiver.isPresent();
    }

    /** One line for people: "openssl 3.0.11-1~deb12u2: expected openssl >= 3.0.13". */
    public String message() {
        return subject + ": " + expected;
    }
}
