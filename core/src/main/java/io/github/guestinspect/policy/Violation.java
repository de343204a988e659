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
 * @param topic    what the violation is about, without what changes from build to build: the package name
 *                 ("openssl", where the subject carries the version), the file path (without its size), the
 *                 account, "file size"; with image, rule and root it identifies the violation across runs
 */
public record Violation(String ruleId, Severity severity, String image, String root, String subject, String expected,
                        Optional<Waiver> waiver, String topic) {
    public Violation {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(waiver, "waiver");
        Objects.requireNonNull(topic, "topic");
    }

    /** A violation whose subject is already stable across runs: it is its own topic. */
    public Violation(final String ruleId, final Severity severity, final String image, final String root,
                     final String subject, final String expected, final Optional<Waiver> waiver) {
        this(ruleId, severity, image, root, subject, expected, waiver, subject);
    }

    public boolean isWaived() {
        return waiver.isPresent();
    }

    /** One line for people: "openssl 3.0.11-1~deb12u2: expected openssl >= 3.0.13". */
    public String message() {
        return subject + ": " + expected;
    }
}
