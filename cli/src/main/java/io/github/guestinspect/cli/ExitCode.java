package io.github.guestinspect.cli;

/**
 * Every exit status of guest-inspect, in one place (shown by --help and in the README). A policy failure, an
 * image that could not be inspected and a broken installation are different things for a CI to act on.
 */
public enum ExitCode {
    // When several apply, the first in this order wins: 2 (nothing ran), 4, 6, 3, 1, 0; so a tool failure is never
    // hidden behind a policy result, and a policy result never looks like a tool failure.
    /** Every image was inspected (an image without an OS counts: that is a finding, not a failure). */
    OK(0, "every image was inspected"),
    /** Every image was inspected and a policy violation at or above --fail-on exists. */
    POLICY_VIOLATION(1, "a policy rule was violated (at or above --fail-on)"),
    /** Bad options or arguments, or a malformed policy: nothing was inspected. */
    USAGE(2, "bad usage, malformed policy, or no image matched"),
    /** At least one image could not be inspected (missing, not a disk image, corrupt, refused, timed out). */
    IMAGE_FAILED(3, "at least one image could not be inspected; the others were"),
    /** libguestfs or qemu-img is missing or cannot launch an appliance. */
    TOOL_FAILURE(4, "libguestfs or qemu-img is missing or cannot run"),
    /** A bug: please report it with the message. */
    INTERNAL_ERROR(5, "internal error"),
    /**
     * The images were inspected but an output file (-o, --junit, --sarif, --report-dir) could not be written, such as
     * on a full disk: each is named on standard error, and the report is printed on standard output instead.
     */
    OUTPUT_FAILED(6, "an output file could not be written; the results were printed instead"),
    /** Stopped by SIGINT (Ctrl-C); appliances were killed, nothing is left running, nothing more was written. */
    INTERRUPTED(130, "interrupted by SIGINT (Ctrl-C); nothing is left running"),
    /** Stopped by SIGTERM (the JVM's status for it, 128 + 15); as for SIGINT. */
    TERMINATED(143, "stopped by SIGTERM; nothing is left running");

    private final int code;
    private final String meaning;

    ExitCode(final int code, final String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
