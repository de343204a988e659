package io.github.guestinspect.runner;

/** The guestfish process failed as a whole: it could not start, launch the appliance, or it timed out or died. */
public final class GuestfishException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean timedOut;

    /** Also for a failure that happened on another machine and is reported here (Jenkins agents). */
    public GuestfishException(final String message, final boolean timedOut) {
        super(message);
        this.timedOut = timedOut;
    }

    GuestfishException(final String message, final Throwable cause) {
        super(message, cause);
        this.timedOut = false;
    }

    /** True when the batch ran out of time (the process tree was killed). */
    public boolean isTimedOut() {
        return timedOut;
    }
}
