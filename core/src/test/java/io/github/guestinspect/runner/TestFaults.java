package io.github.guestinspect.runner;

/** Failures that tests of other packages inject into workers. */
public final class TestFaults {
    private TestFaults() {
    }

    public static GuestfishException crashed(final String message) {
        return new GuestfishException(message, false);
    }
}
