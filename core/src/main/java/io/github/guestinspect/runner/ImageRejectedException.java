package io.github.guestinspect.runner;

import io.github.guestinspect.model.Failure;
import io.github.guestinspect.model.FailureKind;

/** An image that must not (or cannot) be handed to libguestfs, with a message that names it. */
public final class ImageRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final FailureKind kind;

    public ImageRejectedException(final FailureKind kind, final String message) {
        super(message);
        this.kind = kind;
    }

    public FailureKind getKind() {
        return kind;
    }

    public Failure toFailure() {
        return new Failure(kind, getMessage());
    }
}
