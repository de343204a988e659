package io.github.guestinspect.version;

/**
 * A version constraint that cannot be parsed. The message says what is wrong, the character offset and the whole
 * constraint, because constraints are written by people in policy files and the fix should be obvious from it.
 */
public final class InvalidConstraintException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int position;

    InvalidConstraintException(final String message, final int position) {
        super(message);
        this.position = position;
    }

    /** The 0-based character offset in the constraint where the problem is. */
    public int position() {
        return position;
    }
}
