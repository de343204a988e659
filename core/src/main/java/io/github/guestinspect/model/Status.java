package io.github.guestinspect.model;

/** The outcome of one image. */
public enum Status {
    /** At least one operating system root was found and read. */
    INSPECTED,
    /** The disk was read but holds no operating system guest-inspect recognises. */
    NO_OS_FOUND,
    /** The image could not be inspected; {@link Failure} says why. */
    FAILED
}
