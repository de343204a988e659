package io.github.guestinspect.model;

/** Why an image could not be inspected. Each kind is a different thing for the user to fix. */
public enum FailureKind {
    /** The file does not exist or cannot be read. */
    MISSING,
    /** The file is not a disk image of the format it claims (or of any accepted format). */
    NOT_A_DISK_IMAGE,
    /** The container is damaged (truncated, failed qemu-img check). */
    CORRUPT,
    /** The image was refused for safety (backing file, external extents, ...). */
    REFUSED,
    /** The inspection did not finish within the time limit. */
    TIMEOUT,
    /** libguestfs is missing or the appliance could not be launched: a tool failure, not a property of the image. */
    TOOL_FAILURE,
    /** The appliance ran but reading this image failed. */
    INSPECTION_ERROR
}
