package io.github.guestinspect.runner;

/**
 * Something in one image that the runner cannot read as it must (a path longer than a guestfish command can carry):
 * that image fails with this message, and the other images of its appliance go on.
 */
final class UnreadableImageException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableImageException(final String message) {
        super(message);
    }
}
