package io.github.guestinspect.policy;

/** A policy file that cannot be used, with the file, line and column and what was expected. */
public final class PolicyException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    PolicyException(final String message, final int line, final int column, final Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    /** 1-based line, 0 when the problem is not at one place (the file is missing). */
    public int getLine() {
        return line;
    }

    /** 1-based column, 0 when unknown. */
    public int getColumn() {
        return column;
    }
}
