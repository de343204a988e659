package io.github.guestinspect.model;

import java.util.Objects;

/**
 * Why an image has no result.
 *
 * @param kind    the category (decides the exit code and whether a retry can help)
 * @param message a sentence naming the input and the cause
 */
public record Failure(FailureKind kind, String message) {
    public Failure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
