package io.github.guestinspect.runner;

/** A program guest-inspect needs is not installed: a tool failure, never a property of an image. */
public final class ToolMissingException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String program;

    public ToolMissingException(final String program) {
        super(program + " is not installed. On Debian or Ubuntu: "
                + "sudo apt-get install -y libguestfs-tools linux-image-amd64 qemu-utils "
                + "(scripts/setup.sh does this); on Fedora or RHEL: sudo dnf install -y guestfs-tools qemu-img");
        this.program = program;
    }

    /** The program that is missing, as named in the message ("guestfish (libguestfs)"). */
    public String program() {
        return program;
    }
}
